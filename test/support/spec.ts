// Helpers that let specs read like the documents they check: one-line texts, a `|` cursor marker,
// diagnostics shown as the text they cover.
import { CodeAction, Diagnostic, DiagnosticSeverity, Position, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, LanguageService, LanguageServiceOptions } from '../../server/src/service/languageService';
import { UwsgiDocument } from '../../server/src/service/uwsgiDocument';
import { FileStat, FileSystemPort } from '../../server/src/analysis/fileSystem';
import { OptionContext } from '../../server/src/analysis/optionContext';
import { FixLevel, ruleFixes } from '../../server/src/service/fixAll';

export const URI = 'file:///srv/app/uwsgi.ini';

export function service(settings?: unknown, options?: LanguageServiceOptions): LanguageService {
  return getLanguageService(settings, options);
}

export function documentOf(text: string, uri = URI): TextDocument {
  return TextDocument.create(uri, 'uwsgi-ini', 1, text);
}

export function parsed(text: string, ls: LanguageService = service()): UwsgiDocument {
  return ls.parse(documentOf(text));
}

/** Splits `a|b` into the text `ab` and the cursor position. */
export function withCursor(marked: string): { text: string; offset: number; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error(`no | cursor marker in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, position: documentOf(text).positionAt(offset) };
}

export const SEVERITY_NAME: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export interface Finding {
  code: string;
  severity: string;
  /** The text the diagnostic's range covers. */
  covers: string;
}

export function validate(text: string, settings?: unknown): Diagnostic[] {
  const ls = service(settings);
  return ls.doValidation(ls.parse(documentOf(text)));
}

/** Diagnostics as `{ code, severity, covers }`, optionally of one rule only. */
export function findings(text: string, ruleId?: string, settings?: unknown): Finding[] {
  const document = documentOf(text);
  return validate(text, settings)
    .filter((d) => ruleId === undefined || d.code === ruleId)
    .map((d) => ({
      code: String(d.code),
      severity: SEVERITY_NAME[d.severity ?? 1]!,
      covers: text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)),
    }));
}

export function messages(text: string, ruleId: string, settings?: unknown): string[] {
  return validate(text, settings).filter((d) => d.code === ruleId).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(documentOf(text), edits);
}

/** Applies a code action's workspace edit to the text. */
export function applyAction(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  if (!edits) throw new Error(`action "${action.title}" has no edit for ${URI}`);
  return applyEdits(text, edits);
}

/** The quick fixes offered for the diagnostics of one rule. */
export function quickFixes(text: string, ruleId: string, settings?: unknown): CodeAction[] {
  const ls = service(settings);
  const doc = ls.parse(documentOf(text));
  const diagnostics = ls.doValidation(doc).filter((d) => d.code === ruleId);
  return diagnostics.flatMap((diagnostic) =>
    ls.doCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic] }).filter((action) => !action.title.startsWith('Disable ')),
  );
}

/** The "Disable ..." actions offered for the first diagnostic of one rule. */
export function suppressionActions(text: string, ruleId: string): CodeAction[] {
  const ls = service();
  const doc = ls.parse(documentOf(text));
  const diagnostic = ls.doValidation(doc).find((d) => d.code === ruleId);
  if (!diagnostic) throw new Error(`no ${ruleId} diagnostic`);
  return ls.doCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic] }).filter((a) => a.title.startsWith('Disable '));
}

/** Applies the fix with this title (or the preferred one) and returns the new text. */
export function fixed(text: string, ruleId: string, title?: string, settings?: unknown): string {
  const actions = quickFixes(text, ruleId, settings);
  const action = title === undefined ? actions.find((a) => a.isPreferred) : actions.find((a) => a.title.includes(title));
  if (!action) throw new Error(`no fix ${title ?? '(preferred)'} among: ${actions.map((a) => a.title).join(' | ')}`);
  return applyAction(text, action);
}

/** The fixes a rule offers for its diagnostics, as `title: safety` (`*` marks the preferred one). */
export function fixSafety(text: string, ruleId: string, settings?: unknown): string[] {
  const ls = service(settings);
  const doc = ls.parse(documentOf(text));
  const rule = ls.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const docSettings = ls.settingsOf(doc);
  const options = new OptionContext(doc.model(docSettings.section), docSettings);
  return ls.doValidation(doc).filter((d) => d.code === ruleId).flatMap((diagnostic) =>
    ruleFixes(doc, docSettings, options, diagnostic).map((fix) => `${fix.isPreferred ? '*' : ''}${fix.title}: ${fix.safety}`));
}

/** The text after `fixAll` at a level (`safe`: what `--fix` and `source.fixAll` write). */
export function fixedAll(text: string, level: FixLevel = 'safe', settings?: unknown): string {
  const ls = service(settings);
  return ls.fixAll(ls.parse(documentOf(text)), level).text;
}

/**
 * A file system on which whatever a path names is an empty file: for specs about how link targets
 * are resolved (links go only to files that exist).
 */
export const EVERY_PATH_IS_A_FILE: FileSystemPort = {
  stat: (path) => ({ type: 'file', size: 0, realPath: path }),
  readFile: () => '',
};

/** An in-memory file system: paths map to text, or to a special kind of node. */
export function fakeFileSystem(files: Record<string, string | 'directory' | 'fifo'>, links: Record<string, string> = {}): FileSystemPort & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    stat(path: string): FileStat | undefined {
      const real = links[path] ?? path;
      const node = files[real];
      if (node === undefined) return undefined;
      if (node === 'directory') return { type: 'directory', size: 4096, realPath: real };
      if (node === 'fifo') return { type: 'other', size: 0, realPath: real };
      return { type: 'file', size: Buffer.byteLength(node), realPath: real };
    },
    readFile(path: string): string | undefined {
      reads.push(path);
      const node = files[links[path] ?? path];
      return typeof node === 'string' && node !== 'directory' && node !== 'fifo' ? node : undefined;
    },
  };
}
