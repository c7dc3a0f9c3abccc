import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'undefined-placeholder';

describe('rule undefined-placeholder', () => {
  it('only notes a name defined nowhere and like nothing defined: a template gets it from outside as often as not', () => {
    assert.deepEqual(findings('[uwsgi]\nchdir = %(base)/app\n', RULE), [{ code: RULE, severity: 'information', covers: 'base' }]);
    const message = messages('[uwsgi]\nchdir = %(base)/app\n', RULE)[0]!;
    assert.match(message, /keeps `%\(base\)` literally in the value of `chdir`/);
    assert.match(message, /an emperor \(`vassal-set`\).*`# uwsgi-ini: placeholders base`/);
  });

  it('warns on each line where the name is a near miss of a defined one: each is a typo', () => {
    const text = '[uwsgi]\nproject = shop\nchdir = /srv/%(projet)\nlogto = /var/log/%(projet).log\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.severity), ['warning', 'warning']);
    assert.match(messages(text, RULE)[0]!, /Did you mean `project`\?/);
  });

  it('accepts names declared as supplied from outside: a comment in the file or the setting', () => {
    const text = '[uwsgi]\nchdir = /srv/%(app_name)\nlogto = /var/log/%(site).log\n';
    assert.deepEqual(findings(`# uwsgi-ini: placeholders app_name site\n${text}`, RULE), []);
    assert.deepEqual(findings(`; uwsgi-ini: placeholders app_name, site\n${text}`, RULE), []);
    assert.deepEqual(findings(`[uwsgi]\n# uwsgi-ini: placeholders site\n${text.slice(8)}`, RULE).map((f) => f.covers), ['app_name']);
    assert.deepEqual(findings(text, RULE, { placeholders: ['app_name', 'site'] }), []);
    assert.deepEqual(findings(text, RULE, { placeholders: ['site'] }).map((f) => f.covers), ['app_name']);
    // Declaring a name changes nothing for an option uWSGI applies before any expansion.
    assert.deepEqual(findings('[uwsgi]\ninclude = %(base)/x.ini\n', 'unexpanded-reference', { placeholders: ['base'] }).map((f) => f.severity), ['error']);
  });

  it('accepts names defined by a key, set-placeholder, set-ph, set or declare-option', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /srv\nchdir = %(base)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nset-placeholder = base=/srv\nchdir = %(base)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nset-ph = base=/srv\nchdir = %(base)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nset = base=/srv\nchdir = %(base)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\ndeclare-option = app=chdir=$1\nprint = %(app)\n', RULE), []);
  });

  it('accepts a definition written after the use: expansion runs once the file is read', () => {
    assert.deepEqual(findings('[uwsgi]\nchdir = %(base)\nbase = /srv\n', RULE), []);
  });

  it('does not count keys of sections uWSGI does not read', () => {
    assert.deepEqual(findings('[other]\nbase = /srv\n[uwsgi]\nchdir = %(base)\n', RULE).map((f) => f.covers), ['base']);
    assert.deepEqual(findings('[uwsgi]\nini = :other\nchdir = %(base)\n[other]\nbase = /srv\n', RULE), []);
  });

  it('knows %(_) is the loop item inside a block, and a missing key outside one', () => {
    assert.deepEqual(findings('[uwsgi]\nfor = a b\nsocket = /run/%(_).sock\nendfor\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nif-env = HOME\nchdir = %(_)\nendif\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nchdir = %(_)\n', RULE), [{ code: RULE, severity: 'warning', covers: '_' }]);
    assert.match(messages('[uwsgi]\nchdir = %(_)\n', RULE)[0]!, /only inside a `for` or `if` block/);
  });

  it('checks the operands of placeholder math, not its numbers and operators', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = 2\nprocesses = %(base + 1)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nbase = 2\nprocesses = %(base * 2 ++)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nprocesses = %(workers + 1)\n', RULE), [{ code: RULE, severity: 'information', covers: 'workers' }]);
    assert.match(messages('[uwsgi]\nprocesses = %(workers + 1)\n', RULE)[0]!, /counts `workers` as 0/);
  });

  it('leaves names built from other references alone', () => {
    assert.deepEqual(findings('[uwsgi]\nx = y\nchdir = %(%(x))\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nchdir = %($(APP))\n', RULE), []);
  });

  it('leaves log variables of log-format alone', () => {
    assert.deepEqual(findings('[uwsgi]\nlog-format = %(addr) %(method) %(uri) %(status)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nlogformat = %(msecs)\n', RULE), []);
  });

  it('lowers to information when the file loads another one that may define the name', () => {
    assert.deepEqual(findings('[uwsgi]\ninclude = base.ini\nchdir = %(base)\n', RULE), [{ code: RULE, severity: 'information', covers: 'base' }]);
    // `inherit` applies its file after placeholders were expanded: it cannot define them.
    assert.deepEqual(findings('[uwsgi]\ninherit = base.ini\nchdir = %(base)\n', RULE)[0]!.severity, 'warning');
    assert.match(messages('[uwsgi]\nini = common.ini:app\nchdir = %(base)\n', RULE)[0]!, /unless `ini` on line 2 defines it/);
    // A section of this same file is no external source.
    assert.deepEqual(findings('[uwsgi]\nini = :other\nchdir = %(base)\n[other]\nmaster = true\n', RULE)[0]!.severity, 'warning');
  });

  it('leaves %() in the value of an immediate option to unexpanded-reference, defined or not', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /srv\ninclude = %(base)/x.ini\ninclude = %(nope)/y.ini\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nbase = /srv\ninclude = %(base)/x.ini\n', 'unexpanded-reference').map((f) => f.covers), ['%(base)']);
    assert.deepEqual(findings('[uwsgi]\nlist = a b\nfor = %(list)\nendfor\n', RULE), []);
  });

  it('does not treat set and set-placeholder values as read too early: they are expanded where used', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /srv\nset-ph = app=%(base)/app\nchdir = %(app)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nbase = /srv\nset = chdir=%(base)\n', RULE), []);
  });

  it('accepts %(_) in an immediate option inside a block: the block fills it in first', () => {
    assert.deepEqual(findings('[uwsgi]\nfor = a b\ninclude = %(_).ini\nendfor\n', RULE), []);
  });

  it('suggests the nearest defined name and fixes by replacing the name only', () => {
    const text = '[uwsgi]\r\nbase_dir = /srv\r\nchdir = %(base_dri)/app\r\n';
    assert.match(messages(text, RULE)[0]!, /Did you mean `base_dir`\?/);
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\r\nbase_dir = /srv\r\nchdir = %(base_dir)/app\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('offers no rename when nothing is close', () => {
    assert.deepEqual(quickFixes('[uwsgi]\nmaster = true\nchdir = %(completely_else)\n', RULE), []);
  });

  it('renames safely to the one close name', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nbase_dir = /srv\nchdir = %(base_dri)/app\n', RULE), ['*Change to `base_dir`: safe']);
  });
});
