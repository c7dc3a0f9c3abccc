// Shared helpers for the end-to-end suite. Nothing here sleeps for a fixed time: every wait is an
// event or a short poll with a deadline, and fails with a message saying what it waited for.
// Also bundled into the web suite (test/web/), which runs in a web worker: nothing here may need
// Node at import time.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'uwsgi-ini.uwsgi-ini';
export const LANGUAGE_ID = 'uwsgi-ini';
export const SOURCE = 'uwsgi-ini';
export const DEFAULT_TIMEOUT = 20_000;

// What the extension's `activate` returns (client/src/activation.ts; `serverPid()` is undefined on
// the web), as the extension declares it: the suite drives the
// real type, never a copy of it. Read from the declarations `tsc -b` writes (client/out), which
// the e2e runners build first; a type-only import, so nothing of the client is loaded here.
import type { UwsgiIniApi } from '../../../client/out/activation';
export type { UwsgiIniApi };

export const ClientState = { Stopped: 1, Running: 2, Starting: 3 } as const;

/** Resolves when the client next reaches `state`. */
export function nextState(api: UwsgiIniApi, state: number, what: string, timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
  return withDeadline(
    new Promise<void>((resolve) => {
      const sub = api.client.onDidChangeState((e) => {
        if (e.newState === state) {
          sub.dispose();
          resolve();
        }
      });
    }),
    timeoutMs,
    what,
  );
}

export async function extensionApi(): Promise<UwsgiIniApi> {
  const ext = vscode.extensions.getExtension<UwsgiIniApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  await withDeadline(api.ready(), DEFAULT_TIMEOUT, 'the language client to be running');
  return api;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open (the fixtures copy)');
  return folder.uri.fsPath;
}

export function fixtureUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open (the fixtures copy)');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export async function openFixture(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Discards unsaved edits so every test starts from the file on disk. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.strictEqual(doc.isDirty, false, `${doc.uri.fsPath} reverted`);
}

export function withDeadline<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([Promise.resolve(p), timeout]).finally(() => clearTimeout(timer));
}

/** Polls `probe` every `intervalMs` until it returns a value accepted by `ok`, or fails at the deadline. */
export async function poll<T>(
  probe: () => T | Thenable<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (ok(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${show(last)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/**
 * Resolves with the diagnostics of `uri` as soon as `ok` accepts them: checked now, then on every
 * diagnostics change event, until the deadline.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diags = ourDiagnostics(uri);
      if (!ok(diags)) return false;
      cleanup();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.fsPath}; diagnostics now: ${describeDiagnostics(ourDiagnostics(uri))}`));
    }, timeoutMs);
    const cleanup = (): void => {
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

export const hasCode = (code: string) => (diags: vscode.Diagnostic[]): boolean => diags.some((d) => codeOf(d) === code);

export function describeDiagnostics(diags: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    diags.map((d) => ({
      code: codeOf(d),
      severity: vscode.DiagnosticSeverity[d.severity],
      range: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
      message: d.message,
    })),
  );
}

/** The range of the key on the first line whose key is `key` (the text before `=`, trimmed). */
export function keyRange(doc: vscode.TextDocument, key: string): vscode.Range {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    const m = /^(\s*)([^=;#\s][^=]*?)\s*=/.exec(text);
    if (m && m[2] === key) return new vscode.Range(line, m[1].length, line, m[1].length + key.length);
  }
  throw new Error(`no key ${key} in ${doc.uri.fsPath}`);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function show(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 500) ?? String(v);
  } catch {
    return String(v);
  }
}
