import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'python-style-placeholder';

describe('rule python-style-placeholder', () => {
  it('warns on the s of %(name)s, which uWSGI keeps in the value', () => {
    const text = '[uwsgi]\nbase = /srv/app\nchdir = %(base)s/current\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: 's' }]);
    assert.equal(messages(text, RULE)[0], 'uWSGI placeholders have no type letter: `%(base)` is the placeholder and the `s` after it stays in the value of `chdir`. Python\'s ConfigParser writes `%(base)s`; uWSGI\'s is `%(base)`.');
  });

  it('drops the s as a safe fix', () => {
    const text = '[uwsgi]\r\nbase = /srv/app\r\nchdir = %(base)s/current\r\nenv = B=%(base)s\r\n';
    assert.deepEqual(fixSafety(text, RULE), ['*Remove the `s`: safe', '*Remove the `s`: safe']);
    assert.equal(fixed(text, RULE), '[uwsgi]\r\nbase = /srv/app\r\nchdir = %(base)/current\r\nenv = B=%(base)s\r\n');
  });

  it('takes an s at the end of the value and in a set-placeholder value, which is expanded where used', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /a\nenv = B=%(base)s\nset-ph = p=%(base)s/x\n', RULE).length, 2);
    assert.deepEqual(findings('[uwsgi]\na = 1\nenv = B=%(a + 1)s\n', RULE).map((f) => f.covers), ['s']);
  });

  it('does not flag an s that starts a word, a plain value, an immediate option or another section', () => {
    assert.deepEqual(findings('[uwsgi]\nchdir = /srv/\nstatic-map = /static=%(chdir)staticfiles\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nsocket = %s.sock\nenv = X=%(x)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nbase = /a\ninclude = %(base)s/x.ini\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nmaster = true\n[app:main]\nconfig = %(here)s/config.ini\n', RULE), []);
  });

  it('does not flag Python formatting in a command line when nothing defines the name, which uWSGI keeps whole', () => {
    assert.deepEqual(findings('[uwsgi]\nattach-daemon = python3 -c "print(\'%(x)s\' %% {\'x\': 1})"\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nexec-asap = python3 -c "print(\'%(x)s\' %% {\'x\': 1})"\n', RULE), []);
    // Defined, uWSGI expands it in the command too, and the `s` stays after the value.
    assert.deepEqual(findings('[uwsgi]\nx = 1\nattach-daemon = echo %(x)s\n', RULE).map((f) => f.covers), ['s']);
    assert.deepEqual(findings('# uwsgi-ini: placeholders x\n[uwsgi]\nattach-daemon = echo %(x)s\n', RULE).map((f) => f.covers), ['s']);
  });

  it('shows config text in the message as inline code, whatever backticks it holds', () => {
    assert.match(messages('[uwsgi]\na`b = 1\nenv = X=%(a`b)s\n', RULE)[0]!, /^uWSGI placeholders have no type letter: ``%\(a`b\)`` is the placeholder .* writes ``%\(a`b\)s``; uWSGI's is ``%\(a`b\)``\.$/);
  });

  it('calls %(name) in a log format a log variable when nothing defines the name', () => {
    const text = '[uwsgi]\nlog-format = %(addr) %(status)s\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: 's' }]);
    assert.equal(messages(text, RULE)[0], 'uWSGI log variables have no type letter: `%(status)` is the log variable and the `s` after it stays in every line `log-format` writes. Python\'s logging writes `%(status)s`; uWSGI\'s is `%(status)`.');
  });
});
