import { EntryLine, IniDocument, LineKind, SectionLine } from '../parser/ast';

// Facts about section headers shared by `missing-section` and `entry-outside-section`.

const BYTE_ORDER_MARK = 0xfeff;

/**
 * The first line when it is a header hidden behind a UTF-8 byte order mark: uWSGI sees `\uFEFF[`
 * and no `[`, so it reads the line as a key and everything up to the next header as keys
 * outside any section.
 */
export function headerBehindByteOrderMark(doc: IniDocument): EntryLine | undefined {
  if (doc.text.charCodeAt(0) !== BYTE_ORDER_MARK) return undefined;
  const first = doc.lines[0];
  if (!first || first.kind !== LineKind.Entry) return undefined;
  return /^\uFEFF[ \t]*\[/.test(doc.text.slice(first.contentStart, first.contentEnd)) ? first : undefined;
}

export type HeaderSlip = 'comment' | 'spaces' | 'unclosed' | 'case' | 'trailing-text';

export interface NearMissHeader {
  readonly header: SectionLine;
  /** What keeps uWSGI from reading it as the wanted name, the most telling first. */
  readonly slips: readonly HeaderSlip[];
  /** A comment written after the header, to keep on its own line. */
  readonly comment: string | undefined;
}

/**
 * A header that was surely meant to name `wanted` but does not, the way uWSGI computes names
 * (everything after `[` minus the last character, compared case-sensitively).
 */
export function nearMissHeader(doc: IniDocument, header: SectionLine, wanted: string): NearMissHeader | undefined {
  if (header.name === wanted) return undefined;
  const written = doc.text.slice(header.contentStart, header.contentEnd);
  const close = written.indexOf(']');
  const inner = written.slice(1, close < 0 ? written.length : close);
  // uWSGI blanks only: JS trim() would also eat a BOM or a no-break space that uWSGI keeps.
  const rest = close < 0 ? '' : trimBlanks(written.slice(close + 1));
  const name = trimBlanks(inner);
  if (name !== wanted && name.toLowerCase() !== wanted.toLowerCase()) return undefined;
  const slips: HeaderSlip[] = [];
  const comment = rest.startsWith('#') || rest.startsWith(';') ? rest : undefined;
  if (comment !== undefined) slips.push('comment');
  else if (rest !== '') slips.push('trailing-text');
  if (inner !== name) slips.push('spaces');
  if (close < 0) slips.push('unclosed');
  if (name !== wanted) slips.push('case');
  return { header, slips, comment };
}

/** Trims the characters uWSGI's ini reader trims: space, tab, carriage return. */
function trimBlanks(text: string): string {
  return text.replace(/^[ \t\r]+|[ \t\r]+$/g, '');
}
