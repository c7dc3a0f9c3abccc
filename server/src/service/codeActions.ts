import { CodeAction, CodeActionContext, CodeActionKind, Diagnostic, Range } from 'vscode-languageserver-types';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { OptionContext } from '../analysis/optionContext';
import { ruleById } from './rules';
import { DIAGNOSTIC_SOURCE, WHOLE_FILE } from './validation';
import { insertLinesAfter, insertLinesBefore, workspaceEdit } from './edits';
import { ruleFixes } from './fixAll';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }): boolean =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether a request's `only` lets quick fixes through (no `only` lets everything through). */
function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || kind.startsWith(`${CodeActionKind.QuickFix}.`) || CodeActionKind.QuickFix.startsWith(kind));
}

export function doCodeActions(
  document: UwsgiDocument,
  range: Range,
  context: CodeActionContext,
  settings: LanguageSettings,
): CodeAction[] {
  if (!wantsQuickFixes(context.only)) return [];
  const model = document.model(settings.section);
  const options = new OptionContext(model, settings);
  const actions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    if (!overlaps(diagnostic.range, range)) continue;
    if (!ruleById(diagnostic.code)) continue;
    const data = (typeof diagnostic.data === 'object' && diagnostic.data !== null ? diagnostic.data : {}) as Record<string, unknown>;
    // One preferred fix per diagnostic (the one a bulk run would apply): the first a rule marks.
    let preferred = false;
    for (const fix of ruleFixes(document, settings, options, diagnostic)) {
      const { safety: _safety, ...action } = fix;
      action.kind ??= CodeActionKind.QuickFix;
      action.diagnostics ??= [diagnostic];
      if (action.isPreferred === true) {
        action.isPreferred = !preferred;
        preferred = true;
      }
      actions.push(action);
    }
    actions.push(...suppressionActions(document, diagnostic, diagnostic.code, data[WHOLE_FILE] === true));
  }
  return actions;
}

function suppressionActions(document: UwsgiDocument, diagnostic: Diagnostic, ruleId: string, wholeFile: boolean): CodeAction[] {
  const line = document.lineAt(document.offsetAt(diagnostic.range.start));
  const actions: CodeAction[] = [];
  if (line && !wholeFile) {
    actions.push({
      title: `Disable ${ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(document, [insertLinesBefore(document, line, [`# uwsgi-ini: disable-next-line ${ruleId}`])]),
    });
  }
  const first = document.ast.lines[0];
  if (first) {
    // A file-wide directive goes on top. After a byte order mark it would move the mark onto the
    // comment line and change what uWSGI reads of the first line, so there it goes below that line.
    const hasBom = document.text.charCodeAt(0) === 0xfeff;
    const directive = `# uwsgi-ini: disable ${ruleId}`;
    const edit = hasBom
      ? insertLinesAfter(document, first, [directive])
      : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${directive}${document.eol}` };
    actions.push({
      title: `Disable ${ruleId} for this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(document, [edit]),
    });
  }
  return actions;
}
