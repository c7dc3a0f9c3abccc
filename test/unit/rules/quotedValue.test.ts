import { strict as assert } from 'node:assert';
import { findings, fixed, fixSafety, messages } from '../../support/spec';

const RULE = 'quoted-value';

describe('rule quoted-value', () => {
  it('warns that uWSGI keeps the quotes of a text value, on the quoted text', () => {
    assert.deepEqual(findings('[uwsgi]\nmodule = "app.wsgi"\nchdir = \'/srv/app\'\n', RULE), [
      { code: RULE, severity: 'warning', covers: '"app.wsgi"' },
      { code: RULE, severity: 'warning', covers: "'/srv/app'" },
    ]);
    assert.equal(messages('[uwsgi]\nmodule = "app.wsgi"\n', RULE)[0], 'uWSGI keeps the quotes: the value of `module` is `"app.wsgi"`, quotes included, not `app.wsgi`.');
  });

  it('removes the quotes as a safe fix, keeping CRLF and the rest of the line', () => {
    assert.equal(fixed('[uwsgi]\r\nmodule = "app.wsgi"\r\n', RULE), '[uwsgi]\r\nmodule = app.wsgi\r\n');
    assert.deepEqual(fixSafety('[uwsgi]\nsocket = "127.0.0.1:8000"\n', RULE), ['*Remove the quotes: safe']);
  });

  it('says a quoted number reads as 0', () => {
    assert.deepEqual(findings('[uwsgi]\nprocesses = "4"\n', RULE).map((f) => f.severity), ['warning']);
    assert.match(messages('[uwsgi]\nprocesses = "4"\n', RULE)[0]!, /takes a number, and a value that starts with a quote reads as 0/);
  });

  it('warns that a quoted false flag is true, with an unsafe fix; a quoted true flag is harmless', () => {
    assert.deepEqual(findings('[uwsgi]\nvacuum = "false"\n', RULE).map((f) => f.severity), ['warning']);
    assert.match(messages('[uwsgi]\nvacuum = "false"\n', RULE)[0]!, /reads it as true/);
    assert.deepEqual(fixSafety('[uwsgi]\nvacuum = "false"\n', RULE), ['*Remove the quotes: unsafe']);
    assert.deepEqual(findings('[uwsgi]\nmaster = \'true\'\n', RULE).map((f) => f.severity), ['information']);
    assert.match(messages('[uwsgi]\nmaster = \'true\'\n', RULE)[0]!, /Harmless here/);
    assert.deepEqual(fixSafety('[uwsgi]\nmaster = "true"\n', RULE), ['*Remove the quotes: safe']);
  });

  it('only informs where the quotes may be wanted: log formats, printed text, an env value', () => {
    const text = '[uwsgi]\nlog-format = "%(addr) %(uri)"\nprint = "hello"\nenv = LANG="C.UTF-8"\n';
    assert.deepEqual(findings(text, RULE).map((f) => [f.severity, f.covers]), [
      ['information', '"%(addr) %(uri)"'],
      ['information', '"hello"'],
      ['information', '"C.UTF-8"'],
    ]);
    assert.match(messages(text, RULE)[2]!, /`LANG` is `"C.UTF-8"`, quotes included/);
    assert.deepEqual(fixSafety('[uwsgi]\nenv = LANG="C.UTF-8"\n', RULE), ['*Remove the quotes: unsafe']);
    assert.equal(fixed('[uwsgi]\nenv = LANG="C.UTF-8"\n', RULE), '[uwsgi]\nenv = LANG=C.UTF-8\n');
  });

  it('warns on a wholly quoted env line: the variable name starts with the quote', () => {
    assert.deepEqual(findings('[uwsgi]\nenv="DJANGO_SETTINGS_MODULE=app.settings"\n', RULE).map((f) => [f.severity, f.covers]), [
      ['warning', '"DJANGO_SETTINGS_MODULE=app.settings"'],
    ]);
  });

  it('leaves shell commands, hooks, routes and placeholder setters alone', () => {
    const text = [
      '[uwsgi]',
      'attach-daemon = "nginx"',
      'exec-asap = "echo hi"',
      'hook-asap = "print:x"',
      'cron = "-1 -1 -1 -1 -1 true"',
      'route = "^/x" last:',
      'set-placeholder = name="x"',
      'declare-option = "x=y"',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('leaves keys nothing reads alone, and warns once %(key) reads the quotes', () => {
    assert.deepEqual(findings("[uwsgi]\nprojectdomain = 'example.org'\n", RULE), []);
    const read = "[uwsgi]\nprojectdomain = 'example.org'\nchdir = /srv/%(projectdomain)\n";
    assert.deepEqual(findings(read, RULE).map((f) => [f.severity, f.covers]), [['warning', "'example.org'"]]);
    assert.match(messages(read, RULE)[0]!, /travel into every value that reads `%\(projectdomain\)`/);
    // The fix changes every value that reads it, so it is not applied in bulk.
    assert.deepEqual(fixSafety(read, RULE), ['*Remove the quotes: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nchdir = "/srv"\npythonpath = %(chdir)\n', RULE), ['*Remove the quotes: unsafe']);
  });

  it('does not flag unbalanced or inner quotes, nor a quote inside the value', () => {
    assert.deepEqual(findings('[uwsgi]\nprocname = "a" "b"\nprocname-prefix = it\'s\nchdir = "/srv\nmodule = app"\n', RULE), []);
  });

  it('judges the quotes before an inline comment, which inline-comment reports', () => {
    const text = '[uwsgi]\nmodule = "app.wsgi" # main\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['"app.wsgi"']);
    assert.deepEqual(findings(text, 'inline-comment').map((f) => f.covers), [' # main']);
  });

  it('leaves a quoted socket mode to invalid-value, which uWSGI refuses', () => {
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = "660"\n', RULE), []);
  });

  it('checks only lines uWSGI applies', () => {
    assert.deepEqual(findings('[other]\nmodule = "x"\n[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('shows config text in the message as inline code, whatever backticks it holds', () => {
    assert.match(messages('[uwsgi]\nk`ey = "x"\nenv = X=%(k`ey)\n', RULE)[0]!, /^uWSGI keeps the quotes: the value of ``k`ey`` is .* reads ``%\(k`ey\)``\.$/);
  });
});
