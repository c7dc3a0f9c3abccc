import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'unmatched-block-end';

describe('rule unmatched-block-end', () => {
  it('flags a closing key with no open block, as information on the key', () => {
    assert.deepEqual(findings('[uwsgi]\nmaster = true\nendif\n', RULE), [{ code: RULE, severity: 'information', covers: 'endif' }]);
    assert.match(messages('[uwsgi]\nendfor = x\n', RULE)[0]!, /`endfor` closes no block.*ignores it/);
  });

  it('flags the second end of a block closed twice', () => {
    assert.deepEqual(findings('[uwsgi]\nif-env = A\nuid = a\nendif\nend\n', RULE).map((f) => f.covers), ['end']);
  });

  it('accepts ends that close a block', () => {
    assert.deepEqual(findings('[uwsgi]\nif-env = A\nuid = a\nend-if\nfor = a\nx = %(_)\nend-for\n', RULE), []);
  });

  it('ignores sections uWSGI does not read', () => {
    assert.deepEqual(findings('[other]\nendif\n[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('removes the line, keeping the rest byte for byte', () => {
    const result = fixed('[uwsgi]\r\nmaster = true\r\n  endif\r\nvacuum = true\r\n', RULE);
    assert.equal(result, '[uwsgi]\r\nmaster = true\r\nvacuum = true\r\n');
    assert.deepEqual(findings(result, RULE), []);
    assert.equal(fixed('[uwsgi]\nmaster = true\nendif', RULE), '[uwsgi]\nmaster = true\n');
  });

  it('declares removing the line safe: uWSGI ignores it', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nmaster = true\nendif\n', RULE), ['*Remove the line: safe']);
  });
});
