import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'unknown-plugin';

describe('rule unknown-plugin', () => {
  it('is an error for need-plugin: uWSGI exits when the plugin cannot load', () => {
    assert.deepEqual(findings('[uwsgi]\nneed-plugin = nosuchplugin\n', RULE), [{ code: RULE, severity: 'error', covers: 'nosuchplugin' }]);
  });

  it('is a warning for a near miss in plugin(s): uWSGI only logs the failure', () => {
    assert.deepEqual(findings('[uwsgi]\nplugins = python3,pyhton3\n', RULE), [{ code: RULE, severity: 'warning', covers: 'pyhton3' }]);
    assert.equal(fixed('[uwsgi]\r\nplugins = python3,pyhton3\r\n', RULE), '[uwsgi]\r\nplugins = python3,python3\r\n');
  });

  it('only informs about other names: third-party plugins exist', () => {
    assert.deepEqual(findings('[uwsgi]\nplugin = sentry\n', RULE), [{ code: RULE, severity: 'information', covers: 'sentry' }]);
  });

  it('knows distribution builds and real plugin names', () => {
    assert.deepEqual(findings('[uwsgi]\nplugins = python3, python311, http, 0:php, router_static, gevent_python3, logfile\nneed-plugin = cgi\n', RULE), []);
  });

  it('leaves paths and name|symbol forms alone', () => {
    assert.deepEqual(findings('[uwsgi]\nplugin = /opt/uwsgi/custom_plugin.so\nplugin = mine|init_sym\nplugin = %dlocal\n', RULE), []);
  });

  it('explains a space-separated list: uWSGI splits on commas', () => {
    assert.match(messages('[uwsgi]\nplugins = python3 http\n', RULE)[0]!, /commas only/);
  });
});

describe('rule unknown-option: strict mode details', () => {
  it("lets the file's strict = false beat the strict setting, as uWSGI's immediate strict does", () => {
    assert.deepEqual(findings('[uwsgi]\nstrict = false\nvaccum = true\n', 'unknown-option', { strict: true }).map((f) => f.severity), ['warning']);
  });

  it('refuses set = name=value with a name that is no option, under strict', () => {
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nset = notanoption=1\n', 'unknown-option'), [{ code: 'unknown-option', severity: 'error', covers: 'notanoption' }]);
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nset = master=1\n', 'unknown-option'), []);
    assert.deepEqual(findings('[uwsgi]\nset = notanoption=1\n', 'unknown-option'), []);
  });

  it('refuses, under strict, a plugin option written before the line that loads its plugin', () => {
    assert.deepEqual(findings('[uwsgi]\nstrict = true\ncgi = /srv/cgi-bin\nplugin = cgi\n', 'unknown-option'), [{ code: 'unknown-option', severity: 'error', covers: 'cgi' }]);
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nplugin = cgi\ncgi = /srv/cgi-bin\n', 'unknown-option'), []);
    assert.deepEqual(findings('[uwsgi]\ncgi = /srv/cgi-bin\nplugin = cgi\n', 'unknown-option'), []);
  });
});

describe('rule unknown-option: strict at the moment a key is read', () => {
  it('refuses a key read while strict is on, even when strict is switched off later', () => {
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nfoo_bar = 1\nstrict = false\n', 'unknown-option').map((f) => f.severity), ['error']);
  });

  it('lets a key read before strict is switched on count as strict too: configure time checks it again', () => {
    assert.deepEqual(findings('[uwsgi]\nfoo_bar = 1\nstrict = true\n', 'unknown-option').map((f) => f.severity), ['error']);
  });

  it('keeps a key read after strict is switched off out of strict: a misspelling warns, a custom key informs', () => {
    assert.deepEqual(findings('[uwsgi]\nstrict = false\nproesses = 1\n', 'unknown-option', { strict: true }).map((f) => f.severity), ['warning']);
    assert.deepEqual(findings('[uwsgi]\nstrict = false\nfoo_bar = 1\n', 'unknown-option', { strict: true }).map((f) => f.severity), ['information']);
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nstrict = false\nhook-asapp = exec:true\n', 'unknown-hook-phase').map((f) => f.severity), ['warning']);
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nhook-asapp = exec:true\nstrict = false\n', 'unknown-hook-phase').map((f) => f.severity), ['error']);
  });

  it('declares a typo with exactly one close plugin safe', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nplugins = pyhton3\n', RULE), ['*Change to `python3`: safe']);
  });
});
