// A baseline lists the findings a team has accepted for now, so CI reports only new ones. A
// finding is keyed by its file (relative to the baseline's folder), its rule and the text of the
// line it is on, with a count for repeats: adding or removing lines elsewhere changes nothing.
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-types';

export const BASELINE_VERSION = 1;

/** One entry of the file: `count` findings of `rule` on lines reading `line` in `file`. */
export interface BaselineEntry {
  readonly file: string;
  readonly rule: string;
  readonly line: string;
  readonly count: number;
}

export interface BaselineFile {
  readonly version: number;
  readonly findings: readonly BaselineEntry[];
}

/** What a checked file contributes: its name as the user gave it, its text and findings. */
export interface Checked {
  readonly file: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

/** The name a file has in the baseline: relative to the baseline's folder, with `/`; stdin is `-`. */
export function baselineName(file: string, cwd: string, baselinePath: string): string {
  if (file === '-') return '-';
  const relative = path.relative(path.dirname(path.resolve(cwd, baselinePath)), path.resolve(cwd, file));
  return relative.split(path.sep).join('/');
}

/** The text of the line a diagnostic starts on, without its line break and surrounding blanks. */
export function flaggedLine(text: string, diagnostic: Diagnostic): string {
  const lineNumber = diagnostic.range.start.line;
  let start = 0;
  for (let line = 0; line < lineNumber; line++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/^[ \t\ufeff]+|[ \t\r]+$/g, '');
}

const keyOf = (file: string, rule: string, line: string): string => JSON.stringify([file, rule, line]);

/** The baseline of these results, sorted by file, rule and line. */
export function buildBaseline(results: readonly Checked[], name: (file: string) => string): BaselineFile {
  const counts = new Map<string, BaselineEntry>();
  for (const result of results) {
    const file = name(result.file);
    for (const diagnostic of result.diagnostics) {
      const rule = String(diagnostic.code);
      const line = flaggedLine(result.text, diagnostic);
      const key = keyOf(file, rule, line);
      const entry = counts.get(key);
      counts.set(key, { file, rule, line, count: (entry?.count ?? 0) + 1 });
    }
  }
  const findings = [...counts.values()].sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.line, b.line));
  return { version: BASELINE_VERSION, findings };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function serializeBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads a baseline file's text; throws an Error with a message for the user when it is not one. */
export function parseBaseline(text: string): BaselineFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a baseline: expected an object with "version" and "findings"');
  const object = value as Record<string, unknown>;
  if (object['version'] !== BASELINE_VERSION) throw new Error(`unsupported baseline version ${JSON.stringify(object['version'])} (expected ${BASELINE_VERSION})`);
  const findings = object['findings'];
  if (!Array.isArray(findings)) throw new Error('"findings" must be a list');
  return {
    version: BASELINE_VERSION,
    findings: findings.map((item, index) => {
      const entry = item as Record<string, unknown>;
      const ok = typeof item === 'object' && item !== null && typeof entry['file'] === 'string' && typeof entry['rule'] === 'string'
        && typeof entry['line'] === 'string' && Number.isSafeInteger(entry['count']) && (entry['count'] as number) > 0;
      if (!ok) throw new Error(`finding ${index + 1} must have a string "file", "rule" and "line" and a positive whole "count"`);
      return { file: entry['file'] as string, rule: entry['rule'] as string, line: entry['line'] as string, count: entry['count'] as number };
    }),
  };
}

/**
 * The results without the findings the baseline accounts for: of the findings of one rule on lines
 * of the same text in one file, the first `count` are known, the others new.
 */
export function subtractBaseline<T extends Checked>(results: readonly T[], baseline: BaselineFile, name: (file: string) => string): { results: T[]; known: number } {
  const left = new Map<string, number>();
  for (const entry of baseline.findings) {
    const key = keyOf(entry.file, entry.rule, entry.line);
    left.set(key, (left.get(key) ?? 0) + entry.count);
  }
  let known = 0;
  const filtered = results.map((result) => {
    const file = name(result.file);
    const diagnostics = result.diagnostics.filter((diagnostic) => {
      const key = keyOf(file, String(diagnostic.code), flaggedLine(result.text, diagnostic));
      const count = left.get(key) ?? 0;
      if (count === 0) return true;
      left.set(key, count - 1);
      known++;
      return false;
    });
    return { ...result, diagnostics };
  });
  return { results: filtered, known };
}
