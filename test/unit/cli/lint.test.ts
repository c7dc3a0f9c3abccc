import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Workdir } from '../../support/cli';

let work: Workdir;
let workdir: string;
const lint = (args: string[], stdin = '') => work.lint(args, stdin);
const write = (name: string, text: string): void => work.write(name, text);

describe('uwsgi-ini-lint', () => {
  beforeEach(() => {
    work = new Workdir();
    workdir = work.dir;
  });

  afterEach(() => work.remove());

  it('prints path:line:col: severity rule-id message and a summary', async () => {
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    const run = await lint(['app.ini']);
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      'app.ini:4:1: warning unknown-option Unknown option `vaccum`: uWSGI silently keeps it as a placeholder and ignores it. Did you mean `vacuum`?\n' +
        '1 problem (0 errors, 1 warning, 0 information, 0 hints) in 1 file of 1 checked\n',
    );
  });

  it('exits 1 when there are errors', async () => {
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nhook-asap = exce:ls\n');
    const run = await lint(['app.ini']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /app\.ini:4:13: error unknown-hook-action/);
  });

  it('prints exactly one JSON array with 1-based line/column beside the 0-based LSP range, one entry per file in input order', async () => {
    write('b.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = 1\n');
    write('a.ini', '[uwsgi]\nuid = app\ngid = app\n');
    const run = await lint(['--format', 'json', 'b.ini', 'a.ini']);
    const parsed = JSON.parse(run.stdout);
    assert.deepEqual(parsed, [
      {
        file: 'b.ini',
        diagnostics: [{
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 7,
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } },
          severity: 'warning',
          code: 'unknown-option',
          message: 'Unknown option `vaccum`: uWSGI silently keeps it as a placeholder and ignores it. Did you mean `vacuum`?',
          source: 'uwsgi-ini',
        }],
      },
      { file: 'a.ini', diagnostics: [] },
    ]);
  });

  it('writes SARIF 2.1.0 with 1-based regions and the rule catalogue', async () => {
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = 1\n');
    const sarif = JSON.parse((await lint(['--format=sarif', 'app.ini'])).stdout);
    assert.equal(sarif.version, '2.1.0');
    const [result] = sarif.runs[0].results;
    assert.equal(result.ruleId, 'unknown-option');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 1, endLine: 4, endColumn: 7 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'app.ini');
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'missing-vacuum'));
  });

  it('finds uWSGI ini files below a directory and skips other ini files', async () => {
    write('deploy/uwsgi.ini', '[uwsgi]\nvaccum = 1\n');
    write('deploy/vassals/api.ini', '[uwsgi]\nproesses = 2\n');
    write('deploy/setup.ini', '[metadata]\nname = x\n');
    const parsed = JSON.parse((await lint(['--format', 'json', 'deploy'])).stdout) as { file: string }[];
    assert.deepEqual(parsed.map((r) => r.file), [path.join('deploy', 'uwsgi.ini'), path.join('deploy', 'vassals', 'api.ini')]);
  });

  it('expands a quoted glob', async () => {
    write('conf/a.ini', '[uwsgi]\n');
    write('conf/sub/b.ini', '[uwsgi]\n');
    write('conf/c.txt', '[uwsgi]\n');
    const parsed = JSON.parse((await lint(['--format', 'json', 'conf/**/*.ini'])).stdout) as { file: string }[];
    assert.deepEqual(parsed.map((r) => r.file), ['conf/a.ini', 'conf/sub/b.ini']);
  });

  it('reads standard input for "-"', async () => {
    const run = await lint(['--format', 'json', '-'], '[uwsgi]\nuid = a\ngid = a\nvaccum = 1\n');
    const [result] = JSON.parse(run.stdout);
    assert.equal(result.file, '-');
    assert.deepEqual(result.diagnostics.map((d: { code: string }) => d.code), ['unknown-option']);
  });

  it('turns warnings into a failure above --max-warnings', async () => {
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = 1\nproesses = 2\n');
    assert.equal((await lint(['--max-warnings', '2', 'app.ini'])).code, 0);
    assert.equal((await lint(['--max-warnings', '1', 'app.ini'])).code, 1);
  });

  it('applies --strict, --rule, --plugins, --uwsgi-version and --section', async () => {
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = 1\n[php]\nuid = app\ngid = app\nphp-docroot = /srv\n');
    assert.equal((await lint(['--strict', 'app.ini'])).code, 1);
    assert.equal((await lint(['--rule', 'unknown-option=off', 'app.ini'])).stdout.startsWith('0 problems'), true);
    const php = JSON.parse((await lint(['--format', 'json', '--section', 'php', 'app.ini'])).stdout)[0].diagnostics;
    assert.match(php[0].message, /needs the `php` plugin/);
    const withPlugin = JSON.parse((await lint(['--format', 'json', '--section', 'php', '--plugins', 'php', 'app.ini'])).stdout)[0].diagnostics;
    assert.deepEqual(withPlugin, []);
    write('pss.ini', '[uwsgi]\nuid = app\ngid = app\nreload-on-pss = 100\n');
    assert.equal(JSON.parse((await lint(['--format', 'json', '--uwsgi-version', '2.1', 'pss.ini'])).stdout)[0].diagnostics.length, 0);
  });

  it('takes placeholder names from outside with --placeholders a,b and repeatable --placeholder NAME', async () => {
    write('vassal.ini', '[uwsgi]\nuid = app\ngid = app\nchdir = /srv/%(app_name)\nsocket = /run/%(app_name).sock\nlogto = /var/log/%(site).log\n');
    const codes = async (args: string[]): Promise<string[]> =>
      JSON.parse((await lint(['--format', 'json', ...args, 'vassal.ini'])).stdout)[0].diagnostics.filter((d: { code: string }) => d.code === 'undefined-placeholder').map((d: { message: string }) => d.message);
    assert.equal((await codes([])).length, 3);
    assert.equal((await codes(['--placeholders', 'app_name,site'])).length, 0);
    assert.equal((await codes(['--placeholder', 'app_name', '--placeholder=site'])).length, 0);
    const onlySite = await codes(['--placeholder', 'site']);
    assert.equal(onlySite.length, 2);
    assert.ok(onlySite.every((message) => message.includes('`app_name`')));
    assert.equal((await lint(['--placeholder', '', 'vassal.ini'])).code, 2);
  });

  it('reports unreadable inputs with exit 2 and still lints the others', async () => {
    write('good.ini', '[uwsgi]\nuid = a\ngid = a\nvaccum = 1\n');
    fs.mkdirSync(path.join(workdir, 'dir.ini'));
    fs.symlinkSync(path.join(workdir, 'nowhere.ini'), path.join(workdir, 'broken.ini'));
    const run = await lint(['--format', 'json', 'missing.ini', 'dir.ini', 'broken.ini', 'good.ini']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /missing\.ini: no such file or directory/);
    assert.match(run.stderr, /broken\.ini: no such file or directory/);
    assert.deepEqual(JSON.parse(run.stdout).map((r: { file: string }) => r.file), ['good.ini']);
  });

  it('rejects bad usage with exit 2 and a message', async () => {
    for (const args of [[], ['--format', 'xml', 'a.ini'], ['--rule', 'unknown-option=loud', 'a.ini'], ['--rule', 'no-such-rule=off', 'a.ini'], ['--bogus'], ['--max-warnings', 'many', 'a.ini']]) {
      const run = await lint(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^uwsgi-ini-lint: /, args.join(' '));
    }
  });

  it('reports a binary file as not checked, with status 2 and none of its bytes', async () => {
    // The start of an ELF executable: NUL bytes no text file has.
    fs.writeFileSync(path.join(workdir, 'ls'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x3e, 0, 0x0a, 0x5b, 0x75, 0x3d]));
    const run = await lint(['--no-color', 'ls']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'uwsgi-ini-lint: ls: binary file, not checked\n');
    assert.equal(run.stdout, '');
    const stdin = await lint(['--no-color', '-'], '[uwsgi]\n\0\0\0');
    assert.equal(stdin.code, 2);
    assert.equal(stdin.stderr, 'uwsgi-ini-lint: standard input: binary file, not checked\n');
  });

  it('says "1 warning" in the singular when --max-warnings is exceeded', async () => {
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = 1\n');
    const run = await lint(['--no-color', '--max-warnings', '0', 'app.ini']);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'uwsgi-ini-lint: 1 warning, more than --max-warnings 0\n');
  });

  it('under --strict says uWSGI refuses to start, not that it keeps and ignores the key', async () => {
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = 1\nphp-docroot = /srv\nreload-on-pss = 1\n= x\nhook-pre-appp = exec:true\n');
    const diagnostics = JSON.parse((await lint(['--format', 'json', '--strict', 'app.ini'])).stdout)[0].diagnostics as { code: string; message: string; severity: string }[];
    const unknown = diagnostics.filter((d) => d.code === 'unknown-option' || d.code === 'unknown-hook-phase');
    assert.equal(unknown.length, 5, JSON.stringify(unknown));
    for (const d of unknown) {
      assert.equal(d.severity, 'error');
      assert.match(d.message, /refuses to start/);
      assert.doesNotMatch(d.message, /silently|ignores|keeps|never runs/, d.message);
    }
  });

  it('prints one line and a pointer to --help for a usage error, not the whole help', async () => {
    for (const args of [[], ['--bogus', 'a.ini'], ['--format', 'xml', 'a.ini']]) {
      const run = await lint(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr.split('\n').length, 2, run.stderr);
      assert.match(run.stderr, /\(see --help\)\n$/);
      assert.doesNotMatch(run.stderr, /Options:/);
    }
  });

  it('prints no "0 files of 0 checked" summary when no input could be read', async () => {
    const run = await lint(['--no-color', 'missing.ini']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'uwsgi-ini-lint: missing.ini: no such file or directory\n');
  });

  it('gives missing-include the severity uWSGI\'s exit implies in --list-rules, its rule page and the README', async () => {
    // uWSGI exits with status 1 on a missing `include`/`ini` file (probe include_env_not_expanded).
    const listed = (await lint(['--list-rules'])).stdout.split('\n').find((line) => line.startsWith('missing-include\t'));
    assert.equal(listed?.split('\t')[1], 'error');
    const root = path.resolve(__dirname, '../../..');
    assert.match(fs.readFileSync(path.join(root, 'docs/rules/missing-include.md'), 'utf8'), /^\*\*Default severity:\*\* error\b/m);
    assert.match(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), /^\| \[missing-include\]\(docs\/rules\/missing-include\.md\) \| error\b/m);
  });

  it('lists the registry like uwsgi --dump-options', async () => {
    const options = (await lint(['--list-options'])).stdout.trim().split('\n');
    assert.ok(options.length >= 1335, `${options.length} options`);
    assert.ok(options.some((line) => line.startsWith('vacuum\t')));
    assert.equal((await lint(['--list-phases'])).stdout.trim().split('\n').length, 29);
    assert.equal((await lint(['--list-actions'])).stdout.trim().split('\n').length, 40);
    assert.ok((await lint(['--list-rules'])).stdout.includes('unknown-option\twarning\t'));
  });
});

describe('uwsgi-ini-lint as a process', () => {
  it('stops quietly when the reader closes the pipe early', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const bin = path.resolve(__dirname, '../../../server/bin/uwsgi-ini-lint.js');
    const result = spawnSync('bash', ['-c', `node "${bin}" --list-options | head -1`], { encoding: 'utf8' });
    assert.equal(result.stdout.split('\n').filter((l) => l !== '').length, 1);
    assert.doesNotMatch(result.stderr, /EPIPE|Error/);
    assert.equal(result.status, 0);
  });

  it('exits with the status of its findings whether or not the reader closes the pipe early', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const bin = path.resolve(__dirname, '../../../server/bin/uwsgi-ini-lint.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-pipe-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.ini'), '[uwsgi]\nhook-asap = exce:ls\n'.repeat(200));
      fs.writeFileSync(path.join(dir, 'good.ini'), '[uwsgi]\nuid = app\ngid = app\n');
      for (const [file, reader, status] of [['bad.ini', 'true', 1], ['bad.ini', 'head -1', 1], ['bad.ini', 'cat', 1], ['good.ini', 'true', 0]] as const) {
        const result = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" --no-color ${file} | ${reader} >/dev/null`], { cwd: dir, encoding: 'utf8' });
        assert.equal(result.status, status, `${file} | ${reader}: ${result.stderr}`);
        assert.equal(result.stderr, '', `${file} | ${reader}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
