import { DEFAULT_INCLUDE_LIMITS, FileSystemPort } from '../analysis/fileSystem';
import { ErrorLog, formatError } from './runSafe';

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

/**
 * What the server does with a deferred file system: a check that asked what it could not be told
 * yet is not the answer (fetch, check again, one round per level of includes), and a request that
 * asked (links, hover, inlay hints) starts a fetch in the background so the next one knows. Without
 * a deferred file system (Node, the tests) every check is answered at once.
 */
export class DeferredAnswers {
  private fetching = false;
  /** Inlay-hint refreshes left until the next edit: a document naming more paths than the answers kept must not loop. */
  private refreshesLeft = MAX_FETCH_ROUNDS;

  constructor(
    private readonly fileSystem: DeferredFileSystem | undefined,
    private readonly log: ErrorLog,
    /** Answers came: parses and settings read before them hold what was not known then. */
    private readonly answered: () => void,
    private readonly refreshHints: () => void,
  ) {}

  /** `run` until nothing it asked is pending; `undefined` when `stillCurrent` says the document changed meanwhile. */
  async check<T>(uri: string, run: () => T, stillCurrent: () => boolean): Promise<T | undefined> {
    for (let round = 0; ; round++) {
      const result = run();
      if (!this.fileSystem?.hasPending() || round >= MAX_FETCH_ROUNDS) return result;
      await this.fileSystem.fetchPending().catch((error: unknown) => this.log.error(formatError(`reading files for ${uri}`, error)));
      this.answered();
      if (!stillCurrent()) return undefined;
    }
  }

  fetchInBackground(): void {
    const fileSystem = this.fileSystem;
    if (!fileSystem?.hasPending() || this.fetching) return;
    this.fetching = true;
    void fileSystem.fetchPending().catch(() => undefined).then(() => {
      this.fetching = false;
      this.answered();
      if (this.refreshesLeft-- > 0) this.refreshHints();
    });
  }

  edited(): void {
    this.refreshesLeft = MAX_FETCH_ROUNDS;
  }

  forget(): void {
    this.fileSystem?.forget();
  }
}
