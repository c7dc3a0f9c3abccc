// Safe fixes are safe: on every corpus file uWSGI accepts and `--fix` changes, the real uWSGI's
// `--show-config` after the safe fixes is the one before them, but for the options the fixes
// were about (a typo's key, a value that lost its inline comment or unit, a repeat removed). Any
// other entry that appears, disappears, moves or changes is a fix doing more than it says.
// uWSGI runs only inside bin/sandbox.sh, as in the show-config suite.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { defaultBuildPlugins, uwsgiVersion } from './oracle';
import { cachedUwsgi, prepare, Real } from './showConfigRun';

const CORPUS_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'files');
const CONCURRENCY = 2;

/** The keys of the entry lines of `a` that `b` lacks (as exact lines), and the other way round. */
export function touchedKeys(a: string, b: string): Set<string> {
  const lines = (text: string): string[] => text.split(/\r?\n/);
  const count = (list: string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const line of list) counts.set(line, (counts.get(line) ?? 0) + 1);
    return counts;
  };
  const keys = new Set<string>();
  const collect = (from: string[], other: Map<string, number>): void => {
    const left = new Map(other);
    for (const line of from) {
      const n = left.get(line) ?? 0;
      if (n > 0) {
        left.set(line, n - 1);
        continue;
      }
      const key = /^[ \t]*([^=;#\s[][^=]*?)[ \t]*=/.exec(line)?.[1];
      if (key !== undefined) keys.add(key);
    }
  };
  collect(lines(a), count(lines(b)));
  collect(lines(b), count(lines(a)));
  return keys;
}

/** The show-config entries but those of the touched keys (`key = value` lines). */
function untouched(real: Real, keys: Set<string>): string[] {
  return real.lines.filter((line) => !keys.has(line.slice(0, line.indexOf(' = ') >= 0 ? line.indexOf(' = ') : line.length)));
}

describe('show-config: safe fixes change nothing but what they fix (uWSGI 2.0.21)', function () {
  this.timeout(600_000);
  let scratch = '';
  const compared: string[] = [];
  const changedBeyond: string[] = [];
  const notShown: string[] = [];
  let fixedFiles = 0;
  let seconds = 0;

  before(async function () {
    if (!uwsgiVersion()) throw new Error('uWSGI is not installed: run `sh test/oracle/setup.sh` first.');
    const started = Date.now();
    const cache = process.env['SHOW_CONFIG_CACHE'];
    scratch = cache ? path.join(cache, 'scratch-fixes') : fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-safe-fixes-'));
    // Before and after are the same path, written over in place: `%d`, `%p` and `%i` stay the same.
    const corpus = path.join(scratch, 'corpus');
    fs.mkdirSync(corpus, { recursive: true });
    const service = getLanguageService();
    const jobs: Array<{ file: string; before: string; after: string; touched: Set<string> }> = [];
    for (const file of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.ini')).sort()) {
      const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
      const document = service.parse(TextDocument.create(`file://${path.join(CORPUS_DIR, file)}`, 'uwsgi-ini', 1, text));
      const fixed = service.fixAll(document, 'safe').text;
      if (fixed === text) continue;
      fixedFiles++;
      // Both sides go through the oracle's preparation (nothing runs, unusable options made inert).
      const preparedBefore = prepare(text);
      const preparedAfter = prepare(fixed);
      jobs.push({ file, before: preparedBefore, after: preparedAfter, touched: touchedKeys(preparedBefore, preparedAfter) });
    }
    const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C' };
    const plugins = defaultBuildPlugins().loadable;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const full = path.join(corpus, job.file);
        fs.writeFileSync(full, job.before);
        const real = await cachedUwsgi(job.file, corpus, scratch, env, plugins);
        fs.writeFileSync(full, job.after);
        const realAfter = await cachedUwsgi(job.file, corpus, scratch, env, plugins);
        if (!real.shown || !realAfter.shown) {
          // A file uWSGI refuses before the fixes is not this suite's; one it refuses after is a fault.
          if (real.shown) changedBeyond.push(`${job.file}: uWSGI shows no config after the fixes: ${realAfter.tail}`);
          else notShown.push(job.file);
          continue;
        }
        compared.push(job.file);
        const was = untouched(real, job.touched);
        const now = untouched(realAfter, job.touched);
        const index = was.findIndex((line, i) => line !== now[i]);
        if (index >= 0 || was.length !== now.length) {
          const at = index >= 0 ? index : Math.min(was.length, now.length);
          changedBeyond.push(`${job.file}: entry ${at + 1} was \`${was[at] ?? '(none)'}\`, is \`${now[at] ?? '(none)'}\` (fixed keys: ${[...job.touched].join(', ')})`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    seconds = (Date.now() - started) / 1000;
  });

  after(function () {
    if (scratch && !process.env['SHOW_CONFIG_CACHE']) fs.rmSync(scratch, { recursive: true, force: true });
    console.log(`\n  safe fixes: ${fixedFiles} corpus files changed by --fix, ${compared.length} compared with uWSGI, ${notShown.length} not shown by uWSGI before the fixes; ${seconds.toFixed(1)} s\n`);
  });

  it('finds corpus files that the safe fixes change', function () {
    assert.ok(compared.length > 0, 'no fixed corpus file was compared');
  });

  it('leaves every entry of those files but the fixed ones as uWSGI had it', function () {
    assert.deepStrictEqual(changedBeyond, []);
  });
});
