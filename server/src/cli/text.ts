// `--format text` (the default): `path:line:col: severity rule message`, then a summary line.
import { Formatter, LintResult, plural, SeverityLabel, severityLabel, visible } from './result';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[2m', reset: '\x1b[0m' };

export type SeverityCounts = Record<SeverityLabel, number>;

export function countSeverities(results: readonly LintResult[]): SeverityCounts {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) for (const d of result.diagnostics) counts[severityLabel(d)]++;
  return counts;
}

/** Lines and columns from 1; every name and message through `visible`, so no line can be forged. */
export const formatText: Formatter = (shown, context) => {
  const paint = (kind: keyof typeof COLORS, text: string): string => (context.color ? `${COLORS[kind]}${text}${COLORS.reset}` : text);
  let out = '';
  let filesWithProblems = 0;
  for (const result of shown) {
    if (result.diagnostics.length > 0) filesWithProblems++;
    for (const d of result.diagnostics) {
      const severity = severityLabel(d);
      const where = `${visible(result.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      out += `${where}: ${paint(severity, severity)} ${paint('dim', visible(String(d.code)))} ${visible(String(d.message))}\n`;
    }
  }
  const counts = countSeverities(shown);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  out += `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')}) in ${plural(filesWithProblems, 'file')} of ${shown.length} checked\n`;
  if (context.fixing) {
    const fixed = context.all.reduce((sum, result) => sum + result.fixed, 0);
    out += `${plural(fixed, 'problem')} fixed in ${plural(context.all.filter((r) => r.fixed > 0).length, 'file')}\n`;
  }
  if (context.known > 0) out += `${plural(context.known, 'known problem')} in the baseline not shown\n`;
  return out;
};
