import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety, quickFixes } from '../../support/spec';

const RULE = 'unexpanded-reference';

describe('rule unexpanded-reference', () => {
  it('warns on a reference in an immediate option, on the reference, defined or not', () => {
    const text = '[uwsgi]\nbase = 100\nlisten = %(base)\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%(base)' }]);
    assert.equal(messages(text, RULE)[0], '`listen` is read while the file is parsed, before `$(...)`, `@(...)` and `%(...)` are expanded: uWSGI uses `%(base)` literally.');
    assert.deepEqual(findings('[uwsgi]\nplugin = $(PLUGIN)\nlisten = %(nope + 1)\niprint = @(/etc/motd)\n', RULE).map((f) => f.covers), ['$(PLUGIN)', '%(nope + 1)', '@(/etc/motd)']);
  });

  it('errors in the path of a config loader, where uWSGI stops; warns inside a block', () => {
    const text = '[uwsgi]\nbase = /srv\ninclude = %(base)/x.ini\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'error', covers: '%(base)' }]);
    assert.equal(messages(text, RULE)[0], '`include` is read while the file is parsed, before `$(...)`, `@(...)` and `%(...)` are expanded: uWSGI looks for a file literally named with `%(base)`, finds none and stops.');
    assert.deepEqual(findings('[uwsgi]\nini = $(CONF_DIR)/x.ini\nyaml = @(/etc/which)\n', RULE).map((f) => [f.covers, f.severity]), [['$(CONF_DIR)', 'error'], ['@(/etc/which)', 'error']]);
    assert.deepEqual(findings('[uwsgi]\nif-env = CONF\ninclude = $(CONF)\nendif =\n', RULE).map((f) => f.severity), ['warning']);
    // A missing section only warns: `ini = :$(MODE)` looks for the section `$(MODE)` and goes on.
    const section = '[uwsgi]\nini = :$(MODE)\n[deploy]\nmaster = true\n';
    assert.deepEqual(findings(section, RULE).map((f) => [f.covers, f.severity]), [['$(MODE)', 'warning']]);
    assert.match(messages(section, RULE)[0]!, /looks for a section literally named with `\$\(MODE\)`, finds none and goes on without it/);
    assert.deepEqual(findings('[uwsgi]\nini = $(CONF):app\n', RULE).map((f) => f.severity), ['error']);
    // need-plugin stops when the plugin does not load; plugin only logs it.
    assert.match(messages('[uwsgi]\nneed-plugin = $(PY)\n', RULE)[0]!, /looks for a plugin literally named with `\$\(PY\)`, finds none and stops\.$/);
    assert.deepEqual(findings('[uwsgi]\nneed-plugin = $(PY)\nplugin = $(PY)\n', RULE).map((f) => f.severity), ['error', 'warning']);
  });

  it('knows declare-option templates and the options they make are applied unexpanded', () => {
    const text = '[uwsgi]\ndeclare-option = myp=print=home is $(HOME) and $1\nmyp = $(USER)\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['$(HOME)', '$(USER)']);
    // Used above its declaration it is a plain key, expanded later; `declare-option2` is deferred.
    assert.deepEqual(findings('[uwsgi]\nmyp = $(USER)\ndeclare-option = myp=print=$1\n', RULE).map((f) => f.covers), []);
    assert.deepEqual(findings('[uwsgi]\ndeclare-option2 = myp=print=$(HOME)\n', RULE), []);
  });

  it('says a condition tests the literal text', () => {
    assert.match(messages('[uwsgi]\nif-env = $(NAME)\nmaster = true\nendif =\n', RULE)[0]!, /uses `\$\(NAME\)` literally in the condition\.$/);
  });

  it('warns on $(...) and @(...) in a set-placeholder value, not on its %(...), which is expanded where used', () => {
    const text = '[uwsgi]\nset-ph = home=$(HOME)\nbase = /srv\nset-placeholder = app=%(base)/app\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '$(HOME)' }]);
    assert.equal(messages(text, RULE)[0], '`set-ph` stores its value as written, and it is copied into each `%(home)` after the `$(...)` and `@(...)` passes have run: `$(HOME)` stays literal.');
  });

  it('does not flag set values, deferred options, %(_) in a block or magic variables', () => {
    assert.deepEqual(findings('[uwsgi]\nset = home=$(HOME)\nchdir = $(HOME)\nenv = X=%(home)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nfor = a b\ninclude = %(_).ini\nendfor =\ninclude = %dcommon.ini\n', RULE), []);
  });

  it('tells a loop over a one-word placeholder it is harmless, and warns for more words', () => {
    const one = '[uwsgi]\nlist = alpha\nfor = %(list)\nenv = X=%(_)\nendfor =\n';
    assert.deepEqual(findings(one, RULE).map((f) => f.severity), ['information']);
    assert.match(messages(one, RULE)[0]!, /loops once, over the literal `%\(list\)`.*Harmless here/);
    assert.deepEqual(findings('[uwsgi]\nlist = alpha beta\nfor = %(list)\nenv = X=%(_)\nendfor =\n', RULE).map((f) => f.severity), ['warning']);
    assert.deepEqual(findings('[uwsgi]\nfor = $(HOSTS)\nenv = X=%(_)\nendfor =\n', RULE).map((f) => f.severity), ['warning']);
  });

  it('writes the value in when this file determines it, as an unsafe fix', () => {
    const text = '[uwsgi]\nbase = /srv/%n\ninclude = %(base)/x.ini\n';
    assert.deepEqual(fixSafety(text, RULE), ['*Write the value `/srv/%n` instead of the placeholder: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nbacklog = 100\nlisten = %(backlog)\n', RULE), ['*Write the value `100` instead of the placeholder: unsafe']);
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\nbase = /srv/%n\ninclude = /srv/%n/x.ini\n');
    assert.deepEqual(findings(result, RULE), []);
    // The value is unknown when it depends on the environment.
    assert.deepEqual(quickFixes('[uwsgi]\nbase = $(HOME)\ninclude = %(base)/x.ini\n', RULE), []);
    assert.deepEqual(quickFixes('[uwsgi]\ninclude = $(HOME)/x.ini\n', RULE), []);
  });

  it('shows config text in the message as inline code, whatever backticks it holds', () => {
    assert.match(messages('[uwsgi]\nset-ph = a`b=$(HOME)\n', RULE)[0]!, /copied into each ``%\(a`b\)`` after/);
  });
});
