import { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import { EntryLine, LogicBlock, Section, Span } from '../parser/ast';
import { parseHookKey } from '../registry/registry';
import { LanguageSettings } from './settings';
import { OptionContext } from '../analysis/optionContext';
import { UwsgiDocument } from './uwsgiDocument';

// The outline: sections with their entries, logic blocks holding the entries they handle. Entries
// written before the first header (never applied by uWSGI) come first, at the top level.

/** Longest value shown as an entry's detail; longer ones are cut with an ellipsis. */
const MAX_DETAIL_LENGTH = 60;
/** VS Code rejects symbols with an empty name. */
const UNNAMED_SECTION = '(unnamed section)';
const EMPTY_KEY = '(empty key)';

export function findDocumentSymbols(document: UwsgiDocument, settings: LanguageSettings): DocumentSymbol[] {
  const options = new OptionContext(document.model(settings.section), settings);
  const builder = new OutlineBuilder(document, options);
  const symbols = builder.entries(document.ast.orphanEntries);
  for (const section of document.ast.sections) symbols.push(builder.section(section));
  return symbols;
}

/** The outline as a flat list, for clients without hierarchical document symbols. */
export function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, containerName?: string): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  for (const symbol of symbols) {
    flat.push(SymbolInformation.create(symbol.name, symbol.kind, symbol.selectionRange, uri, containerName));
    if (symbol.children) flat.push(...flattenSymbols(symbol.children, uri, symbol.name));
  }
  return flat;
}

class OutlineBuilder {
  private readonly blockByOpener = new Map<EntryLine, LogicBlock>();

  constructor(private readonly document: UwsgiDocument, private readonly options: OptionContext) {
    for (const block of document.ast.blocks) this.blockByOpener.set(block.opener, block);
  }

  section(section: Section): DocumentSymbol {
    const header = section.header;
    const last = this.document.ast.lines[section.lastLine] ?? header;
    return DocumentSymbol.create(
      section.name === '' ? UNNAMED_SECTION : section.name,
      undefined,
      SymbolKind.Namespace,
      this.document.rangeOf({ start: header.start, end: last.end }),
      this.document.rangeOf(section.name === '' ? { start: header.contentStart, end: header.contentEnd } : header.nameSpan),
      this.entries(section.entries),
    );
  }

  /**
   * The entries of one section (or of the lines before the first header), with each logic block's
   * body nested under its opener. A block that runs on into a later section with the same name
   * keeps only this section's lines: a symbol cannot reach outside its parent.
   */
  entries(entries: readonly EntryLine[]): DocumentSymbol[] {
    const symbols: DocumentSymbol[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const block = this.blockByOpener.get(entry);
      if (!block) {
        symbols.push(this.entry(entry));
        continue;
      }
      const members = new Set(block.body);
      const children: DocumentSymbol[] = [];
      let end = entry.end;
      while (i + 1 < entries.length && (members.has(entries[i + 1]!) || entries[i + 1] === block.closer)) {
        const next = entries[++i]!;
        end = next.end;
        if (next !== block.closer) children.push(this.entry(next));
      }
      symbols.push(this.symbol(entry, block.kind === 'for' ? SymbolKind.Struct : SymbolKind.Operator, { start: entry.start, end }, children));
    }
    return symbols;
  }

  private entry(entry: EntryLine): DocumentSymbol {
    return this.symbol(entry, this.kindOf(entry), { start: entry.start, end: entry.end }, undefined);
  }

  private symbol(entry: EntryLine, kind: SymbolKind, span: Span, children: DocumentSymbol[] | undefined): DocumentSymbol {
    return DocumentSymbol.create(
      entry.key === '' ? EMPTY_KEY : entry.key,
      detailOf(entry.value),
      kind,
      this.document.rangeOf(span),
      this.document.rangeOf(entry.key === '' ? { start: entry.contentStart, end: entry.contentStart } : entry.keySpan),
      children,
    );
  }

  private kindOf(entry: EntryLine): SymbolKind {
    if (parseHookKey(entry.key)?.phase) return SymbolKind.Event;
    // uWSGI keeps a key that is no option as a placeholder for `%(key)`, and nothing else.
    if (this.options.lookup(entry.key).kind === 'unknown') return SymbolKind.Variable;
    return SymbolKind.Property;
  }
}

function detailOf(value: string): string | undefined {
  if (value === '') return undefined;
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > MAX_DETAIL_LENGTH ? `${oneLine.slice(0, MAX_DETAIL_LENGTH - 1)}…` : oneLine;
}
