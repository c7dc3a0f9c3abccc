import { strict as assert } from 'node:assert';
import { findings, fixed, fixSafety, messages, quickFixes } from '../../support/spec';

const RULE = 'shell-style-variable';

describe('rule shell-style-variable', () => {
  it('warns on ${VAR} in a value, on the marker only', () => {
    assert.deepEqual(findings('[uwsgi]\nchdir = ${APP_HOME}/src\n', RULE), [{ code: RULE, severity: 'warning', covers: '${APP_HOME}' }]);
    assert.equal(
      messages('[uwsgi]\nchdir = ${APP_HOME}/src\n', RULE)[0],
      'uWSGI expands environment variables written `$(APP_HOME)` only: `${APP_HOME}` stays as it is in the value of `chdir`. Write `$(APP_HOME)`.',
    );
  });

  it('offers $(VAR) as the preferred, unsafe fix', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nchdir = ${APP_HOME}/src\n', RULE), ['*Change to `$(APP_HOME)`: unsafe']);
    assert.equal(fixed('[uwsgi]\r\nenv = SETTINGS=${APP_HOME}/s.py\r\n', RULE), '[uwsgi]\r\nenv = SETTINGS=$(APP_HOME)/s.py\r\n');
  });

  it('knows that uWSGI 2.0 has no default syntax, and that 2.1 has `:-` and `-`', () => {
    const text = '[uwsgi]\nthreads = ${THREADS:-4}\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['${THREADS:-4}']);
    assert.match(messages(text, RULE)[0]!, /uWSGI 2\.0 has no default syntax either/);
    assert.deepEqual(quickFixes(text, RULE), []);
    assert.equal(fixed(text, RULE, undefined, { version: '2.1' }), '[uwsgi]\nthreads = $(THREADS:-4)\n');
    // 2.1 cuts the default at `:` or `-`: no fix that would read something else.
    assert.deepEqual(quickFixes('[uwsgi]\nsocket = ${ADDR:-127.0.0.1:8000}\n', RULE, { version: '2.1' }), []);
    assert.deepEqual(quickFixes('[uwsgi]\nsocket = ${ADDR:=x}\n', RULE, { version: '2.1' }), []);
  });

  it('says that an immediate option expands neither form, without a fix', () => {
    const text = '[uwsgi]\ninclude = ${CONF_DIR}/base.ini\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['${CONF_DIR}']);
    assert.match(messages(text, RULE)[0]!, /applied while the file is read, before `\$\(\.\.\.\)` is expanded, so neither form is replaced here/);
    assert.deepEqual(quickFixes(text, RULE), []);
    // A set-placeholder value is copied into each `%(base)` after the `$` pass: `$(HOME)` would stay
    // literal too (unexpanded-reference-set-placeholder.ini). `set` adds an entry the pass expands.
    assert.deepEqual(quickFixes('[uwsgi]\nset-placeholder = base=${HOME}\n', RULE), []);
    assert.match(messages('[uwsgi]\nset-placeholder = base=${HOME}\n', RULE)[0]!, /neither form is replaced here/);
    assert.deepEqual(fixSafety('[uwsgi]\nset = base=${HOME}\n', RULE), ['*Change to `$(HOME)`: unsafe']);
  });

  it('leaves shell commands alone: the shell expands ${VAR}', () => {
    const text = [
      '[uwsgi]',
      'attach-daemon = celery -A ${APP} worker',
      'exec-asap = echo ${HOME}',
      'hook-asap = exec:echo ${HOME}',
      'cron = -1 -1 -1 -1 -1 /bin/run ${X}',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('leaves the commands of touch-exec, a cmd: alarm and a cmd: legion hook alone, which uWSGI hands to /bin/sh -c', () => {
    assert.deepEqual(findings('[uwsgi]\ntouch-exec = /tmp/trigger /bin/notify ${HOME}\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nalarm = mailme cmd:mail -s "alarm on ${HOSTNAME}" root\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nlegion-lord = mylegion cmd:/usr/bin/promote ${HOSTNAME}\n', RULE), []);
    // `worker-exec` is exec'd as one program name, with no shell: the marker stays literal.
    assert.deepEqual(findings('[uwsgi]\nworker-exec = /opt/${APP}/bin/worker\n', RULE).map((f) => f.covers), ['${APP}']);
    assert.deepEqual(findings('[uwsgi]\nalarm = sig signal:${N}\n', RULE).map((f) => f.covers), ['${N}']);
  });

  it("leaves routes and log encoders alone: ${...} is uWSGI's own syntax there", () => {
    const text = [
      '[uwsgi]',
      'route-if = equal:${HTTP_X_FORWARDED_PROTO};http redirect-permanent:https://${HTTP_HOST}${REQUEST_URI}',
      'route-run = xmldir:/srv/${PATH_INFO}',
      'log-encoder = json {"msg":"${msg}"}',
      'log-req-encoder = format ${msg}',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('ignores keys nothing reads, but warns once %(key) reads the value', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = ${HOME}\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nbase = ${HOME}\nchdir = %(base)/app\n', RULE).map((f) => f.covers), ['${HOME}']);
  });

  it('leaves $(VAR), $VAR and odd ${...} alone', () => {
    assert.deepEqual(findings('[uwsgi]\nchdir = $(HOME)/app\nprocname = $USER\nprocname-prefix = ${1x}\n', RULE), []);
  });

  it('gives no per-marker warning in a template file', () => {
    assert.deepEqual(findings('[uwsgi]\nuid = ${SERVICE_USER}\ngid = ${SERVICE_GROUP}\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuid = ${SERVICE_USER}\ngid = ${SERVICE_GROUP}\n', 'template-file').map((f) => f.severity), ['information']);
  });

  it('shows config text in the message as inline code, whatever backticks it holds', () => {
    assert.match(messages('[uwsgi]\nk`ey = ${HOME}\nenv = X=%(k`ey)\n', RULE)[0]!, /stays as it is in the value of ``k`ey``\. /);
  });
});
