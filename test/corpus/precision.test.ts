import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/lint';
import { CORPUS_DIR } from './corpus';
// The benchmarks' mulberry32: a printed seed reproduces the sample.
import { seededRandom } from '../bench/generate';

/**
 * Precision on the corpus: what the CLI reports on the 502 real configs, the way issue 12 counted
 * it (`uwsgi-ini-lint --format json`, included files read from disk). A warning asks the user to act;
 * when most of them change nothing, users learn to ignore the yellow, so the total is capped.
 */
const MAX_WARNINGS_AND_ERRORS = 150;
/**
 * Rules added after the count of issue 12 (the silent substitutions): counted apart from the cap,
 * listed with their own totals in docs/precision.md.
 */
export const SILENT_SUBSTITUTION_RULES: ReadonlySet<string> = new Set<string>([
  'percent-line-join', 'magic-percent-literal', 'placeholder-in-file-reference', 'python-style-placeholder', 'unexpanded-reference',
  'quoted-value', 'off-word-flag', 'world-writable-socket', 'shell-style-variable', 'template-file',
]);
/** The seed of the sample reviewed in docs/precision.md; a new review draws a new one. */
export const SAMPLE_SEED = 20261202;
const SAMPLE_SIZE = 60;
const PRECISION_DOC = path.resolve(__dirname, '../../docs/precision.md');

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

interface Finding {
  /** `0026.ini:36` */
  where: string;
  code: string;
  severity: JsonDiagnostic['severity'];
  covers: string;
  message: string;
}

/** `size` findings drawn without replacement (a partial Fisher-Yates shuffle), in corpus order. */
export function drawSample<T>(items: readonly T[], size: number, seed: number): T[] {
  const pool = [...items.keys()];
  const next = seededRandom(seed);
  const picked: number[] = [];
  for (let i = 0; i < Math.min(size, pool.length); i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    picked.push(pool[i]!);
  }
  return picked.sort((a, b) => a - b).map((index) => items[index]!);
}

describe('corpus: precision of warnings and errors', function () {
  this.timeout(120_000);
  let findings: Finding[] = [];

  before(async () => {
    let stdout = '';
    const code = await runCli(['--format', 'json', CORPUS_DIR], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      readStdin: async () => '',
      isTTY: false,
      cwd: CORPUS_DIR,
    });
    assert.ok(code === 0 || code === 1, `the CLI failed on the corpus (exit ${code})`);
    const results = JSON.parse(stdout) as { file: string; diagnostics: JsonDiagnostic[] }[];
    findings = results.flatMap(({ file, diagnostics }) => {
      const lines = fs.readFileSync(path.resolve(CORPUS_DIR, file), 'utf8').split('\n');
      return diagnostics.map((d) => ({
        where: `${path.relative(CORPUS_DIR, path.resolve(CORPUS_DIR, file))}:${d.range.start.line + 1}`,
        code: d.code,
        severity: d.severity,
        covers: d.range.start.line === d.range.end.line ? (lines[d.range.start.line] ?? '').slice(d.range.start.character, d.range.end.character) : '',
        message: d.message,
      }));
    });
  });

  const isLoud = (f: Finding): boolean => f.severity === 'warning' || f.severity === 'error';
  /** Warnings and errors of the rules the cap counts. */
  const loud = (): Finding[] => findings.filter((f) => isLoud(f) && !SILENT_SUBSTITUTION_RULES.has(f.code));
  const loudNew = (): Finding[] => findings.filter((f) => isLoud(f) && SILENT_SUBSTITUTION_RULES.has(f.code));

  it('prints the warnings and errors of each rule, and the quieter findings beside them', () => {
    const rows = new Map<string, Record<JsonDiagnostic['severity'], number>>();
    for (const f of findings) {
      const row = rows.get(f.code) ?? { error: 0, warning: 0, information: 0, hint: 0 };
      row[f.severity]++;
      rows.set(f.code, row);
    }
    const sorted = [...rows].sort((a, b) => (b[1].error + b[1].warning) - (a[1].error + a[1].warning) || a[0].localeCompare(b[0]));
    console.log(`\n      ${'rule'.padEnd(28)} errors warnings  info hints`);
    for (const [code, row] of sorted) {
      console.log(`      ${code.padEnd(28)} ${String(row.error).padStart(6)} ${String(row.warning).padStart(8)} ${String(row.information).padStart(5)} ${String(row.hint).padStart(5)}`);
    }
    console.log(`      total warnings and errors: ${loud().length} (at most ${MAX_WARNINGS_AND_ERRORS}), and ${loudNew().length} from the silent-substitution rules`);
    for (const f of loudNew()) console.log(`      new: ${f.where}\t${f.code}\t${f.severity}\t${f.covers}`);
    assert.ok(sorted.length > 0);
  });

  it(`gives at most ${MAX_WARNINGS_AND_ERRORS} warnings and errors over the corpus`, () => {
    assert.ok(loud().length <= MAX_WARNINGS_AND_ERRORS, `${loud().length} warnings and errors`);
  });

  it('still warns about every real typo, and suggests the option meant', () => {
    const typos: Record<string, string> = {
      vaccum: 'vacuum', 'chmod-sock': 'chmod-socket', proesses: 'processes', harakari: 'harakiri',
      deamonize: 'daemonize', pidefile: 'pidfile', processess: 'processes', plungins: 'plugins',
      optmize: 'optimize', Haharakiri: 'harakiri', 'max-request': 'max-requests', 'threaded-log': 'threaded-logger',
    };
    for (const [typo, option] of Object.entries(typos)) {
      const hits = findings.filter((f) => f.code === 'unknown-option' && f.covers === typo);
      assert.ok(hits.length > 0, `${typo} is not reported`);
      for (const hit of hits) {
        assert.equal(hit.severity, 'warning', `${hit.where} ${typo}`);
        assert.ok(hit.message.includes(`Did you mean \`${option}\`?`), `${hit.where} ${typo}: ${hit.message}`);
      }
    }
  });

  it('prints the sample a review draws, with its seed', () => {
    const sample = drawSample(loud(), SAMPLE_SIZE, SAMPLE_SEED);
    console.log(`\n      sample of ${sample.length} warnings and errors, seed ${SAMPLE_SEED}:`);
    for (const f of sample) console.log(`      ${f.where}\t${f.code}\t${f.severity}\t${f.covers}`);
    assert.equal(sample.length, Math.min(SAMPLE_SIZE, loud().length));
    assert.equal(new Set(sample).size, sample.length);
  });

  it('docs/precision.md judges at least 60 findings, at least 95% of them right', () => {
    const rows = fs.readFileSync(PRECISION_DOC, 'utf8').split('\n')
      .map((line) => /^\| *(\d+) *\| *`([^`]+)` *\| *([a-z-]+) *\| *(right|debatable|wrong) *\|/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null);
    assert.ok(rows.length >= 60, `${rows.length} judged rows`);
    const right = rows.filter((row) => row[4] === 'right').length;
    assert.ok(right / rows.length >= 0.95, `${right} of ${rows.length} judged right`);
    // A row about a finding that is no longer a warning or an error is stale: review again.
    const current = new Set(loud().map((f) => `${f.where} ${f.code}`));
    const stale = rows.filter((row) => !current.has(`${row[2]} ${row[3]}`)).map((row) => `${row[2]} ${row[3]}`);
    if (stale.length > 0) console.log(`      reviewed findings no longer reported: ${stale.join(', ')}`);
  });
});
