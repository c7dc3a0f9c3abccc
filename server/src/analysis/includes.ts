import { EntryLine, Span } from '../parser/ast';
import { parseIni } from '../parser/parser';
import { Segment } from '../parser/values';
import { getOption } from '../registry/registry';
import { DEFAULT_INCLUDE_LIMITS, dirname, documentPath as pathOfDocument, FileSystemPort, IncludeLimits, resolvePath } from './fileSystem';
import { expandMagic, locationOfPath } from './magicVariables';

/** Loader parsers whose target is read as an ini file (the others load xml, yaml, json, ...). */
const INI_LOADER = 'uwsgi_opt_load_ini';
const GENERIC_LOADER = 'uwsgi_opt_load';

export type IncludeProblemKind = 'not-found' | 'not-a-file' | 'too-large' | 'too-deep' | 'cycle' | 'budget' | 'unreadable';

export interface IncludeProblem {
  readonly kind: IncludeProblemKind;
  /** The loader line in the open document that leads to the problem (directly or through includes). */
  readonly entry: EntryLine;
  readonly span: Span;
  /** The path that could not be read. */
  readonly path: string;
  /** True when the path is relative: uWSGI resolves it from its working directory, which we assume is the file's. */
  readonly relative: boolean;
  /** True when the path is built from `%d`/`%p`: it travels with this file, so a miss here is a miss there. */
  readonly anchored: boolean;
}

/** One key an included file sets, with the value uWSGI would read for `%(key)`. */
export interface ExternalKey {
  readonly value: string;
  readonly path: string;
}

export interface IncludeResult {
  /** Keys the included files set (first value wins, as `%(key)` reads it). */
  readonly keys: ReadonlyMap<string, ExternalKey>;
  readonly problems: readonly IncludeProblem[];
  /** Loader lines whose target we did not read: dynamic paths, other formats, no file access. */
  readonly unresolved: readonly EntryLine[];
  /** Paths read, for links and hovers. */
  readonly files: readonly string[];
  /** Loaders of ini files that were not followed because this document's files cannot be read, and why. */
  readonly notRead?: { readonly entries: readonly EntryLine[]; readonly reason: string };
}

export const NO_INCLUDES: IncludeResult = { keys: new Map(), problems: [], unresolved: [], files: [] };

interface Target {
  path: string;
  section: string;
  relative: boolean;
  anchored: boolean;
}

/** Magic variables that make a path relative to the config file itself. */
const ANCHORING_MAGIC = /%[dp]/;

/**
 * Where a loader line points, as far as it can be known without running anything: magic variables
 * from the file's path are expanded; environment and `@()` references, host-dependent magic and,
 * for immediate loaders, `%(placeholders)` (never expanded for them) make it unknown.
 */
export function loaderTarget(entry: EntryLine, documentPath: string, resolvePlaceholders?: (value: string) => string | undefined): Target | undefined {
  const option = getOption(entry.key);
  if (!option || option.valueKind !== 'include') return undefined;
  let value = entry.value;
  if (value === '' || /:\/\//.test(value) || value.startsWith('-')) return undefined;
  // `%p:name` pulls a section of this very file (SEMANTICS.md §3), as `:name` does: no other
  // file is read, and it is no cycle unless sections pull each other, which the model follows.
  if (/^%p:[^:/]/.test(value)) return undefined;
  if (!option.immediate && resolvePlaceholders) {
    const resolved = resolvePlaceholders(value);
    if (resolved === undefined) return undefined;
    value = resolved;
  }
  if (value.includes('$(') || value.includes('@(') || value.includes('%(')) return undefined;
  const expanded = expandMagic(value, locationOfPath(documentPath));
  if (expanded === undefined) return undefined;
  let path = expanded;
  let targetSection = 'uwsgi';
  const colon = path.lastIndexOf(':');
  if (colon >= 0 && !/^[A-Za-z]:[\\/]/.test(path.slice(colon - 1))) {
    targetSection = path.slice(colon + 1) || 'uwsgi';
    path = path.slice(0, colon);
  }
  if (path === '') return undefined; // `:section` of this very file: the model handles it
  const readsIni = option.parser === INI_LOADER || (option.parser === GENERIC_LOADER && path.endsWith('.ini'));
  if (!readsIni) return undefined;
  const relative = !path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path);
  return { path: resolvePath(dirname(documentPath), path), section: targetSection, relative, anchored: ANCHORING_MAGIC.test(value) };
}

/**
 * Reads the ini files a document includes, within limits: only regular files (checked before
 * opening, so a FIFO or /dev/zero cannot hang us), bounded size, depth, count and total bytes,
 * cycles found by real path. Nothing is executed and nothing but `stat` and `read` is asked.
 */
export function resolveIncludes(
  documentUri: string,
  /** Applied entries, or only those whose key loads a config file. */
  applied: readonly EntryLine[],
  fileSystem: FileSystemPort | undefined,
  resolvePlaceholders: (value: string) => string | undefined,
  limits: IncludeLimits = DEFAULT_INCLUDE_LIMITS,
): IncludeResult {
  const loaders = applied.filter((entry) => getOption(entry.key)?.valueKind === 'include');
  if (loaders.length === 0) return NO_INCLUDES;
  const documentPath = pathOfDocument(documentUri, fileSystem);
  if (!fileSystem || !documentPath) {
    const reason = fileSystem && !documentPath ? fileSystem.whyUnreadable?.(documentUri) : undefined;
    if (reason === undefined) return { ...NO_INCLUDES, unresolved: loaders };
    // Those that name an ini file, wherever this document would be (not `:section`, not `$(ENV)`).
    const entries = loaders.filter((entry) => loaderTarget(entry, '/document.ini', resolvePlaceholders) !== undefined);
    return { ...NO_INCLUDES, unresolved: loaders, ...(entries.length > 0 ? { notRead: { entries, reason } } : {}) };
  }

  const keys = new Map<string, ExternalKey>();
  const problems: IncludeProblem[] = [];
  const unresolved: EntryLine[] = [];
  const files: string[] = [];
  let totalBytes = 0;
  const rootStat = fileSystem.stat(documentPath);
  const chain = new Set<string>([rootStat?.realPath ?? documentPath]);

  const visit = (root: EntryLine, target: Target, depth: number): void => {
    const problem = (kind: IncludeProblemKind): void => {
      problems.push({ kind, entry: root, span: root.valueSpan, path: target.path, relative: target.relative, anchored: target.anchored });
    };
    if (depth > limits.maxDepth) return problem('too-deep');
    if (files.length >= limits.maxFiles) return problem('budget');
    const stat = fileSystem.stat(target.path);
    if (!stat) return problem('not-found');
    if (stat.type !== 'file') return problem('not-a-file');
    if (chain.has(stat.realPath)) return problem('cycle');
    if (stat.size > limits.maxFileBytes) return problem('too-large');
    if (totalBytes + stat.size > limits.maxTotalBytes) return problem('budget');
    const text = fileSystem.readFile(target.path, limits.maxFileBytes);
    if (text === undefined) return problem('unreadable');
    totalBytes += stat.size;
    files.push(target.path);
    const included = parseIni(text);
    chain.add(stat.realPath);
    for (const entry of included.entries) {
      if (entry.section?.name !== target.section) continue;
      if (!keys.has(entry.key)) keys.set(entry.key, { value: entry.value, path: target.path });
      const next = loaderTarget(entry, target.path);
      if (next) visit(root, next, depth + 1);
    }
    chain.delete(stat.realPath);
  };

  for (const entry of loaders) {
    const target = loaderTarget(entry, documentPath, resolvePlaceholders);
    if (!target) {
      if (entry.value.startsWith(':') || entry.value.startsWith('%p:')) continue; // a section of this file
      unresolved.push(entry);
      continue;
    }
    visit(entry, target, 1);
  }
  return { keys, problems, unresolved, files };
}

/**
 * `@(path)` references in values uWSGI expands (deferred options): a missing file is fatal when
 * uWSGI reads the config. Only `stat` is asked — the content is never read, and schemes such as
 * `exec://` or `http://` are never followed.
 */
export function checkFileReferences(
  documentUri: string,
  applied: readonly EntryLine[],
  segmentsOf: (entry: EntryLine) => readonly Segment[],
  fileSystem: FileSystemPort | undefined,
): IncludeProblem[] {
  const documentPath = pathOfDocument(documentUri, fileSystem);
  if (!fileSystem || !documentPath) return [];
  const problems: IncludeProblem[] = [];
  const location = locationOfPath(documentPath);
  for (const entry of applied) {
    if (!entry.value.includes('@(')) continue;
    // Immediate options never see the `@` pass: their `@(...)` stays literal text.
    if (getOption(entry.key)?.immediate) continue;
    for (const segment of segmentsOf(entry)) {
      if (segment.kind !== 'reference') continue;
      const raw = segment.name;
      if (raw.includes('://') || raw.includes('$(') || raw.includes('%(') || raw.includes('@(')) continue;
      const expanded = expandMagic(raw, location);
      if (expanded === undefined || expanded === '') continue;
      const relative = !expanded.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(expanded);
      const path = resolvePath(dirname(documentPath), expanded);
      const stat = fileSystem.stat(path);
      if (stat && stat.type !== 'directory') continue;
      problems.push({
        kind: stat ? 'not-a-file' : 'not-found', entry, span: { start: segment.start, end: segment.end },
        path, relative, anchored: ANCHORING_MAGIC.test(raw),
      });
    }
  }
  return problems;
}
