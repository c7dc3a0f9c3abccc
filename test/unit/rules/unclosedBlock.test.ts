import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'unclosed-block';

describe('rule unclosed-block', () => {
  it('flags the opener of an if block that is never closed', () => {
    assert.deepEqual(findings('[uwsgi]\nif-env = PROD\nuid = www-data\n', RULE), [{ code: RULE, severity: 'warning', covers: 'if-env' }]);
    assert.match(messages('[uwsgi]\nif-env = PROD\nuid = www-data\n', RULE)[0]!, /`if-env` block is never closed with `endif`.*applies only when the condition holds/);
  });

  it('flags a for loop that is never closed, saying lines are repeated', () => {
    assert.match(messages('[uwsgi]\nfor = a b\nsocket = /run/%(_).sock\n', RULE)[0]!, /never closed with `endfor`.*repeated for each item/);
  });

  it('accepts any of the closing keys', () => {
    for (const end of ['endif', 'end-if', 'endfor', 'end-for', 'end']) {
      assert.deepEqual(findings(`[uwsgi]\nif-env = PROD\nuid = www-data\n${end}\n`, RULE), [], end);
    }
  });

  it('sees a block closed in a later occurrence of the same section', () => {
    assert.deepEqual(findings('[uwsgi]\nif-env = PROD\nuid = a\n[other]\nx = 1\n[uwsgi]\nendif\n', RULE), []);
  });

  it('ignores blocks in sections uWSGI does not read', () => {
    assert.deepEqual(findings('[other]\nif-env = PROD\n[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('closes the block after its last line, at the indentation of the opener', () => {
    const text = '[uwsgi]\r\nif-env = PROD\r\n  uid = www-data\r\n\r\n# end of file\r\n';
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\r\nif-env = PROD\r\n  uid = www-data\r\nendif\r\n\r\n# end of file\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('adds a line break first when the last line has none', () => {
    assert.equal(fixed('[uwsgi]\nfor = a b\nsocket = /run/%(_).sock', RULE), '[uwsgi]\nfor = a b\nsocket = /run/%(_).sock\nendfor');
    assert.equal(fixed('[uwsgi]\nif-env = PROD', RULE), '[uwsgi]\nif-env = PROD\nendif');
  });

  it('declares closing the block unsafe: where it was meant to end is a guess', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nif-env = PROD\n', RULE), ['*Close the block with `endif` after its last line: unsafe']);
  });
});
