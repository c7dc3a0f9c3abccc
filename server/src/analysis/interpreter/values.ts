// Values that may hold parts we cannot know without running uWSGI on the target machine. They
// stay plain strings so every uWSGI algorithm (magic table, `$@%` passes, placeholder math) runs
// on them unchanged: an unknown part is a marker `\uE000<id>\uE001` pointing into a table. The
// markers contain none of the characters those algorithms react to (`%`, `$`, `@`, `(`, `)`,
// `=`, `:`, space), so an unknown part travels through them like an opaque word.

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

export type UnknownSource =
  | 'magic' // a `%X` of the machine or the command line (%h, %t, %i...)
  | 'env' // `$(VAR)` or an `if-env` of a variable the caller did not give
  | 'file' // `@(file)`, an include or a test on a file that may not be read
  | 'exec' // `@(exec://...)`, `@(http://...)` and other schemes: never run or fetched
  | 'network' // `resolve`
  | 'limit' // a value or expansion beyond the interpreter's budgets
  | 'machine'; // hostname, reload state, directory listings

export interface UnknownPart {
  readonly source: UnknownSource;
  /** What uWSGI would read here, as written (`%h`, `$(HOME)`, `@(exec://date)`). */
  readonly text: string;
  /** Why it is unknown, in a sentence fragment. */
  readonly reason: string;
}

/** The unknown parts of one interpretation, shared by all its values. */
export class UnknownTable {
  readonly parts: UnknownPart[] = [];

  marker(part: UnknownPart): string {
    this.parts.push(part);
    return `${MARK_OPEN}${this.parts.length - 1}${MARK_CLOSE}`;
  }

  /** The value with each unknown part written as uWSGI's own text for it. */
  render(value: string): string {
    return value.includes(MARK_OPEN) ? value.replace(MARKER, (_, id: string) => this.parts[Number(id)]?.text ?? '') : value;
  }

  /** The unknown parts a value holds, in order. */
  partsOf(value: string): UnknownPart[] {
    if (!value.includes(MARK_OPEN)) return [];
    return [...value.matchAll(MARKER)].map((m) => this.parts[Number(m[1])]!);
  }
}

export function isKnown(value: string): boolean {
  return !value.includes(MARK_OPEN);
}
