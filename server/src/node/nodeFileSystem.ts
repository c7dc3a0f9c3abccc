import * as fs from 'fs';
import { FileStat, FileSystemPort } from '../analysis/fileSystem';

/** Included files kept between validations, by path; a changed file has another identity. */
const READ_CACHE_FILES = 64;
const readCache = new Map<string, { identity: string; text: string }>();

/**
 * The file access the server and the CLI give the language service: `stat` before any `open`,
 * so FIFOs, devices and sockets are never opened (reading them could block forever), and reads
 * stop at the size limit whatever the file claims.
 */
export const nodeFileSystem: FileSystemPort = {
  stat(path: string): FileStat | undefined {
    try {
      const stat = fs.statSync(path);
      const type = stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
      return { type, size: stat.size, realPath: fs.realpathSync(path) };
    } catch {
      return undefined;
    }
  },
  readFile(path: string, maxBytes: number): string | undefined {
    let fd: number | undefined;
    try {
      fd = openWithoutWaiting(path);
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return undefined;
      // Every keystroke re-checks the document and its includes: an unchanged file is not read again.
      const identity = `${stat.dev}:${stat.ino}:${stat.mtimeMs}:${stat.size}:${maxBytes}`;
      const cached = readCache.get(path);
      if (cached && cached.identity === identity) return cached.text;
      const text = readOpened(fd, Math.min(maxBytes, stat.size)).toString('utf8');
      if (readCache.size >= READ_CACHE_FILES) readCache.delete(readCache.keys().next().value!);
      readCache.set(path, { identity, text });
      return text;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
};

/** O_NONBLOCK: should the file have turned into a FIFO since stat, open must not wait for a writer. */
function openWithoutWaiting(path: string): number {
  return fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
}

/** Up to `length` bytes from the start of an open file: fewer when it shrank meanwhile. */
function readOpened(fd: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < buffer.length) {
    const read = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/** A file named on a command line: its bytes when it is a regular file no larger than asked. */
export type NamedFile =
  | { readonly type: 'file'; readonly bytes: Buffer }
  | { readonly type: 'too large'; readonly size: number }
  | { readonly type: 'directory' | 'other' };

/**
 * Reads a regular file of at most `maxBytes` the way the port does (open without waiting, only
 * regular files, a bounded read, never cached), but as bytes and with the reason when it cannot:
 * the CLI reports why a file was not checked. Throws what fs throws (ENOENT, EACCES, ELOOP...).
 */
export function readNamedFile(path: string, maxBytes: number): NamedFile {
  const fd = openWithoutWaiting(path);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { type: 'directory' };
    if (!stat.isFile()) return { type: 'other' };
    if (stat.size > maxBytes) return { type: 'too large', size: stat.size };
    return { type: 'file', bytes: readOpened(fd, stat.size) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The inode number of a path itself (uWSGI's `%i` uses lstat), or undefined when it cannot be told. */
export function inodeOf(path: string): string | undefined {
  try {
    return String(fs.lstatSync(path).ino);
  } catch {
    return undefined;
  }
}
