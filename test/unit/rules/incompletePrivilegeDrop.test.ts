import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'incomplete-privilege-drop';

describe('rule incomplete-privilege-drop', () => {
  it('flags uid without gid on the key', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = www-data\n', RULE), [{ code: RULE, severity: 'warning', covers: 'uid' }]);
    assert.match(messages('[uwsgi]\nuid = www-data\n', RULE)[0]!, /`uid` without `gid`: .*keep group root/);
  });

  it('flags gid without uid on the key', () => {
    assert.deepEqual(findings('[uwsgi]\ngid = www-data\n', RULE), [{ code: RULE, severity: 'warning', covers: 'gid' }]);
    assert.match(messages('[uwsgi]\ngid = www-data\n', RULE)[0]!, /keep running as whoever started them/);
  });

  it('accepts a complete pair, immediate or not, even inside a block', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = app\ngid = app\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nimmediate-gid = app\nimmediate-uid = app\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuid = app\nif-env = PROD\ngid = app\nendif\n', RULE), []);
  });

  it('leaves uid = root to running-as-root and a lone gid of an emperor alone', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = root\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nemperor = /etc/uwsgi/vassals\ngid = www-data\n', RULE), []);
  });

  it('reads only the applied section, including sections pulled in with ini = :name', () => {
    assert.deepEqual(findings('[base]\ngid = app\n[uwsgi]\nini = :base\nuid = app\n', RULE), []);
    assert.deepEqual(findings('[other]\ngid = app\n[uwsgi]\nuid = app\n', RULE).map((f) => f.covers), ['uid']);
  });

  it('adds the missing gid right after the uid, with its indentation and line ending', () => {
    assert.equal(fixed('[uwsgi]\r\n  uid = app\r\nmaster = true\r\n', RULE), '[uwsgi]\r\n  uid = app\r\n  gid = www-data\r\nmaster = true\r\n');
    assert.equal(fixed('[uwsgi]\nuid = app', RULE), '[uwsgi]\nuid = app\ngid = www-data');
  });

  it('adds the missing uid after a lone gid, with the configured user', () => {
    assert.equal(fixed('[uwsgi]\ngid = app\n', RULE, undefined, { privilegeDrop: { user: 'svc', group: 'svc' } }), '[uwsgi]\ngid = app\nuid = svc\n');
  });

  it('puts immediate-gid before immediate-uid, while setgid() is still allowed', () => {
    assert.equal(fixed('[uwsgi]\nimmediate-uid = app\n', RULE), '[uwsgi]\nimmediate-gid = www-data\nimmediate-uid = app\n');
  });

  it('is gone once fixed', () => {
    for (const text of ['[uwsgi]\nuid = app\n', '[uwsgi]\ngid = app\n', '[uwsgi]\nimmediate-uid = app\n']) {
      assert.deepEqual(findings(fixed(text, RULE), RULE), [], text);
    }
  });

  it('writes only a user or group name from the settings', () => {
    assert.equal(fixed('[uwsgi]\ngid = app\n', RULE, undefined, { privilegeDrop: { user: 'svc = x\r\nhook-asap = exec:id' } }), '[uwsgi]\ngid = app\nuid = www-data\n');
    assert.equal(fixed('[uwsgi]\nuid = app\n', RULE, undefined, { privilegeDrop: { group: '@(exec://id)' } }), '[uwsgi]\nuid = app\ngid = www-data\n');
  });

  it('declares adding the missing half unsafe: the processes change group', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nuid = app\n', RULE), ['*Add `gid = www-data`: unsafe']);
  });
});
