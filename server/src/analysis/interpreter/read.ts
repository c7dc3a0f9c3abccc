// Stage 1 of uWSGI's config loading (SEMANTICS.md §2, §8): the whole file is magic-expanded as
// one buffer, and only then split into lines and classified. Classifying after the expansion is
// what makes `%` at the end of a line join the next one, and `%z[uwsgi]` a section header.

/** One line of an expanded file that belongs to the selected section. */
export interface ReadLine {
  readonly key: string;
  readonly value: string;
  /** 1-based source line where the (possibly joined) line starts. */
  readonly line: number;
}

export interface ReadResult {
  readonly lines: readonly ReadLine[];
  /** The section appeared at least once (otherwise uWSGI only warns). */
  readonly found: boolean;
}

/**
 * `magic_sub` (core/utils.c): `%` followed by any character is replaced by that character's
 * table entry, `""` for characters without a variable. A `%` as the very last character stays.
 * Returns the text and, for every output `\n`, the source line that follows it.
 */
export function magicSub(text: string, table: (char: string) => string): { text: string; lineStarts: number[] } {
  let out = '';
  const lineStarts = [1];
  let sourceLine = 1;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) {
      sourceLine++;
      out += text.slice(from, i + 1);
      from = i + 1;
      lineStarts.push(sourceLine);
      continue;
    }
    if (char !== 37 || i + 1 >= text.length) continue;
    const next = text[i + 1]!;
    out += text.slice(from, i) + table(next);
    if (next === '\n') sourceLine++;
    i++;
    from = i + 1;
  }
  return { text: out + text.slice(from), lineStarts };
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';

function trim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text[start]!)) start++;
  while (end > start && isBlank(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** `uwsgi_ini_config` (core/ini.c) on an already expanded buffer. */
export function selectSection(expanded: string, lineStarts: readonly number[], section: string): ReadResult {
  const lines: ReadLine[] = [];
  let current = '';
  let found = false;
  const physical = expanded.split('\n');
  for (let index = 0; index < physical.length; index++) {
    // A NUL ends the C string: the rest of that line is invisible to uWSGI.
    let raw = physical[index]!;
    const nul = raw.indexOf('\0');
    if (nul >= 0) raw = raw.slice(0, nul);
    const content = trim(raw);
    if (content === '') continue;
    if (content[0] === '[') {
      current = content.slice(1, Math.max(1, content.length - 1));
      continue;
    }
    if (content[0] === ';' || content[0] === '#') continue;
    if (current !== section) continue;
    found = true;
    const equals = content.indexOf('=');
    const key = equals < 0 ? content : trim(content.slice(0, equals));
    const value = equals < 0 ? '' : trim(content.slice(equals + 1));
    lines.push({ key, value, line: lineStarts[index] ?? index + 1 });
  }
  return { lines, found };
}
