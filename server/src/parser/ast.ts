// The syntax tree of a uWSGI ini file. Every node records UTF-16 offsets into the source text
// (the same unit LSP positions count in); a TextDocument turns them into line/character.
// Offsets are half-open: [start, end).

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a logical line is, the way uWSGI's ini reader (core/ini.c) decides it. */
export const enum LineKind {
  Blank = 0,
  Comment = 1,
  Section = 2,
  Entry = 3,
}

interface LineBase {
  /** Index of this logical line in `IniDocument.lines`. */
  readonly index: number;
  /** First character of the line (leading whitespace included). */
  readonly start: number;
  /** First non-blank character (equals `contentEnd` for blank lines). */
  readonly contentStart: number;
  /** One past the last non-blank character. */
  readonly contentEnd: number;
  /** End of the line without its terminator (`\n` or `\r\n`). */
  readonly end: number;
  /** End of the line including its terminator. */
  readonly eolEnd: number;
  /** Offsets of `%` characters that join the next physical line (a `%` right before `\n`). */
  readonly joins: readonly number[];
}

export interface BlankLine extends LineBase {
  readonly kind: LineKind.Blank;
}

export interface CommentLine extends LineBase {
  readonly kind: LineKind.Comment;
  /** `#` or `;` */
  readonly marker: string;
}

export interface SectionLine extends LineBase {
  readonly kind: LineKind.Section;
  /** Section name as uWSGI computes it: everything after `[` with the last character dropped. */
  readonly name: string;
  readonly nameSpan: Span;
  /** The character uWSGI drops as the closer; `]` in a well-formed header, but never checked. */
  readonly closer: string;
}

export interface EntryLine extends LineBase {
  readonly kind: LineKind.Entry;
  /** Key as uWSGI stores it: text before the first `=`, right-trimmed. May be empty (`= x`). */
  readonly key: string;
  readonly keySpan: Span;
  /** Offset of the first `=`, or -1 when the line has none (the value is then ""). */
  readonly equals: number;
  /** Value as uWSGI stores it: text after the first `=`, trimmed on both sides. */
  readonly value: string;
  readonly valueSpan: Span;
  /** The section whose header precedes this line; undefined before the first header. */
  readonly section: Section | undefined;
}

export type Line = BlankLine | CommentLine | SectionLine | EntryLine;

/** All lines under one header, up to the next header. A name may occur in several sections. */
export interface Section {
  readonly name: string;
  readonly header: SectionLine;
  readonly entries: EntryLine[];
  /** From the header's first character to the end of the last line before the next header. */
  readonly span: Span;
  /** Index of the header line; the section covers lines up to `lastLine`. */
  readonly firstLine: number;
  lastLine: number;
}

export type LogicKind = 'for' | 'if';

/**
 * A config-logic block (SEMANTICS.md §11): an opening keyword entry and the entries up to the
 * next closing key, among the entries of sections with the same name (uWSGI ignores other
 * sections' lines, so a block may span them).
 */
export interface LogicBlock {
  readonly kind: LogicKind;
  readonly opener: EntryLine;
  /** The closing entry; undefined when the block is never closed. */
  closer: EntryLine | undefined;
  /** Entries handled by the block, in order (closer excluded). */
  readonly body: EntryLine[];
  /** Opening keywords met while this block was open (fatal in uWSGI). */
  readonly nested: EntryLine[];
}

export interface IniDocument {
  readonly text: string;
  readonly lines: readonly Line[];
  /** Sections in file order (several may share a name). */
  readonly sections: readonly Section[];
  /** Entries written before the first section header. */
  readonly orphanEntries: readonly EntryLine[];
  /** Every entry in file order. */
  readonly entries: readonly EntryLine[];
  /** Logic blocks in opening order, for every section name. */
  readonly blocks: readonly LogicBlock[];
  /** Closing keys met with no open block. */
  readonly strayBlockEnds: readonly EntryLine[];
}
