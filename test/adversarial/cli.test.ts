// The CLI given inputs that are not ordinary files: each is reported on stderr, the exit status
// is 2, and the ordinary files among them are still checked.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliIo, runCli } from '../../server/src/cli/lint';

const LINT_BIN = path.resolve(__dirname, '../../server/bin/uwsgi-ini-lint.js');

async function lint(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => Promise.resolve(''),
    isTTY: false,
    cwd,
  };
  const status = await runCli(['--no-color', ...args], io);
  return { status, stdout, stderr };
}

describe('adversarial: the CLI on special and unreadable inputs', function () {
  this.timeout(10_000);
  let dir: string;

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-cli-')));
    fs.writeFileSync(path.join(dir, 'good.ini'), '[uwsgi]\nvaccum = true\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe.ini')]);
    fs.mkdirSync(path.join(dir, 'x.ini'));
    fs.symlinkSync(path.join(dir, 'gone.ini'), path.join(dir, 'dangling.ini'));
    // A path through a regular file: unreadable even for root (ENOTDIR).
    fs.writeFileSync(path.join(dir, 'plain'), 'not a directory');
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 131 + 7) & 0xff;
    fs.writeFileSync(path.join(dir, 'binary.ini'), binary);
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [label, input, reason] of [
    ['a FIFO', 'pipe.ini', /pipe\.ini: not a regular file/],
    ['/dev/zero', '/dev/zero', /\/dev\/zero: not a regular file/],
    ['a directory named x.ini with no ini file in it', 'x.ini', /x\.ini: is a directory with no uWSGI ini files/],
    ['a broken symbolic link', 'dangling.ini', /dangling\.ini: no such file or directory/],
    ['a path through a regular file', 'plain/uwsgi.ini', /plain\/uwsgi\.ini: /],
  ] as const) {
    it(`reports ${label} on stderr with status 2 and still checks the other file`, async () => {
      const result = await lint([input, 'good.ini'], dir);
      assert.equal(result.status, 2);
      assert.match(result.stderr, reason);
      assert.match(result.stdout, /good\.ini:2:1: warning unknown-option/, 'good.ini is still checked');
      assert.match(result.stdout, /of 1 checked/);
    });
  }

  it('reports a binary file named .ini as not checked instead of listing its bytes', async () => {
    const result = await lint(['binary.ini', 'good.ini'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'uwsgi-ini-lint: binary.ini: binary file, not checked\n');
    assert.doesNotMatch(result.stdout, /binary\.ini/);
    assert.match(result.stdout, /of 1 checked/);
  });

  it('the installed binary returns promptly on a FIFO (no open, no wait for a writer)', () => {
    assert.ok(fs.existsSync(path.resolve(__dirname, '../../server/out/cli/lint.js')), 'build first: npx tsc -b');
    const started = Date.now();
    const result = spawnSync(process.execPath, [LINT_BIN, '--no-color', 'pipe.ini', 'good.ini'], { cwd: dir, encoding: 'utf8', timeout: 8000 });
    assert.equal(result.signal, null, 'not killed by the timeout');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /pipe\.ini: not a regular file/);
    assert.ok(Date.now() - started < 8000);
  });
});

/** Raw control characters other than the newline that ends a record: what a terminal would act on. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

function within(limitMs: number, started: number): void {
  const elapsed = Date.now() - started;
  assert.ok(elapsed < limitMs, `took ${elapsed} ms`);
}

function assertBuilt(): void {
  assert.ok(fs.existsSync(path.resolve(__dirname, '../../server/out/cli/lint.js')), 'build first: npx tsc -b');
}

describe('adversarial: hostile names, contents and streams for the CLI', function () {
  this.timeout(20_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-hostile-')));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints control characters in file names and config content escaped, so no line can be forged', async () => {
    const name = 'evil\x1b]0;owned\x07\n::error file=app.py::forged\r.ini';
    fs.writeFileSync(path.join(dir, name), '[uwsgi]\n\x1b[2Jvaccum = 1\nplugins = py\x1b]8;;x\x07thon\n\x9b31mkey = 1\n');
    const started = Date.now();
    const result = await lint([name, 'gone\x1b]0;t\x07\n.ini', '.'], dir);
    within(2000, started);
    assert.equal(result.status, 2, result.stderr);
    assert.doesNotMatch(result.stdout, RAW_CONTROL);
    assert.doesNotMatch(result.stderr, RAW_CONTROL);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    assert.ok(lines.length >= 4, result.stdout);
    for (const line of lines.slice(0, -1)) assert.ok(line.startsWith('evil\\x1b]0;owned\\x07\\n::error'), line);
    assert.ok(lines.some((line) => line.includes('unknown-plugin') && line.includes('py\\x1b]8;;x\\x07thon')), result.stdout);
    assert.equal(result.stderr, 'uwsgi-ini-lint: gone\\x1b]0;t\\x07\\n.ini: no such file or directory\n');
    const help = await lint(['--help'], dir);
    assert.doesNotMatch(help.stdout, RAW_CONTROL, 'the help that describes the escaping');
  });

  it('stops reading an endless standard input at the file size limit, within bounded time and memory', () => {
    assertBuilt();
    // Measured inside the child: its peak resident set when it exits.
    const probe = path.join(dir, 'rss.js');
    fs.writeFileSync(probe, "process.on('exit', () => require('fs').writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
    for (const [label, stdin] of [['/dev/zero', 'file'], ['a pipe from /dev/zero', 'pipe']] as const) {
      const rssFile = path.join(dir, `rss-${stdin}`);
      const started = Date.now();
      const result = stdin === 'file'
        ? spawnSync(process.execPath, ['--require', probe, LINT_BIN, '-'], { stdio: [fs.openSync('/dev/zero', 'r'), 'pipe', 'pipe'], encoding: 'utf8', timeout: 15_000, env: { ...process.env, RSS_FILE: rssFile } })
        : spawnSync('bash', ['-c', `cat /dev/zero | "${process.execPath}" --require "${probe}" "${LINT_BIN}" -`], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, RSS_FILE: rssFile } });
      within(3000, started);
      assert.equal(result.signal, null, label);
      assert.equal(result.status, 2, `${label}: ${result.stderr}`);
      assert.equal(result.stderr, 'uwsgi-ini-lint: standard input: larger than 16 MB, not checked\n', label);
      const rssMb = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
      assert.ok(rssMb < 300, `${label}: ${rssMb.toFixed(0)} MB resident`);
    }
  });

  it('percent-encodes SARIF artifact URIs and the SRCROOT base, so they resolve to the files checked', async () => {
    const cwd = path.join(dir, 'work tree #1?%');
    fs.mkdirSync(cwd);
    const names = ['a b#c?d%e.ini', 'ctl\x01\n.ini', 'x:y.ini', 'caf\u00e9.ini'];
    for (const name of names) fs.writeFileSync(path.join(cwd, name), '[uwsgi]\nuid = a\ngid = a\nvaccum = 1\n');
    fs.mkdirSync(path.join(cwd, 'sub dir'));
    fs.writeFileSync(path.join(cwd, 'sub dir', '100%.ini'), '[uwsgi]\nuid = a\ngid = a\nvaccum = 1\n');
    const absolute = path.join(cwd, 'sub dir', '100%.ini');
    const started = Date.now();
    const result = await lint(['--format', 'sarif', ...names, 'sub dir/100%.ini', absolute], cwd);
    within(2000, started);
    const run = JSON.parse(result.stdout).runs[0];
    const base = run.originalUriBaseIds.SRCROOT.uri as string;
    assert.equal(fileURLToPath(base), `${cwd}/`);
    const resolved = run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => {
      const location = r.locations[0]!.physicalLocation.artifactLocation;
      assert.doesNotMatch(location.uri, /[\s#?\x00-\x1f]|%(?![0-9A-F]{2})/, location.uri);
      return fileURLToPath(location.uriBaseId === 'SRCROOT' ? new URL(location.uri, base) : new URL(location.uri));
    });
    assert.deepEqual(resolved, [...names.map((name) => path.join(cwd, name)), absolute, absolute]);
  });

  it('--fix on thousands of findings settles within the round bound and leaves the file right', async () => {
    // 3,000 typos (1,000 diagnostics a round), then 2,999 repeats of the corrected line to remove.
    const file = path.join(dir, 'many.ini');
    fs.writeFileSync(file, `[uwsgi]\nuid = app\ngid = app\n${'vaccum = true\n'.repeat(3000)}`);
    const started = Date.now();
    const run = await lint(['--fix', 'many.ini'], dir);
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
    assert.ok(!/did not settle/.test(run.stderr), run.stderr);
    assert.match(run.stdout, /^5999 problems fixed in 1 file$/m);
    assert.equal(fs.readFileSync(file, 'utf8'), '[uwsgi]\nuid = app\ngid = app\nvacuum = true\n');
    fs.rmSync(file);
  });

  it('reports file names that are not valid UTF-8 as unreadable instead of skipping them', async () => {
    const raw = Buffer.concat([Buffer.from(`${dir}/conf/`), Buffer.from([0x61, 0xff, 0xfe]), Buffer.from('.ini')]);
    fs.mkdirSync(path.join(dir, 'conf'));
    fs.writeFileSync(raw, '[uwsgi]\nvaccum = 1\n');
    fs.mkdirSync(Buffer.concat([Buffer.from(`${dir}/conf/`), Buffer.from([0xc3, 0x28])]));
    fs.writeFileSync(path.join(dir, 'conf', 'good.ini'), '[uwsgi]\nvaccum = 1\n');
    for (const input of ['conf', 'conf/*.ini']) {
      const started = Date.now();
      const result = await lint([input], dir);
      within(2000, started);
      assert.equal(result.status, 2, input);
      assert.ok(result.stderr.includes('conf/a\\xff\\xfe.ini: file name is not valid UTF-8, not checked\n'), `${input}: ${result.stderr}`);
      assert.match(result.stdout, /good\.ini:2:1: warning unknown-option/);
    }
    const walked = await lint(['conf'], dir);
    assert.ok(walked.stderr.includes('conf/\\xc3(: directory name is not valid UTF-8, not searched\n'), walked.stderr);
    // A glob without ** never looks into subdirectories, so the one it cannot enter is no concern of it.
    fs.rmSync(raw);
    const globbed = await lint(['conf/*.ini'], dir);
    assert.equal(globbed.stderr, '');
    assert.equal(globbed.status, 0);
  });

  it('ends with one line and status 2 when the output cannot be written (full disk)', () => {
    assertBuilt();
    fs.writeFileSync(path.join(dir, 'good.ini'), '[uwsgi]\nuid = app\ngid = app\n');
    for (const args of [['good.ini'], ['--format', 'json', 'good.ini'], ['--list-options']]) {
      const full = fs.openSync('/dev/full', 'w');
      const started = Date.now();
      const result = spawnSync(process.execPath, [LINT_BIN, ...args], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 10_000 });
      fs.closeSync(full);
      within(3000, started);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stderr, 'uwsgi-ini-lint: cannot write the output: no space left on device\n', args.join(' '));
    }
  });
});
