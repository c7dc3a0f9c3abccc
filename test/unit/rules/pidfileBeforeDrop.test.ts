import { strict as assert } from 'node:assert';
import { findings, fixed, messages } from '../../support/spec';

const RULE = 'pidfile-before-drop';
const DROP = '[uwsgi]\nuid = app\ngid = app\n';

describe('rule pidfile-before-drop', () => {
  it('flags pidfile on its key when uid is set', () => {
    assert.deepEqual(findings(`${DROP}pidfile = /run/app.pid\n`, RULE), [{ code: RULE, severity: 'warning', covers: 'pidfile' }]);
    assert.match(messages(`${DROP}pidfile = /run/app.pid\n`, RULE)[0]!, /still root, before it switches to `uid = app`.*`pidfile2`/);
  });

  it('flags safe-pidfile, daemonize and logto as well', () => {
    const text = `${DROP}safe-pidfile = /run/a.pid\ndaemonize = /var/log/a.log\nlogto = /var/log/b.log\n`;
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['safe-pidfile', 'daemonize', 'logto']);
  });

  it('says nothing without a real drop', () => {
    assert.deepEqual(findings('[uwsgi]\npidfile = /run/app.pid\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuid = root\npidfile = /run/app.pid\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nimmediate-uid = app\npidfile = /run/app.pid\n', RULE), []);
  });

  it('accepts the after-drop variants', () => {
    assert.deepEqual(findings(`${DROP}pidfile2 = /run/app.pid\nlogto2 = /var/log/a.log\ndaemonize2 = /var/log/a.log\n`, RULE), []);
  });

  it('lets logfile-chown settle the log files, not the pid file', () => {
    const text = `${DROP}logfile-chown = true\nlogto = /var/log/a.log\npidfile = /run/app.pid\n`;
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['pidfile']);
  });

  it('renames the key only, keeping CRLF, and the finding is gone', () => {
    const text = '[uwsgi]\r\nuid = app\r\ngid = app\r\npidfile = /run/app.pid\r\n';
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\r\nuid = app\r\ngid = app\r\npidfile2 = /run/app.pid\r\n');
    assert.deepEqual(findings(result, RULE), []);
    assert.equal(fixed(`${DROP}daemonize = /var/log/a.log\n`, RULE), `${DROP}daemonize2 = /var/log/a.log\n`);
  });
});
