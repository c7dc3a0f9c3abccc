import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/lint';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixtures/project-settings');

let workdir: string;
let savedXdg: string | undefined;

async function lint(args: string[], cwd = workdir, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, isTTY: false, cwd });
  return { code, stdout, stderr };
}

function write(name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(workdir, name)), { recursive: true });
  fs.writeFileSync(path.join(workdir, name), text);
}

/** rule@line:column (1-based) severity, as the JSON output gives them. */
function findings(stdout: string): string[] {
  const results = JSON.parse(stdout) as { diagnostics: { code: string; line: number; column: number; severity: string }[] }[];
  return results.flatMap((r) => r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.severity}`));
}

describe('uwsgi-ini-lint: project settings', () => {
  beforeEach(() => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-settings-'));
    savedXdg = process.env['XDG_CONFIG_HOME'];
    // The user-level file of whoever runs the tests must not count.
    process.env['XDG_CONFIG_HOME'] = path.join(workdir, 'xdg');
  });

  afterEach(() => {
    if (savedXdg === undefined) delete process.env['XDG_CONFIG_HOME'];
    else process.env['XDG_CONFIG_HOME'] = savedXdg;
    fs.rmSync(workdir, { recursive: true, force: true });
  });

  it('the shared fixture: the pyproject.toml beside it turns missing-vacuum off and loads asyncio', async () => {
    const run = await lint(['--format', 'json', 'test/e2e/fixtures/project-settings/uwsgi.ini'], ROOT);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.deepEqual(findings(run.stdout), ['no-privilege-drop@1:2 information', 'unknown-option@8:1 warning']);
    // The same file without the pyproject.toml: what the settings took away comes back.
    fs.copyFileSync(path.join(FIXTURE, 'uwsgi.ini'), path.join(workdir, 'uwsgi.ini'));
    const bare = await lint(['--format', 'json', 'uwsgi.ini']);
    assert.deepEqual(findings(bare.stdout), ['no-privilege-drop@1:2 information', 'missing-vacuum@6:10 information', 'unknown-option@7:1 warning', 'unknown-option@8:1 warning']);
  });

  it('flags win over the settings file', async () => {
    const run = await lint(['--format', 'json', '--rule', 'missing-vacuum=error', '--plugins', 'http', 'test/e2e/fixtures/project-settings/uwsgi.ini'], ROOT);
    assert.equal(run.code, 1);
    assert.deepEqual(findings(run.stdout), ['no-privilege-drop@1:2 information', 'missing-vacuum@6:10 error', 'unknown-option@7:1 warning', 'unknown-option@8:1 warning']);
  });

  it('--print-settings shows each setting and where it comes from', async () => {
    write('pyproject.toml', '[tool.uwsgi-ini]\nplugins = ["python3"]\nrules = { missing-vacuum = "off" }\n\n[[tool.uwsgi-ini.overrides]]\nfiles = ["vassals/*.ini"]\nstrict = true\n');
    const run = await lint(['--print-settings', 'vassals/app.ini', '--section', 'prod']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, [
      'Settings for vassals/app.ini:',
      '  uwsgi-version = "2.0"         default',
      '  plugins = ["python3"]         pyproject.toml:2',
      '  strict = true                 pyproject.toml:7 (overrides #1)',
      '  section = "prod"              command line (--section)',
      '  placeholders = []             default',
      '  rules.missing-vacuum = "off"  pyproject.toml:3',
      'Excluded: no',
      'Settings files, nearest first: pyproject.toml',
      '',
    ].join('\n'));
  });

  it('--print-settings --format json', async () => {
    write('.uwsgi-ini.toml', 'exclude = ["legacy"]\n');
    const run = await lint(['--print-settings', 'legacy/a.ini', '--format', 'json']);
    const printed = JSON.parse(run.stdout);
    assert.deepEqual(printed.excluded, { pattern: 'legacy', file: '.uwsgi-ini.toml', line: 1 });
    assert.deepEqual(printed.settings.plugins, []);
    assert.equal(printed.origins.plugins, 'default');
    assert.deepEqual(printed.settingsFiles, ['.uwsgi-ini.toml']);
  });

  it('a settings file with errors: each one on stderr with line and column, status 2, the files still checked', async () => {
    write('.uwsgi-ini.toml', 'strict = true\nplugin = ["python3"]\n[rules]\nmissing-vacum = "off"\n');
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    const run = await lint(['app.ini']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, [
      'uwsgi-ini-lint: .uwsgi-ini.toml:2:1: unknown key "plugin" in this file (did you mean "plugins"?); it is not used',
      'uwsgi-ini-lint: .uwsgi-ini.toml:4:1: unknown rule "missing-vacum" (did you mean "missing-vacuum"?); it is not used (uwsgi-ini-lint --list-rules lists the rules)',
      '',
    ].join('\n'));
    // What the file sets correctly still applies: strict makes the unknown option an error.
    assert.match(run.stdout, /app\.ini:4:1: error unknown-option/);
  });

  it('bad TOML: located, status 2', async () => {
    write('pyproject.toml', '[tool.uwsgi-ini]\nplugins = ["python3"\n');
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\n');
    const run = await lint(['app.ini']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^uwsgi-ini-lint: pyproject\.toml:3:1: not valid TOML: .*; none of its settings are used\n$/);
  });

  it('exclude: files below a directory and files named on the command line are skipped', async () => {
    write('.uwsgi-ini.toml', 'exclude = ["legacy", "*.generated.ini"]\n');
    write('app.ini', '[uwsgi]\nuid = app\ngid = app\n');
    write('legacy/old.ini', '[uwsgi]\nvaccum = true\n');
    write('x.generated.ini', '[uwsgi]\nvaccum = true\n');
    const run = await lint(['.', 'legacy/old.ini']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '0 problems (0 errors, 0 warnings, 0 information, 0 hints) in 0 files of 1 checked\n');
  });

  it('standard input gets the settings of the current folder', async () => {
    write('.uwsgi-ini.toml', '[rules]\nunknown-option = "off"\n');
    const run = await lint(['-'], workdir, '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    assert.equal(run.stdout, '0 problems (0 errors, 0 warnings, 0 information, 0 hints) in 0 files of 1 checked\n');
  });

  it('the user-level file in $XDG_CONFIG_HOME/uwsgi-ini/config.toml counts below the project files', async () => {
    write('xdg/uwsgi-ini/config.toml', '[rules]\nunknown-option = "off"\nno-privilege-drop = "off"\n');
    write('project/.uwsgi-ini.toml', '[rules]\nunknown-option = "error"\n');
    write('project/app.ini', '[uwsgi]\nsocket = :3031\nvaccum = true\n');
    const run = await lint(['--format', 'json', 'project/app.ini']);
    assert.deepEqual(findings(run.stdout), ['unknown-option@3:1 error']);
  });
});
