// Severities in their two spellings: the names of the settings, of `--rule` and of the CLI's
// output, and the numbers of LSP diagnostics. The one table that maps between them.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Severity } from './settings';

export const SEVERITY_NUMBER: Readonly<Record<Severity, DiagnosticSeverity>> = Object.freeze({
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
});

const BY_NUMBER = new Map<number, Severity>(Object.entries(SEVERITY_NUMBER).map(([name, number]) => [number, name as Severity]));

/** The name of a diagnostic's severity; none (or a number LSP does not define) reads as an error. */
export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  return (severity !== undefined && BY_NUMBER.get(severity)) || 'error';
}
