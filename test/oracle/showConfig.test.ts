// show-config: our interpreter against `uwsgi --show-config` of the real uWSGI 2.0.21, entry by
// entry, on every oracle fixture and every corpus file uWSGI accepts. uWSGI runs only inside
// bin/sandbox.sh (read-only filesystem, no network): it runs hooks and `@(exec://...)`, and its exit
// handler deletes what a `vacuum` config names.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { interpret } from '../../server/src/analysis/interpreter/interpret';
import { showConfigLines } from '../../server/src/analysis/interpreter/showConfig';
import { Interpretation, MachineFacts } from '../../server/src/analysis/interpreter/types';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { FIXTURES_DIR, ORACLE_DIR, defaultBuildPlugins, unsafeReason, uwsgiVersion } from './oracle';
import { Real, cachedUwsgi, copyInPlace, prepare } from './showConfigRun';

/** Fixtures of the constructs SEMANTICS.md §2, §6, §8-§11 describes that the corpus lacks. */
const INTERPRETER_FIXTURES_DIR = path.join(ORACLE_DIR, 'interpreter-fixtures');

const CORPUS_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'files');
const CONCURRENCY = 2;
const CORPUS_TARGET = 0.99;

/**
 * Mismatches we accept, each for a reason we stand by. A file is excused only when its first
 * difference is of this kind; the suite prints every excused file.
 */
const EXCEPTIONS: Record<string, string> = {
  time: '`%t`/`%T` are the start time of the run: uWSGI and we never start at the same microsecond',
  unsupported: 'the file loads a config format we do not read (xml, yaml, json, sqlite, ldap, inject-*) or a remote config',
};


interface Comparison {
  name: string;
  identical: boolean;
  excused?: string;
  detail?: string;
}

function causeOf(result: Interpretation, index: number, real: string | undefined, ours: string | undefined): { kind: string; text: string } {
  const entry = result.entries[index];
  if (ours === undefined && result.stop) return { kind: result.stop.kind, text: `we stopped: ${result.stop.message} (${result.stop.file}:${result.stop.line})` };
  if (entry) {
    const parts = result.unknowns.length > 0 ? [...entry.value.matchAll(/\uE000(\d+)\uE001/g)].map((m) => result.unknowns[Number(m[1])]!) : [];
    if (parts.some((p) => p.text === '%t' || p.text === '%T')) return { kind: 'time', text: 'start time' };
    if (parts.length > 0) return { kind: 'unknown', text: `unknown value: ${parts.map((p) => p.reason).join('; ')}` };
    const where = `${path.basename(entry.provenance.file)}:${entry.provenance.line}`;
    if (real === undefined) return { kind: 'extra', text: `we have an entry uWSGI lacks (from ${where})` };
    return { kind: 'differs', text: `entry from ${where} differs` };
  }
  if (result.stop) return { kind: result.stop.kind, text: `we stopped: ${result.stop.message}` };
  return { kind: 'missing', text: 'uWSGI has more entries' };
}

function compare(name: string, real: Real, result: Interpretation): Comparison {
  const ours = showConfigLines(result);
  const length = Math.max(real.lines.length, ours.length);
  for (let i = 0; i < length; i++) {
    if (real.lines[i] === ours[i]) continue;
    const cause = causeOf(result, i, real.lines[i], ours[i]);
    const detail = `entry ${i + 1}: uWSGI \`${real.lines[i] ?? '(none)'}\`, we \`${ours[i] ?? '(none)'}\` — ${cause.text}`;
    return { name, identical: false, detail, ...(EXCEPTIONS[cause.kind] ? { excused: cause.kind } : {}) };
  }
  if (result.stop) return { name, identical: false, detail: `same entries, but we stopped: ${result.stop.message}` };
  return { name, identical: true };
}

describe('show-config: our interpreter against uwsgi --show-config (2.0.21)', function () {
  this.timeout(600_000);
  let scratch = '';
  const fixtureResults: Comparison[] = [];
  const corpusResults: Comparison[] = [];
  let fixturesNotShown: string[] = [];
  const corpusRejected: string[] = [];

  before(async function () {
    const version = uwsgiVersion();
    if (!version) throw new Error('uWSGI is not installed: run `sh test/oracle/setup.sh` first.');
    // A cache of uWSGI's answers is only valid for the same paths (and inodes, for %i): it gets a
    // fixed scratch dir whose files are overwritten in place.
    const cache = process.env['SHOW_CONFIG_CACHE'];
    scratch = cache ? path.join(cache, 'scratch') : fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-show-config-'));
    fs.mkdirSync(scratch, { recursive: true });
    const corpus = path.join(scratch, 'corpus');
    fs.mkdirSync(corpus, { recursive: true });
    const jobs: Array<{ name: string; file: string; dir: string; into: Comparison[] }> = [];
    for (const [source, label] of [[FIXTURES_DIR, 'fixtures'], [INTERPRETER_FIXTURES_DIR, 'interpreter-fixtures']] as const) {
      const dir = path.join(scratch, label);
      copyInPlace(source, dir);
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ini')).sort()) {
        const full = path.join(dir, file);
        const text = fs.readFileSync(full, 'utf8');
        const unsafe = unsafeReason(text);
        if (unsafe) throw new Error(`unsafe fixture ${label}/${file}, refusing to run: ${unsafe}`);
        fs.writeFileSync(full, prepare(text));
        jobs.push({ name: `${label === 'fixtures' ? '' : `${label}/`}${file}`, file, dir, into: fixtureResults });
      }
    }
    for (const file of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.ini')).sort()) {
      fs.writeFileSync(path.join(corpus, file), prepare(fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')));
      jobs.push({ name: file, file, dir: corpus, into: corpusResults });
    }
    // The same environment, machine and plugins on both sides.
    const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C' };
    const plugins = defaultBuildPlugins().loadable;
    const binary = fs.realpathSync(spawnSync('sh', ['-c', 'command -v uwsgi'], { encoding: 'utf8' }).stdout.trim());
    const machineFor = (cwd: string): MachineFacts => ({
      cwd, hostname: os.hostname(), uid: '0', user: 'root', gid: '0', group: 'root', cores: String(os.cpus().length),
      version: version.trim(), binaryPath: binary, isReload: false,
      inode: (p) => {
        try {
          return String(fs.lstatSync(p).ino);
        } catch {
          return undefined;
        }
      },
    });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const real = await cachedUwsgi(job.file, job.dir, scratch, env, plugins);
        const result = interpret({
          file: job.file, fileSystem: nodeFileSystem, env: { vars: new Map(Object.entries({ ...env, SANDBOX_RW: scratch })), complete: true },
          machine: machineFor(job.dir), version: '2.0', plugins, embedded: 'none',
        });
        if (!real.shown) {
          // Most of these stop later than the interpreter looks (a missing plugin, a bad value, a
          // failing asap hook): told, not judged.
          const ours = result.stop ? `we stop too: ${result.stop.message}` : 'we show a config';
          if (job.into === fixtureResults) fixturesNotShown.push(`${job.name}: uWSGI \`${real.tail}\`; ${ours}`);
          else corpusRejected.push(ours);
          continue;
        }
        job.into.push(compare(job.name, real, result));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    fixturesNotShown = fixturesNotShown.sort();
  });

  after(function () {
    if (scratch && !process.env['SHOW_CONFIG_CACHE']) fs.rmSync(scratch, { recursive: true, force: true });
    const report = (label: string, results: Comparison[]): string[] => {
      const identical = results.filter((r) => r.identical).length;
      const lines = [`show-config: ${identical}/${results.length} ${label} files identical`];
      for (const r of results.filter((x) => !x.identical).sort((a, b) => a.name.localeCompare(b.name))) {
        lines.push(`  ${r.excused ? `EXCUSED (${r.excused})` : 'MISMATCH'} ${r.name}: ${r.detail}`);
      }
      return lines;
    };
    console.log(['', ...report('fixture', fixtureResults), ...report('corpus', corpusResults),
      `  uWSGI exits before showing a config: ${corpusRejected.length} corpus files (we stop too on ${corpusRejected.filter((r) => r.startsWith('we stop')).length}), ${fixturesNotShown.length} fixtures:`,
      ...fixturesNotShown.map((line) => `    ${line}`),
      ...Object.entries(EXCEPTIONS).map(([kind, why]) => `  exception ${kind}: ${why}`), ''].join('\n'));
  });

  it('every fixture uWSGI shows a config for is identical', function () {
    const wrong = fixtureResults.filter((r) => !r.identical);
    assert.ok(fixtureResults.length > 0, 'no fixture was shown by uWSGI');
    assert.deepStrictEqual(wrong.map((r) => `${r.name}: ${r.detail}`), []);
  });

  it(`at least ${CORPUS_TARGET * 100}% of the corpus files uWSGI accepts are identical`, function () {
    const identical = corpusResults.filter((r) => r.identical).length;
    const unexcused = corpusResults.filter((r) => !r.identical && !r.excused);
    assert.ok(corpusResults.length > 0, 'uWSGI accepted no corpus file');
    assert.ok(identical >= Math.ceil(corpusResults.length * CORPUS_TARGET), `${identical}/${corpusResults.length} identical:\n${unexcused.map((r) => `${r.name}: ${r.detail}`).join('\n')}`);
  });
});
