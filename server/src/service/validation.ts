import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { LanguageSettings, Severity } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { OptionContext } from './optionContext';
import { RuleContext, RuleFinding, Rule } from './rules/rule';
import { allRules } from './rules';
import { ruleDocsUrl } from './ruleDocs';
import { Suppressions } from './suppressions';

export const DIAGNOSTIC_SOURCE = 'uwsgi-ini';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** At most this many diagnostics per document, so a huge broken file cannot flood the client. */
export const MAX_DIAGNOSTICS = 1000;

export function doValidation(document: UwsgiDocument, settings: LanguageSettings, rules: readonly Rule[] = allRules): Diagnostic[] {
  const model = document.model(settings.section);
  const options = new OptionContext(model, settings);
  const suppressions = new Suppressions(document.ast);
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const configured = settings.diagnostics[rule.id];
    if (configured === 'off') continue;
    const context: RuleContext = {
      document,
      model,
      settings,
      options,
      report(finding: RuleFinding): void {
        if (diagnostics.length >= MAX_DIAGNOSTICS) return;
        const line = document.lineAt(finding.span.start);
        if (suppressions.isSuppressed(rule.id, line?.index)) return;
        const severity = configured ?? finding.severity ?? rule.defaultSeverity;
        const diagnostic: Diagnostic = {
          range: document.rangeOf(finding.span),
          severity: SEVERITY[severity],
          code: rule.id,
          codeDescription: { href: ruleDocsUrl(rule.id) },
          source: DIAGNOSTIC_SOURCE,
          message: finding.message,
        };
        if (finding.tags) diagnostic.tags = finding.tags;
        if (finding.data) diagnostic.data = { ...finding.data };
        if (finding.related && finding.related.length > 0) {
          const uri = document.textDocument.uri;
          diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: document.rangeOf(r.span) }, message: r.message }));
        }
        diagnostics.push(diagnostic);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // One broken rule must not take the others down; the server logs it.
      reportRuleFailure(rule.id, error);
    }
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics;
}

let ruleFailureListener: ((ruleId: string, error: unknown) => void) | undefined;

export function onRuleFailure(listener: ((ruleId: string, error: unknown) => void) | undefined): void {
  ruleFailureListener = listener;
}

function reportRuleFailure(ruleId: string, error: unknown): void {
  ruleFailureListener?.(ruleId, error);
}
