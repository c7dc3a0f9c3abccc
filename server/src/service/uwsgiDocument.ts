import { Position, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IniDocument, Line, Span } from '../parser/ast';
import { parseIni } from '../parser/parser';
import { DocumentModel } from '../analysis/model';
import { FileSystemPort } from '../analysis/fileSystem';

/**
 * A parsed document: the text, its syntax tree, and the analysis models built on demand (one per
 * selected section). The server caches one per uri and version; every service takes it.
 */
export class UwsgiDocument {
  readonly ast: IniDocument;
  private readonly models = new Map<string, DocumentModel>();

  /** A snapshot: the server's documents are updated in place, the parse must not see that. */
  readonly textDocument: TextDocument;

  constructor(document: TextDocument, private readonly fileSystem?: FileSystemPort) {
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
      model = new DocumentModel(this.ast, { section, uri: this.textDocument.uri, ...(this.fileSystem ? { fileSystem: this.fileSystem } : {}) });
      this.models.set(section, model);
    }
    return model;
  }

  rangeOf(span: Span): Range {
    return { start: this.textDocument.positionAt(span.start), end: this.textDocument.positionAt(span.end) };
  }

  offsetAt(position: Position): number {
    return this.textDocument.offsetAt(position);
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
