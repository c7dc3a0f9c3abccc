import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'running-as-root';

describe('rule running-as-root', () => {
  it('flags uid = root on the value', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = root\ngid = www-data\n', RULE), [{ code: RULE, severity: 'warning', covers: 'root' }]);
    assert.match(messages('[uwsgi]\nuid = root\ngid = www-data\n', RULE)[0]!, /`uid = root` gives up no privileges/);
  });

  it('flags gid = root: no setgid(), the processes stay in group root', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = www-data\ngid = root\n', RULE), [{ code: RULE, severity: 'warning', covers: 'root' }]);
    assert.match(messages('[uwsgi]\nuid = www-data\ngid = root\n', RULE)[0]!, /keeps group root/);
  });

  it('only informs about gid = root next to uid = root: the user finding already says everything stays root', () => {
    const text = '[uwsgi]\nuid = root\ngid = root\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.severity), ['warning', 'information']);
    assert.match(messages(text, RULE)[1]!, /adds nothing to that finding/);
  });

  it('flags the immediate variants too', () => {
    assert.deepEqual(findings('[uwsgi]\nimmediate-gid = 33\nimmediate-uid = root\n', RULE).map((f) => f.covers), ['root']);
  });

  it('explains that 0 is looked up as a name', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = 0\ngid = 0\n', RULE).map((f) => f.covers), ['0', '0']);
    assert.match(messages('[uwsgi]\nuid = 0\n', RULE)[0]!, /user literally named `0`.*"user 0 not found"/);
  });

  it('says nothing about unprivileged users and groups', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = www-data\ngid = www-data\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuid = 1000\ngid = 10\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuid = rootless\ngid = root2\n', RULE), []);
  });

  it('leaves the gateways\' own ids and other sections alone', () => {
    assert.deepEqual(findings('[uwsgi]\nhttp-uid = root\n', RULE), []);
    assert.deepEqual(findings('[other]\nuid = root\n[uwsgi]\nuid = app\ngid = app\n', RULE), []);
  });

  it('resolves placeholders, but offers no fix for them', () => {
    const text = '[uwsgi]\nuser = root\nuid = %(user)\ngid = app\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%(user)' }]);
    assert.deepEqual(quickFixes(text, RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuid = $(APP_USER)\n', RULE), []);
  });

  it('replaces root with the configured user or group, keeping CRLF', () => {
    assert.equal(fixed('[uwsgi]\r\nuid = root\r\ngid = www-data\r\n', RULE), '[uwsgi]\r\nuid = www-data\r\ngid = www-data\r\n');
    assert.equal(
      fixed('[uwsgi]\ngid = root\n', RULE, undefined, { privilegeDrop: { user: 'app', group: 'apps' } }),
      '[uwsgi]\ngid = apps\n',
    );
    assert.equal(fixed('[uwsgi]\nuid = root\n', RULE, undefined, { privilegeDrop: { user: 'app', group: 'apps' } }), '[uwsgi]\nuid = app\n');
  });

  it('is gone once fixed', () => {
    const result = fixed('[uwsgi]\nuid = root\ngid = www-data\n', RULE);
    assert.deepEqual(findings(result, RULE), []);
    assert.ok(quickFixes('[uwsgi]\nuid = root\n', RULE).some((a) => a.isPreferred && a.title === 'Run as `www-data` instead of root'));
  });

  it('writes only a user or group name from the settings', () => {
    const hostile = { privilegeDrop: { user: 'app\nexec-asap = id', group: '%(evil)' } };
    assert.equal(fixed('[uwsgi]\nuid = root\n', RULE, undefined, hostile), '[uwsgi]\nuid = www-data\n');
    assert.equal(fixed('[uwsgi]\ngid = root\n', RULE, undefined, hostile), '[uwsgi]\ngid = www-data\n');
  });

  it('declares switching away from root unsafe', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nuid = root\ngid = www-data\n', RULE), ['*Run as `www-data` instead of root: unsafe']);
  });
});
