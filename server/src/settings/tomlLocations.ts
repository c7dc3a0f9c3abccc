/**
 * Where a key of a TOML document is written. The parser gives values without positions, and a
 * message about a settings file is only useful with its line: this scanner finds the headers and
 * `key =` lines, enough to point at any key our settings use, or failing that at its table.
 */

/** A key path: table and key names, with the index of an array-of-tables element. */
export type KeyPath = readonly (string | number)[];

/** 1-based, as editors and compilers print them. */
export interface TextLocation {
  readonly line: number;
  readonly column: number;
}

interface Written {
  readonly path: KeyPath;
  readonly line: number;
  readonly column: number;
}

export class TomlLocations {
  private readonly written: Written[] = [];
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split(/\r?\n|\r/);
    let table: KeyPath = [];
    const arrays = new Map<string, number>();
    let multiline: string | undefined;
    this.lines.forEach((text, index) => {
      if (multiline) {
        if (countOf(text, multiline) % 2 === 1) multiline = undefined;
        return;
      }
      const header = /^(\s*)\[(\[?)\s*([^\]]+?)\s*\]/.exec(text);
      if (header) {
        const names = dottedKey(header[3]!);
        if (header[2] === '[') {
          const key = names.join('\u0000');
          const element = arrays.get(key) ?? 0;
          arrays.set(key, element + 1);
          table = [...names, element];
        } else {
          table = names;
        }
        this.written.push({ path: table, line: index + 1, column: header[1]!.length + 1 });
        return;
      }
      const entry = /^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=/.exec(text);
      if (!entry) return;
      this.written.push({ path: [...table, ...dottedKey(entry[2]!)], line: index + 1, column: entry[1]!.length + 1 });
      // A value that opens a multi-line string hides the lines up to its end.
      const value = text.slice(entry[0].length);
      for (const quotes of ['"""', "'''"]) if (countOf(value, quotes) % 2 === 1) multiline = quotes;
    });
  }

  /**
   * The key itself when it is written as `key =` or in a header; a key inside an inline table,
   * as `rules = { a = "off" }`, on the line of the table; otherwise the nearest enclosing table.
   */
  locate(path: KeyPath): TextLocation {
    let best: Written | undefined;
    for (const written of this.written) {
      if (!startsWith(path, written.path)) continue;
      if (written.path.length === path.length) return { line: written.line, column: written.column };
      if (!best || written.path.length > best.path.length) best = written;
    }
    if (!best) return { line: 1, column: 1 };
    const next = path[best.path.length];
    if (typeof next === 'string') {
      for (let line = best.line; line <= Math.min(best.line + 50, this.lines.length); line++) {
        const column = findKey(this.lines[line - 1]!, next, line === best.line ? best.column - 1 : 0);
        if (column !== undefined) return { line, column: column + 1 };
        if (line > best.line && this.written.some((w) => w.line === line)) break;
      }
    }
    return { line: best.line, column: best.column };
  }
}

function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** `tool."uwsgi-ini".rules` -> ['tool', 'uwsgi-ini', 'rules']. */
function dottedKey(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\s*("([^"]*)"|'([^']*)'|[^.\s"']+)\s*(?:\.|$)/g)) {
    names.push(match[2] ?? match[3] ?? match[1]!);
  }
  return names;
}

/** The column of `key` written as a key (followed by `=`) in `text`, from `from` on. */
function findKey(text: string, key: string, from: number): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const expression = new RegExp(`(^|[\\s{,])(${escaped}|"${escaped}"|'${escaped}')\\s*=`, 'g');
  expression.lastIndex = from;
  const match = expression.exec(text);
  return match ? match.index + match[1]!.length : undefined;
}
