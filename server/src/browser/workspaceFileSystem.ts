import { FileStat } from '../analysis/fileSystem';
import { DeferredFileSystem } from '../server';
import { WORKSPACE_FILE_REQUEST, WorkspaceFileAnswer, WorkspaceFileParams } from './workspaceFileProtocol';

/** The part of the connection this file system uses. */
export interface FileRequester {
  sendRequest(method: string, params: WorkspaceFileParams): Promise<WorkspaceFileAnswer | null>;
}

/** Answers kept, fetched or missing; the oldest go first beyond this. */
const MAX_KNOWN = 2048;
/** Questions fetched in one round: what one document's includes may ask at most (`maxFiles`). */
const MAX_FETCH_PER_ROUND = 256;

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
  private available = true;

  constructor(private readonly connection: FileRequester) {}

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
    return `${this.root ?? 'file://'}${path.split('/').map((part) => encodeURIComponent(part.replace(LONE_SURROGATE, '\uFFFD'))).join('/')}`;
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
    return this.pending.size > 0;
  }

  async fetchPending(): Promise<void> {
    const batch = [...this.pending].slice(0, MAX_FETCH_PER_ROUND);
    for (const [path] of batch) this.pending.delete(path);
    if (!this.available || this.root === undefined) return this.pending.clear();
    await Promise.all(batch.map(async ([path, maxBytes]) => {
      let answer: WorkspaceFileAnswer | null;
      try {
        answer = await this.connection.sendRequest(WORKSPACE_FILE_REQUEST, { uri: this.uriOf(path), maxBytes });
      } catch {
        // The client does not serve files (or failed to): read nothing from now on.
        this.available = false;
        return;
      }
      this.remember(path, toKnown(path, answer, maxBytes));
    }));
    if (!this.available) this.pending.clear();
  }

  forget(): void {
    this.answers.clear();
  }

  private lookup(path: string, maxBytes: number): Known | undefined {
    const known = this.answers.get(path);
    // A stat answer carries the text of a file up to the largest size asked before.
    if (known && (known.stat?.type !== 'file' || maxBytes <= known.maxBytes)) return known;
    if (this.available) this.pending.set(path, Math.max(maxBytes, this.pending.get(path) ?? 0, READ_ALONG.test(path) ? DEFAULT_READ_BYTES : 0));
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

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
