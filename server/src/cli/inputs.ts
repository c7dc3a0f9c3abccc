// The inputs of a run: what the names on the command line stand for (a file, the uWSGI ini files
// below a directory, the files a glob matches), read through the node file system port with the
// language service's size limit, and the files the CLI writes (fixes, a baseline). The only
// module of the CLI that touches the file system.
import * as fs from 'fs';
import * as path from 'path';
import { parseIni } from '../parser/parser';
import { MAX_VALIDATED_LENGTH } from '../service/languageService';
import { errorText } from '../service/errors';
import { globExpression } from '../settings/glob';
import { readNamedFile } from '../node/nodeFileSystem';

/**
 * Bigger files and standard input are reported instead of read. In bytes: a file within it is
 * never more UTF-16 units than the service validates (MAX_VALIDATED_LENGTH), so every input the
 * CLI reads is checked.
 */
export const MAX_INPUT_BYTES = MAX_VALIDATED_LENGTH;

/** Input that was read, or could have been, but is not something to check. */
export class NotChecked extends Error {}

export const tooLarge = (): string => `larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, not checked`;

/** The text of an input, unless it is too big or binary: an executable would give pages of "warnings". */
export function inputText(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (bytes.length > MAX_INPUT_BYTES) throw new NotChecked(tooLarge());
  if (bytes.includes(0)) throw new NotChecked('binary file, not checked');
  return bytes.toString('utf8');
}

/** The bytes of a file named on the command line or found for it; throws what to report. */
export function readInput(absolute: string): Buffer {
  const file = readNamedFile(absolute, MAX_INPUT_BYTES);
  switch (file.type) {
    case 'file':
      return file.bytes;
    case 'too large':
      throw new NotChecked(tooLarge());
    case 'directory':
      throw new Error('is a directory');
    case 'other':
      throw new Error('not a regular file');
  }
}

/** Writes a fixed file or a baseline; throws what fs throws. */
export function writeOutputFile(absolute: string, text: string): void {
  fs.writeFileSync(absolute, text, 'utf8');
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Buffer): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** An error as the one-line reason printed after a name. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'ELOOP') return 'too many symbolic links';
    if (code === 'ENOSPC') return 'no space left on device';
  }
  return errorText(error, false);
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_DIRECTORY_DEPTH = 32;

/** Reports a name found while searching that could not be looked at; the search goes on. */
type Unreadable = (name: string, reason: string) => void;

/** Which section makes a file a uWSGI file: the one it would be checked in (--section, settings files). */
export type SectionOf = (absoluteFile: string) => string;

/** A file, the uWSGI ini files below a directory, or the files a glob matches; sorted for stable output. */
export function expandInput(input: string, cwd: string, sectionOf: SectionOf, unreadable: Unreadable): string[] {
  if (/[*?[]/.test(input) && !fs.existsSync(path.resolve(cwd, input))) return expandGlob(input, cwd, unreadable);
  const absolute = path.resolve(cwd, input);
  const stat = fs.statSync(absolute);
  if (!stat.isDirectory()) return [input];
  const found: string[] = [];
  let reported = false;
  const shown = (file: string): string => path.join(input, path.relative(absolute, file));
  walk(absolute, {
    maxDepth: MAX_DIRECTORY_DEPTH,
    visit: (file) => {
      if (file.endsWith('.ini') && hasSection(file, sectionOf(file))) found.push(shown(file));
    },
    skipped: (file, reason, wanted) => {
      if (wanted !== undefined && !wanted.endsWith('.ini')) return;
      reported = true;
      unreadable(shown(file), reason);
    },
  });
  // A directory named on the command line that yields nothing is almost surely a wrong argument.
  if (found.length === 0 && !reported) throw new Error(`is a directory with no uWSGI ini files (*.ini with a [${sectionOf(path.join(absolute, 'uwsgi.ini'))}] section) in it`);
  return found.sort();
}

/** Whether uWSGI would find `section` in the file: its headers as the parser reads them, as uWSGI names them. */
function hasSection(file: string, section: string): boolean {
  let text: string;
  try {
    const read = readNamedFile(file, MAX_INPUT_BYTES);
    // Too large or no regular file: nothing to look for. A binary one with the header is found, and reported.
    if (read.type !== 'file') return false;
    text = read.bytes.toString('utf8');
  } catch {
    return false;
  }
  return parseIni(text).sections.some((candidate) => candidate.name === section);
}

/** A name as the bytes it is made of: every byte outside ASCII as \xNN. */
function bytesShown(name: Buffer): string {
  return Array.from(name, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`)).join('');
}

interface Walk {
  /** How many directories down files may be wanted: a glob without `**` has a fixed depth. */
  readonly maxDepth: number;
  readonly visit: (file: string) => void;
  /**
   * What could not be looked at, with `wanted` (the name with U+FFFD for the bytes that are not
   * UTF-8) for a file the caller may want, undefined for a directory that could not be searched.
   */
  readonly skipped: (file: string, reason: string, wanted?: string) => void;
}

/** Calls `visit` for each regular file below `directory`, down to `maxDepth`. */
function walk(directory: string, walker: Walk, depth = 0): void {
  if (depth > walker.maxDepth) return;
  const { visit, skipped } = walker;
  const descend = depth < walker.maxDepth;
  let entries: fs.Dirent<Buffer>[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    skipped(directory, `cannot search this directory: ${describeError(error)}`);
    return;
  }
  for (const entry of entries) {
    let name: string;
    try {
      name = STRICT_UTF8.decode(entry.name);
    } catch {
      // Node would decode it lossily and then fail to open the file under the changed name.
      const shown = path.join(directory, bytesShown(entry.name));
      if (entry.isDirectory() && descend) skipped(shown, 'directory name is not valid UTF-8, not searched');
      else if (entry.isFile()) skipped(shown, 'file name is not valid UTF-8, not checked', path.join(directory, entry.name.toString('utf8')));
      continue;
    }
    const full = path.join(directory, name);
    if (entry.isDirectory()) {
      if (descend && !SKIPPED_DIRECTORIES.has(name)) walk(full, walker, depth + 1);
    } else if (entry.isFile()) {
      visit(full);
    }
  }
}

function expandGlob(glob: string, cwd: string, unreadable: Unreadable): string[] {
  const normalized = glob.split(path.sep).join('/');
  const parts = normalized.split('/');
  const staticParts: string[] = [];
  for (const part of parts) {
    if (/[*?[]/.test(part)) break;
    staticParts.push(part);
  }
  const base = staticParts.join('/') || '.';
  const absoluteBase = path.resolve(cwd, base);
  const matcher = globExpression(normalized.startsWith('./') ? normalized.slice(2) : normalized);
  // Matched and shown with forward slashes when relative, as the user wrote the glob.
  const candidate = (file: string): string => (path.isAbsolute(glob) ? file.split(path.sep).join('/') : path.relative(cwd, file).split(path.sep).join('/'));
  const shown = (file: string): string => (path.isAbsolute(glob) ? file : candidate(file));
  const found: string[] = [];
  let reported = false;
  // Directories below the base that a glob without `**` can reach: one per wildcard segment but the last.
  const below = parts.length - staticParts.length - 1;
  walk(absoluteBase, {
    maxDepth: parts.some((part) => part.includes('**')) ? MAX_DIRECTORY_DEPTH : Math.min(below, MAX_DIRECTORY_DEPTH),
    visit: (file) => {
      if (matcher.test(candidate(file))) found.push(shown(file));
    },
    skipped: (file, reason, wanted) => {
      if (wanted !== undefined && !matcher.test(candidate(wanted))) return;
      reported = true;
      unreadable(shown(file), reason);
    },
  });
  if (found.length === 0 && !reported) throw new Error('no files match');
  return found.sort();
}
