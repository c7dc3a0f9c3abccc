import { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { EntryLine, Line, LineKind } from '../parser/ast';
import { endsWithMagicPercent } from '../parser/values';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { deleteLine } from './edits';

// A conservative formatter: it only changes whitespace that uWSGI trims anyway (around `=`, at the
// end of lines, blank lines before headers). It never reorders, merges or drops lines and never
// touches comment text or values, so the file means exactly the same to uWSGI afterwards.
//
// Lines it leaves alone entirely:
// - logical lines joined with a trailing `%` (their whitespace may be part of the join);
// - lines holding a lone CR: uWSGI reads it as a blank inside the line, editors as a line break;
// - `= value` lines (empty key) and key-only lines, apart from trailing whitespace.
// And it never turns a `%` into the last character before a blank or `=`: `%` followed by any
// character is a magic variable for uWSGI, so removing a blank after `%` would change the text.

/** What the formatter will do to each line it changes. */
interface FormatPlan {
  readonly document: UwsgiDocument;
  readonly settings: LanguageSettings;
  readonly inRange: (line: Line) => boolean;
  readonly trimTrailing: boolean;
  readonly replacements: Map<Line, string>;
  readonly deletions: Set<Line>;
  readonly insertions: Map<Line, string>;
}

export function format(
  document: UwsgiDocument,
  range: Range | undefined,
  options: FormattingOptions | undefined,
  settings: LanguageSettings,
): TextEdit[] {
  if (!settings.format.enable) return [];
  if (document.ast.lines.length === 0) return [];
  // The lines to format: all of them, or those the range touches.
  const inRange: (line: Line) => boolean = range === undefined
    ? () => true
    : (() => {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      return (line: Line) => line.start <= end && line.end >= start;
    })();
  const plan: FormatPlan = {
    document, settings, inRange,
    trimTrailing: options?.trimTrailingWhitespace !== false,
    replacements: new Map(),
    deletions: new Set(),
    insertions: new Map(),
  };
  spaceEntries(plan);
  trimOtherLines(plan);
  spaceHeaders(plan);
  return editsOf(plan);
}

/** Entries first: spacing around `=`, aligned within their section when asked. */
function spaceEntries({ document: { ast, text }, settings, inRange, trimTrailing, replacements }: FormatPlan): void {
  const groups: (readonly EntryLine[])[] = [ast.orphanEntries, ...ast.sections.map((s) => s.entries)];
  for (const entries of groups) {
    const formattable = entries.filter((e) => isUntouchable(text, e) === false && e.key !== '' && e.equals >= 0 && !endsWithMagicPercent(text, e.keySpan.end));
    const keyColumn = settings.format.alignEquals ? Math.max(0, ...formattable.map((e) => e.keySpan.end - e.start)) : 0;
    for (const entry of formattable) {
      if (!inRange(entry)) continue;
      const padding = settings.format.alignEquals ? ' '.repeat(keyColumn - (entry.keySpan.end - entry.start) + 1) : ' ';
      const value = text.slice(entry.valueSpan.start, entry.valueSpan.end);
      const formatted = text.slice(entry.start, entry.keySpan.end) + padding + (value === '' ? '=' : `= ${value}`) + trailing(text, entry, trimTrailing && !endsWithMagicPercent(text, entry.contentEnd));
      replacements.set(entry, formatted);
    }
  }
}

/** Every other line: trailing whitespace only. */
function trimOtherLines({ document: { ast, text }, inRange, trimTrailing, replacements }: FormatPlan): void {
  if (!trimTrailing) return;
  const lastLine = ast.lines[ast.lines.length - 1]!;
  for (const line of ast.lines) {
    if (replacements.has(line) || !inRange(line) || isUntouchable(text, line)) continue;
    if (line.kind === LineKind.Entry && line.key === '') continue;
    // Trimming an unterminated last blank line would give the file a final newline it lacks.
    if (line === lastLine && line.kind === LineKind.Blank && line.end === line.eolEnd) continue;
    if (line.kind !== LineKind.Blank && endsWithMagicPercent(text, line.contentEnd)) continue;
    const contentEnd = line.kind === LineKind.Blank ? line.start : line.contentEnd;
    if (contentEnd < line.end) replacements.set(line, text.slice(line.start, contentEnd));
  }
}

/** Exactly one blank line before each header, or before the comments right above it. */
function spaceHeaders({ document: { ast, text }, inRange, replacements, deletions, insertions }: FormatPlan): void {
  for (const section of ast.sections) {
    if (!inRange(section.header)) continue;
    let first = section.firstLine;
    while (first > 0 && ast.lines[first - 1]!.kind === LineKind.Comment) first--;
    let blanks = 0;
    while (first - blanks - 1 >= 0 && ast.lines[first - blanks - 1]!.kind === LineKind.Blank) blanks++;
    const atFileStart = first - blanks === 0;
    const keep = atFileStart ? 0 : 1;
    for (let i = first - blanks; i < first - keep; i++) {
      const blank = ast.lines[i]!;
      if (blank.joins.length > 0 || hasLoneCarriageReturn(text, blank)) continue;
      deletions.add(blank);
      replacements.delete(blank);
    }
    if (!atFileStart && blanks === 0) {
      const before = ast.lines[first - 1]!;
      if (before.joins.length === 0) insertions.set(ast.lines[first]!, text.slice(before.end, before.eolEnd));
    }
  }
}

function editsOf({ document, replacements, deletions, insertions }: FormatPlan): TextEdit[] {
  const { ast, text } = document;
  const edits: TextEdit[] = [];
  for (const line of ast.lines) {
    if (deletions.has(line)) {
      edits.push(deleteLine(document, line));
      continue;
    }
    const original = text.slice(line.start, line.end);
    const insertion = insertions.get(line) ?? '';
    const replacement = insertion + (replacements.get(line) ?? original);
    if (replacement !== original) edits.push(TextEdit.replace(document.rangeOf({ start: line.start, end: line.end }), replacement));
  }
  return edits;
}

/** What follows the value: nothing when trimming, else the line's own trailing blanks. */
function trailing(text: string, line: Line, trim: boolean): string {
  return trim ? '' : text.slice(line.contentEnd, line.end);
}

function isUntouchable(text: string, line: Line): boolean {
  return line.joins.length > 0 || hasLoneCarriageReturn(text, line);
}

/** A CR that does not end the line: uWSGI sees a blank, an editor a line break. */
function hasLoneCarriageReturn(text: string, line: Line): boolean {
  // Within the line only: indexOf from line.start would scan to the end of a CR-less file for every line.
  for (let i = line.start; i < line.end; i++) if (text.charCodeAt(i) === 13) return true;
  return false;
}

