// The CLI given inputs that are not ordinary files: each is reported on stderr, the exit status
// is 2, and the ordinary files among them are still checked.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

  it('checks a binary file named .ini without failing', async () => {
    const result = await lint(['binary.ini'], dir);
    assert.ok(result.status === 0 || result.status === 1, `status ${result.status}: ${result.stderr}`);
    assert.equal(result.stderr, '');
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
