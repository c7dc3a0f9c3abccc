// A minimal LSP client over stdio for protocol tests: spawns the real server binary and speaks
// JSON-RPC with Content-Length framing, so wiring bugs show up that unit tests cannot see.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';

export const SERVER_BIN = path.resolve(__dirname, '../../server/bin/uwsgi-ini-language-server.js');

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** What `onRequest` returns to answer a server request with an error. */
export class RpcErrorAnswer {
  constructor(readonly code: number, readonly message: string) {}
}

export interface RpcMessage {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  readonly notifications: RpcMessage[] = [];
  private readonly waiters: { match: (m: RpcMessage) => boolean; resolve: (m: RpcMessage) => void }[] = [];
  stderr = '';

  /** `nodeFlags` go to Node before the script, as the extension's `execArgv` does. */
  constructor(args: string[] = ['--stdio'], bin = SERVER_BIN, nodeFlags: readonly string[] = []) {
    this.process = spawn(process.execPath, [...nodeFlags, bin, ...args], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // Answer the server's own requests (workspace/configuration, client/registerCapability).
    this.onRequest = (message) => {
      if (message.method === 'workspace/configuration') return [this.settings];
      return null;
    };
  }

  settings: unknown = {};
  onRequest: (message: RpcMessage) => unknown;

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: (\d+)/i.exec(header);
      if (!match) throw new Error(`bad header from server: ${header}`);
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as RpcMessage);
    }
  }

  private dispatch(message: RpcMessage): void {
    if (message.method !== undefined && message.id !== undefined) {
      const answer = this.onRequest(message);
      if (answer instanceof RpcErrorAnswer) this.sendRaw({ jsonrpc: '2.0', id: message.id, error: { code: answer.code, message: answer.message } });
      else this.sendRaw({ jsonrpc: '2.0', id: message.id, result: answer ?? null });
      return;
    }
    if (message.method !== undefined) {
      this.notifications.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
      return;
    }
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!pending) return;
    this.pending.delete(message.id as number);
    if (message.error) pending.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
    else pending.resolve(message.result);
  }

  sendRaw(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  writeBytes(bytes: string | Buffer): void {
    this.process.stdin.write(bytes);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    this.sendRaw({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms; server stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** Sends a request and returns its id, for cancellation tests. */
  requestWithId(method: string, params: unknown): { id: number; result: Promise<unknown> } {
    const id = this.nextId;
    return { id, result: this.request(method, params) };
  }

  notify(method: string, params: unknown): void {
    this.sendRaw({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (already received or coming) that matches. */
  waitFor(match: (m: RpcMessage) => boolean, timeoutMs = 10_000, since = 0): Promise<RpcMessage> {
    const seen = this.notifications.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching notification within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Waits for diagnostics of `uri` (of `version`, when given) published after notification index `since`. */
  async diagnostics(uri: string, version?: number, since = 0): Promise<{ uri: string; version?: number; diagnostics: any[] }> {
    const message = await this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri &&
        (version === undefined || (m.params as { version?: number }).version === version),
      10_000,
      since,
    );
    return message.params as { uri: string; version?: number; diagnostics: any[] };
  }

  async initialize(capabilities: unknown = defaultCapabilities, initializationOptions?: unknown): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'uwsgi-ini', version, text } });
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.on('exit', (code) => resolve(code));
    });
  }

  kill(): void {
    this.process.kill('SIGKILL');
  }
}

export const defaultCapabilities = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
  workspace: { configuration: true },
};

/** Keeps every request the server sends to `client` in `into` (answered as before). */
export function recordRequests(client: LspClient, into: RpcMessage[]): void {
  into.length = 0;
  const answer = client.onRequest;
  client.onRequest = (message) => {
    into.push(message);
    return answer(message);
  };
}

/** A fresh server process for every test of the suite, killed afterwards if it is still running. */
export function spawnServerPerTest(assign: (client: LspClient) => void): void {
  let current: LspClient | undefined;
  beforeEach(() => {
    current = new LspClient();
    assign(current);
  });
  afterEach(() => {
    if (current && current.process.exitCode === null) current.kill();
  });
}
