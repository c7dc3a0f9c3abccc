/**
 * The only way the language service reaches files: the server and the CLI implement it with
 * Node's fs, tests fake it, and an untrusted workspace gets none. Synchronous on purpose: reads
 * are bounded (see IncludeLimits) and the services stay simple, pure functions.
 */
export interface FileSystemPort {
  /** Follows symbolic links; undefined when nothing is there or it cannot be read. */
  stat(path: string): FileStat | undefined;
  /** Reads a regular file as UTF-8, at most `maxBytes` (the caller checked the size first). */
  readFile(path: string, maxBytes: number): string | undefined;
  /**
   * The path by which this file system knows the document at `uri`, for file systems that reach
   * more than `file:` URIs (the browser's workspace file system). Without it, `uriToPath`.
   */
  pathOf?(uri: string): string | undefined;
  /** The URI of a path of this file system (links); without it, a `file:` URI. */
  uriOf?(path: string): string;
  /**
   * Why the files of the document at `uri` cannot be read, when `pathOf` gives it no path and
   * the user should be told (the browser: an untitled document, an untrusted workspace). Loaders
   * it would have followed get an information diagnostic (analysis-limit) with this reason.
   */
  whyUnreadable?(uri: string): string | undefined;
  /**
   * False while the answer about `path` has not arrived yet (a file system that asks elsewhere,
   * the browser's): `stat` said nothing is there, but that is not known.
   */
  known?(path: string): boolean;
}

/** A file access that reads nothing and says why (an untrusted workspace in the browser). */
export function noFileAccess(reason: string): FileSystemPort {
  return { stat: () => undefined, readFile: () => undefined, pathOf: () => undefined, whyUnreadable: () => reason };
}

/** The path of the document at `uri` on `fileSystem`: its own mapping, or the `file:` URI's path. */
export function documentPath(uri: string, fileSystem: FileSystemPort | undefined): string | undefined {
  return fileSystem?.pathOf ? fileSystem.pathOf(uri) : uriToPath(uri);
}

/** The uri of `path` on `fileSystem` (the other way round): its own mapping, or a `file:` URI. */
export function pathUri(path: string, fileSystem: FileSystemPort | undefined): string {
  return fileSystem?.uriOf?.(path) ?? pathToUri(path);
}

export interface FileStat {
  readonly type: 'file' | 'directory' | 'other';
  readonly size: number;
  /** The canonical path, so `a -> b -> a` cycles are found whatever the spelling. */
  readonly realPath: string;
}

export interface IncludeLimits {
  /** Largest included file read. */
  readonly maxFileBytes: number;
  /** Includes of includes, counted from the open document. */
  readonly maxDepth: number;
  /** Bytes read for one document, all includes together. */
  readonly maxTotalBytes: number;
  /** Files read for one document. */
  readonly maxFiles: number;
}

export const DEFAULT_INCLUDE_LIMITS: IncludeLimits = Object.freeze({
  maxFileBytes: 1024 * 1024,
  maxDepth: 16,
  maxTotalBytes: 8 * 1024 * 1024,
  maxFiles: 256,
});

/** `file:///srv/app/uwsgi.ini` -> `/srv/app/uwsgi.ini`; undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file://')) return undefined;
  let rest = uri.slice('file://'.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return undefined;
  // A host part (file://server/share) is not a local path we can read.
  if (slash > 0 && rest.slice(0, slash) !== 'localhost') return undefined;
  rest = rest.slice(slash);
  try {
    const decoded = decodeURIComponent(rest);
    return /^\/[A-Za-z]:/.test(decoded) ? decoded.slice(1) : decoded;
  } catch {
    return undefined;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const DRIVE = /^[A-Za-z]:$/;

/**
 * A `/`-separated path as the path of a URI. Each segment is percent-encoded, so `#`, `?`, `%`,
 * spaces and control characters cannot cut the URI short or point at another file, and a `:`
 * cannot read as a scheme; a lone surrogate, which has no UTF-8 form (encodeURIComponent would
 * throw), becomes U+FFFD. With `keepDrive`, the drive of a Windows path (`c:/srv`) keeps its colon.
 */
export function encodeUriPath(path: string, keepDrive = true): string {
  return path
    .replace(LONE_SURROGATE, '\uFFFD')
    .split('/')
    .map((segment, index) => (keepDrive && index <= 1 && DRIVE.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** `/srv/my app/uwsgi.ini` -> `file:///srv/my%20app/uwsgi.ini`: the inverse of uriToPath. */
export function pathToUri(path: string): string {
  const encoded = encodeUriPath(path);
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins and normalises `.` and `..` segments of POSIX-style paths. */
export function resolvePath(base: string, target: string): string {
  const absolute = target.startsWith('/') || /^[A-Za-z]:\//.test(target) ? target : `${base}/${target}`;
  const drive = /^[A-Za-z]:/.exec(absolute)?.[0] ?? '';
  const parts: string[] = [];
  for (const part of absolute.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${drive}/${parts.join('/')}`;
}
