import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes } from '../../support/spec';

const RULE = 'unknown-option';

describe('rule unknown-option', () => {
  it('flags a misspelt option on its key and suggests the real one', () => {
    assert.deepEqual(findings('[uwsgi]\nvaccum = true\n', RULE), [{ code: RULE, severity: 'warning', covers: 'vaccum' }]);
    assert.match(messages('[uwsgi]\nvaccum = true\n', RULE)[0]!, /Did you mean `vacuum`\?/);
  });

  it('says nothing about real options', () => {
    assert.deepEqual(findings('[uwsgi]\nvacuum = true\nprocesses = 4\nsocket = /run/app.sock\n', RULE), []);
  });

  it('becomes an error in strict mode, from the file or the setting', () => {
    assert.equal(findings('[uwsgi]\nstrict = true\nproesses = 4\n', RULE)[0]!.severity, 'error');
    assert.equal(findings('[uwsgi]\nproesses = 4\n', RULE, { strict: true })[0]!.severity, 'error');
    assert.equal(findings('[uwsgi]\nstrict = false\nproesses = 4\n', RULE)[0]!.severity, 'warning');
  });

  it('leaves keys alone that are used as placeholders', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /srv/app\nchdir = %(base)\n', RULE), []);
  });

  it('reports a used placeholder key as an error under strict mode', () => {
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nbase = /srv\nchdir = %(base)\n', RULE), [{ code: RULE, severity: 'error', covers: 'base' }]);
  });

  it('counts math operands as placeholder uses', () => {
    assert.deepEqual(findings('[uwsgi]\nworkers_base = 2\nprocesses = %(workers_base + 1)\n', RULE), []);
  });

  it('accepts names declared with declare-option', () => {
    assert.deepEqual(findings('[uwsgi]\ndeclare-option = app=socket=$1\napp = :3031\n', RULE), []);
  });

  it('checks only the applied section', () => {
    assert.deepEqual(findings('[other]\nvaccum = 1\n[uwsgi]\nmaster = true\n', RULE), []);
    assert.deepEqual(findings('[other]\nvaccum = 1\n', RULE, { section: 'other' }).map((f) => f.covers), ['vaccum']);
  });

  it('knows keys are case-sensitive and do not turn _ into -', () => {
    assert.match(messages('[uwsgi]\nharakiri_verbose = true\n', RULE)[0]!, /Did you mean `harakiri-verbose`/);
    assert.match(messages('[uwsgi]\nMaster = true\n', RULE)[0]!, /Did you mean `master`/);
  });

  it('says when an option needs a plugin that is not loaded', () => {
    const text = '[uwsgi]\nphp-docroot = /srv\n';
    assert.match(messages(text, RULE)[0]!, /needs the `php` plugin/);
    assert.deepEqual(findings('[uwsgi]\nplugins = php\nphp-docroot = /srv\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nplugins = 0:php74,http\nphp-docroot = /srv\n', RULE), []);
    assert.deepEqual(findings(text, RULE, { plugins: ['php'] }), []);
  });

  it('says when an option exists only in uWSGI 2.1', () => {
    assert.match(messages('[uwsgi]\nreload-on-pss = 100\n', RULE)[0]!, /only in uWSGI 2\.1/);
    assert.deepEqual(findings('[uwsgi]\nreload-on-pss = 100\n', RULE, { version: '2.1' }), []);
  });

  it('leaves unknown hook phases to unknown-hook-phase', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asapp = mkdir:/x\n', RULE), []);
  });

  it('flags an empty key', () => {
    assert.deepEqual(findings('[uwsgi]\n= x\n', RULE), [{ code: RULE, severity: 'warning', covers: '=' }]);
  });

  it('accepts a bare end, except under strict mode', () => {
    assert.deepEqual(findings('[uwsgi]\nif-env = X\nmaster = true\nend\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nif-env = X\nmaster = true\nend\n', RULE), [{ code: RULE, severity: 'error', covers: 'end' }]);
  });

  it('names uwsgiconf when its MainProcess writes the key by mistake, and fixes it', () => {
    const text = '[uwsgi]\nnever_swap = true\n';
    assert.match(messages(text, RULE)[0]!, /uwsgiconf's `MainProcess\.set_memory_params\(\)` writes this key by mistake: uWSGI's name is `never-swap`\./);
    assert.equal(fixed(text, RULE), '[uwsgi]\nnever-swap = true\n');
    assert.doesNotMatch(messages('[uwsgi]\nnever_swapp = true\n', RULE)[0]!, /uwsgiconf/);
  });

  it('names uwsgiconf for the 2.1-only hook phases it writes for any version', () => {
    const [message] = messages('[uwsgi]\nhook-as-vassal-before-drop = exec:true\n', RULE);
    assert.match(message!, /only in uWSGI 2\.1.*uwsgiconf's `MainProcess\.set_hook\(\)` writes this key/);
  });

  it('fixes the typo by replacing the key only', () => {
    assert.equal(fixed('[uwsgi]\r\nvaccum = true\r\n', RULE), '[uwsgi]\r\nvacuum = true\r\n');
    assert.ok(quickFixes('[uwsgi]\nvaccum = true\n', RULE).some((a) => a.isPreferred && a.title === 'Change to `vacuum`'));
  });
});
