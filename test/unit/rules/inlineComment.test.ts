import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../../server/src/service/languageService';
import { documentOf, fakeFileSystem, findings, fixed, messages, quickFixes, fixSafety, SEVERITY_NAME } from '../../support/spec';

const RULE = 'inline-comment';

describe('rule inline-comment', () => {
  it('flags a # comment after a value, from the whitespace before it to the end of the value', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = /tmp/a.sock # main\n', RULE), [{ code: RULE, severity: 'warning', covers: ' # main' }]);
    assert.match(messages('[uwsgi]\nsocket = /tmp/a.sock # main\n', RULE)[0]!, /the value of `socket` is `\/tmp\/a\.sock # main`, not `\/tmp\/a\.sock`/);
  });

  it('flags a ; comment and takes every blank before it', () => {
    assert.deepEqual(findings('[uwsgi]\nchdir = /srv/app \t ; code\n', RULE).map((f) => f.covers), [' \t ; code']);
  });

  it('only informs after a number: uWSGI reads the leading number, and the comment starts with a blank', () => {
    assert.deepEqual(findings('[uwsgi]\nmax-requests = 5000 # respawn\nharakiri = 20 ; seconds\nreload-on-rss = 300 # MB\n', RULE).map((f) => [f.severity, f.covers]), [
      ['information', ' # respawn'],
      ['information', ' ; seconds'],
      ['information', ' # MB'],
    ]);
    assert.match(messages('[uwsgi]\nmax-requests = 5000 # respawn\n', RULE)[0]!, /Harmless here: .*uWSGI reads 5000\b/);
    // An environment variable expands before the number is read: still the same number.
    assert.match(messages('[uwsgi]\nmax-requests = $(MAX) ; per worker\n', RULE)[0]!, /reads the same number/);
  });

  it('only informs after a true flag, which stays true', () => {
    assert.deepEqual(findings('[uwsgi]\nmaster = true # x\nvacuum = 1 ; clean up\n', RULE).map((f) => f.severity), ['information', 'information']);
    assert.match(messages('[uwsgi]\nmaster = true # x\n', RULE)[0]!, /Harmless here: uWSGI reads it as true/);
  });

  it('warns when the comment turns a false flag on: only an exact false, off, no or 0 is false', () => {
    const text = '[uwsgi]\nvacuum = false # not in containers\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: ' # not in containers' }]);
    assert.match(messages(text, RULE)[0]!, /reads it as true/);
    assert.equal(fixed(text, RULE), '[uwsgi]\n# not in containers\nvacuum = false\n');
    assert.deepEqual(findings('[uwsgi]\ndisable-logging = off ; keep logs\n', RULE).map((f) => f.severity), ['warning']);
    // Whatever the variable holds, the text after it keeps the value from being an exact `false`.
    assert.deepEqual(findings('[uwsgi]\nvacuum = $(VACUUM) # set per host\n', RULE).map((f) => f.severity), ['warning']);
  });

  it('warns when the value is text: a module, a path or an env value takes the comment in', () => {
    assert.deepEqual(findings('[uwsgi]\nmodule = app.wsgi # django\nenv = MODE=prod # mode\nlogto = /var/log/a.log ; log\n', RULE).map((f) => f.severity), ['warning', 'warning', 'warning']);
  });

  it('only informs on a key that is no option and that nothing reads; warns once %(key) or if-opt reads it', () => {
    assert.deepEqual(findings('[uwsgi]\nproject = shop # name\n', RULE).map((f) => f.severity), ['information']);
    assert.match(messages('[uwsgi]\nproject = shop # name\n', RULE)[0]!, /Harmless here: `project` is no option/);
    assert.deepEqual(findings('[uwsgi]\nproject = shop # name\nchdir = /srv/%(project)\n', RULE).map((f) => f.severity), ['warning']);
    assert.deepEqual(findings('[uwsgi]\nproject = shop # name\nif-opt = project=shop\nmaster = true\nendif =\n', RULE).map((f) => f.severity), ['warning']);
  });

  it('warns once an included file reads the key with %(key)', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/paths.ini': '[uwsgi]\nchdir = /srv/%(project)\n' });
    const ls = getLanguageService({}, { fileSystem: fs });
    const severities = (text: string) => ls.doValidation(ls.parse(documentOf(text))).filter((d) => d.code === RULE).map((d) => SEVERITY_NAME[d.severity!]);
    assert.deepEqual(severities('[uwsgi]\nproject = shop # name\ninclude = %dpaths.ini\n'), ['warning']);
    assert.deepEqual(severities('[uwsgi]\nprojects = shop # name\ninclude = %dpaths.ini\n'), ['information']);
  });

  it('warns on an option of a plugin the file does not load: the value is meant for it', () => {
    assert.deepEqual(findings('[uwsgi]\nphp-docroot = /srv # docs\n', RULE).map((f) => f.severity), ['warning']);
    // Its number is still read up to the blank, as for any option.
    assert.deepEqual(findings('[uwsgi]\nreload-on-pss = 100 # MB\n', RULE).map((f) => f.severity), ['information']);
  });

  it('only informs when uWSGI ignores the value of a deprecated option', () => {
    assert.deepEqual(findings('[uwsgi]\nfastrouter-subscription-slot = 10 # old\n', RULE).map((f) => f.severity), ['information']);
  });

  it('leaves # and ; alone when no blank precedes them', () => {
    assert.deepEqual(findings('[uwsgi]\nroute = ^/a#b last:\nenv = A=x;y\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\n# a comment line\n; another\nmaster = true\n', RULE), []);
  });

  it('checks only lines uWSGI reads', () => {
    assert.deepEqual(findings('[other]\nsocket = :80 # x\n[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('keeps shell separators in commands: ` ;` is no comment for exec hooks, daemons, crons', () => {
    assert.deepEqual(findings('[uwsgi]\nexec-asap = mkdir -p /run/a ; chown www /run/a\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nhook-asap = exec:mkdir -p /run/a ; touch /run/a/x\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nattach-daemon = celery worker ; true\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\ncron = -1 -1 -1 -1 -1 a ; b\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\ndeclare-option = app=socket=$1 ;master=true\n', RULE), []);
  });

  it('only informs about a ` #` in a shell command: the shell drops it as a comment', () => {
    assert.deepEqual(findings('[uwsgi]\nexec-asap = mkdir -p /run/a # make room\n', RULE), [{ code: RULE, severity: 'information', covers: ' # make room' }]);
    assert.deepEqual(findings('[uwsgi]\nattach-daemon = celery worker ; true # workers\n', RULE).map((f) => f.covers), [' # workers']);
    // A hook action that is no shell command keeps the comment in its argument.
    assert.deepEqual(findings('[uwsgi]\nhook-asap = mkdir:/run/a # room\n', RULE), [{ code: RULE, severity: 'warning', covers: ' # room' }]);
  });

  it('moves the comment onto its own line above, with the same indentation', () => {
    const text = '[uwsgi]\r\n  max-requests = 5000   # respawn after 5000 requests\r\nmaster = true\r\n';
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\r\n  # respawn after 5000 requests\r\n  max-requests = 5000\r\nmaster = true\r\n');
    assert.deepEqual(findings(result, RULE), []);
    assert.equal(fixed('[uwsgi]\nvacuum = true ; clean up', RULE), '[uwsgi]\n; clean up\nvacuum = true');
  });

  it('offers no move when a magic % joins lines inside the value', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = /a # b %\nc\n', RULE).length, 1);
    assert.deepEqual(quickFixes('[uwsgi]\nsocket = /a # b %\nc\n', RULE), []);
  });

  it('offers no move when the comment ends in a magic %: on its own line it would swallow the option', () => {
    // At the end of the file (or before a CRLF in a file that uses LF) `%` joins nothing yet; moved
    // above the option and followed by the file's LF, it would join the option into the comment.
    assert.deepEqual(findings('[uwsgi]\nsocket = /a ; 100%', RULE).length, 1);
    assert.deepEqual(quickFixes('[uwsgi]\nsocket = /a ; 100%', RULE), []);
    assert.deepEqual(quickFixes('[uwsgi]\nmaster = true\nsocket = /a ; 100%%%\r\n', RULE), []);
    // `%%` is a literal percent: moving it is safe.
    assert.equal(fixed('[uwsgi]\nsocket = /a ; 100%%', RULE), '[uwsgi]\n; 100%%\nsocket = /a');
  });

  it('moves a comment safely off a string or a number, never when it turns a flag off or sits in a shell command', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nchdir = /srv/app # the app\n', RULE), ['*Move the comment to its own line above: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nprocesses = 4 # four\n', RULE), ['*Move the comment to its own line above: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nvacuum = false # not in containers\n', RULE), ['*Move the comment to its own line above: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nexec-asap = echo hi # greet\n', RULE), ['*Move the comment to its own line above: unsafe']);
  });
});
