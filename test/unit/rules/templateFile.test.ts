import { strict as assert } from 'node:assert';
import { findings, messages, quickFixes, suppressionActions } from '../../support/spec';

const RULE = 'template-file';

describe('rule template-file', () => {
  it('informs once, on the header, about a file with two or more markers', () => {
    const text = '[uwsgi]\nuid = ${SERVICE_USER}\nchdir = ${APP_SRC}/src\nprocesses = __NUM_PROCESSES__\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: '[uwsgi]' }]);
    assert.equal(
      messages(text, RULE)[0],
      'This file looks like a template for another tool: it has 3 markers (`${SERVICE_USER}`, `${APP_SRC}`, `__NUM_PROCESSES__`) that uWSGI does not fill in itself. Fine if the tool fills them in before uWSGI reads the file, so findings about the markers are left out: lint the generated file to check what uWSGI applies.',
    );
    assert.deepEqual(quickFixes(text, RULE), []);
  });

  it('counts Jinja, sed and autoconf markers, and Jinja in comments', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = {{ socket }}\nchdir = @prefix@/app\n', RULE).length, 1);
    assert.deepEqual(findings('# {{ ansible_managed }}\n[uwsgi]\nmodule = {{ app_module }}\n', RULE).map((f) => f.covers), ['[uwsgi]']);
    assert.match(messages('[uwsgi]\nset-placeholder = dir=__PDIR__\nenv = KEY=__SKEY__\n', RULE)[0]!, /2 markers \(`__PDIR__`, `__SKEY__`\)/);
    // A whole value `$NAME` (envsubst), not one inside a text or a shell command.
    assert.deepEqual(findings('[uwsgi]\nprocesses = $WORKERS\npy-autoreload = $HOTLOAD\n', RULE).length, 1);
    assert.deepEqual(findings('[uwsgi]\nprocesses = $WORKERS\nchdir = /srv/$APP\nattach-daemon = $CMD\n', RULE), []);
  });

  it('needs two markers: one is more likely a slip, left to the per-line rules', () => {
    const text = '[uwsgi]\nchdir = ${HOME}/app\n';
    assert.deepEqual(findings(text, RULE), []);
    assert.deepEqual(findings(text, 'shell-style-variable').length, 1);
  });

  it('does not count ${...} where it means something: shell commands, routes, log encoders, comments', () => {
    const text = [
      '[uwsgi]',
      'attach-daemon = run ${A} ${B}',
      'route-run = xmldir:/srv/${PATH_INFO}',
      'log-encoder = format ${msg}',
      ';route-if = equal:${REMOTE_ADDR};1.1.1.1 goto:x',
      'module = app.__init__',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('silences the markers of invalid-value and shell-style-variable', () => {
    const text = '[uwsgi]\nprocesses = __NUM_PROCESSES__\nthreads = ${THREADS}\n';
    assert.deepEqual(findings(text).filter((f) => f.code !== 'no-privilege-drop').map((f) => f.code), [RULE]);
  });

  it('offers only the file-wide silencing', () => {
    const titles = suppressionActions('[uwsgi]\nuid = ${A}\ngid = ${B}\n', RULE).map((a) => a.title);
    assert.ok(titles.length > 0 && titles.every((t) => !/line/.test(t)), titles.join(' | '));
  });

  it('reports on the first line when there is no header', () => {
    assert.deepEqual(findings('uid = ${A}\ngid = ${B}\n', RULE).map((f) => f.covers), ['uid = ${A}']);
  });
});
