// The end of a run: the diff, the baseline written, or the findings in the chosen format, and the
// exit status they give.
import * as path from 'path';
import { Rule } from '../service/rules/rule';
import { BaselineFile, baselineName, buildBaseline, parseBaseline, serializeBaseline, subtractBaseline } from './baseline';
import { Checked } from './check';
import { FORMATTERS } from './formats';
import { describeError, readInput, writeOutputFile } from './inputs';
import { CliIo } from './io';
import { CliOptions } from './options';
import { LintResult, plural } from './result';
import { countSeverities } from './text';

type Say = (line: string) => void;

/** The baseline of --baseline FILE (not with --update-baseline, which writes it); a string is the problem to report. */
export function loadBaseline(options: CliOptions, cwd: string): BaselineFile | string | undefined {
  if (options.baseline === undefined || options.updateBaseline) return undefined;
  try {
    return parseBaseline(readInput(path.resolve(cwd, options.baseline)).toString('utf8'));
  } catch (error) {
    return `baseline ${options.baseline}: ${describeError(error)}`;
  }
}

function writeBaseline(results: readonly LintResult[], file: string, io: CliIo, say: Say): boolean {
  const written = buildBaseline(results, (name) => baselineName(name, io.cwd, file));
  try {
    writeOutputFile(path.resolve(io.cwd, file), serializeBaseline(written));
  } catch (error) {
    say(`baseline ${file}: ${describeError(error)}`);
    return false;
  }
  const total = written.findings.reduce((sum, entry) => sum + entry.count, 0);
  say(`${file}: wrote ${plural(total, 'finding')} of ${plural(results.length, 'file')}`);
  return true;
}

/** Prints what the run found and resolves the exit status: 2 input problems, 1 errors or too many warnings. */
export function report(checked: Checked, options: CliOptions, baseline: BaselineFile | undefined, rules: readonly Rule[], io: CliIo, say: Say): number {
  const { results, inputProblem } = checked;
  if (options.diff) {
    io.stdout(checked.diffs);
    if (inputProblem) return 2;
    return checked.diffs === '' ? 0 : 1;
  }
  if (options.updateBaseline && options.baseline !== undefined) {
    if (!writeBaseline(results, options.baseline, io, say)) return 2;
    return inputProblem ? 2 : 0;
  }
  let known = 0;
  let shown = results;
  if (baseline) ({ results: shown, known } = subtractBaseline(results, baseline, (file) => baselineName(file, io.cwd, options.baseline!)));
  // Standard input fixed goes to stdout as the fixed text: the report goes to stderr.
  const out = checked.fixedText !== undefined ? io.stderr : io.stdout;
  if (checked.fixedText !== undefined) io.stdout(checked.fixedText);
  // Nothing checked: a summary of zero files would only hide the messages above it.
  if (options.format !== 'text' || results.length > 0 || !inputProblem) {
    out(FORMATTERS[options.format](shown, { all: results, rules, cwd: io.cwd, color: options.color, fixing: options.fix !== undefined, known }));
  }
  const counts = countSeverities(shown);
  if (inputProblem) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    if (options.format === 'text') say(`${plural(counts.warning, 'warning')}, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}
