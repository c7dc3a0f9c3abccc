import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'unknown-hook-action';

describe('rule unknown-hook-action', () => {
  it('flags a misspelt action on the action and suggests the nearest one', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = exce:ls\n', RULE), [{ code: RULE, severity: 'error', covers: 'exce' }]);
    assert.match(messages('[uwsgi]\nhook-asap = exce:ls\n', RULE)[0]!, /"hook action not found".*Did you mean `exec`\?/);
  });

  it('accepts registered actions, private hooks and aliases', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = !exec:ls\nhook-pre-app = chdir:/srv\nhook-as-user = log:hi\n', RULE), []);
  });

  it('reads hook-touch as <file> <action>:<args>', () => {
    assert.deepEqual(findings('[uwsgi]\nmaster = true\nhook-touch = /tmp/reload exec:ls\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nmaster = true\nhook-touch = /tmp/reload exce:ls\n', RULE).map((f) => f.covers), ['exce']);
  });

  it('does not look at exec-, call- or mount- values', () => {
    assert.deepEqual(findings('[uwsgi]\nexec-asap = foo:bar\ncall-asap = foo:bar\n', RULE), []);
  });

  it('skips actions it cannot know', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = $(ACTION):x\nhook-pre-app = %(act):x\n', RULE), []);
  });

  it('warns when the action needs a plugin that is not loaded', () => {
    const text = '[uwsgi]\nhook-asap = tcc:puts("x")\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: 'tcc' }]);
    assert.match(messages(text, RULE)[0]!, /`libtcc` plugin/);
    assert.deepEqual(findings('[uwsgi]\nplugins = libtcc\nhook-asap = tcc:puts("x")\n', RULE), []);
  });

  it('knows perl exists only in 2.1', () => {
    const text = '[uwsgi]\nplugins = psgi\nhook-asap = perl:print 1\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'error', covers: 'perl' }]);
    assert.match(messages(text, RULE)[0]!, /only in uWSGI 2\.1/);
    assert.deepEqual(findings(text, RULE, { version: '2.1' }), []);
  });

  it('catches a space before the colon', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = exec :ls\n', RULE).map((f) => f.covers), ['exec ']);
    assert.equal(fixed('[uwsgi]\nhook-asap = exec :ls\n', RULE), '[uwsgi]\nhook-asap = exec:ls\n');
  });

  it('fixes the action only, keeps CRLF, and the fix clears the diagnostic', () => {
    const result = fixed('[uwsgi]\r\nhook-asap = !exce:ls -l\r\n', RULE);
    assert.equal(result, '[uwsgi]\r\nhook-asap = !exec:ls -l\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('is unsafe when two actions are as close', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nhook-asap = exce:ls\n', RULE), ['*Change the action to `exec`: unsafe', 'Change the action to `exit`: unsafe']);
  });
});
