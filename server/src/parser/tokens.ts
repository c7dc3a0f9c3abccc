import { IniDocument, Line, LineKind } from './ast';

export type TokenKind =
  | 'whitespace'
  | 'comment'
  | 'sectionOpen'
  | 'sectionName'
  | 'sectionClose'
  | 'key'
  | 'equals'
  | 'value'
  | 'text'
  | 'eol';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

/**
 * The tokens of a parsed document, computed from its lines on demand (the parser does not store
 * them, to stay small on huge files). Every character belongs to exactly one token, in order.
 */
export function* tokens(doc: IniDocument): Generator<Token> {
  for (const line of doc.lines) yield* lineTokens(line);
}

export function* lineTokens(line: Line): Generator<Token> {
  const parts: [TokenKind, number, number][] = [];
  const push = (kind: TokenKind, start: number, end: number): void => {
    if (end > start) parts.push([kind, start, end]);
  };
  push('whitespace', line.start, line.contentStart);
  switch (line.kind) {
    case LineKind.Blank:
      break;
    case LineKind.Comment:
      push('comment', line.contentStart, line.contentEnd);
      break;
    case LineKind.Section:
      push('sectionOpen', line.contentStart, line.contentStart + 1);
      push('sectionName', line.nameSpan.start, line.nameSpan.end);
      push('sectionClose', line.nameSpan.end, line.contentEnd);
      break;
    case LineKind.Entry:
      push('key', line.keySpan.start, line.keySpan.end);
      if (line.equals >= 0) {
        push('whitespace', line.keySpan.end, line.equals);
        push('equals', line.equals, line.equals + 1);
        push('whitespace', line.equals + 1, line.valueSpan.start);
        push('value', line.valueSpan.start, line.valueSpan.end);
      } else {
        // Blank characters inside a key-only line stay part of the line's text.
        push('text', line.keySpan.end, line.contentEnd);
      }
      break;
  }
  push('whitespace', line.contentEnd, line.end);
  push('eol', line.end, line.eolEnd);
  for (const [kind, start, end] of parts) yield { kind, start, end };
}
