import { strict as assert } from 'node:assert';
import { findings, messages } from '../../support/spec';

const RULE = 'terminating-option';

describe('rule terminating-option', () => {
  it('warns on the key of options that make uWSGI exit', () => {
    assert.deepEqual(findings('[uwsgi]\nversion = true\n', RULE), [{ code: RULE, severity: 'warning', covers: 'version' }]);
    assert.deepEqual(findings('[uwsgi]\nstop = /run/app.pid\n', RULE).map((f) => f.covers), ['stop']);
    assert.match(messages('[uwsgi]\nhelp\n', RULE)[0]!, /uWSGI exits as soon as it reads this line/);
  });

  it('says nothing about ordinary options', () => {
    assert.deepEqual(findings('[uwsgi]\nprint = hello\nmaster = true\npidfile = /run/app.pid\n', RULE), []);
  });
});
