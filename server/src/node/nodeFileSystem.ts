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
      // O_NONBLOCK: should the file have turned into a FIFO since stat, open must not wait for a writer.
      fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return undefined;
      // Every keystroke re-checks the document and its includes: an unchanged file is not read again.
      const identity = `${stat.dev}:${stat.ino}:${stat.mtimeMs}:${stat.size}:${maxBytes}`;
      const cached = readCache.get(path);
      if (cached && cached.identity === identity) return cached.text;
      const buffer = Buffer.alloc(Math.min(maxBytes, stat.size));
      let length = 0;
      while (length < buffer.length) {
        const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) break;
        length += read;
      }
      const text = buffer.subarray(0, length).toString('utf8');
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

/** The inode number of a path itself (uWSGI's `%i` uses lstat), or undefined when it cannot be told. */
export function inodeOf(path: string): string | undefined {
  try {
    return String(fs.lstatSync(path).ino);
  } catch {
    return undefined;
  }
}
