import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/languageService';
import { fakeFileSystem, findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'unknown-option';

describe('rule unknown-option', () => {
  it('flags a misspelt option on its key and suggests the real one', () => {
    assert.deepEqual(findings('[uwsgi]\nvaccum = true\n', RULE), [{ code: RULE, severity: 'warning', covers: 'vaccum' }]);
    assert.match(messages('[uwsgi]\nvaccum = true\n', RULE)[0]!, /Did you mean `vacuum`\?/);
  });

  it('still warns about every real typo in the corpus, each with its option', () => {
    const typos: [string, string][] = [
      ['vaccum', 'vacuum'], ['chmod-sock', 'chmod-socket'], ['proesses', 'processes'], ['harakari', 'harakiri'],
      ['deamonize', 'daemonize'], ['pidefile', 'pidfile'], ['processess', 'processes'], ['process', 'processes'],
      ['plungins', 'plugins'], ['optmize', 'optimize'], ['max-request', 'max-requests'], ['threaded-log', 'threaded-logger'],
      ['zuid', 'uid'], ['python_path', 'python-path'], ['master-log', 'log-master'],
    ];
    for (const [typo, option] of typos) {
      assert.deepEqual(findings(`[uwsgi]\n${typo} = 1\n`, RULE).map((f) => f.severity), ['warning'], typo);
      assert.match(messages(`[uwsgi]\n${typo} = 1\n`, RULE)[0]!, new RegExp(`Did you mean \`${option}\`\\?`), typo);
    }
  });

  it('suggests first the option the file does not set yet', () => {
    assert.match(messages('[uwsgi]\nuid = app\nguid = app\n', RULE)[0]!, /Did you mean `gid`\?/);
    assert.match(messages('[uwsgi]\ngid = app\nguid = app\n', RULE)[0]!, /Did you mean `uid`\?/);
  });

  it('only informs about a custom key nothing reads, with no suggestion: it is no misspelling', () => {
    for (const key of ['project', 'name', 'base_dir', 'app', 'port', 'username']) {
      const text = `[uwsgi]\n${key} = shop\n`;
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: key }], key);
      assert.doesNotMatch(messages(text, RULE)[0]!, /Did you mean/, key);
      assert.deepEqual(quickFixes(text, RULE), [], key);
    }
    assert.match(messages('[uwsgi]\nproject = shop\n', RULE)[0]!, /applies nothing\. Harmless if it is a note of your own/);
    // Strict mode still refuses it: an error, whatever the name.
    assert.deepEqual(findings('[uwsgi]\nproject = shop\n', RULE, { strict: true }).map((f) => f.severity), ['error']);
  });

  it('leaves a key alone that an included file reads with if-opt = key=value', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/logic.ini': '[uwsgi]\nif-opt = deploy-env=prod\nmaster = true\nendif =\n' });
    const ls = getLanguageService({}, { fileSystem: fs });
    const check = (text: string) => ls.doValidation(ls.parse(TextDocument.create('file:///srv/app/uwsgi.ini', 'uwsgi-ini', 1, text))).filter((d) => d.code === RULE).map((d) => d.range.start.line);
    assert.deepEqual(check('[uwsgi]\ndeploy-env = prod\ninclude = %dlogic.ini\n'), []);
    // A key nothing reads is still reported, with or without the include.
    assert.deepEqual(check('[uwsgi]\ndeploy-envv = prod\ninclude = %dlogic.ini\n'), [1]);
  });

  it('leaves a key alone that if-opt reads', () => {
    assert.deepEqual(findings('[uwsgi]\nproject = shop\nif-opt = project=shop\nmaster = true\nendif =\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nuse_ssl = 1\nif-not-opt = use_ssl\nhttp = :80\nendif =\n', RULE), []);
  });

  it('warns when the = is missing after an option: the key runs to the first =', () => {
    const text = '[uwsgi]\nstatic-map /static=./s\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: 'static-map /static' }]);
    assert.match(messages(text, RULE)[0]!, /Did you mean `static-map = \.\.\.`\?/);
    assert.deepEqual(findings('[uwsgi]\nlog-maxsize : 2000\nbinary-path: = /usr/bin/uwsgi\n', RULE).map((f) => f.severity), ['warning', 'warning']);
  });

  it('only informs about a template marker, however close to an option', () => {
    assert.deepEqual(findings('[uwsgi]\n{virtualenv}\n', RULE).map((f) => f.severity), ['information']);
    assert.match(messages('[uwsgi]\n{virtualenv}\n', RULE)[0]!, /template tool/);
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

  it('declares a typo with exactly one close option safe, a choice between two unsafe', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nvaccum = true\n', RULE), ['*Change to `vacuum`: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nif-env = A\nend =\n', RULE, { strict: true }), ['*Change to `endif`: unsafe', 'Change to `endfor`: unsafe']);
  });
});
