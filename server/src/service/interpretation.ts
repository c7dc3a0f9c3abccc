// The document as uWSGI would load it, interpreted once per document version and settings, and
// shared by every service that needs to know what uWSGI reads and applies: validation (include
// problems, keys read by `if-opt`), inlay hints and hovers (resolved values), and the effective
// configuration view. Built on first use: a keystroke that needs none of it does not pay for it.
import { EntryLine } from '../parser/ast';
import { basename, dirname, documentPath, resolvePath } from '../analysis/fileSystem';
import { interpret } from '../analysis/interpreter/interpret';
import { Interpretation, ListEntry, SkippedLine } from '../analysis/interpreter/types';
import { isKnown } from '../analysis/interpreter/values';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';

/** How uWSGI met a line of the open document. */
export type LineReading =
  /** Read, outside any block or under a condition that holds. */
  | 'read'
  /** Read only where a condition we could not test holds. */
  | 'conditional'
  /** Never read: its block's condition is false. */
  | 'skipped'
  /** Not met at all: another section, before the first header, or after uWSGI stopped. */
  | 'unread';

const NONE: readonly ListEntry[] = [];

export class DocumentInterpretation {
  /** The open document's path, as the interpreter names it in provenance. */
  readonly path: string;
  private byLine: Map<number, ListEntry[]> | undefined;
  private skippedByLine: Map<number, SkippedLine[]> | undefined;
  private newlines: number[] | undefined;

  constructor(readonly document: UwsgiDocument, readonly result: Interpretation, path: string) {
    this.path = resolvePath('/', path);
  }

  /** The 1-based line uWSGI counts (`\n` only) where an entry of the open document starts. */
  sourceLineOf(entry: EntryLine): number {
    const newlines = this.newlineOffsets();
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < entry.start) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }

  /** Offset in the open document where a 1-based source line starts. */
  offsetOfSourceLine(line: number): number {
    const newlines = this.newlineOffsets();
    if (line <= 1) return 0;
    const before = newlines[Math.min(line, newlines.length + 1) - 2];
    return before === undefined ? this.document.text.length : before + 1;
  }

  /** The list entries uWSGI makes of a line of the open document (several for a `for` body or a section pulled twice). */
  entriesOf(entry: EntryLine): readonly ListEntry[] {
    this.byLine ??= byLineOf(this.result.entries, this.path);
    return this.byLine.get(this.sourceLineOf(entry)) ?? NONE;
  }

  reading(entry: EntryLine): LineReading {
    const entries = this.entriesOf(entry);
    if (entries.some((e) => e.provenance.condition === undefined || e.provenance.condition.state === 'true')) return 'read';
    if (entries.length > 0) return 'conditional';
    this.skippedByLine ??= byLineOf(this.result.skipped, this.path);
    return this.skippedByLine.has(this.sourceLineOf(entry)) ? 'skipped' : 'unread';
  }

  /**
   * The one value uWSGI ends up with for this line, rendered; undefined when the line is not
   * read, gives several values, or holds a part that can only be known where uWSGI runs.
   */
  valueOf(entry: EntryLine): string | undefined {
    let entries = this.entriesOf(entry);
    if (entries.length === 0) return undefined;
    if (entry.key === 'set') {
      // `set = name=value` stays as written and adds `name`, which the passes expand: that is its value.
      const made = entries.filter((e) => e.key !== 'set');
      if (made.length !== 1) return undefined;
      return isKnown(made[0]!.value) ? `${made[0]!.key}=${made[0]!.value}` : undefined;
    }
    entries = entries.filter((e) => e.key === entry.key);
    if (entries.length === 0) return undefined;
    const value = entries[0]!.value;
    if (!isKnown(value) || entries.some((e) => e.value !== value)) return undefined;
    return value;
  }

  /**
   * What `%(name)` reads: the first list entry with that key, as the passes left it (placeholders
   * that a `set-ph` stored stay as written); undefined when unset or not known here.
   */
  placeholderValue(name: string): string | undefined {
    const first = this.result.entries.find((e) => e.key === name && e.provenance.line > 0);
    return first && isKnown(first.value) ? first.value : undefined;
  }

  /** True when an entry uWSGI reads before its passes (not one `inherit` brings later) has this key. */
  defines(name: string): boolean {
    if (!this.definedKeys) {
      this.definedKeys = new Set();
      for (const entry of this.result.entries) if (!entry.late && entry.provenance.line > 0) this.definedKeys.add(entry.key);
    }
    return this.definedKeys.has(name);
  }

  private definedKeys: Set<string> | undefined;

  /** True when `if-opt`, `%(name)` or placeholder math looks the key up, in any file uWSGI reads. */
  isRead(key: string): boolean {
    return this.result.reads.has(key);
  }

  private newlineOffsets(): number[] {
    if (!this.newlines) {
      const text = this.document.text;
      const offsets: number[] = [];
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) offsets.push(at);
      this.newlines = offsets;
    }
    return this.newlines;
  }
}

/**
 * The path the interpreter gives the document: its file path (or the path its file system names,
 * the browser's), or a made-up one for other schemes.
 */
export function interpretedPath(document: UwsgiDocument): { path: string; onDisk: boolean } {
  const uri = document.textDocument.uri;
  const path = documentPath(uri, document.fileSystem);
  if (path !== undefined) return { path, onDisk: true };
  const bare = uri.replace(/[?#].*$/, '');
  const name = basename(bare.slice(bare.indexOf(':') + 1)).replace(/[:\\]/g, '_') || 'untitled.ini';
  return { path: `/${name}`, onDisk: false };
}

const CACHE = new WeakMap<UwsgiDocument, { key: string; interpretation: DocumentInterpretation }>();

/**
 * The interpretation of this document version under these settings: computed once, then shared.
 * The editor knows no environment variable and no machine fact except where the file is, so
 * those stay unknown; relative paths are taken from the file's folder, as the other checks do.
 */
export function interpretationOf(document: UwsgiDocument, settings: LanguageSettings): DocumentInterpretation {
  const key = `${settings.section}\0${settings.version}\0${settings.plugins.join(',')}`;
  const cached = CACHE.get(document);
  if (cached && cached.key === key) return cached.interpretation;
  const { path, onDisk } = interpretedPath(document);
  // A path with a colon (a Windows drive) would be split there: name the section explicitly.
  const file = settings.section !== 'uwsgi' || path.includes(':') ? `${path}:${settings.section}` : path;
  const result = interpret({
    file,
    text: document.text,
    ...(onDisk && document.fileSystem ? { fileSystem: document.fileSystem } : {}),
    env: { vars: new Map(), complete: false },
    machine: { cwd: dirname(path) },
    version: settings.version,
    plugins: settings.plugins,
  });
  const interpretation = new DocumentInterpretation(document, result, path);
  CACHE.set(document, { key, interpretation });
  return interpretation;
}

/** The lines of one file among `items`, by their source line. */
function byLineOf<T extends { readonly provenance: { readonly file: string; readonly line: number } }>(items: readonly T[], path: string): Map<number, T[]> {
  const byLine = new Map<number, T[]>();
  for (const item of items) {
    if (item.provenance.file !== path) continue;
    const list = byLine.get(item.provenance.line);
    if (list) list.push(item);
    else byLine.set(item.provenance.line, [item]);
  }
  return byLine;
}
