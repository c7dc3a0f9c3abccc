import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'pidfile-before-drop';
const DROP = '[uwsgi]\nuid = app\ngid = app\n';

describe('rule pidfile-before-drop', () => {
  it('warns about pidfile with vacuum: vacuum skips a pidfile once uid is set, so it stays behind', () => {
    const text = `${DROP}vacuum = true\npidfile = /run/app.pid\n`;
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: 'pidfile' }]);
    assert.match(messages(text, RULE)[0]!, /still root, before it switches to `uid = app`.*stays behind.*`pidfile2`/);
  });

  it('only informs about pidfile without vacuum: written once, deleted by nobody', () => {
    assert.deepEqual(findings(`${DROP}pidfile = /run/app.pid\n`, RULE), [{ code: RULE, severity: 'information', covers: 'pidfile' }]);
    assert.match(messages(`${DROP}pidfile = /run/app.pid\n`, RULE)[0]!, /harmless here/);
    assert.deepEqual(findings(`${DROP}vacuum = false\npidfile = /run/app.pid\n`, RULE).map((f) => f.severity), ['information']);
  });

  it('only informs about safe-pidfile: vacuum removes neither variant', () => {
    assert.deepEqual(findings(`${DROP}vacuum = true\nsafe-pidfile = /run/a.pid\n`, RULE), [{ code: RULE, severity: 'information', covers: 'safe-pidfile' }]);
  });

  it('only informs about a log file that is never reopened: the inherited descriptor keeps working', () => {
    const text = `${DROP}daemonize = /var/log/a.log\nlogto = /var/log/b.log\n`;
    assert.deepEqual(findings(text, RULE).map((f) => [f.covers, f.severity]), [['daemonize', 'information'], ['logto', 'information']]);
  });

  it('warns about a log file the unprivileged master must reopen', () => {
    for (const reopen of ['log-reopen = true', 'log-maxsize = 1000000', 'touch-logreopen = /tmp/reopen', 'touch-logrotate = /tmp/rotate']) {
      const text = `${DROP}${reopen}\nlogto = /var/log/b.log\n`;
      assert.deepEqual(findings(text, RULE).map((f) => f.severity), ['warning'], reopen);
      assert.match(messages(text, RULE)[0]!, new RegExp(`\`${reopen.split(' ')[0]}\` makes the unprivileged master open it again`));
    }
    assert.deepEqual(findings(`${DROP}log-reopen = false\nlogto = /var/log/b.log\n`, RULE).map((f) => f.severity), ['information']);
  });

  it('says nothing about log targets that create no file: a UDP address, a device', () => {
    assert.deepEqual(findings(`${DROP}log-reopen = true\nlogto = 127.0.0.1:1717\ndaemonize = /dev/null\n`, RULE), []);
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
    const text = `${DROP}logfile-chown = true\nlog-reopen = true\nlogto = /var/log/a.log\npidfile = /run/app.pid\n`;
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['pidfile']);
  });

  it('renames the key only, keeping CRLF, and the finding is gone', () => {
    const text = '[uwsgi]\r\nuid = app\r\ngid = app\r\npidfile = /run/app.pid\r\n';
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\r\nuid = app\r\ngid = app\r\npidfile2 = /run/app.pid\r\n');
    assert.deepEqual(findings(result, RULE), []);
    assert.equal(fixed(`${DROP}daemonize = /var/log/a.log\n`, RULE), `${DROP}daemonize2 = /var/log/a.log\n`);
  });

  it('declares the `2` variant unsafe: the file is written later, by another user', () => {
    assert.deepEqual(fixSafety(`${DROP}pidfile = /run/a.pid\n`, RULE), ['*Change to `pidfile2` (after the privilege drop): unsafe']);
  });
});
