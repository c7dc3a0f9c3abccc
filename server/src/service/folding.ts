import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { Line, LineKind } from '../parser/ast';
import { UwsgiDocument } from './uwsgiDocument';

/** What the client said it can show (textDocument.foldingRange capabilities). */
export interface FoldingContext {
  /** The client folds whole lines only: no start/end characters, and a closing line stays visible. */
  readonly lineFoldingOnly?: boolean;
  /** The most ranges the client wants. */
  readonly rangeLimit?: number;
}

/**
 * Folding for sections (header to the last non-blank line before the next header), logic blocks
 * (opener to closer) and runs of comment lines. Line numbers are those of the editor, so a logical
 * line joined with a trailing `%` counts as the physical lines it spans.
 */
export function getFoldingRanges(document: UwsgiDocument, context: FoldingContext = {}): FoldingRange[] {
  const { ast } = document;
  const lineOf = (offset: number): number => document.textDocument.positionAt(offset).line;
  const characterOf = (offset: number): number => document.textDocument.positionAt(offset).character;
  const lineFoldingOnly = context.lineFoldingOnly === true;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string, endsBeforeCloser = false): void => {
    const startLine = lineOf(start);
    let endLine = lineOf(end);
    if (lineFoldingOnly && endsBeforeCloser) endLine--;
    if (endLine <= startLine) return;
    const range: FoldingRange = { startLine, endLine };
    if (!lineFoldingOnly) {
      range.startCharacter = characterOf(start);
      range.endCharacter = characterOf(end);
    }
    if (kind !== undefined) range.kind = kind;
    ranges.push(range);
  };

  for (const section of ast.sections) {
    const last = lastContentLine(ast.lines, section.firstLine, section.lastLine);
    add(section.header.contentEnd, last.contentEnd);
  }

  for (const block of ast.blocks) {
    // A block that runs on into a later section of the same name folds only up to its own
    // section's end: folding ranges must nest.
    const sameSection = (line: Line | undefined): boolean =>
      line !== undefined && line.kind === LineKind.Entry && line.section === block.opener.section;
    if (block.closer && sameSection(block.closer)) {
      add(block.opener.contentEnd, block.closer.contentStart, undefined, true);
      continue;
    }
    const body = block.body.filter(sameSection);
    const last = body[body.length - 1];
    if (last) add(block.opener.contentEnd, last.contentEnd);
  }

  let runStart: Line | undefined;
  let runEnd: Line | undefined;
  const closeRun = (): void => {
    if (runStart && runEnd) add(runStart.contentStart, runEnd.contentEnd, FoldingRangeKind.Comment);
    runStart = runEnd = undefined;
  };
  for (const line of ast.lines) {
    if (line.kind !== LineKind.Comment) {
      closeRun();
      continue;
    }
    runStart ??= line;
    runEnd = line;
  }
  closeRun();

  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  if (context.rangeLimit !== undefined && ranges.length > context.rangeLimit) ranges.length = Math.max(0, context.rangeLimit);
  return ranges;
}

function lastContentLine(lines: readonly Line[], first: number, last: number): Line {
  for (let i = last; i > first; i--) {
    if (lines[i]!.kind !== LineKind.Blank) return lines[i]!;
  }
  return lines[first]!;
}
