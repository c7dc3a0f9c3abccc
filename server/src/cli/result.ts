// What one checked input gave, the one type every output format reads (text.ts, json.ts,
// sarif.ts, github.ts), and the small words they share.
import { Diagnostic } from 'vscode-languageserver-types';
import { Rule } from '../service/rules/rule';
import { severityName } from '../service/severity';

export interface LintResult {
  /** The path as the user gave it (or as found below a directory); `-` for standard input. */
  readonly file: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
  /** How many fixes --fix applied (0 without it). */
  readonly fixed: number;
}

export type SeverityLabel = 'error' | 'warning' | 'information' | 'hint';

export function severityLabel(diagnostic: Diagnostic): SeverityLabel {
  return severityName(diagnostic.severity);
}

/** What a format may need besides the results it prints. */
export interface ReportContext {
  /** Every result, including findings a baseline hid (the fix count is over all of them). */
  readonly all: readonly LintResult[];
  readonly rules: readonly Rule[];
  readonly cwd: string;
  readonly color: boolean;
  /** --fix ran: json says per file how many fixes were applied, text how many in all. */
  readonly fixing: boolean;
  /** Findings the baseline lists, not shown. */
  readonly known: number;
}

/** One output format: the whole report of the results shown. */
export type Formatter = (shown: readonly LintResult[], context: ReportContext) => string;

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const CONTROL_CHARACTERS = /[\x00-\x1f\x7f-\x9f]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text safe for a terminal: file names and config content may carry escape sequences (colors,
 * titles, hyperlinks) or newlines that would forge output lines, such as `::error` workflow commands.
 */
export function visible(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => NAMED_ESCAPES[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
