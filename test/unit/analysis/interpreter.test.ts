// The interpreter, construct by construct: short documents and the list uWSGI would build from
// them, as SEMANTICS.md describes it (the oracle suite checks the same against the real binary).
import { strict as assert } from 'node:assert';
import { interpret } from '../../../server/src/analysis/interpreter/interpret';
import { showConfigLines } from '../../../server/src/analysis/interpreter/showConfig';
import { Interpretation, MachineFacts } from '../../../server/src/analysis/interpreter/types';
import { fakeFileSystem } from '../../support/spec';

const MAIN = '/srv/app/uwsgi.ini';

interface Setup {
  files?: Record<string, string | 'directory'>;
  env?: Record<string, string>;
  /** The environment is the whole environment (default) or only what was given. */
  complete?: boolean;
  version?: '2.0' | '2.1';
  machine?: MachineFacts;
  noFiles?: boolean;
  file?: string;
}

function run(text: string, setup: Setup = {}): Interpretation {
  const fileSystem = fakeFileSystem({ [MAIN]: text, '/srv/app': 'directory', ...setup.files });
  return interpret({
    file: setup.file ?? MAIN,
    ...(setup.noFiles ? { text } : { fileSystem }),
    env: { vars: new Map(Object.entries(setup.env ?? {})), complete: setup.complete ?? true },
    machine: { cwd: '/srv/app', ...setup.machine },
    version: setup.version ?? '2.0',
    plugins: [],
  });
}

/** The `key = value` lines after our own `ini = FILE`, as --show-config prints them. */
function shown(text: string, setup: Setup = {}): string[] {
  const result = run(text, setup);
  assert.equal(result.stop, undefined, `stopped: ${result.stop?.message}`);
  return showConfigLines(result).slice(1);
}

function stopOf(text: string, setup: Setup = {}): string | undefined {
  return run(text, setup).stop?.message;
}

/** The 1-based line of the `|` marker in a document, and the document without it. */
function marked(text: string): { text: string; line: number } {
  const at = text.indexOf('|');
  return { text: text.slice(0, at) + text.slice(at + 1), line: text.slice(0, at).split('\n').length };
}

describe('interpreter: reading (SEMANTICS.md §2)', () => {
  it('has no inline comments, splits at the first = and trims both sides', () => {
    assert.deepEqual(shown('[uwsgi]\nsocket = :80 ; main\n  k2=v2=v3  \nx = "a b"\n'), ['socket = :80 ; main', 'k2 = v2=v3', 'x = "a b"']);
  });

  it('reads a line without = as the key with an empty value, and skips comment lines', () => {
    assert.deepEqual(shown('[uwsgi]\n# c\n; c\nmaster\n'), ['master = ']);
  });

  it('ignores keys before the first header and lines of other sections', () => {
    assert.deepEqual(shown('a = 1\n[other]\nb = 2\n[uwsgi]\nc = 3\n'), ['c = 3']);
  });

  it('takes the section name as everything after [ minus the last character', () => {
    assert.deepEqual(shown('[uwsgi] ; c\na = 1\n[ uwsgi ]\nb = 2\n[uwsgi]\nc = 3\n'), ['c = 3']);
  });

  it('processes every occurrence of the section, in file order', () => {
    assert.deepEqual(shown('[uwsgi]\na = 1\n[x]\nb = 2\n[uwsgi]\nc = 3\n'), ['a = 1', 'c = 3']);
  });

  it('reads CRLF files', () => {
    assert.deepEqual(shown('[uwsgi]\r\na = 1\r\n'), ['a = 1']);
  });

  it('does not find the section behind a UTF-8 BOM, and only warns', () => {
    const result = run('\uFEFF[uwsgi]\na = 1\n');
    assert.deepEqual(showConfigLines(result).slice(1), []);
    assert.match(result.warnings[0]!.message, /Can't find section "uwsgi"/);
  });
});

describe('interpreter: magic variables at read time (§8)', () => {
  it('expands the file variables everywhere, %d with its trailing slash', () => {
    assert.deepEqual(shown('[uwsgi]\na = %d|%p|%s|%n|%e|%c|%0|%1|%2\n'), ['a = /srv/app/|/srv/app/uwsgi.ini|uwsgi.ini|uwsgi|ini|app|srv|app|']);
  });

  it('turns %% into %, keeps %( and removes any other unknown sequence', () => {
    assert.deepEqual(shown('[uwsgi]\nlog-date = %Y-%m-%d %%\nv = %(x) 100%z\n'), ['log-date = --/srv/app/ %', 'v = %(x) 100']);
  });

  it('joins the next line onto a value or a comment ending in %', () => {
    assert.deepEqual(shown('[uwsgi]\na = x%\ny\n# comment %\nswallowed = 1\nb = 2\n'), ['a = xy', 'b = 2']);
  });

  it('keeps machine variables unknown unless the machine is known', () => {
    const result = run('[uwsgi]\nprocname = app@%h\n');
    assert.deepEqual(showConfigLines(result).slice(1), ['procname = app@%h']);
    assert.deepEqual(result.unknowns.map((u) => [u.source, u.text]), [['magic', '%h']]);
    assert.deepEqual(shown('[uwsgi]\nprocname = app@%h\n', { machine: { hostname: 'web1' } }), ['procname = app@web1']);
  });

  it('gives %x the requested section and freezes %N at the first --ini file', () => {
    const files = { '/srv/app/base.ini': '[uwsgi]\nb = %n %N %x\n[prod]\np = %n %N %x\n' };
    assert.deepEqual(shown('[uwsgi]\ninclude = base.ini\nini = base.ini:prod\n', { files }), [
      'include = base.ini', 'b = base uwsgi', 'ini = base.ini:prod', 'p = base uwsgi prod',
    ]);
  });
});

describe('interpreter: immediate options see only magic expansion (§6)', () => {
  it('keeps $() literal in include, so uWSGI cannot find the file', () => {
    assert.match(stopOf('[uwsgi]\ninclude = $(DIR)/x.ini\n', { env: { DIR: '/srv/app' } }) ?? '', /\$\(DIR\)\/x\.ini/);
  });

  it('stores set-ph values unexpanded and expands set values later', () => {
    assert.deepEqual(shown('[uwsgi]\nset-ph = y=$(V)\nset = z=$(V)\n', { env: { V: 'hello' } }), [
      'set-ph = y=$(V)', 'y = $(V)', 'set = z=$(V)', 'z = hello',
    ]);
  });

  it('iterates for once over a literal %(list), and expands the copies later', () => {
    assert.deepEqual(shown('[uwsgi]\nlist = a b\nfor = %(list)\nitem = %(_)\nendfor =\n'), ['list = a b', 'for = %(list)', 'item = a b', 'endfor = ']);
  });
});

describe('interpreter: the $, @ and % passes (§9)', () => {
  it('replaces a set variable, leaves an unset one literal, and an ungiven one unknown', () => {
    assert.deepEqual(shown('[uwsgi]\na = $(HOME)\nb = $(NOPE)\n', { env: { HOME: '/root' } }), ['a = /root', 'b = $(NOPE)']);
    const partial = run('[uwsgi]\nb = $(NOPE)\n', { complete: false });
    assert.deepEqual(partial.unknowns.map((u) => u.source), ['env']);
  });

  it('uses $(VAR:-default) on 2.1 only; the default ends at the next : or -', () => {
    const text = '[uwsgi]\na = $(NOPE:-8000)\nb = $(EMPTY:-x)\nc = $(EMPTY-x)\nd = $(NOPE:-a-b)\n';
    assert.deepEqual(shown(text, { version: '2.1', env: { EMPTY: '' } }), ['a = 8000', 'b = x', 'c = ', 'd = a']);
    assert.deepEqual(shown('[uwsgi]\na = $(NOPE:-8000)\n'), ['a = $(NOPE:-8000)']);
  });

  it('reads @(file) without its trailing newline and never runs @(exec://...)', () => {
    const files = { '/srv/app/secret.txt': 'hunter2\n' };
    const result = run('[uwsgi]\na = @(secret.txt)\nb = @(exec://date)\n', { files });
    assert.deepEqual(showConfigLines(result).slice(1), ['a = hunter2', 'b = @(exec://date)']);
    assert.deepEqual(result.unknowns.map((u) => u.source), ['exec']);
  });

  it('runs @ before %, so @(%(f)) opens the literal name and uWSGI stops', () => {
    assert.match(stopOf('[uwsgi]\nf = secret.txt\na = @(%(f))\n', { files: { '/srv/app/secret.txt': 'x' } }) ?? '', /%\(f\)/);
  });

  it('takes %(name) from the first entry of that key, even a later one', () => {
    assert.deepEqual(shown('[uwsgi]\nv = %(foo)\nfoo = one\nfoo = two\nw = %(nope)\n'), ['v = one', 'foo = one', 'foo = two', 'w = %(nope)']);
  });

  it('re-expands substituted text except a reference left at index 0', () => {
    assert.deepEqual(shown('[uwsgi]\nx = y\ny = z\na = %(%(x))\nb = .%(%(x))\n'), ['x = y', 'y = z', 'a = %(y)', 'b = .z']);
  });

  it('does placeholder math left to right, concatenating operands side by side', () => {
    assert.deepEqual(shown('[uwsgi]\na = 2\nb = 9\nm = %(a + b) %(a b) %(a ++) %(a + b * 2) %(nope + 1) %(  a  ) %(a / 0)\n'), [
      'a = 2', 'b = 9', 'm = 11 29 3 22 1 2 0',
    ]);
  });

  it('bounds a self-reference that uWSGI would expand without end', () => {
    const result = run('[uwsgi]\na = x%(a)\n');
    assert.equal(result.stop, undefined);
    assert.deepEqual(result.unknowns.map((u) => u.source), ['limit']);
  });

  it('bounds the scanning of two values that grow through each other: unknown, written as read', () => {
    const result = run('[uwsgi]\nf = %(a)%(a)%(b)%(c)%(a)\nb = %(d)%(f)\n');
    assert.equal(result.stop, undefined);
    // f is unknown past the bound; b then holds %(d) (undefined, kept) and f's unknown value.
    assert.deepEqual(shown('[uwsgi]\nf = %(a)%(a)%(b)%(c)%(a)\nb = %(d)%(f)\n'), ['f = %(a)%(a)%(b)%(c)%(a)', 'b = %(d)%(a)%(a)%(b)%(c)%(a)']);
    assert.ok(result.unknowns.length > 0 && result.unknowns.every((u) => u.source === 'limit' && /characters scanned/.test(u.reason)), JSON.stringify(result.unknowns));
  });
});

describe('interpreter: loads, placeholders and custom options (§3, §10)', () => {
  it('pulls a section of the same file with ini = %p:name', () => {
    assert.deepEqual(shown('[uwsgi]\nini = %p:common\napp = 1\n[common]\nbase = /srv\n'), ['ini = /srv/app/uwsgi.ini:common', 'base = /srv', 'app = 1']);
  });

  it('re-reads the last ini file loaded by anyone for ini = :name', () => {
    const files = { '/srv/app/inc.ini': '[uwsgi]\ni = 1\n[other]\no = 1\n' };
    assert.deepEqual(shown('[uwsgi]\ninclude = inc.ini\nini = :other\n', { files }), ['include = inc.ini', 'i = 1', 'ini = :other', 'o = 1']);
  });

  it('refuses include = file.ini:section: no loader matches that name', () => {
    assert.match(stopOf('[uwsgi]\ninclude = inc.ini:other\n', { files: { '/srv/app/inc.ini': '' } }) ?? '', /unable to load configuration from inc\.ini:other/);
  });

  it('appends inherit late, unexpanded, so the inherited file wins', () => {
    const files = { '/srv/app/base.ini': '[uwsgi]\npidfile = base.pid\nb = %(x)\n' };
    const result = run('[uwsgi]\ninherit = base.ini\npidfile = main.pid\nx = 1\n', { files });
    assert.deepEqual(showConfigLines(result).slice(1), ['inherit = base.ini', 'pidfile = main.pid', 'x = 1', 'pidfile = base.pid', 'b = %(x)']);
    assert.equal(result.render(result.effective.get('pidfile')!.entries[0]!.value), 'base.pid');
  });

  it('refuses a set-ph whose name is an option', () => {
    assert.match(stopOf('[uwsgi]\nset-ph = processes=4\n') ?? '', /cannot use processes as a placeholder/);
  });

  it('applies a declare-option template directly, without storing it', () => {
    assert.deepEqual(shown('[uwsgi]\ndeclare-option = myopt=processes=$1;set-ph=t=$2\nmyopt = 3 x\n'), [
      'declare-option = myopt=processes=$1;set-ph=t=$2', 'myopt = 3 x', 't = x',
    ]);
  });

  it('reads the editor text of the main file, also when a pull names it by %p', () => {
    const result = interpret({
      file: MAIN, text: '[uwsgi]\nini = %p:b\n[b]\nb = edited\n', fileSystem: fakeFileSystem({ [MAIN]: '[uwsgi]\n[b]\nb = on disk\n' }),
      env: { vars: new Map(), complete: true }, machine: { cwd: '/srv/app' }, version: '2.0', plugins: [],
    });
    assert.deepEqual(showConfigLines(result).slice(1), [`ini = ${MAIN}:b`, 'b = edited']);
  });

  it('reads nothing without file access and says why', () => {
    const result = run('[uwsgi]\ninclude = other.ini\n', { noFiles: true });
    assert.equal(result.stop?.kind, 'unsupported');
  });

  it('stays bounded on a loop of a billion and a placeholder that doubles itself', () => {
    const started = Date.now();
    assert.equal(run('[uwsgi]\nfor-times = 1000000000\nx = %(_)\nendfor =\n').stop?.kind, 'limit');
    const doubling = run('[uwsgi]\na = %(a)%(a)\n');
    assert.deepEqual(doubling.unknowns.map((u) => u.source), ['limit']);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  it('stops an include cycle at the include depth limit', () => {
    const result = run('[uwsgi]\ninclude = uwsgi.ini\n');
    assert.equal(result.stop?.kind, 'limit');
  });
});

describe('interpreter: config logic (§11)', () => {
  it('stores the lines of a true if-env with %(_) as the value, and skips a false one', () => {
    const result = run('[uwsgi]\nif-env = PORT\nsocket = :%(_)\nendif =\nif-not-env = PORT\nsocket = :80\nendif =\n', { env: { PORT: '8000' } });
    assert.deepEqual(showConfigLines(result).slice(1), ['if-env = PORT', 'socket = :8000', 'endif = ', 'if-not-env = PORT', 'endif = ']);
    assert.deepEqual(result.skipped.map((s) => [s.key, s.provenance.condition?.state]), [['socket', 'false']]);
  });

  it('never reads an include inside a false if-exists', () => {
    assert.deepEqual(shown('[uwsgi]\nif-exists = /etc/nope.ini\ninclude = /etc/nope.ini\nendif =\n'), ['if-exists = /etc/nope.ini', 'endif = ']);
  });

  it('tests if-opt against the first value as written, before the passes', () => {
    assert.deepEqual(shown('[uwsgi]\nenv = $(X)\nif-opt = env=$(X)\nyes = %(_)\nendif =\n', { env: { X: '1' } }), [
      'env = 1', 'if-opt = env=$(X)', 'yes = 1', 'endif = ',
    ]);
  });

  it('re-tests the condition for every line', () => {
    assert.deepEqual(shown('[uwsgi]\nif-not-opt = a\na = 1\nb = 2\nendif =\n'), ['if-not-opt = a', 'a = 1', 'endif = ']);
  });

  it('keeps one block state across sections and out of an included file', () => {
    const files = { '/srv/app/inc.ini': '[uwsgi]\nif-env = NOPE\n' };
    assert.deepEqual(shown('[uwsgi]\ninclude = inc.ini\nx = 1\n[other]\ny = 2\n[uwsgi]\nendif =\nz = 3\n', { files }), [
      'include = inc.ini', 'if-env = NOPE', 'endif = ', 'z = 3',
    ]);
  });

  it('runs a for over each token for each line, and for-times from 1', () => {
    assert.deepEqual(shown('[uwsgi]\nfor = a  b\nl = %(_)\nm = %(_)\nendfor =\nfor-times = 2\nn = %(_)\nend\n'), [
      'for = a  b', 'l = a', 'l = b', 'm = a', 'm = b', 'endfor = ', 'for-times = 2', 'n = 1', 'n = 2', 'end = ',
    ]);
  });

  it('lets endfor close an if, and stops on an if opened inside a true block', () => {
    assert.deepEqual(shown('[uwsgi]\nif-env = HOME\na = 1\nendfor =\nb = 2\n', { env: { HOME: '/' } }), ['if-env = HOME', 'a = 1', 'endfor = ', 'b = 2']);
    assert.match(stopOf('[uwsgi]\nif-env = HOME\nif-env = HOME\n', { env: { HOME: '/' } }) ?? '', /recursive logic/);
  });

  it('swallows else inside a false block on 2.0, where it is an unknown key', () => {
    assert.deepEqual(shown('[uwsgi]\nif-env = NOPE\na = 1\nelse =\nb = 2\nendif =\nc = 3\n'), ['if-env = NOPE', 'endif = ', 'c = 3']);
  });

  it('takes the else branch on 2.1 when the last tested line of the if was false', () => {
    const text = '[uwsgi]\nif-env = NOPE\na = 1\nelse =\nb = 2\nendif =\n';
    assert.deepEqual(shown(text, { version: '2.1' }), ['if-env = NOPE', 'else = ', 'b = 2', 'endif = ']);
    assert.deepEqual(shown('[uwsgi]\nif-env = NOPE\nelse =\nb = 2\nendif =\n', { version: '2.1' }), ['if-env = NOPE', 'else = ', 'endif = ']);
  });

  it('tests if-plugin against the plugins the default build embeds and those loaded so far', () => {
    assert.deepEqual(shown('[uwsgi]\nif-plugin = python\na = 1\nendif =\nif-plugin = php\nb = 1\nendif =\nplugin = php\nif-plugin = php\nc = 1\nendif =\n'), [
      'if-plugin = python', 'a = 1', 'endif = ', 'if-plugin = php', 'endif = ', 'plugin = php', 'if-plugin = php', 'c = 1', 'endif = ',
    ]);
  });

  it('marks the lines of a file included under a condition with that condition', () => {
    const result = run('[uwsgi]\nif-env = MODE\ninclude = prod.ini\nendif =\n', { complete: false, files: { '/srv/app/prod.ini': '[uwsgi]\np = 1\n' } });
    assert.equal(result.entries.find((e) => e.key === 'p')!.provenance.condition?.state, 'unknown');
  });

  it('goes on past a missing include under a condition it cannot test, and says where', () => {
    const result = run('[uwsgi]\nif-env = MODE\ninclude = %dlocal.ini\nendif =\nmaster = true\n', { complete: false });
    assert.equal(result.stop, undefined);
    assert.deepEqual(showConfigLines(result).slice(1), ['if-env = MODE', 'include = /srv/app/local.ini', 'endif = ', 'master = true']);
    assert.deepEqual(result.conditionalMisses.map((m) => [m.line, m.path, m.condition.key, m.condition.state]), [[3, '/srv/app/local.ini', 'if-env', 'unknown']]);
    // Where the condition is known to hold, the miss is fatal as in uWSGI.
    assert.match(stopOf('[uwsgi]\nif-env = MODE\ninclude = %dlocal.ini\nendif =\n', { env: { MODE: 'x' } }) ?? '', /local\.ini/);
  });

  it('records the keys if-opt and %(name) read, from any file', () => {
    const files = { '/srv/app/logic.ini': '[uwsgi]\nif-opt = deploy=prod\nmaster = %(workers)\nendif =\n' };
    const result = run('[uwsgi]\ndeploy = prod\nworkers = 4\nnote = x\ninclude = logic.ini\n', { files });
    assert.deepEqual([...result.reads].sort(), ['deploy', 'workers']);
  });

  it('carries a condition it cannot test as unknown, with the lines it guards', () => {
    const result = run('[uwsgi]\nif-env = PORT\nsocket = :%(_)\nendif =\n', { complete: false });
    const socket = result.entries.find((e) => e.key === 'socket')!;
    assert.equal(socket.provenance.condition?.state, 'unknown');
    assert.equal(result.render(socket.value), 'socket = :%(_)'.slice('socket = '.length));
  });
});

describe('interpreter: the environment as options (§12)', () => {
  it('turns UWSGI_* variables into options before the file, lower-cased with dashes, unexpanded by magic', () => {
    const result = run('[uwsgi]\nv = %(foo-bar)\n', { env: { UWSGI_FOO_BAR: 'Val_UE %d', UWSGI_RELOADS: '3', HOME: '/root' } });
    assert.deepEqual(showConfigLines(result), ['foo-bar = Val_UE %d', `ini = ${MAIN}`, 'v = Val_UE %d']);
  });
});

describe('interpreter: provenance and application', () => {
  it('records file, line, section and the include chain of each entry', () => {
    const inc = marked('[uwsgi]\n\n|x = 1\n');
    const result = run('[uwsgi]\ninclude = inc.ini\n', { files: { '/srv/app/inc.ini': inc.text } });
    const x = result.entries.find((e) => e.key === 'x')!;
    assert.deepEqual([x.provenance.file, x.provenance.line, x.provenance.section], ['/srv/app/inc.ini', inc.line, 'uwsgi']);
    assert.deepEqual(x.provenance.chain.map((l) => [l.via, l.line]), [['ini', 0], ['include', 2]]);
  });

  it('counts the source line of an entry after a joined line', () => {
    const doc = marked('[uwsgi]\na = x%\ny\n|b = 2\n');
    const b = run(doc.text).entries.find((e) => e.key === 'b')!;
    assert.equal(b.provenance.line, doc.line);
  });

  it('applies last-wins options once and keeps every value of list options', () => {
    const result = run('[uwsgi]\nprocesses = 4\nprocesses = 8\nsocket = :80\nsocket = :81\n');
    assert.deepEqual(result.effective.get('processes')!.entries.map((e) => e.value), ['8']);
    assert.deepEqual(result.effective.get('socket')!.entries.map((e) => e.value), [':80', ':81']);
  });

  it('stops where strict mode meets an unknown key', () => {
    assert.match(stopOf('[uwsgi]\nstrict = true\nvaccum = true\n') ?? '', /unknown config directive: vaccum/);
  });
});
