import { DEFAULT_INCLUDE_LIMITS, FileSystemPort } from '../analysis/fileSystem';

/**
 * A file system whose answers arrive later (the browser's, asked of the client): what it cannot
 * answer yet it remembers as pending. A validation that left questions pending is not published:
 * the server fetches the answers and validates again, so nothing is reported missing because it
 * was not fetched yet.
 */
export interface DeferredFileSystem extends FileSystemPort {
  hasPending(): boolean;
  /** Fetches (some of) the pending answers. */
  fetchPending(): Promise<void>;
  /** Files may have changed: ask again. */
  forget(): void;
}

export function isDeferred(fileSystem: FileSystemPort | undefined): fileSystem is DeferredFileSystem {
  return typeof (fileSystem as Partial<DeferredFileSystem> | undefined)?.fetchPending === 'function';
}

/** Fetch rounds before a validation is published anyway: one per level of includes, and some. */
export const MAX_FETCH_ROUNDS = DEFAULT_INCLUDE_LIMITS.maxDepth + 2;
