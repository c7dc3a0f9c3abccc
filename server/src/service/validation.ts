import { Diagnostic } from 'vscode-languageserver-types';
import { LanguageSettings } from './settings';
import { SEVERITY_NUMBER } from './severity';
import { UwsgiDocument } from './uwsgiDocument';
import { OptionContext } from '../analysis/optionContext';
import { RuleContext, RuleFinding, Rule } from './rules/rule';
import { allRules } from './rules';
import { ruleDocsUrl } from './ruleDocs';
import { Suppressions } from './suppressions';
import { interpretationOf } from './interpretation';

export const DIAGNOSTIC_SOURCE = 'uwsgi-ini';

/** The key of a diagnostic's data that marks a whole-file finding (RuleFinding.wholeFile). */
export const WHOLE_FILE = 'wholeFile';

/** At most this many diagnostics per document, so a huge broken file cannot flood the client. */
export const MAX_DIAGNOSTICS = 1000;

export function doValidation(document: UwsgiDocument, settings: LanguageSettings, rules: readonly Rule[] = allRules): Diagnostic[] {
  const model = document.model(settings.section);
  const options = new OptionContext(model, settings);
  const suppressions = new Suppressions(document.ast);
  const diagnostics: Diagnostic[] = [];
  let sorted = true;
  let lastLine = -1;
  let lastCharacter = -1;
  for (const rule of rules) {
    // The cap keeps the first findings in rule order: once it is reached, later rules add nothing.
    if (diagnostics.length >= MAX_DIAGNOSTICS) break;
    const configured = settings.diagnostics[rule.id];
    if (configured === 'off') continue;
    // Diagnostics are serialised, never mutated: one description object per rule is enough.
    const codeDescription = { href: ruleDocsUrl(rule.id) };
    const context: RuleContext = {
      document,
      model,
      settings,
      options,
      interpretation: () => interpretationOf(document, settings),
      report(finding: RuleFinding): void {
        if (diagnostics.length >= MAX_DIAGNOSTICS) return;
        if (suppressions.any && suppressions.isSuppressed(rule.id, document.lineAt(finding.span.start)?.index)) return;
        const severity = configured ?? finding.severity ?? rule.defaultSeverity;
        const range = document.rangeOf(finding.span);
        const diagnostic: Diagnostic = {
          range,
          severity: SEVERITY_NUMBER[severity],
          code: rule.id,
          codeDescription,
          source: DIAGNOSTIC_SOURCE,
          message: finding.message,
        };
        if (finding.tags) diagnostic.tags = finding.tags;
        // Rules build a fresh object per finding and never touch it again: no copy needed.
        if (finding.data) diagnostic.data = finding.data;
        // The client hands data back with the code action request: that is where it is read.
        if (finding.wholeFile) diagnostic.data = { ...finding.data, [WHOLE_FILE]: true };
        if (finding.related && finding.related.length > 0) {
          const uri = document.textDocument.uri;
          diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: document.rangeOf(r.span) }, message: r.message }));
        }
        const { line, character } = range.start;
        if (line < lastLine || (line === lastLine && character < lastCharacter)) sorted = false;
        lastLine = line;
        lastCharacter = character;
        diagnostics.push(diagnostic);
      },
      isFull: () => diagnostics.length >= MAX_DIAGNOSTICS,
    };
    try {
      rule.check(context);
    } catch (error) {
      // One broken rule must not take the others down; the server logs it.
      reportRuleFailure(rule.id, error);
    }
  }
  if (!sorted) diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics;
}

let ruleFailureListener: ((ruleId: string, error: unknown) => void) | undefined;

export function onRuleFailure(listener: ((ruleId: string, error: unknown) => void) | undefined): void {
  ruleFailureListener = listener;
}

function reportRuleFailure(ruleId: string, error: unknown): void {
  ruleFailureListener?.(ruleId, error);
}
