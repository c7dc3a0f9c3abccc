// `--format json`: one array, an entry per file in input order.
import { Formatter, LintResult, severityLabel } from './result';

/** `line`/`column` count from 1 like the text and SARIF output; `range` is the LSP one, from 0. */
function toJsonResult(result: LintResult, fixing: boolean): unknown {
  return {
    file: result.file,
    ...(fixing ? { fixed: result.fixed } : {}),
    diagnostics: result.diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      range: d.range,
      severity: severityLabel(d),
      code: d.code,
      message: d.message,
      source: d.source,
    })),
  };
}

export const formatJson: Formatter = (shown, context) => `${JSON.stringify(shown.map((result) => toJsonResult(result, context.fixing)))}\n`;
