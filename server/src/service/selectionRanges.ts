import { Position, SelectionRange } from 'vscode-languageserver-types';
import { Line, LineKind, LogicBlock, Span } from '../parser/ast';
import { segmentValue } from '../parser/values';
import { UwsgiDocument } from './uwsgiDocument';

/**
 * Expand selection, innermost first: a placeholder's name, its `%(...)` segment, the value (or the
 * key), the entry, the logic block holding it, the section, the whole document.
 */
export function getSelectionRanges(document: UwsgiDocument, positions: readonly Position[]): SelectionRange[] {
  const blockByEntry = new Map<Line, LogicBlock>();
  for (const block of document.ast.blocks) {
    for (const entry of block.body) blockByEntry.set(entry, block);
  }
  return positions.map((position) => selectionAt(document, document.offsetAt(position), blockByEntry));
}

function selectionAt(document: UwsgiDocument, offset: number, blockByEntry: Map<Line, LogicBlock>): SelectionRange {
  const { ast, text } = document;
  // Outermost first; empty and repeated spans are dropped below.
  const spans: Span[] = [{ start: 0, end: text.length }];
  const line = document.lineAt(offset);
  if (line) {
    const section = line.kind === LineKind.Entry ? line.section : ast.sections.find((s) => s.firstLine <= line.index && line.index <= s.lastLine);
    if (section) spans.push({ start: section.header.start, end: ast.lines[section.lastLine]!.end });
    if (line.kind === LineKind.Entry) {
      const block = blockByEntry.get(line) ?? ast.blocks.find((b) => b.opener === line || b.closer === line);
      if (block) {
        const last = block.closer ?? block.body[block.body.length - 1] ?? block.opener;
        // Only when the block stays within this section: selections must nest.
        if (last.section === block.opener.section) spans.push({ start: block.opener.start, end: last.end });
      }
    }
    spans.push({ start: line.start, end: line.end }, { start: line.contentStart, end: line.contentEnd });
    if (line.kind === LineKind.Section && within(line.nameSpan, offset)) spans.push(line.nameSpan);
    if (line.kind === LineKind.Entry) {
      if (within(line.keySpan, offset)) {
        spans.push(line.keySpan);
      } else if (within(line.valueSpan, offset)) {
        spans.push(line.valueSpan);
        const segments = segmentValue(text, line.valueSpan.start, line.valueSpan.end);
        const segment = segments.find((s) => s.start <= offset && offset < s.end) ?? segments.find((s) => s.end === offset);
        if (segment) {
          spans.push(segment);
          if (segment.kind !== 'text' && within(segment.nameSpan, offset)) spans.push(segment.nameSpan);
        }
      }
    }
  }
  let parent: SelectionRange | undefined;
  let previous: Span | undefined;
  for (const span of spans) {
    if (span.end <= span.start && parent) continue;
    if (previous && previous.start === span.start && previous.end === span.end) continue;
    if (previous && (span.start < previous.start || span.end > previous.end)) continue;
    parent = SelectionRange.create(document.rangeOf(span), parent);
    previous = span;
  }
  return parent!;
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end && span.end > span.start;
}
