// `npm run bench`: the performance budgets of the language server, the CLI and the parser.
// Prints a table (median, p95, runs, PASS/FAIL per budget) and writes every number to JSON.
// Expects a fresh `npm run build` (the npm script runs it): the in-process cases load server/out,
// the protocol cases spawn the bundle server/dist/server.js, the CLI case runs server/bin.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { corpusInput, CaseResult, defaultService, generatedInput, Input, pipelineCases, positionalCase } from './inProcess';
import { BUNDLED_SERVER, memory, stdioLatency } from './protocol';
import { coldStarts, CONTENDERS } from './coldStart';
import { generateIni, hostileIni } from './generate';
import { summarise, Summary } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/files');
const CLI = path.join(ROOT, 'server/bin/uwsgi-ini-lint.js');

interface Row {
  case: string;
  input: string;
  median: number;
  p95: number;
  runs: number;
  /** Unit of median/p95: milliseconds unless said otherwise. */
  unit: 'ms' | 'MB' | 'x';
  extra?: string;
  budget?: string;
  pass?: boolean;
}

interface Options {
  out: string;
  quick: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { out: path.join(ROOT, 'bench/results.json'), quick: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = path.resolve(argv[++i] ?? options.out);
    else if (argv[i] === '--quick') options.quick = true;
    else throw new Error(`unknown argument ${argv[i]} (use --out FILE, --quick)`);
  }
  return options;
}

const rows: Row[] = [];
const notes: string[] = [];

function timeRow(result: CaseResult | (Summary & { case: string; input: string }), extra?: string): Row {
  const row: Row = { case: result.case, input: result.input, median: result.median, p95: result.p95, runs: result.runs, unit: 'ms' };
  const mbPerSecond = (result as CaseResult).mbPerSecond;
  if (mbPerSecond !== undefined) row.extra = `${mbPerSecond.toFixed(1)} MB/s`;
  if (extra) row.extra = row.extra ? `${row.extra}; ${extra}` : extra;
  rows.push(row);
  return row;
}

function budget(row: Row, text: string, pass: boolean): void {
  row.budget = text;
  row.pass = pass;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  if (!fs.existsSync(BUNDLED_SERVER) || !fs.existsSync(path.join(ROOT, 'server/out/index.js'))) {
    throw new Error('no build found: run `npm run build` first (`npm run bench` does)');
  }
  const service = defaultService();

  // 1, 2, 8: parse / analyse / validate, against ini@5, at three sizes and over the corpus.
  const inputs: Input[] = [generatedInput(1_000), generatedInput(10_000), generatedInput(100_000)];
  const corpus = corpusInput(CORPUS);
  if (corpus) inputs.push(corpus);
  else notes.push(`corpus cases skipped: ${CORPUS} not found`);
  const together = new Map<string, CaseResult>();
  for (const input of inputs) {
    log(`in-process: ${input.name}`);
    const results = pipelineCases(input, service);
    const ours = results.find((r) => r.case === 'parse+analyse+validate')!;
    const theirs = results.find((r) => r.case.startsWith('ini.parse'))!;
    together.set(input.name, ours);
    for (const result of results) {
      const row = timeRow(result);
      if (result === ours) {
        const ratio = ours.median / theirs.median;
        row.extra = `${row.extra}; ${ratio.toFixed(2)}x ini`;
        if (input.lines === 10_000 && input.texts.length === 1) {
          budget(row, '<= 5 ms', ours.median <= 5);
          const ratioRow: Row = { case: 'ratio ours/ini (parse+analyse+validate / ini.parse)', input: input.name, median: ratio, p95: ours.p95 / theirs.p95, runs: ours.runs, unit: 'x' };
          budget(ratioRow, '<= 1.0', ratio <= 1.0);
          rows.push(ratioRow);
        }
      }
    }
  }
  const ten = together.get(inputs[1]!.name)!;
  const hundred = together.get(inputs[2]!.name)!;
  const scaling = hundred.median / ten.median;
  const scalingRow: Row = { case: 'scaling time(100,000) / time(10,000)', input: 'parse+analyse+validate', median: scaling, p95: hundred.p95 / ten.p95, runs: hundred.runs, unit: 'x' };
  budget(scalingRow, '<= 11 (linear)', scaling <= 11);
  rows.push(scalingRow);

  // 3: completion and hover on the 10,000-line file.
  for (const name of ['completion', 'hover'] as const) {
    const result = positionalCase(name, inputs[1]!, service);
    if (!result) {
      notes.push(`${name} skipped: the language service has no ${name === 'completion' ? 'doComplete' : 'doHover'} yet`);
      continue;
    }
    const row = timeRow(result, `p50 ${result.median.toFixed(3)} ms, p99 ${result.p99.toFixed(3)} ms`);
    budget(row, 'p99 < 1 ms', result.p99 < 1);
  }

  // 4: over stdio, the bundled server.
  for (const lines of [1_000, 10_000]) {
    log(`stdio: ${lines} lines`);
    const runs = options.quick ? { open: 5, change: 20 } : { open: lines > 5000 ? 15 : 30, change: lines > 5000 ? 60 : 100 };
    const [open, change] = await stdioLatency(generateIni(lines, { seed: 42 }), `${lines.toLocaleString('en')} lines`, runs);
    timeRow(open!);
    const row = timeRow(change!);
    if (lines === 10_000) budget(row, 'p95 < 20 ms', change!.p95 < 20);
  }

  // 5: cold start.
  log('cold start');
  const cold = await coldStarts(options.quick ? 8 : 20);
  const node = cold.get('bare node')!.median;
  const bundle = cold.get('extension bundle')!.median;
  for (const contender of CONTENDERS) {
    const s = cold.get(contender.name)!;
    const row: Row = { case: `cold start: ${contender.name}`, input: contender.input, median: s.median, p95: s.p95, runs: s.runs, unit: 'ms' };
    if (contender.until === 'initialize') row.extra = `${(s.median / node).toFixed(2)}x bare node, ${(s.median / bundle).toFixed(2)}x the bundle`;
    if (contender.name === 'extension bundle') budget(row, '<= 1.15x node', s.median / node <= 1.15);
    if (contender.name === 'stdio bin') budget(row, '<= 1.15x the bundle', s.median / bundle <= 1.15);
    rows.push(row);
  }

  // 6: memory with 200 documents of 1,000 lines open, then closed.
  log('memory');
  const texts = Array.from({ length: 200 }, (_, i) => generateIni(1_000, { seed: 1000 + i }));
  const mem = await memory(texts, options.quick ? 3000 : 8000);
  if (!mem) {
    notes.push('memory skipped: /proc/<pid>/status not readable on this system');
  } else {
    rows.push({ case: 'server RSS idle (1 small document)', input: '', median: mem.idleMb, p95: mem.idleMb, runs: 1, unit: 'MB' });
    const openRow: Row = { case: 'server RSS, 200 documents open', input: '200 x 1,000 lines', median: mem.openMb, p95: mem.openMb, runs: 1, unit: 'MB' };
    budget(openRow, '< 80 MB', mem.openMb < 80);
    rows.push(openRow);
    // "Returns": closing gives back at least three quarters of what opening took.
    const grown = mem.openMb - mem.idleMb;
    const kept = mem.closedMb - mem.idleMb;
    const closedRow: Row = { case: 'server RSS, after closing them', input: '200 x 1,000 lines', median: mem.closedMb, p95: mem.closedMb, runs: 1, unit: 'MB' };
    closedRow.extra = `${kept.toFixed(1)} of ${grown.toFixed(1)} MB growth kept`;
    budget(closedRow, 'returns (keeps <= 25% of growth, or < 5 MB)', kept <= Math.max(5, grown * 0.25));
    rows.push(closedRow);
  }

  // 6b: the same budget for 200 small documents built to amplify.
  log('memory, hostile documents');
  const hostile = await memory(Array.from({ length: 200 }, (_, i) => hostileIni(i)), options.quick ? 1000 : 3000);
  if (hostile) {
    const hostileRow: Row = { case: 'server RSS, 200 hostile documents open', input: '200 amplifying files', median: hostile.openMb, p95: hostile.openMb, runs: 1, unit: 'MB' };
    budget(hostileRow, '< 80 MB', hostile.openMb < 80);
    rows.push(hostileRow);
  }

  // 7: the CLI over the corpus, one process.
  if (corpus) {
    log('cli');
    const samples: number[] = [];
    for (let i = 0; i < (options.quick ? 2 : 5); i++) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [CLI, CORPUS, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      samples.push(performance.now() - t0);
      if (run.status !== 0 && run.status !== 1) throw new Error(`uwsgi-ini-lint failed (${run.status}): ${run.stderr}`);
    }
    const summary = summarise(samples);
    const row: Row = { case: 'CLI: uwsgi-ini-lint corpus --format json', input: corpus.name, median: summary.median, p95: summary.p95, runs: summary.runs, unit: 'ms' };
    budget(row, '< 1000 ms', summary.median < 1000);
    rows.push(row);
  }

  // 8: every safe fix of the corpus computed and shown as a diff (--diff writes nothing).
  if (corpus) {
    log('cli --diff');
    const samples: number[] = [];
    for (let i = 0; i < (options.quick ? 2 : 5); i++) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [CLI, '--diff', CORPUS], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      samples.push(performance.now() - t0);
      if (run.status !== 0 && run.status !== 1) throw new Error(`uwsgi-ini-lint --diff failed (${run.status}): ${run.stderr}`);
    }
    const summary = summarise(samples);
    const row: Row = { case: 'CLI: uwsgi-ini-lint --diff corpus (safe fixes)', input: corpus.name, median: summary.median, p95: summary.p95, runs: summary.runs, unit: 'ms' };
    budget(row, '< 1500 ms', summary.median < 1500);
    rows.push(row);
  }

  const elapsed = (performance.now() - started) / 1000;
  print(rows, notes, elapsed);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, JSON.stringify({
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverage: os.loadavg(),
    seconds: elapsed,
    notes,
    cases: rows,
  }, null, 2) + '\n');
  log(`results written to ${path.relative(process.cwd(), options.out) || options.out}`);
}

function format(value: number, unit: Row['unit']): string {
  if (unit === 'x') return `${value.toFixed(2)}x`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${value.toFixed(3)} ms`;
}

function print(table: Row[], notesToPrint: string[], seconds: number): void {
  const header = ['case', 'input', 'median', 'p95', 'runs', 'detail', 'budget', 'result'];
  const body = table.map((r) => [
    r.case, r.input, format(r.median, r.unit), format(r.p95, r.unit), String(r.runs), r.extra ?? '', r.budget ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const budgets = table.filter((r) => r.pass !== undefined);
  const failed = budgets.filter((r) => !r.pass);
  out.push('', `${budgets.length - failed.length} of ${budgets.length} budgets met${failed.length ? `; FAIL: ${failed.map((r) => `${r.case} (${r.input})`).join(', ')}` : ''}`);
  for (const note of notesToPrint) out.push(`note: ${note}`);
  out.push(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores; ${seconds.toFixed(0)} s`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
});
