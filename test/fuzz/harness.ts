// The invariants every input must keep, checked by the property tests, the adversarial files and
// the "never executes" test alike: the parse covers the text exactly, every service on the facade
// answers without throwing, every range it returns lies inside the document, formatting is
// idempotent and keeps the text, quick fixes apply cleanly.
import { strict as assert } from 'node:assert';
import {
  CodeAction, Diagnostic, Position, Range, SelectionRange, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-types';
import { FIX_ALL_KIND, MAX_FIX_ROUNDS } from '../../server/src/service/fixAll';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, LanguageService } from '../../server/src/service/languageService';
import { UwsgiDocument } from '../../server/src/service/uwsgiDocument';
import { tokens } from '../../server/src/parser/tokens';
import { IniDocument, LineKind } from '../../server/src/parser/ast';
import { MAX_DIAGNOSTICS } from '../../server/src/service/validation';

export const FUZZ_URI = 'file:///srv/fuzz/uwsgi.ini';

/**
 * The facade methods that do not take a document: settings and wiring. Everything else on the
 * facade must be exercised by `exerciseDocument` (a test checks that, so a new feature added to
 * the facade is fuzzed as soon as it lands).
 */
export const FACADE_WIRING = new Set(['parse', 'configure', 'settings', 'rules', 'doResolveCompletion']);

/** The facade methods `exerciseDocument` calls (doResolveCompletion is called on completion items). */
export const EXERCISED = new Set([
  'doValidation', 'doCodeActions', 'doComplete', 'doHover', 'getInlayHints', 'findDocumentSymbols', 'getFoldingRanges',
  'findDefinition', 'findReferences', 'prepareRename', 'doRename', 'findDocumentLinks', 'getSelectionRanges', 'format',
  'doResolveCompletion', 'settingsOf', 'fixAll', 'doEffectiveConfiguration',
]);

/** A service with every optional feature on, so the fuzzer reaches all code paths. */
export function fuzzService(extra: Record<string, unknown> = {}): LanguageService {
  return getLanguageService({ format: { enable: true }, inlayHints: { placeholders: true }, validation: { delayMs: 0 }, ...extra },
    { clientFeatures: { markdown: true, snippets: true, resolveDocumentation: true } });
}

// ---------------------------------------------------------------- parse

/** The lines and tokens cover the text exactly, in order, with consistent offsets. */
export function checkParse(ast: IniDocument, text: string): void {
  assert.equal(ast.text, text, 'the parse keeps the text');
  let last = 0;
  let rebuilt = '';
  for (const token of tokens(ast)) {
    if (token.start !== last) assert.fail(`gap or overlap before offset ${token.start} (expected ${last})`);
    assert.ok(token.end > token.start, `empty token at ${token.start}`);
    rebuilt += text.slice(token.start, token.end);
    last = token.end;
  }
  assert.equal(last, text.length, 'tokens reach the end of the text');
  assert.equal(rebuilt, text, 'tokens round-trip the text');
  let lineStart = 0;
  for (const [index, line] of ast.lines.entries()) {
    assert.equal(line.index, index);
    assert.equal(line.start, lineStart, `line ${index} starts where the previous one ended`);
    assert.ok(line.start <= line.contentStart && line.contentStart <= line.contentEnd && line.contentEnd <= line.end && line.end <= line.eolEnd,
      `line ${index} offsets in order: ${[line.start, line.contentStart, line.contentEnd, line.end, line.eolEnd].join(' ')}`);
    if (line.kind === LineKind.Entry) {
      assert.ok(line.keySpan.start >= line.start && line.keySpan.end <= line.end && line.keySpan.start <= line.keySpan.end, `key span inside line ${index}`);
      assert.ok(line.valueSpan.start >= line.start && line.valueSpan.end <= line.end && line.valueSpan.start <= line.valueSpan.end, `value span inside line ${index}`);
    }
    if (line.kind === LineKind.Section) {
      assert.ok(line.nameSpan.start > line.start && line.nameSpan.end <= line.end, `section name inside line ${index}`);
    }
    lineStart = line.eolEnd;
  }
  assert.equal(lineStart, text.length, 'lines reach the end of the text');
}

// ---------------------------------------------------------------- ranges

/** Features that returned a position inside a surrogate pair, with how often. */
export const SURROGATE_SPLITS = new Map<string, number>();

export class Bounds {
  private readonly lineLengths: number[] = [];
  private readonly lineStarts: number[] = [];

  constructor(readonly document: TextDocument) {
    for (let line = 0; line < document.lineCount; line++) {
      const start = document.offsetAt({ line, character: 0 });
      const end = document.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
      this.lineStarts.push(start);
      this.lineLengths.push(end - start);
    }
  }

  get lineCount(): number {
    return this.document.lineCount;
  }

  lineLength(line: number): number {
    return this.lineLengths[line] ?? 0;
  }

  position(p: Position, what: string): void {
    if (!(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0)) {
      assert.fail(`${what}: bad position ${JSON.stringify(p)}`);
    }
    if (p.line >= this.document.lineCount) assert.fail(`${what}: line ${p.line} past the last line ${this.document.lineCount - 1}`);
    if (p.character > this.lineLengths[p.line]!) {
      assert.fail(`${what}: character ${p.character} past the end of line ${p.line} (length ${this.lineLengths[p.line]})`);
    }
    // A position between the two halves of a surrogate pair splits a character.
    const offset = this.lineStarts[p.line]! + p.character;
    const text = this.document.getText();
    if (offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) {
      // Editors cope (they snap to the character), so this is counted and reported, not failed.
      const feature = what.replace(/ \d+| \(.*?\)| start| end/g, '').trim();
      const code = /\((.*?)\)/.exec(what)?.[1];
      const key = code ? `${feature} ${code}` : feature;
      SURROGATE_SPLITS.set(key, (SURROGATE_SPLITS.get(key) ?? 0) + 1);
    }
  }

  range(r: Range, what: string): void {
    assert.ok(r && r.start && r.end, `${what}: missing range`);
    this.position(r.start, `${what} start`);
    this.position(r.end, `${what} end`);
    if (compare(r.start, r.end) > 0) assert.fail(`${what}: range ends before it starts ${JSON.stringify(r)}`);
  }

  contains(outer: Range, inner: Range, what: string): void {
    if (compare(outer.start, inner.start) > 0 || compare(inner.end, outer.end) > 0) {
      assert.fail(`${what}: ${JSON.stringify(inner)} not inside ${JSON.stringify(outer)}`);
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Edits of one document: inside it and pairwise disjoint (LSP forbids overlapping edits). */
export function checkEdits(bounds: Bounds, edits: readonly TextEdit[], what: string): void {
  edits.forEach((edit, i) => {
    bounds.range(edit.range, `${what} edit ${i}`);
    assert.equal(typeof edit.newText, 'string', `${what} edit ${i} newText`);
  });
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!.range;
    const current = sorted[i]!.range;
    if (compare(previous.end, current.start) > 0) {
      assert.fail(`${what}: edits overlap ${JSON.stringify(previous)} and ${JSON.stringify(current)}`);
    }
    // Two inserts at one position have no defined order.
    if (compare(previous.start, previous.end) === 0 && compare(current.start, current.end) === 0 && compare(previous.start, current.start) === 0) {
      assert.fail(`${what}: two insertions at ${JSON.stringify(current.start)}`);
    }
  }
}

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) {
      for (const e of change.edits) edits.push(e as TextEdit);
    }
  }
  return edits;
}

// ---------------------------------------------------------------- the services

export interface Exercise {
  diagnostics: Diagnostic[];
  /** Texts after applying each quick fix, to re-validate. */
  fixedTexts: string[];
  formatted: string | undefined;
}

export interface ExerciseOptions {
  /** Positions to hover, complete, rename at (besides a few fixed ones). */
  positions?: Position[];
  /** Apply quick fixes and re-validate the result. */
  applyFixes?: boolean;
  /** Check formatting idempotence (formats twice). */
  checkFormatting?: boolean;
  /** Ask for code actions of at most this many diagnostics (all when undefined). */
  maxCodeActionDiagnostics?: number;
}

/** Runs every document service of the facade on one text and checks its answers. */
export function exerciseDocument(ls: LanguageService, text: string, options: ExerciseOptions = {}, uri = FUZZ_URI): Exercise {
  const textDocument = TextDocument.create(uri, 'uwsgi-ini', 1, text);
  const bounds = new Bounds(textDocument);
  const document = ls.parse(textDocument);
  checkParse(document.ast, text);
  assert.ok(ls.settingsOf(document), 'every document has resolved settings');
  const whole: Range = { start: { line: 0, character: 0 }, end: textDocument.positionAt(text.length) };

  const diagnostics = ls.doValidation(document);
  assert.ok(diagnostics.length <= MAX_DIAGNOSTICS, `${diagnostics.length} diagnostics, more than ${MAX_DIAGNOSTICS}`);
  diagnostics.forEach((d, i) => {
    bounds.range(d.range, `diagnostic ${i} (${String(d.code)})`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `diagnostic ${i} has a message`);
    for (const related of d.relatedInformation ?? []) {
      if (related.location.uri === uri) bounds.range(related.location.range, `diagnostic ${i} related information`);
    }
  });

  const positions = [
    { line: 0, character: 0 },
    textDocument.positionAt(text.length),
    textDocument.positionAt(text.length >> 1),
    ...(options.positions ?? []),
  ];

  for (const position of positions) {
    const hover = ls.doHover(document, position);
    if (hover) {
      if (hover.range) bounds.range(hover.range, 'hover');
      assert.ok(hover.contents, 'hover has contents');
    }
    const completion = ls.doComplete(document, position);
    for (const [i, item] of (completion?.items ?? []).slice(0, 50).entries()) {
      const edit = item.textEdit;
      if (edit) {
        if ('range' in edit) bounds.range(edit.range, `completion ${i} textEdit`);
        else {
          bounds.range(edit.insert, `completion ${i} insert`);
          bounds.range(edit.replace, `completion ${i} replace`);
        }
      }
      if (item.additionalTextEdits) checkEdits(bounds, item.additionalTextEdits, `completion ${i} additional edits`);
    }
    const first = completion?.items[0];
    if (first) ls.doResolveCompletion(first);
    for (const location of ls.findDefinition(document, position)) {
      if (location.uri === uri) bounds.range(location.range, 'definition');
    }
    for (const location of ls.findReferences(document, position, true)) {
      if (location.uri === uri) bounds.range(location.range, 'reference');
    }
    const rename = ls.prepareRename(document, position);
    if (rename && 'range' in rename) {
      bounds.range(rename.range, 'prepareRename');
      const edit = ls.doRename(document, position, 'renamed_by_fuzz');
      if (edit && !('message' in edit)) checkEdits(bounds, editsOf(edit as WorkspaceEdit, uri), 'rename');
    }
  }

  const selections = ls.getSelectionRanges(document, positions);
  selections.forEach((selection: SelectionRange, i) => {
    let current: SelectionRange | undefined = selection;
    let depth = 0;
    while (current) {
      bounds.range(current.range, `selection ${i} level ${depth}`);
      if (current.parent) bounds.contains(current.parent.range, current.range, `selection ${i} level ${depth} inside its parent`);
      current = current.parent;
      assert.ok(++depth < 1000, 'selection range chain ends');
    }
  });

  for (const hint of ls.getInlayHints(document, whole)) bounds.position(hint.position, 'inlay hint');

  const checkSymbols = (symbols: ReturnType<LanguageService['findDocumentSymbols']>, path: string): void => {
    symbols.forEach((symbol, i) => {
      bounds.range(symbol.range, `symbol ${path}${i}`);
      bounds.range(symbol.selectionRange, `symbol ${path}${i} selection`);
      // VS Code rejects symbols whose selection range is outside their range.
      bounds.contains(symbol.range, symbol.selectionRange, `symbol ${path}${i} selection range`);
      assert.ok(symbol.name.length > 0, `symbol ${path}${i} has a name (VS Code rejects empty names)`);
      if (symbol.children) checkSymbols(symbol.children, `${path}${i}.`);
    });
  };
  checkSymbols(ls.findDocumentSymbols(document), '');

  for (const folding of ls.getFoldingRanges(document)) {
    assert.ok(folding.startLine >= 0 && folding.startLine <= folding.endLine && folding.endLine < bounds.lineCount,
      `folding range ${JSON.stringify(folding)} inside ${bounds.lineCount} lines`);
  }

  for (const link of ls.findDocumentLinks(document)) bounds.range(link.range, 'document link');

  // The effective configuration: one text line per entry, each source range inside this document.
  const effective = ls.doEffectiveConfiguration(document);
  const shownLines = effective.text.split('\n');
  for (const line of effective.lines) {
    const shown = shownLines[line.line];
    assert.ok(shown !== undefined && shown.endsWith(` = ${line.value}`), `effective line ${line.line} shows its value: ${JSON.stringify(shown)}`);
    assert.ok(!/[\u0000-\u001f]/.test(shown), `effective line ${line.line} has no control character`);
    if (line.source?.uri === uri) bounds.range(line.source.range, `effective line ${line.line} source`);
  }

  const fixedTexts: string[] = [];
  const asked = options.maxCodeActionDiagnostics === undefined ? diagnostics : diagnostics.slice(0, options.maxCodeActionDiagnostics);
  for (const diagnostic of asked) {
    const actions: CodeAction[] = ls.doCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] });
    for (const action of actions) {
      const edits = editsOf(action.edit, uri);
      checkEdits(bounds, edits, `quick fix "${action.title}"`);
      if (options.applyFixes && edits.length > 0) fixedTexts.push(TextDocument.applyEdits(textDocument, edits));
    }
  }
  for (const fixed of fixedTexts) {
    const ls2 = ls;
    ls2.doValidation(ls2.parse(TextDocument.create(uri, 'uwsgi-ini', 2, fixed)));
  }
  // Fix all (--fix, --unsafe-fixes): bounded rounds, and once settled, a second run changes nothing.
  for (const level of options.applyFixes ? (['safe', 'unsafe'] as const) : (['safe'] as const)) {
    const result = ls.fixAll(document, level);
    assert.ok(result.rounds <= MAX_FIX_ROUNDS, `fix all (${level}) took ${result.rounds} rounds`);
    if (options.applyFixes && result.converged && result.text !== text) {
      const again = ls.fixAll(ls.parse(TextDocument.create(uri, 'uwsgi-ini', 3, result.text)), level);
      assert.equal(again.text, result.text, `fix all (${level}) is idempotent`);
    }
  }
  for (const action of ls.doCodeActions(document, whole, { diagnostics, only: [FIX_ALL_KIND] })) {
    checkEdits(bounds, editsOf(action.edit, uri), 'fix all action');
  }

  let formatted: string | undefined;
  const formatting = ls.format(document, undefined, { tabSize: 4, insertSpaces: true });
  checkEdits(bounds, formatting, 'format');
  ls.format(document, { start: { line: 0, character: 0 }, end: positions[2]! }, { tabSize: 4, insertSpaces: true });
  if (options.checkFormatting) {
    formatted = TextDocument.applyEdits(textDocument, formatting);
    assert.equal(withoutWhitespace(formatted), withoutWhitespace(text), 'formatting keeps every non-whitespace character in order');
    const again = ls.format(ls.parse(TextDocument.create(uri, 'uwsgi-ini', 2, formatted)), undefined, { tabSize: 4, insertSpaces: true });
    const twice = TextDocument.applyEdits(TextDocument.create(uri, 'uwsgi-ini', 2, formatted), again);
    assert.equal(twice, formatted, 'formatting is idempotent');
  }
  return { diagnostics, fixedTexts, formatted };
}

export function withoutWhitespace(text: string): string {
  return text.replace(/[\s\uFEFF]+/g, '');
}

/** Positions spread over the document: every line start and end, and a few inside lines. */
export function samplePositions(text: string, count: number, pick: (n: number) => number): Position[] {
  const document = TextDocument.create(FUZZ_URI, 'uwsgi-ini', 1, text);
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const offset = pick(text.length + 1);
    out.push(document.positionAt(offset));
  }
  return out;
}

export type { UwsgiDocument };
