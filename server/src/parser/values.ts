import { EntryLine, Span } from './ast';
import { Char } from './charCodes';

// How uWSGI expands text (SEMANTICS.md §8, §9): first `%X` magic variables over the whole file,
// then, on values of deferred options only, `$(env)`, `@(file)` and `%(placeholder)` references.

export type SegmentKind = 'text' | 'magic' | 'placeholder' | 'env' | 'reference';

export interface Segment extends Span {
  readonly kind: SegmentKind;
  /**
   * magic: the character after `%` (`%` for `%%`, `\n` for a joined line);
   * placeholder/env/reference: the text between the parentheses.
   */
  readonly name: string;
  /** Span of `name` (inside the parentheses for references). */
  readonly nameSpan: Span;
}

/**
 * Splits `text.slice(start, end)` into segments. Never throws; an unclosed `%(`, `$(` or `@(`
 * and an empty `()` stay literal text, as in uWSGI.
 */
export function segmentValue(text: string, start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let textStart = start;
  const flushText = (upTo: number): void => {
    if (upTo > textStart) {
      segments.push({ kind: 'text', start: textStart, end: upTo, name: '', nameSpan: { start: textStart, end: upTo } });
    }
  };
  let closers: Int32Array | undefined;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code !== Char.Percent && code !== Char.Dollar && code !== Char.At) {
      i++;
      continue;
    }
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    if (next === Char.OpenParen) {
      // Matched once for the whole value: scanning from every `%(` would be quadratic on `%(%(%(...`.
      closers ??= matchParens(text, start, end);
      const close = closers[i + 1 - start]!;
      if (close > i + 2) {
        flushText(i);
        const kind: SegmentKind = code === Char.Percent ? 'placeholder' : code === Char.Dollar ? 'env' : 'reference';
        segments.push({ kind, start: i, end: close + 1, name: text.slice(i + 2, close), nameSpan: { start: i + 2, end: close } });
        i = close + 1;
        textStart = i;
        continue;
      }
      i += 2;
      continue;
    }
    if (code === Char.Percent && next !== -1) {
      flushText(i);
      segments.push({ kind: 'magic', start: i, end: i + 2, name: text[i + 1]!, nameSpan: { start: i + 1, end: i + 2 } });
      i += 2;
      textStart = i;
      continue;
    }
    i++;
  }
  flushText(end);
  return segments;
}

let parenScratch = new Int32Array(256);

/**
 * For each `(` in `text[start, end)`, the offset of the `)` that closes it counting nested pairs
 * (-1 if none), indexed from `start`; other entries are unused.
 */
function matchParens(text: string, start: number, end: number): Int32Array {
  // One scratch table for every value: the caller reads it before the next value is split.
  if (parenScratch.length < end - start) parenScratch = new Int32Array(Math.max(end - start, parenScratch.length * 2));
  const closers = parenScratch.fill(-1, 0, end - start);
  const open: number[] = [];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === Char.OpenParen) open.push(i);
    else if (code === Char.CloseParen && open.length > 0) closers[open.pop()! - start] = i;
  }
  return closers;
}

export function entrySegments(text: string, entry: EntryLine): Segment[] {
  return segmentValue(text, entry.valueSpan.start, entry.valueSpan.end);
}

/** A placeholder whose name contains a space is evaluated as arithmetic (core/config.c). */
export function isPlaceholderMath(segment: Segment): boolean {
  return segment.kind === 'placeholder' && segment.name.includes(' ');
}

/** Operands of placeholder math: tokens that are neither numbers nor operators. */
export function placeholderMathOperands(segment: Segment): { name: string; span: Span }[] {
  const operands: { name: string; span: Span }[] = [];
  const re = /[^ ]+/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(segment.name))) {
    const token = match[0];
    if (/^(\+\+|--|[-+*/])$/.test(token) || /^-?\d+$/.test(token)) continue;
    const tokenStart = segment.nameSpan.start + match.index;
    operands.push({ name: token, span: { start: tokenStart, end: tokenStart + token.length } });
  }
  return operands;
}

export interface HookValue {
  /** A leading `!` keeps the value out of uWSGI's logs. */
  readonly private: boolean;
  readonly action: string;
  readonly actionSpan: Span;
  /** Offset of the first `:`, or -1 when there is none (uWSGI: invalid hook syntax). */
  readonly colon: number;
  readonly args: string;
  readonly argsSpan: Span;
}

/** Splits a hook value at the first `:` into action and arguments (core/hooks.c). */
export function splitHookValue(text: string, valueSpan: Span): HookValue {
  let actionStart = valueSpan.start;
  const isPrivate = actionStart < valueSpan.end && text.charCodeAt(actionStart) === 33; // '!'
  if (isPrivate) actionStart++;
  const colonAt = text.indexOf(':', actionStart);
  const colon = colonAt >= 0 && colonAt < valueSpan.end ? colonAt : -1;
  const actionEnd = colon < 0 ? valueSpan.end : colon;
  const argsStart = colon < 0 ? valueSpan.end : colon + 1;
  return {
    private: isPrivate,
    action: text.slice(actionStart, actionEnd),
    actionSpan: { start: actionStart, end: actionEnd },
    colon,
    args: text.slice(argsStart, valueSpan.end),
    argsSpan: { start: argsStart, end: valueSpan.end },
  };
}

/**
 * Offsets where a value seems to carry an inline comment: whitespace followed by `#` or `;`.
 * uWSGI has no inline comments, so this text is part of the value.
 */
export function findInlineComment(text: string, valueSpan: Span): number {
  for (let i = valueSpan.start + 1; i < valueSpan.end; i++) {
    const code = text.charCodeAt(i);
    if ((code === 35 || code === 59) && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
      let wsStart = i - 1;
      while (wsStart > valueSpan.start && (text.charCodeAt(wsStart - 1) === 32 || text.charCodeAt(wsStart - 1) === 9)) wsStart--;
      return wsStart;
    }
  }
  return -1;
}

/**
 * True when `text[from, end)` ends in an odd run of `%`: uWSGI's magic pass pairs `%` with the
 * byte after it, so the last `%` of an odd run takes whatever follows `end` (SEMANTICS.md §8).
 */
export function endsWithMagicPercent(text: string, end: number, from = 0): boolean {
  let run = 0;
  while (end - run - 1 >= from && text.charCodeAt(end - run - 1) === 37) run++;
  return (run & 1) === 1;
}

/**
 * True when the value ends in an odd run of `%` before a CRLF: the last `%` eats the `\r` (the
 * line break stays, no join), so uWSGI's value lacks it.
 */
export function eatsCarriageReturn(text: string, entry: EntryLine): boolean {
  const end = entry.valueSpan.end;
  return text[end] === '\r' && endsWithMagicPercent(text, end, entry.valueSpan.start);
}
