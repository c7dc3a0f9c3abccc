import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'invalid-value';

describe('rule invalid-value', () => {
  describe('integers', () => {
    it('errors on a negative value for a positive-only int: uWSGI stops', () => {
      assert.deepEqual(findings('[uwsgi]\nprocesses = -1\n', RULE), [{ code: RULE, severity: 'error', covers: '-1' }]);
      assert.match(messages('[uwsgi]\nprocesses = -1\n', RULE)[0]!, /must be > 0/);
    });

    it('accepts 0 and plain numbers', () => {
      assert.deepEqual(findings('[uwsgi]\nprocesses = 0\nharakiri = 30\nthreads = +2\nmax-requests = 5000\n', RULE), []);
    });

    it('warns that a word reads as 0, without a fix', () => {
      assert.deepEqual(findings('[uwsgi]\nprocesses = four\n', RULE), [{ code: RULE, severity: 'warning', covers: 'four' }]);
      assert.match(messages('[uwsgi]\nprocesses = four\n', RULE)[0]!, /reads `four` as 0/);
      assert.deepEqual(quickFixes('[uwsgi]\nprocesses = four\n', RULE), []);
    });

    it('only informs about a template marker: a tool fills it in before uWSGI reads the file', () => {
      assert.deepEqual(findings('[uwsgi]\nprocesses = __NUM_PROCESSES__\n', RULE).map((f) => [f.severity, f.covers]), [
        ['information', '__NUM_PROCESSES__'],
      ]);
      assert.match(messages('[uwsgi]\nprocesses = {{ workers }}\n', RULE)[0]!, /template tool/);
    });

    it('leaves `${X}` to shell-style-variable and a template file\'s markers to template-file', () => {
      assert.deepEqual(findings('[uwsgi]\nthreads = ${THREADS}\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nthreads = ${THREADS}\n', 'shell-style-variable').map((f) => f.covers), ['${THREADS}']);
      const template = '[uwsgi]\nprocesses = __NUM_PROCESSES__\nthreads = __NUM_THREADS__\n';
      assert.deepEqual(findings(template, RULE), []);
      assert.deepEqual(findings(template, 'template-file').map((f) => f.severity), ['information']);
      // A date format that is a marker too.
      assert.deepEqual(findings('[uwsgi]\nprocesses = {{ n }}\nlog-date = {{ fmt }}\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nlog-date = {{ fmt }}\n', RULE).map((f) => f.severity), ['warning']);
    });

    it('leaves a quoted number to quoted-value, but still refuses a quoted socket mode', () => {
      assert.deepEqual(findings('[uwsgi]\nprocesses = "4"\nvacuum = "false"\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nprocesses = "4"\nvacuum = "false"\n', 'quoted-value').map((f) => f.severity), ['warning', 'warning']);
      assert.deepEqual(findings('[uwsgi]\nchmod-socket = "660"\n', RULE).map((f) => f.severity), ['error']);
      assert.deepEqual(findings('[uwsgi]\nchmod-socket = "660"\n', 'quoted-value'), []);
    });

    it('says what uWSGI reads from a number with a unit, and fixes seconds', () => {
      assert.match(messages('[uwsgi]\nharakiri = 30s\n', RULE)[0]!, /reads `30s` as 30/);
      assert.equal(fixed('[uwsgi]\r\nharakiri = 30s\r\n', RULE), '[uwsgi]\r\nharakiri = 30\r\n');
      assert.deepEqual(findings('[uwsgi]\nharakiri = 30\n', RULE), []);
      assert.deepEqual(quickFixes('[uwsgi]\nharakiri = 0x10\n', RULE), []);
    });

    it('does not mind an inline comment after a clean number', () => {
      assert.deepEqual(findings('[uwsgi]\nreload-on-rss = 300 # MB\nharakiri = 30 ; seconds\n', RULE), []);
    });

    it('allows negative raw ints but knows the nice range of prio', () => {
      assert.deepEqual(findings('[uwsgi]\nprio = -5\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nprio = 42\n', RULE), [{ code: RULE, severity: 'warning', covers: '42' }]);
      assert.match(messages('[uwsgi]\nprio = 42\n', RULE)[0]!, /uses 19 for 42/);
    });

    it('explains that unsigned options wrap a minus sign around', () => {
      assert.match(messages('[uwsgi]\nmax-requests = -1\n', RULE)[0]!, /reads `-1` as 18446744073709551615/);
    });

    it('clamps buffer-size at 65535 in 2.0 only: a warning when the cut is felt, a hint for one byte', () => {
      assert.deepEqual(findings('[uwsgi]\nbuffer-size = 262144\n', RULE), [{ code: RULE, severity: 'warning', covers: '262144' }]);
      assert.match(messages('[uwsgi]\nbuffer-size = 262144\n', RULE)[0]!, /uses 65535, not 262144/);
      assert.deepEqual(findings('[uwsgi]\nbuffer-size = 65536\n', RULE), [{ code: RULE, severity: 'hint', covers: '65536' }]);
      assert.match(messages('[uwsgi]\nbuffer-size = 65536\n', RULE)[0]!, /Harmless here/);
      assert.equal(fixed('[uwsgi]\nbuffer-size = 65536\n', RULE), '[uwsgi]\nbuffer-size = 65535\n');
      assert.deepEqual(findings('[uwsgi]\nbuffer-size = 65535\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nbuffer-size = 65536\n', RULE, { version: '2.1' }), []);
    });

    it('reads megabyte units the way uWSGI does', () => {
      assert.deepEqual(findings('[uwsgi]\nreload-on-rss = 512M\n', RULE), [{ code: RULE, severity: 'information', covers: '512M' }]);
      assert.equal(fixed('[uwsgi]\nreload-on-rss = 512M\n', RULE), '[uwsgi]\nreload-on-rss = 512\n');
      assert.match(messages('[uwsgi]\nreload-on-rss = 2G\n', RULE)[0]!, /means 2 MB, not 2048 MB/);
      assert.equal(fixed('[uwsgi]\nreload-on-rss = 2G\n', RULE), '[uwsgi]\nreload-on-rss = 2048\n');
      assert.deepEqual(findings('[uwsgi]\nlimit-as = 0.5\n', RULE), []);
    });

    it('skips deferred references but judges immediate options literally', () => {
      assert.deepEqual(findings('[uwsgi]\nworkers_n = 4\nprocesses = %(workers_n)\nthreads = $(THREADS)\n', RULE), []);
      const text = '[uwsgi]\nbacklog = 100\nlisten = %(backlog)\n';
      // unexpanded-reference warns about the literal `%(backlog)`; this rule adds what atoi() makes of it.
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: '%(backlog)' }]);
      assert.deepEqual(findings(text, 'unexpanded-reference').map((f) => f.severity), ['warning']);
      assert.deepEqual(findings(text, 'undefined-placeholder'), []);
      assert.match(messages(text, RULE)[0]!, /applied while the file is read/);
      // The same for `$(...)`: unexpanded-reference warns, this rule informs.
      assert.deepEqual(findings('[uwsgi]\nlisten = $(BACKLOG)\n', RULE).map((f) => f.severity), ['information']);
      assert.deepEqual(findings('[uwsgi]\nlisten = $(BACKLOG)\n', 'unexpanded-reference').map((f) => f.severity), ['warning']);
      assert.deepEqual(findings('[uwsgi]\nprocesses = %k\n', RULE), []);
    });
  });

  describe('flags', () => {
    it('accepts the usual spellings, empty included', () => {
      assert.deepEqual(findings('[uwsgi]\nmaster = true\nvacuum = 1\nenable-threads = yes\nlazy-apps = On\nsingle-interpreter\nstrict = false\n', RULE), []);
    });

    it('notes that any other word turns the flag on', () => {
      assert.deepEqual(findings('[uwsgi]\nvacuum = maybe\n', RULE), [{ code: RULE, severity: 'information', covers: 'maybe' }]);
      assert.match(messages('[uwsgi]\nvacuum = maybe\n', RULE)[0]!, /`maybe` turns it on/);
      assert.match(messages('[uwsgi]\ndisable-logging = perhaps\n', RULE)[0]!, /turns `disable-logging` on/);
    });

    it('leaves a word that plainly means off to off-word-flag, and prefers no fix for the others', () => {
      assert.deepEqual(findings('[uwsgi]\nvacuum = disabled\nmaster = nope\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nvacuum = disabled\nmaster = nope\n', 'off-word-flag').map((f) => f.covers), ['disabled', 'nope']);
      assert.ok(!quickFixes('[uwsgi]\nvacuum = maybe\n', RULE).some((a) => a.isPreferred));
    });

    it('leaves a comment that turns a false flag on to inline-comment: one report per mistake', () => {
      assert.deepEqual(findings('[uwsgi]\nmaster = false ; no master\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nmaster = false ; no master\n', 'inline-comment').map((f) => f.severity), ['warning']);
      assert.deepEqual(findings('[uwsgi]\nmaster = true ; yes\n', RULE), []);
    });
  });

  describe('modes, log-date, enums', () => {
    it('errors on a chmod-socket value uWSGI refuses', () => {
      assert.deepEqual(findings('[uwsgi]\nchmod-socket = 666\nchmod-socket = 1\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nchmod-socket = 0666\n', RULE), [{ code: RULE, severity: 'error', covers: '0666' }]);
      assert.equal(fixed('[uwsgi]\nchmod-socket = 0666\n', RULE), '[uwsgi]\nchmod-socket = 666\n');
      assert.deepEqual(findings('[uwsgi]\nchmod-socket = 686\n', RULE).map((f) => f.severity), ['error']);
      assert.deepEqual(findings('[uwsgi]\nchmod-socket\n', RULE).map((f) => f.severity), ['error']);
      assert.deepEqual(findings('[uwsgi]\nlogfile-chmod = 1\n', RULE).map((f) => f.severity), ['error']);
    });

    it('warns that log-date = false turns dates on, and offers to remove the line', () => {
      const text = '[uwsgi]\r\nlog-date = false\r\nmaster = true\r\n';
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: 'false' }]);
      assert.match(messages(text, RULE)[0]!, /uses `false` as the date format/);
      const result = fixed(text, RULE);
      assert.equal(result, '[uwsgi]\r\nmaster = true\r\n');
      assert.deepEqual(findings(result, RULE), []);
      assert.deepEqual(findings('[uwsgi]\nlog-date = true\nlogdate = %%Y-%%m-%%d\n', RULE), []);
    });

    it('warns that fileserve-mode ignores unknown values and suggests the nearest', () => {
      assert.deepEqual(findings('[uwsgi]\nfileserve-mode = x-sendfil\n', RULE), [{ code: RULE, severity: 'warning', covers: 'x-sendfil' }]);
      assert.equal(fixed('[uwsgi]\nfileserve-mode = x-sendfil\n', RULE), '[uwsgi]\nfileserve-mode = x-sendfile\n');
      assert.deepEqual(findings('[uwsgi]\nfileserve-mode = NGINX\n', RULE), []);
    });
  });

  it('ignores keys that are no options', () => {
    assert.deepEqual(findings('[uwsgi]\nmy-count = four\n', RULE), []);
  });
});

describe('rule invalid-value: placeholder names', () => {
  it('refuses set-placeholder of an option name, as uWSGI does', () => {
    assert.deepEqual(findings('[uwsgi]\nset-placeholder = master=1\n', 'invalid-value'), [{ code: 'invalid-value', severity: 'error', covers: 'master' }]);
    assert.deepEqual(findings('[uwsgi]\nset-ph = socket=/x\n', 'invalid-value').map((f) => f.covers), ['socket']);
  });

  it('accepts set-placeholder of other names, and set of an option', () => {
    assert.deepEqual(findings('[uwsgi]\nset-placeholder = base=/srv\nset = master=1\n', 'invalid-value'), []);
  });

  it('is safe where the fix writes what uWSGI reads anyway, unsafe where it changes the value', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nharakiri = 30s\n', RULE), ['*Change to `30`: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nlimit-as = 512M\n', RULE), ['*Change to `512`: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nlimit-as = 1G\n', RULE), ['*Change to `1024`: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nchmod-socket = 0660\n', RULE), ['*Change to `660`: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nmaster = maybe\n', RULE), ['Change to `true`: safe', 'Change to `false`: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nlog-date = false\n', RULE), ['*Remove `log-date`: unsafe']);
  });

  it('leaves a log-date strftime format eaten by the magic pass to magic-percent-literal', () => {
    assert.deepEqual(findings('[uwsgi]\nlog-date = %Y-%m-%d %H:%M:%S\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nlog-date = %Y-%m-%d %H:%M:%S\n').map((f) => f.code), ['magic-percent-literal']);
    assert.deepEqual(findings('[uwsgi]\nlog-date = [%h]\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nlog-date = %%Y-%%m\n', RULE), []);
  });

  it('does not judge a final % that eats the carriage return of a CRLF line: uWSGI never sees it', () => {
    assert.deepEqual(findings('[uwsgi]\r\nchmod-socket = 666%\r\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 666%', RULE).map((f) => f.severity), ['error']);
  });
});
