import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/lint';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let workdir: string;

async function lint(args: string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => stdin,
    isTTY: false,
    cwd: workdir,
  });
  return { code, stdout, stderr };
}

function write(name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(workdir, name)), { recursive: true });
  fs.writeFileSync(path.join(workdir, name), text);
}

describe('uwsgi-ini-lint', () => {
  beforeEach(() => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-lint-'));
  });

  afterEach(() => {
    fs.rmSync(workdir, { recursive: true, force: true });
  });

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

  it('prints exactly one JSON array with 0-based ranges, one entry per file in input order', async () => {
    write('b.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = 1\n');
    write('a.ini', '[uwsgi]\nuid = app\ngid = app\n');
    const run = await lint(['--format', 'json', 'b.ini', 'a.ini']);
    const parsed = JSON.parse(run.stdout);
    assert.deepEqual(parsed, [
      {
        file: 'b.ini',
        diagnostics: [{
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
  });
});
