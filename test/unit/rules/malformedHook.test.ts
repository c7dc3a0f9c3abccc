import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'malformed-hook';

describe('rule malformed-hook', () => {
  it('flags a value without action: as an error on the value', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = mkdir /tmp/x\n', RULE), [{ code: RULE, severity: 'error', covers: 'mkdir /tmp/x' }]);
    assert.match(messages('[uwsgi]\nhook-asap = mkdir /tmp/x\n', RULE)[0]!, /invalid hook syntax/);
  });

  it('offers to add the colon after a bare action', () => {
    assert.equal(fixed('[uwsgi]\r\nhook-as-user = exit\r\n', RULE), '[uwsgi]\r\nhook-as-user = exit:\r\n');
    assert.deepEqual(findings('[uwsgi]\nhook-as-user = exit:\n', RULE), []);
  });

  it('flags an empty value on the key', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap =\n', RULE), [{ code: RULE, severity: 'error', covers: 'hook-asap' }]);
  });

  it('flags a missing action before the colon', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = :ls\n', RULE), [{ code: RULE, severity: 'error', covers: ':' }]);
  });

  it('accepts well-formed hooks and leaves exec- values alone', () => {
    const text = '[uwsgi]\nhook-asap = write:/tmp/x hello\nhook-as-root = mount:proc none /proc\nhook-asap = appendn:/tmp/x\nexec-asap = mkdir /tmp/x\nhook-asap = exit:10\n';
    assert.deepEqual(findings(text, RULE), []);
  });

  it('flags missing required arguments on the arguments', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = write:/tmp/x\n', RULE), [{ code: RULE, severity: 'error', covers: '/tmp/x' }]);
    assert.match(messages('[uwsgi]\nhook-asap = write:/tmp/x\n', RULE)[0]!, /no <content>/);
    assert.match(messages('[uwsgi]\nhook-as-root = mount:proc none\n', RULE)[0]!, /no <mountpoint>/);
    assert.deepEqual(findings('[uwsgi]\nhook-asap = mkdir:\n', RULE), [{ code: RULE, severity: 'error', covers: 'mkdir:' }]);
  });

  it('is only a warning in a phase whose failures uWSGI ignores', () => {
    assert.equal(findings('[uwsgi]\nhook-as-user-atexit = write:/tmp/x\n', RULE)[0]!.severity, 'warning');
  });

  it('explains that exit reads one-character codes as 0 and fixes it to two digits', () => {
    const text = '[uwsgi]\nhook-asap = exit:5\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '5' }]);
    assert.match(messages(text, RULE)[0]!, /exits with status 0/);
    assert.equal(fixed(text, RULE), '[uwsgi]\nhook-asap = exit:05\n');
    assert.deepEqual(findings('[uwsgi]\nhook-asap = exit:05\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nhook-asap = exit:0\n', RULE), []);
  });

  it('knows chown takes names and chown2 numbers', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-as-root = chown:/srv www-data www-data\nhook-as-root = chown2:/srv 33 33\n', RULE), []);
    assert.equal(fixed('[uwsgi]\nhook-as-root = chown:/srv 33 33\n', RULE), '[uwsgi]\nhook-as-root = chown2:/srv 33 33\n');
    assert.equal(findings('[uwsgi]\nhook-as-root = chown2:/srv www www\n', RULE)[0]!.covers, '/srv www www');
  });

  it('warns when hook-touch lacks the space between file and action', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-touch = /tmp/reload\n', RULE), [{ code: RULE, severity: 'warning', covers: '/tmp/reload' }]);
  });

  it('skips values with references it cannot expand', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = write:%(file)\nhook-asap = $(HOOK)\n', RULE), []);
  });

  it('declares its fixes unsafe: each makes a hook run, or run differently', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nhook-as-user = exit\n', RULE), ['*Change to `exit:`: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nhook-asap = exit:5\n', RULE), ['*Change to `05`: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nhook-as-root = chown:/srv 33 33\n', RULE), ['*Use `chown2` instead: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nhook-asap = ls\n', RULE), ['Run it as a shell command (`exec:...`): unsafe']);
  });
});
