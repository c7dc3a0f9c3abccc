import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'nested-block';

describe('rule nested-block', () => {
  it('flags an opener inside an open block as an error on its key', () => {
    const text = '[uwsgi]\nif-env = PROD\nif-exists = /etc/app\nuid = www-data\nendif\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'error', covers: 'if-exists' }]);
    assert.match(messages(text, RULE)[0]!, /`if-exists` opens a block while the `if-env` block of line 2 is still open.*recursive logic in options is not supported/);
  });

  it('says a loop fails as soon as it runs', () => {
    assert.match(messages('[uwsgi]\nfor = a b\nif-env = X\nendfor\n', RULE)[0]!, /as soon as the loop runs once/);
  });

  it('accepts blocks one after the other', () => {
    assert.deepEqual(findings('[uwsgi]\nif-env = A\nuid = a\nendif\nif-env = B\nuid = b\nendif\n', RULE), []);
  });

  it('ignores sections uWSGI does not read', () => {
    assert.deepEqual(findings('[other]\nif-env = A\nif-env = B\nendif\n[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('offers, not preferred, to close the outer block before the nested opener', () => {
    const text = '[uwsgi]\r\nif-env = PROD\r\n  if-exists = /etc/app\r\n  uid = www-data\r\nendif\r\n';
    const actions = quickFixes(text, RULE);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.isPreferred, false);
    const result = fixed(text, RULE, 'Close the `if-env` block here');
    assert.equal(result, '[uwsgi]\r\nif-env = PROD\r\n  endif\r\n  if-exists = /etc/app\r\n  uid = www-data\r\nendif\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('declares closing the outer block unsafe', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nif-env = PROD\n  if-exists = /etc/app\n  uid = www-data\nendif\n', RULE), ['Close the `if-env` block here with `endif` (the following lines no longer depend on it): unsafe']);
  });
});
