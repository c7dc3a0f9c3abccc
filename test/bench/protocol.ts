// Cases against a real server process over stdio: open/change -> diagnostics latency and the
// server's resident memory with many documents open (cold start: coldStart.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SERVER_EXEC_ARGV } from '../../client/src/serverRuntime';
import { LspClient } from '../protocol/lspClient';
import { seededRandom } from './generate';
import { sleep, summarise, Summary } from './stats';

export const BUNDLED_SERVER = path.resolve(__dirname, '../../server/dist/server.js');

/** The bundle as the extension runs it: with the Node flags the client passes (client/src/serverRuntime.ts). */
function bundledServer(): LspClient {
  return new LspClient(['--stdio'], BUNDLED_SERVER, SERVER_EXEC_ARGV);
}

/** The extension's server: the bundle, with validation at once (no debounce) so we time the work. */
async function startedClient(): Promise<LspClient> {
  const client = bundledServer();
  client.settings = { validation: { delayMs: 0 } };
  let configured!: () => void;
  const pulled = new Promise<void>((resolve) => (configured = resolve));
  const answer = client.onRequest;
  client.onRequest = (message) => {
    const result = answer(message);
    if (message.method === 'workspace/configuration') configured();
    return result;
  };
  await client.initialize();
  await pulled;
  // Messages are handled in order: once this answer is in, the settings are applied.
  const probe = 'file:///bench/probe.ini';
  client.open(probe, '[uwsgi]\nmaster = true\n');
  await client.diagnostics(probe, 1);
  return client;
}

async function stop(client: LspClient): Promise<void> {
  try {
    await Promise.race([client.shutdown(), sleep(3000)]);
  } finally {
    if (client.process.exitCode === null) client.kill();
  }
}

export interface LatencyResult extends Summary {
  readonly case: string;
  readonly input: string;
}

/** Case 4: didOpen -> publishDiagnostics, then one-character didChange -> publishDiagnostics. */
export async function stdioLatency(text: string, inputName: string, runs: { open: number; change: number }): Promise<LatencyResult[]> {
  const client = await startedClient();
  try {
    const openSamples: number[] = [];
    for (let i = 0; i < runs.open + 2; i++) {
      const uri = `file:///bench/open-${i}/uwsgi.ini`;
      const since = client.notifications.length;
      const t0 = performance.now();
      client.open(uri, text, 1);
      await client.diagnostics(uri, 1, since);
      if (i >= 2) openSamples.push(performance.now() - t0);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      await client.diagnostics(uri, undefined, client.notifications.length);
    }
    // One document, typed into: each change inserts one character at a seeded random line end.
    const uri = 'file:///bench/typing/uwsgi.ini';
    client.open(uri, text, 1);
    await client.diagnostics(uri, 1);
    const lines = text.split('\n');
    const random = seededRandom(11);
    const lengths = lines.map((line) => line.replace(/\r$/, '').length);
    const changeSamples: number[] = [];
    for (let version = 2; version < runs.change + 4; version++) {
      const line = Math.floor(random() * (lines.length - 1));
      const since = client.notifications.length;
      const t0 = performance.now();
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: lengths[line]! }, end: { line, character: lengths[line]! } }, text: 'x' }],
      });
      await client.diagnostics(uri, version, since);
      if (version >= 4) changeSamples.push(performance.now() - t0);
      lengths[line]!++;
    }
    return [
      { case: 'stdio didOpen -> diagnostics', input: inputName, ...summarise(openSamples) },
      { case: 'stdio didChange (1 char) -> diagnostics', input: inputName, ...summarise(changeSamples) },
    ];
  } finally {
    await stop(client);
  }
}

/** Resident set size of a process in MB, as the kernel reports it (Linux). */
export function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface MemoryResult {
  readonly idleMb: number;
  readonly openMb: number;
  readonly closedMb: number;
  readonly documents: number;
}

/**
 * Case 6: RSS after opening `texts` (waiting for each one's diagnostics) and again after closing
 * them. The server exposes no GC hook, so "closed" is read after the server has sat idle long
 * enough for V8's memory reducer to run its collections.
 */
export async function memory(texts: readonly string[], settleMs: number): Promise<MemoryResult | undefined> {
  const client = await startedClient();
  try {
    const pid = client.process.pid!;
    await sleep(500);
    const idleMb = rssMb(pid);
    if (idleMb === undefined) return undefined;
    const uris = texts.map((_, i) => `file:///bench/memory/${i}/uwsgi.ini`);
    for (let i = 0; i < texts.length; i++) {
      client.open(uris[i]!, texts[i]!, 1);
      await client.diagnostics(uris[i]!, 1);
    }
    await sleep(300);
    const openMb = rssMb(pid)!;
    const since = client.notifications.length;
    for (const uri of uris) client.notify('textDocument/didClose', { textDocument: { uri } });
    const lastUri = uris[uris.length - 1]!;
    await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === lastUri, 10_000, since);
    // Poll: take the lowest reading while V8 shrinks the heap after the burst.
    let closedMb = rssMb(pid)!;
    const deadline = performance.now() + settleMs;
    while (performance.now() < deadline) {
      await sleep(250);
      closedMb = Math.min(closedMb, rssMb(pid) ?? closedMb);
    }
    client.notifications.length = 0;
    return { idleMb, openMb, closedMb, documents: texts.length };
  } finally {
    await stop(client);
  }
}
