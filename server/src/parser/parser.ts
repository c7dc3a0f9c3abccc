import {
  BlankLine,
  CommentLine,
  EntryLine,
  IniDocument,
  Line,
  LineKind,
  LogicBlock,
  LogicKind,
  Section,
  SectionLine,
  Span,
} from './ast';
import { Char } from './charCodes';

// Keywords of uWSGI's config logic (SEMANTICS.md §11). They are part of the language itself, not
// options to look up, so the parser knows them: blocks are structure, like sections.
const LOOP_OPENERS = new Set(['for', 'for-glob', 'for-times', 'for-readline']);
const CONDITION_OPENERS = new Set([
  'if-opt', 'if-not-opt',
  'if-env', 'if-not-env', 'ifenv',
  'if-reload', 'if-not-reload',
  'if-hostname', 'if-not-hostname',
  'if-hostname-match', 'if-not-hostname-match',
  'if-exists', 'if-not-exists', 'ifexists',
  'if-plugin', 'if-not-plugin', 'ifplugin',
  'if-file', 'if-not-file',
  'if-dir', 'if-not-dir', 'ifdir', 'if-directory',
]);
const BLOCK_CLOSERS = new Set(['end', 'endfor', 'endif', 'end-if', 'end-for']);
/** uWSGI 2.1 only; on 2.0 it is an unknown key. */
export const ELSE_KEYWORD = 'else';

export function logicKindOf(key: string): LogicKind | undefined {
  if (CONDITION_OPENERS.has(key)) return 'if';
  if (LOOP_OPENERS.has(key)) return 'for';
  return undefined;
}

export function isBlockCloser(key: string): boolean {
  return BLOCK_CLOSERS.has(key);
}

const KEYWORD_E = 101;
const KEYWORD_F = 102;
const KEYWORD_I = 105;

export const logicOpeners: readonly string[] = [...LOOP_OPENERS, ...CONDITION_OPENERS];
export const logicClosers: readonly string[] = [...BLOCK_CLOSERS];

/** uWSGI trims exactly these three characters (core/ini.c). */
function isBlank(code: number): boolean {
  return code === Char.Space || code === Char.Tab || code === Char.CarriageReturn;
}

/**
 * Finds the end of the logical line starting at `from`: the first `\n` that is not eaten by a
 * magic `%` (an odd run of `%` right before it expands `%\n` to nothing, joining the lines).
 * Returns the newline offset or text.length; the offsets of joining `%` are left in `lineJoins`
 * (no tuple per line: this runs for every line of every keystroke).
 */
function findLineEnd(text: string, from: number): number {
  let joins: number[] | undefined;
  let searchFrom = from;
  for (;;) {
    const newline = text.indexOf('\n', searchFrom);
    if (newline < 0) {
      lineJoins = joins ?? NO_JOINS;
      return text.length;
    }
    let run = 0;
    while (newline - run - 1 >= from && text.charCodeAt(newline - run - 1) === Char.Percent) run++;
    if ((run & 1) === 0) {
      lineJoins = joins ?? NO_JOINS;
      return newline;
    }
    (joins ??= []).push(newline - 1);
    searchFrom = newline + 1;
  }
}

let lineJoins: number[] = [];

const NO_JOINS: number[] = [];

/** Binary search: a logical line may hold many joins. */
function isJoinAt(joins: readonly number[], offset: number): boolean {
  let low = 0;
  let high = joins.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = joins[mid]!;
    if (value === offset) return true;
    if (value < offset) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

function skipBlankForward(text: string, from: number, limit: number, joins: readonly number[]): number {
  let i = from;
  while (i < limit) {
    if (isBlank(text.charCodeAt(i))) i++;
    else if (joins.length > 0 && isJoinAt(joins, i)) i += 2;
    else break;
  }
  return i;
}

function skipBlankBackward(text: string, from: number, limit: number, joins: readonly number[]): number {
  let i = from;
  while (i > limit) {
    if (isBlank(text.charCodeAt(i - 1))) i--;
    else if (joins.length > 0 && i - 2 >= limit && isJoinAt(joins, i - 2)) i -= 2;
    else break;
  }
  return i;
}

/** The text uWSGI sees: a joining `%` and its newline expand to nothing. */
function sliceWithoutJoins(text: string, start: number, end: number, joins: readonly number[]): string {
  if (joins.length === 0 || joins[joins.length - 1]! < start || joins[0]! >= end) return text.slice(start, end);
  let result = '';
  let from = start;
  for (const join of joins) {
    if (join < start || join >= end) continue;
    result += text.slice(from, join);
    from = join + 2;
  }
  return result + text.slice(from, end);
}

/**
 * An entry line. Spans and the value string are made on first use: a document of 100,000 lines
 * otherwise holds 300,000 more small objects, and the garbage collector copies each of them.
 * For the same reason the offsets that follow from others (where the line break starts, where
 * the key ends and the value starts) are recomputed on request instead of stored.
 */
class EntryNode implements EntryLine {
  declare readonly kind: LineKind.Entry;
  private valueText: string | undefined;

  constructor(
    private readonly source: string,
    readonly index: number,
    readonly start: number,
    readonly contentStart: number,
    readonly contentEnd: number,
    readonly eolEnd: number,
    readonly joins: readonly number[],
    readonly key: string,
    readonly equals: number,
    readonly section: Section | undefined,
  ) {}

  get end(): number {
    return lineContentEnd(this.source, this.start, this.eolEnd, this.joins);
  }

  private get keyEnd(): number {
    if (this.joins.length === 0) return this.contentStart + this.key.length;
    return skipBlankBackward(this.source, this.equals < 0 ? this.contentEnd : this.equals, this.contentStart, this.joins);
  }

  private get valueStart(): number {
    return this.equals < 0 ? this.contentEnd : skipBlankForward(this.source, this.equals + 1, this.contentEnd, this.joins);
  }

  get keySpan(): Span {
    return { start: this.contentStart, end: this.keyEnd };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.contentEnd };
  }

  get value(): string {
    return (this.valueText ??= sliceWithoutJoins(this.source, this.valueStart, this.contentEnd, this.joins));
  }
}
(EntryNode.prototype as { kind: LineKind }).kind = LineKind.Entry;

/**
 * Where a line's text ends: before its `\n` or `\r\n`; at the text's end for the last line, even
 * when that ends in a joining `%` and newline.
 */
function lineContentEnd(text: string, start: number, eolEnd: number, joins: readonly number[]): number {
  if (eolEnd === start || text.charCodeAt(eolEnd - 1) !== Char.LineFeed) return eolEnd;
  if (joins.length > 0 && joins[joins.length - 1] === eolEnd - 2) return eolEnd;
  const newline = eolEnd - 1;
  return newline > start && text.charCodeAt(newline - 1) === Char.CarriageReturn ? newline - 1 : newline;
}

const KEY_CACHE_SIZE = 1024;

/**
 * The key between `start` and `end`, shared with earlier lines that have the same key: a file
 * repeats a few dozen keys over and over, and one string per key (instead of one per line) leaves
 * less for the collector to copy and lets the model's key maps find a known string. A slot is
 * chosen from the length and three characters; a different key in the slot is replaced.
 */
function keyText(text: string, start: number, end: number, cache: (string | undefined)[]): string {
  const length = end - start;
  if (length <= 0) return '';
  const slot = (length * 131 + text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 7 + text.charCodeAt(start + (length >> 1))) & (KEY_CACHE_SIZE - 1);
  const known = cache[slot];
  if (known !== undefined && known.length === length) {
    let i = 0;
    while (i < length && known.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === length) return known;
  }
  const key = text.slice(start, end);
  cache[slot] = key;
  return key;
}

/**
 * Parses uWSGI ini text. Never throws; linear in the length of the text. The result is lossless:
 * lines cover the text exactly, end to end.
 */
export function parseIni(text: string): IniDocument {
  const lines: Line[] = [];
  const sections: Section[] = [];
  const orphanEntries: EntryLine[] = [];
  const entries: EntryLine[] = [];
  let current: Section | undefined;
  let offset = 0;
  const length = text.length;
  const keyCache: (string | undefined)[] = new Array<string | undefined>(KEY_CACHE_SIZE).fill(undefined);
  const grouper = new BlockGrouper();

  while (offset < length) {
    const start = offset;
    const newline = findLineEnd(text, start);
    const joins = lineJoins;
    let end = newline;
    let eolEnd = newline;
    if (newline < length) {
      eolEnd = newline + 1;
      if (newline > start && text.charCodeAt(newline - 1) === Char.CarriageReturn) end = newline - 1;
    }
    const contentStart = skipBlankForward(text, start, newline, joins);
    const contentEnd = skipBlankBackward(text, newline, contentStart, joins);
    const index = lines.length;
    const first = contentStart < contentEnd ? text.charCodeAt(contentStart) : -1;

    if (first === -1) {
      lines.push({ kind: LineKind.Blank, index, start, contentStart: end, contentEnd: end, end, eolEnd, joins } as BlankLine);
    } else if (first === Char.OpenBracket) {
      const header = sectionLine(text, { index, start, contentStart, contentEnd, end, eolEnd, joins });
      lines.push(header);
      if (current) current.lastLine = index - 1;
      grouper.enterSection(current ? current.name : '', header.name);
      current = {
        name: header.name,
        header,
        entries: [],
        span: { start, end: length },
        firstLine: index,
        lastLine: index,
      };
      sections.push(current);
    } else if (first === Char.Hash || first === Char.Semicolon) {
      lines.push({
        kind: LineKind.Comment, index, start, contentStart, contentEnd, end, eolEnd, joins,
        marker: first === Char.Hash ? '#' : ';',
      } as CommentLine);
    } else {
      const equalsAt = text.indexOf('=', contentStart);
      const equals = equalsAt >= 0 && equalsAt < contentEnd ? equalsAt : -1;
      const keyEnd = skipBlankBackward(text, equals < 0 ? contentEnd : equals, contentStart, joins);
      const key = joins.length === 0 ? keyText(text, contentStart, keyEnd, keyCache) : sliceWithoutJoins(text, contentStart, keyEnd, joins);
      const entry: EntryLine = new EntryNode(text, index, start, contentStart, contentEnd, eolEnd, joins, key, equals, current);
      lines.push(entry);
      entries.push(entry);
      if (current) current.entries.push(entry);
      else orphanEntries.push(entry);
      grouper.entry(entry);
    }
    offset = eolEnd;
  }
  if (current) {
    current.lastLine = lines.length - 1;
  }
  finishSectionSpans(sections, lines);
  return { text, lines, sections, orphanEntries, entries, blocks: grouper.blocks, strayBlockEnds: grouper.strayBlockEnds };
}

type LineFrame = Pick<SectionLine, 'index' | 'start' | 'contentStart' | 'contentEnd' | 'end' | 'eolEnd' | 'joins'>;

function sectionLine(text: string, frame: LineFrame): SectionLine {
  const nameStart = frame.contentStart + 1;
  const nameEnd = Math.max(nameStart, frame.contentEnd - 1);
  return {
    kind: LineKind.Section, ...frame,
    name: sliceWithoutJoins(text, nameStart, nameEnd, frame.joins),
    nameSpan: { start: nameStart, end: nameEnd },
    closer: nameEnd < frame.contentEnd ? text.slice(nameEnd, frame.contentEnd) : '',
  };
}

/**
 * Logic blocks, grouped while reading the way uWSGI's dispatcher does: an opener starts a block,
 * any closer ends it, an opener inside an open block is recorded as nested (uWSGI aborts on it
 * when the block is live). A block stays open across occurrences of its section name; entries
 * before the first header count as the section ''.
 */
class BlockGrouper {
  readonly blocks: LogicBlock[] = [];
  readonly strayBlockEnds: EntryLine[] = [];
  private readonly openBySection = new Map<string, LogicBlock | undefined>();
  private open: LogicBlock | undefined;

  enterSection(left: string, entered: string): void {
    this.openBySection.set(left, this.open);
    this.open = this.openBySection.get(entered);
  }

  entry(entry: EntryLine): void {
    if (this.open) {
      this.open = continueBlock(this.open, entry);
      return;
    }
    // Outside a block, only keys starting like a keyword (`e`nd, `f`or, `i`f) can matter.
    const initial = entry.key.charCodeAt(0);
    if (initial === KEYWORD_E || initial === KEYWORD_F || initial === KEYWORD_I) this.open = startBlock(entry, this.blocks, this.strayBlockEnds);
  }
}

function finishSectionSpans(sections: Section[], lines: Line[]): void {
  for (const section of sections) {
    const last = lines[section.lastLine];
    (section as { span: { start: number; end: number } }).span = {
      start: section.header.start,
      end: last ? last.eolEnd : section.header.eolEnd,
    };
  }
}

/** An entry inside an open block: a closer ends it, anything else is its body. */
function continueBlock(open: LogicBlock, entry: EntryLine): LogicBlock | undefined {
  const key = entry.key;
  if (BLOCK_CLOSERS.has(key)) {
    open.closer = entry;
    return undefined;
  }
  open.body.push(entry);
  if (logicKindOf(key)) open.nested.push(entry);
  return open;
}

/** An entry outside any block: an opener starts one, a closer is stray. */
function startBlock(entry: EntryLine, blocks: LogicBlock[], strayBlockEnds: EntryLine[]): LogicBlock | undefined {
  const key = entry.key;
  if (BLOCK_CLOSERS.has(key)) {
    strayBlockEnds.push(entry);
    return undefined;
  }
  const kind = logicKindOf(key);
  if (!kind) return undefined;
  const block: LogicBlock = { kind, opener: entry, closer: undefined, body: [], nested: [] };
  blocks.push(block);
  return block;
}
