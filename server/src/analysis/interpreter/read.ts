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
 * For each line of an expanded buffer, the 1-based source line it starts on: line `k` (0-based)
 * starts on `k + 1` plus the offset of the last shift at or before `k`. A `%` before a line break
 * shifts the lines after it by +1; a value bringing in line breaks shifts by -1 per break.
 */
export class LineMap {
  private readonly at: number[] = [];
  private readonly offset: number[] = [];

  shift(outputLine: number, delta: number): void {
    const last = this.offset.length > 0 ? this.offset[this.offset.length - 1]! : 0;
    if (this.at.length > 0 && this.at[this.at.length - 1] === outputLine) this.offset[this.offset.length - 1] = last + delta;
    else {
      this.at.push(outputLine);
      this.offset.push(last + delta);
    }
  }

  line(outputLine: number): number {
    let low = 0;
    let high = this.at.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.at[mid]! <= outputLine) low = mid + 1;
      else high = mid;
    }
    return outputLine + 1 + (low === 0 ? 0 : this.offset[low - 1]!);
  }
}

/**
 * `magic_sub` (core/utils.c): `%` followed by any character is replaced by that character's
 * table entry, `""` for characters without a variable. A `%` as the very last character stays.
 * Returns the text and where each of its lines starts in the source (undefined: line k on k + 1).
 */
export function magicSub(text: string, table: (char: string) => string): { text: string; lines: LineMap | undefined } {
  // Jump from `%` to `%`: the text between is copied as whole slices. Line breaks are counted
  // only up to where a `%` eats one or a value brings some in.
  let out = '';
  let from = 0;
  let lines: LineMap | undefined;
  let sourceBreaks = 0;
  let countedTo = 0;
  /** Output line breaks minus source line breaks so far. */
  let drift = 0;
  for (let i = text.indexOf('%'); i >= 0 && i + 1 < text.length; i = text.indexOf('%', from)) {
    const next = text[i + 1]!;
    const replacement = table(next);
    const brought = next === '\n' || replacement.includes('\n');
    if (brought) {
      for (let at = text.indexOf('\n', countedTo); at >= 0 && at < i; at = text.indexOf('\n', at + 1)) sourceBreaks++;
      countedTo = i;
      const outputLine = sourceBreaks + drift;
      lines ??= new LineMap();
      let added = 0;
      for (let at = replacement.indexOf('\n'); at >= 0; at = replacement.indexOf('\n', at + 1)) lines.shift(outputLine + ++added, -1);
      drift += added;
      if (next === '\n') {
        // The line goes on with the next source line; the output line after it starts one later.
        lines.shift(outputLine + added + 1, 1);
        sourceBreaks++;
        countedTo = i + 2;
        drift--;
      }
    }
    out += text.slice(from, i) + replacement;
    from = i + 2;
  }
  return { text: out + text.slice(from), lines };
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';

function trim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text[start]!)) start++;
  while (end > start && isBlank(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * The characters that follow a `%` in `text`, paired as `magicSub` pairs them, each once: what
 * the expansion of the text depends on.
 */
export function magicCharsOf(text: string): string[] {
  const chars = new Set<string>();
  for (let i = text.indexOf('%'); i >= 0 && i + 1 < text.length; i = text.indexOf('%', i + 2)) chars.add(text[i + 1]!);
  return [...chars];
}

export const NOT_FOUND: ReadResult = Object.freeze({ lines: Object.freeze([]) as readonly ReadLine[], found: false });

/** `uwsgi_ini_config` (core/ini.c) on an already expanded buffer. */
export function selectSection(expanded: string, lines: LineMap | undefined, section: string): ReadResult {
  return indexSections(expanded, lines).get(section) ?? NOT_FOUND;
}

/**
 * Every section's lines at once, as `uwsgi_ini_config` would select each: one split of the
 * buffer serves every pull of the same expansion. `lineMap` undefined: no line was joined.
 */
export function indexSections(expanded: string, lineMap: LineMap | undefined): Map<string, ReadResult> {
  const sections = new Map<string, { lines: ReadLine[]; found: boolean }>();
  let current = '';
  let lines: ReadLine[] | undefined;
  let index = 0;
  for (let from = 0; from <= expanded.length; index++) {
    let end = expanded.indexOf('\n', from);
    if (end < 0) end = expanded.length;
    // A NUL ends the C string: the rest of that line is invisible to uWSGI.
    let raw = expanded.slice(from, end);
    from = end + 1;
    const nul = raw.indexOf('\0');
    if (nul >= 0) raw = raw.slice(0, nul);
    const content = trim(raw);
    if (content === '') continue;
    if (content[0] === '[') {
      current = content.slice(1, Math.max(1, content.length - 1));
      lines = undefined;
      continue;
    }
    if (content[0] === ';' || content[0] === '#') continue;
    if (!lines) {
      let entry = sections.get(current);
      if (!entry) sections.set(current, (entry = { lines: [], found: true }));
      lines = entry.lines;
    }
    const equals = content.indexOf('=');
    const key = equals < 0 ? content : trim(content.slice(0, equals));
    const value = equals < 0 ? '' : trim(content.slice(equals + 1));
    lines.push({ key, value, line: lineMap ? lineMap.line(index) : index + 1 });
  }
  return sections;
}
