// Cold start: spawn -> `initialize` result, for each way the server is started, and bare node
// for scale. The contenders take turns within every round, so load on the machine hits all alike.
// Runs inside `npm run bench` (case 5) and alone: `npx tsx test/bench/coldStart.ts [runs]`
// (after `npm run build`).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SERVER_EXEC_ARGV } from '../../client/src/serverRuntime';
import { LspClient } from '../protocol/lspClient';
import { summarise, Summary } from './stats';

const ROOT = path.resolve(__dirname, '../..');

export interface Contender {
  readonly name: string;
  /** What is started, for the table. */
  readonly input: string;
  /** Node's arguments: flags, script, script arguments. */
  readonly argv: readonly string[];
  /** Timed until the `initialize` answer (a server), or until the process exits (bare node). */
  readonly until: 'initialize' | 'exit';
}

export const CONTENDERS: readonly Contender[] = [
  { name: 'bare node', input: 'node -e ""', argv: ['-e', ''], until: 'exit' },
  { name: 'minimal vscode-languageserver server', input: 'test/bench/minimalServer.js --stdio', argv: [path.join(ROOT, 'test/bench/minimalServer.js'), '--stdio'], until: 'initialize' },
  {
    name: 'extension bundle',
    input: `node ${SERVER_EXEC_ARGV.join(' ')} server/dist/server.js --stdio`,
    argv: [...SERVER_EXEC_ARGV, path.join(ROOT, 'server/dist/server.js'), '--stdio'],
    until: 'initialize',
  },
  { name: 'stdio bin', input: 'server/bin/uwsgi-ini-language-server.js --stdio', argv: [path.join(ROOT, 'server/bin/uwsgi-ini-language-server.js'), '--stdio'], until: 'initialize' },
  { name: 'unbundled tree', input: 'server/out/node/main.js --stdio (what the bin ran before)', argv: [path.join(ROOT, 'server/out/node/main.js'), '--stdio'], until: 'initialize' },
];

function untilExit(argv: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
}

async function untilInitialized(argv: readonly string[]): Promise<void> {
  const client = new LspClient(argv.slice(1) as string[], argv[0]!);
  try {
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  } finally {
    client.kill();
    await new Promise((resolve) => (client.process.exitCode !== null ? resolve(null) : client.process.on('exit', resolve)));
  }
}

async function once(contender: Contender): Promise<number> {
  const t0 = performance.now();
  await (contender.until === 'exit' ? untilExit(contender.argv) : untilInitialized(contender.argv));
  return performance.now() - t0;
}

/** `runs` timed starts of each contender, after one untimed start each (the file cache). */
export async function coldStarts(runs: number, contenders = CONTENDERS): Promise<Map<string, Summary>> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (const contender of contenders) await once(contender);
  for (let round = 0; round < runs; round++) {
    // A different one goes first each round: the first spawn after a pause is the slowest.
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(round + i) % contenders.length]!;
      samples.get(contender.name)!.push(await once(contender));
    }
  }
  return new Map([...samples].map(([name, times]) => [name, summarise(times)]));
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 20);
  void coldStarts(runs).then((results) => {
    const node = results.get('bare node')!.median;
    const bundle = results.get('extension bundle')!.median;
    for (const contender of CONTENDERS) {
      const s = results.get(contender.name)!;
      const ratios = `${(s.median / node).toFixed(2)}x node, ${(s.median / bundle).toFixed(2)}x bundle`;
      console.log(`${contender.name.padEnd(38)} median ${s.median.toFixed(1).padStart(6)} ms  p95 ${s.p95.toFixed(1).padStart(6)} ms  ${ratios}  (${s.runs} runs)`);
    }
  });
}
