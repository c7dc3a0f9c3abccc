import { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { EntryLine, Line, LineKind, Section, Span } from '../parser/ast';
import { UwsgiDocument } from './uwsgiDocument';
import { FixContext, FixSafety, RuleFix } from './rules/rule';

// Quick fixes change only what they are about: every edit is a precise insertion or replacement,
// written with the file's own line break, so the rest of the file stays byte for byte.

export function replaceSpan(document: UwsgiDocument, span: Span, newText: string): TextEdit {
  return TextEdit.replace(document.rangeOf(span), newText);
}

/** Deletes `line` with its line break (the last line of a file has none: the break before it stays). */
export function deleteLine(document: UwsgiDocument, line: Line): TextEdit {
  return TextEdit.del(document.rangeOf({ start: line.start, end: line.eolEnd }));
}

/** Inserts whole lines before `line`, keeping its indentation. */
export function insertLinesBefore(document: UwsgiDocument, line: Line, lines: string[]): TextEdit {
  const indent = document.text.slice(line.start, line.contentStart);
  const text = lines.map((l) => indent + l + document.eol).join('');
  return TextEdit.insert(document.textDocument.positionAt(line.start), text);
}

/** Inserts whole lines after `line` (adding a line break first when it is the unterminated last line). */
export function insertLinesAfter(document: UwsgiDocument, line: Line, lines: string[]): TextEdit {
  const eol = document.eol;
  const indent = line.kind === 3 ? document.text.slice(line.start, line.contentStart) : '';
  const body = lines.map((l) => indent + l).join(eol);
  if (line.eolEnd === line.end) {
    return TextEdit.insert(document.textDocument.positionAt(line.end), eol + body);
  }
  return TextEdit.insert(document.textDocument.positionAt(line.eolEnd), body + eol);
}

/**
 * New lines at the end of a section: after its last entry that no logic block is open after, or,
 * when it has none, after the comments right below the header. Right under the header they would
 * separate the file's opening comment from the header, or a comment from the entry it describes.
 */
export function appendToSection(document: UwsgiDocument, section: Section, lines: string[]): TextEdit {
  const anchor = lastEntryOutsideBlocks(document, section) ?? headerCommentEnd(document, section);
  return insertLinesAfter(document, anchor, lines);
}

function lastEntryOutsideBlocks(document: UwsgiDocument, section: Section): EntryLine | undefined {
  // A block may run on into a later section of the same name; other names' blocks do not apply here.
  const blocks = document.ast.blocks.filter((block) => block.opener.section?.name === section.name);
  const openAfter = (entry: EntryLine): boolean =>
    blocks.some((block) => block.opener.index <= entry.index && (block.closer === undefined || block.closer.index > entry.index));
  for (let i = section.entries.length - 1; i >= 0; i--) {
    const entry = section.entries[i]!;
    if (!openAfter(entry)) return entry;
  }
  return undefined;
}

function headerCommentEnd(document: UwsgiDocument, section: Section): Line {
  const lines = document.ast.lines;
  let last: Line = section.header;
  for (let i = section.header.index + 1; i <= section.lastLine && lines[i]?.kind === LineKind.Comment; i++) last = lines[i]!;
  return last;
}

export function workspaceEdit(document: UwsgiDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [document.textDocument.uri]: edits } };
}

/** The strings of a list a rule put in its finding's data (anything else is ignored). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * How safe replacement fixes are: `single-candidate` is safe when there is exactly one replacement
 * (a typo with one close candidate), unsafe when there are several (which one was meant is a guess).
 */
export type ReplacementSafety = FixSafety | 'single-candidate';

/**
 * One quick fix per replacement text for the diagnostic's range, titled by `title`; the first is
 * the preferred one unless `preferFirst` is false.
 */
export function replacementFixes(
  document: UwsgiDocument,
  diagnostic: Diagnostic,
  replacements: readonly string[],
  title: (replacement: string) => string,
  safety: ReplacementSafety,
  preferFirst = true,
): RuleFix[] {
  const span = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
  const level: FixSafety = safety === 'single-candidate' ? (replacements.length === 1 ? 'safe' : 'unsafe') : safety;
  return replacements.map((replacement, index) => ({
    title: title(replacement),
    isPreferred: preferFirst && index === 0,
    safety: level,
    edit: workspaceEdit(document, [replaceSpan(document, span, replacement)]),
  }));
}

/** The fixes of a rule that reports `data.suggestions`: one "Change to" each, safe when there is only one. */
export function suggestionFixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  return replacementFixes(document, diagnostic, stringList(data['suggestions']), (name) => `Change to \`${name}\``, 'single-candidate');
}
