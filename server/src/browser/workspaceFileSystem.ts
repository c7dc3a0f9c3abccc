import { encodeUriPath, FileStat } from '../analysis/fileSystem';
import { DeferredFileSystem } from '../lsp/deferredFileSystem';
import { WORKSPACE_FILE_REQUEST, WorkspaceFileAnswer, WorkspaceFileParams } from './workspaceFileProtocol';

/** The part of the connection this file system uses. */
export interface FileRequester {
  sendRequest(method: string, params: WorkspaceFileParams): Promise<WorkspaceFileAnswer | null>;
}

/** Answers kept, fetched or missing; the oldest go first beyond this. */
const MAX_KNOWN = 2048;
/** Questions fetched in one round: what one document's includes may ask at most (`maxFiles`). */
const MAX_FETCH_PER_ROUND = 256;
/** A client that has not answered in this time is taken for one that does not serve files. */
const ANSWER_TIMEOUT_MS = 10_000;

type Known = { stat: FileStat | undefined; text?: string | undefined; maxBytes: number };

/**
 * The browser's file access: a web worker has no file system of its own, so included files are
 * asked of the client, which reads them with `vscode.workspace.fs` (client/src/browserExtension.ts).
 * The language service asks synchronously; this port answers from what it has fetched and
 * remembers each question it could not answer yet. The server sees that, holds the diagnostics
 * back, fetches, and checks again (server.ts, `DeferredFileSystem`), so a file not fetched yet is
 * never reported missing.
 *
 * Paths are the URI paths of one file system, the one of the first document asked about
 * (`vscode-vfs://github/owner/repo`, `vscode-remote://host:port`, `file://`): an include can only
 * name a file of its own file system. Documents of another (an untitled one, a second remote) are
 * not read from. When the client cannot answer (an LSP client without the request), nothing is read.
 */
export class WorkspaceFileSystem implements DeferredFileSystem {
  /** `scheme://authority` of the file system the paths are on. */
  private root: string | undefined;
  private readonly answers = new Map<string, Known>();
  private readonly pending = new Map<string, number>();
  /**
   * Questions asked and not answered yet. They count as pending: a validation that runs while a
   * fetch another request started is on its way must not be published without its answers.
   */
  private readonly inFlight = new Map<string, Promise<void>>();
  private available = true;

  constructor(
    private readonly connection: FileRequester,
    private readonly answerTimeoutMs = ANSWER_TIMEOUT_MS,
  ) {}

  pathOf(uri: string): string | undefined {
    if (!this.available) return undefined;
    const parsed = splitUri(uri);
    if (!parsed) return undefined;
    this.root ??= parsed.root;
    return parsed.root === this.root ? parsed.path : undefined;
  }

  whyUnreadable(uri: string): string | undefined {
    if (!this.available) return 'this editor does not let the language server read files';
    const parsed = splitUri(uri);
    if (!parsed) return 'the document is not saved in a folder';
    return parsed.root === this.root ? undefined : 'the document is on another file system than the first one opened';
  }

  uriOf(path: string): string {
    return `${this.root ?? 'file://'}${encodeUriPath(path, false)}`;
  }

  stat(path: string): FileStat | undefined {
    return this.lookup(path, 0)?.stat;
  }

  readFile(path: string, maxBytes: number): string | undefined {
    const known = this.lookup(path, maxBytes);
    if (!known || known.stat?.type !== 'file') return undefined;
    return known.text?.slice(0, maxBytes);
  }

  known(path: string): boolean {
    return this.answers.has(path) || !this.available;
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0;
  }

  /** Asks for (up to a round of) the pending questions, and waits for those already on their way. */
  async fetchPending(): Promise<void> {
    const batch = [...this.pending].slice(0, MAX_FETCH_PER_ROUND);
    for (const [path] of batch) this.pending.delete(path);
    if (!this.available || this.root === undefined) {
      this.pending.clear();
      await Promise.all(this.inFlight.values());
      return;
    }
    for (const [path, maxBytes] of batch) {
      const asked = this.ask(path, maxBytes).finally(() => this.inFlight.delete(path));
      this.inFlight.set(path, asked);
    }
    await Promise.all(this.inFlight.values());
    if (!this.available) this.pending.clear();
  }

  private async ask(path: string, maxBytes: number): Promise<void> {
    let answer: WorkspaceFileAnswer | null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), this.answerTimeoutMs);
      });
      answer = await Promise.race([this.connection.sendRequest(WORKSPACE_FILE_REQUEST, { uri: this.uriOf(path), maxBytes }), late]);
    } catch {
      // The client does not serve files (or failed to): read nothing from now on.
      this.available = false;
      return;
    } finally {
      clearTimeout(timer);
    }
    this.remember(path, toKnown(path, answer, maxBytes));
  }

  forget(): void {
    this.answers.clear();
  }

  private lookup(path: string, maxBytes: number): Known | undefined {
    const known = this.answers.get(path);
    // A stat answer carries the text of a file up to the largest size asked before.
    if (known && (known.stat?.type !== 'file' || maxBytes <= known.maxBytes)) return known;
    if (this.available && !this.inFlight.has(path)) this.pending.set(path, Math.max(maxBytes, this.pending.get(path) ?? 0, READ_ALONG.test(path) ? DEFAULT_READ_BYTES : 0));
    return undefined;
  }

  private remember(path: string, known: Known): void {
    this.answers.delete(path);
    if (this.answers.size >= MAX_KNOWN) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(path, known);
  }
}

/**
 * A stat of a config or settings file fetches its text along (up to the include limit), as the
 * include reader asks for it right after: one round trip instead of two. Other paths (links)
 * are only stat'ed.
 */
const DEFAULT_READ_BYTES = 1024 * 1024;
const READ_ALONG = /\.(ini|toml)$/i;

function toKnown(path: string, answer: WorkspaceFileAnswer | null, maxBytes: number): Known {
  if (!answer || answer.type === 'missing') return { stat: undefined, maxBytes };
  const stat: FileStat = { type: answer.type, size: answer.size, realPath: path };
  return { stat, text: answer.text ?? undefined, maxBytes };
}

/** `scheme://authority` and the decoded path of a hierarchical URI; undefined for others. */
export function splitUri(uri: string): { root: string; path: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)$/i.exec(uri);
  if (!match) return undefined;
  try {
    return { root: match[1]!, path: decodeURIComponent(match[2]!) };
  } catch {
    return undefined;
  }
}
