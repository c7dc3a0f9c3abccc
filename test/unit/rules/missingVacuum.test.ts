import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'missing-vacuum';

describe('rule missing-vacuum', () => {
  it('reports a UNIX socket without vacuum on its value', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = /run/app.sock\n', RULE), [{ code: RULE, severity: 'information', covers: '/run/app.sock' }]);
    assert.match(messages('[uwsgi]\nsocket = /run/app.sock\n', RULE)[0]!, /`socket` creates a UNIX socket file/);
  });

  it('reports once, on the first file, and names the others', () => {
    const text = '[uwsgi]\nsocket = :3031\nhttp-socket = %d/app.sock\npidfile = /run/app.pid\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['%d/app.sock']);
    assert.match(messages(text, RULE)[0]!, /The same goes for `pidfile`\./);
  });

  it('does not report TCP, abstract or inherited sockets', () => {
    for (const value of ['127.0.0.1:3031', ':3031', '[::1]:3031', '@app', '=0']) {
      assert.deepEqual(findings(`[uwsgi]\nsocket = ${value}\n`, RULE), [], value);
    }
    assert.deepEqual(findings('[uwsgi]\nabstract-socket = true\nsocket = app\n', RULE), []);
  });

  it('does not report sockets vacuum never removes', () => {
    assert.deepEqual(findings('[uwsgi]\nshared-socket = /run/shared.sock\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nhttp = /run/router.sock\n', RULE), []);
  });

  it('reports pidfile2, and pidfile only when no uid makes vacuum skip it', () => {
    assert.deepEqual(findings('[uwsgi]\npidfile = /run/app.pid\n', RULE).map((f) => f.covers), ['/run/app.pid']);
    assert.deepEqual(findings('[uwsgi]\nuid = app\ngid = app\npidfile = /run/app.pid\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuid = app\ngid = app\npidfile2 = /run/app.pid\n', RULE).map((f) => f.covers), ['/run/app.pid']);
    assert.deepEqual(findings('[uwsgi]\nsafe-pidfile = /run/app.pid\n', RULE), []);
  });

  it('accepts vacuum, and respects an explicit vacuum = false', () => {
    assert.deepEqual(findings('[uwsgi]\nvacuum = true\nsocket = /run/app.sock\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nsocket = /run/app.sock\nvacuum = false\n', RULE), []);
  });

  it('resolves placeholders and skips what the environment decides', () => {
    assert.deepEqual(findings('[uwsgi]\nrun = /run/app\nsocket = %(run)/app.sock\n', RULE).map((f) => f.covers), ['%(run)/app.sock']);
    assert.deepEqual(findings('[uwsgi]\nsocket = $(SOCKET)\n', RULE), []);
  });

  it('adds vacuum = true at the end of the section, keeping CRLF, and the finding is gone', () => {
    const text = '[uwsgi]\r\nsocket = /run/app.sock\r\n';
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\r\nsocket = /run/app.sock\r\nvacuum = true\r\n');
    assert.deepEqual(findings(result, RULE), []);
    assert.ok(quickFixes(text, RULE).some((a) => a.isPreferred && a.title === 'Add `vacuum = true`'));
  });

  it('declares adding vacuum unsafe: uWSGI then deletes files at exit', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nsocket = /run/app.sock\n', RULE), ['*Add `vacuum = true`: unsafe']);
  });
});
