// `uwsgi-ini-lint --fix` on a copy of the whole corpus, twice: the second run must change nothing,
// and every fix must settle within the round bound. What the fixes do to uWSGI is the oracle's
// to judge (test/oracle/safeFixes.test.ts).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS_DIR, corpusFiles } from './corpus';
import { runCli } from '../../server/src/cli/lint';

async function fix(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', isTTY: false, cwd });
  return { code, stdout, stderr };
}

const snapshot = (dir: string): Map<string, Buffer> =>
  new Map(corpusFiles().map((file) => [file.name, fs.readFileSync(path.join(dir, file.name))]));

describe('corpus: --fix on 502 real configs', function () {
  this.timeout(120_000);
  let dir: string;
  let first: { code: number; stdout: string; stderr: string };
  const files = corpusFiles().map((file) => file.name);
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-corpus-fix-'));
    fs.cpSync(CORPUS_DIR, dir, { recursive: true });
    first = await fix(['--fix', '--no-color', ...files], dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fixes some files, then a second --fix changes no byte and fixes nothing', async () => {
    assert.ok(!/did not settle/.test(first.stderr), first.stderr);
    const fixedLine = /^(\d+) problems? fixed in (\d+) files?$/m.exec(first.stdout);
    assert.ok(fixedLine, first.stdout.slice(-500));
    assert.ok(Number(fixedLine[2]) > 0, 'no corpus file was fixed');
    const once = snapshot(dir);
    const changed = corpusFiles().filter((file) => !once.get(file.name)!.equals(fs.readFileSync(path.join(CORPUS_DIR, file.name))));
    assert.equal(changed.length, Number(fixedLine[2]));
    const second = await fix(['--fix', '--no-color', ...files], dir);
    assert.match(second.stdout, /^0 problems fixed in 0 files$/m);
    const twice = snapshot(dir);
    const moved = [...once].filter(([name, bytes]) => !bytes.equals(twice.get(name)!)).map(([name]) => name);
    assert.deepEqual(moved, []);
    console.log(`      --fix: ${fixedLine[1]} fixes in ${fixedLine[2]} of ${files.length} files; the second run changed nothing`);
  });

  it('keeps the line endings and byte order mark of every file it fixes', async () => {
    for (const file of corpusFiles()) {
      const before = fs.readFileSync(path.join(CORPUS_DIR, file.name));
      const after = fs.readFileSync(path.join(dir, file.name));
      if (before.equals(after)) continue;
      const crlf = (bytes: Buffer): boolean => bytes.includes('\r\n');
      assert.equal(crlf(after), crlf(before), `${file.name}: line endings changed`);
      assert.equal(after[0] === 0xef && after[1] === 0xbb, before[0] === 0xef && before[1] === 0xbb, `${file.name}: byte order mark changed`);
    }
  });
});
