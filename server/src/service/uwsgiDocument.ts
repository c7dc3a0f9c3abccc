import { Position, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IniDocument, Line, Span } from '../parser/ast';
import { parseIni } from '../parser/parser';
import { DocumentModel } from '../analysis/model';
import { FileSystemPort } from '../analysis/fileSystem';
import { AnalysisBudget } from '../analysis/budget';

/**
 * A parsed document: the text, its syntax tree, and the analysis models built on demand (one per
 * selected section). The server caches one per uri and version; every service takes it.
 */
export class UwsgiDocument {
  readonly ast: IniDocument;
  private readonly models = new Map<string, DocumentModel>();
  /** One budget for all the models: a model per section must not multiply what one document may cost. */
  private readonly budget = new AnalysisBudget();

  /** A snapshot: the server's documents are updated in place, the parse must not see that. */
  readonly textDocument: TextDocument;

  constructor(
    document: TextDocument,
    /** Other files, when the workspace grants access (none in an untrusted one). */
    readonly fileSystem?: FileSystemPort,
  ) {
    const text = document.getText();
    this.textDocument = TextDocument.create(document.uri, document.languageId, document.version, text);
    this.ast = parseIni(text);
  }

  get text(): string {
    return this.ast.text;
  }

  model(section: string): DocumentModel {
    let model = this.models.get(section);
    if (!model) {
      model = new DocumentModel(this.ast, {
        section, uri: this.textDocument.uri, budget: this.budget, ...(this.fileSystem ? { fileSystem: this.fileSystem } : {}),
      });
      this.models.set(section, model);
    }
    return model;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** Same answer as `TextDocument.positionAt`, from a line table built with `indexOf`. */
  positionAt(offset: number): Position {
    const text = this.ast.text;
    const starts = this.lineStarts();
    offset = Math.max(Math.min(offset, text.length), 0);
    const line = lineIndexAt(starts, offset);
    const lineStart = starts[line]!;
    while (offset > lineStart && isEol(text.charCodeAt(offset - 1))) offset--;
    return { line, character: offset - lineStart };
  }

  /** The 0-based editor line (`\n`, `\r\n` or a lone `\r` ends one) holding an offset. */
  lineNumberAt(offset: number): number {
    return lineIndexAt(this.lineStarts(), Math.max(Math.min(offset, this.ast.text.length), 0));
  }

  /** Same answer as `TextDocument.offsetAt`. */
  offsetAt(position: Position): number {
    const text = this.ast.text;
    const starts = this.lineStarts();
    if (position.line >= starts.length) return text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line]!;
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line + 1 < starts.length ? starts[position.line + 1]! : text.length;
    let offset = Math.min(lineStart + position.character, nextLineStart);
    while (offset > lineStart && isEol(text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private lineStartTable: number[] | undefined;

  private lineStarts(): number[] {
    return (this.lineStartTable ??= editorLineStarts(this.ast.text));
  }

  /** The logical line holding an offset (binary search); undefined past the last line. */
  lineAt(offset: number): Line | undefined {
    const lines = this.ast.lines;
    let low = 0;
    let high = lines.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const line = lines[mid]!;
      if (offset < line.start) high = mid - 1;
      else if (offset >= line.eolEnd && !(offset === line.eolEnd && line.eolEnd === line.end)) low = mid + 1;
      else return line;
    }
    return undefined;
  }

  /** The file's own line break, so inserted lines match it. */
  get eol(): string {
    const first = this.text.indexOf('\n');
    return first > 0 && this.text.charCodeAt(first - 1) === 13 ? '\r\n' : '\n';
  }
}

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

function isEol(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** Index of the last line start at or before `offset`. */
function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

/**
 * Where each editor line starts, with the line breaks LSP counts (`\n`, `\r\n`, a lone `\r`).
 * `indexOf` jumps from break to break instead of reading every character.
 */
export function editorLineStarts(text: string): number[] {
  const starts = [0];
  const length = text.length;
  let carriageReturn = text.indexOf('\r');
  let from = 0;
  for (;;) {
    const lineFeed = text.indexOf('\n', from);
    const limit = lineFeed < 0 ? length : lineFeed;
    // Lone carriage returns before this line feed also end lines; the one right before it does not.
    while (carriageReturn >= 0 && carriageReturn < limit) {
      if (carriageReturn !== lineFeed - 1) starts.push(carriageReturn + 1);
      carriageReturn = text.indexOf('\r', carriageReturn + 1);
    }
    if (lineFeed < 0) break;
    starts.push(lineFeed + 1);
    from = lineFeed + 1;
  }
  return starts;
}
