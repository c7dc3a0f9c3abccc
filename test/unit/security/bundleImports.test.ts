// What the shipped bundles can reach: every Node builtin that server/dist/server.js and
// client/dist/extension.js `require`, with the module that requires it. Our own code is held to
// the source scan (imports.test.ts); here the libraries we bundle are audited too, and each
// builtin they bring is named with the reason it is harmless for us.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { build, Metafile } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');

interface Allowed {
  builtin: string;
  importer: string;
  why: string;
}

const JSONRPC_NODE = 'node_modules/vscode-jsonrpc/lib/node/main.js';
const JSONRPC_RIL = 'node_modules/vscode-jsonrpc/lib/node/ril.js';
const SERVER_FILES = 'node_modules/vscode-languageserver/lib/node/files.js';
const SERVER_MAIN = 'node_modules/vscode-languageserver/lib/node/main.js';
const CLIENT_MAIN = 'node_modules/vscode-languageclient/lib/node/main.js';
const CLIENT_PROCESSES = 'node_modules/vscode-languageclient/lib/node/processes.js';

/**
 * The server runs with `--stdio` (tests, other editors) or `--node-ipc` (VS Code). It never
 * calls `Files.*` of vscode-languageserver, and never picks `--socket`/`--pipe` itself.
 */
const SERVER_ALLOWED: Allowed[] = [
  { builtin: 'fs', importer: 'server/src/node/nodeFileSystem.ts', why: 'the FileSystemPort for includes: stat, then bounded reads of regular files; not given in untrusted workspaces' },
  { builtin: 'child_process', importer: SERVER_FILES, why: '`Files.resolveGlobalNodePath/YarnPath` (spawnSync npm/yarn) and `Files.resolve` (fork): helpers we never call' },
  { builtin: 'fs', importer: SERVER_FILES, why: 'the same unused `Files` helpers (existsSync)' },
  { builtin: 'path', importer: SERVER_FILES, why: 'the same unused `Files` helpers' },
  { builtin: 'url', importer: SERVER_FILES, why: '`Files.uriToFilePath`, unused' },
  { builtin: 'node:util', importer: SERVER_MAIN, why: 'formats console.log arguments redirected to the client log' },
  { builtin: 'net', importer: JSONRPC_NODE, why: 'socket and named-pipe transports (`--socket=N`, `--pipe`): never chosen with --stdio or --node-ipc' },
  { builtin: 'os', importer: JSONRPC_NODE, why: 'tmpdir for random pipe names: pipe transports only' },
  { builtin: 'fs', importer: JSONRPC_NODE, why: 'realpath of the pipe directory: pipe transports only' },
  { builtin: 'path', importer: JSONRPC_NODE, why: 'joins pipe names: pipe transports only' },
  { builtin: 'crypto', importer: JSONRPC_NODE, why: 'random pipe names: pipe transports only' },
  { builtin: 'crypto', importer: JSONRPC_RIL, why: 'randomUUID for request ids of the runtime layer' },
  { builtin: 'util', importer: JSONRPC_RIL, why: 'TextEncoder/TextDecoder for message framing' },
];

/**
 * The client starts the server with `TransportKind.ipc`: the library forks `server/dist/server.js`
 * with Node and talks over the IPC channel. That fork is the only process the extension starts.
 */
const CLIENT_ALLOWED: Allowed[] = [
  { builtin: 'path', importer: 'client/src/extension.ts', why: 'joins the bundled server path' },
  { builtin: 'child_process', importer: CLIENT_MAIN, why: 'forks the language server (ServerOptions: node module, IPC transport)' },
  { builtin: 'child_process', importer: CLIENT_PROCESSES, why: 'terminates the server it forked (taskkill on Windows)' },
  { builtin: 'fs', importer: CLIENT_MAIN, why: 'checks the server module and cwd exist before forking' },
  { builtin: 'path', importer: CLIENT_MAIN, why: 'resolves the server module path' },
  { builtin: 'readline', importer: CLIENT_MAIN, why: 'reads the output of a server started as an executable: not our ServerOptions' },
  { builtin: 'net', importer: JSONRPC_NODE, why: 'socket and named-pipe transports: our client uses IPC' },
  { builtin: 'os', importer: JSONRPC_NODE, why: 'tmpdir for pipe names: pipe transports only' },
  { builtin: 'fs', importer: JSONRPC_NODE, why: 'pipe directory lookup: pipe transports only' },
  { builtin: 'path', importer: JSONRPC_NODE, why: 'pipe names: pipe transports only' },
  { builtin: 'crypto', importer: JSONRPC_NODE, why: 'random pipe names: pipe transports only' },
  { builtin: 'crypto', importer: JSONRPC_RIL, why: 'randomUUID for request ids' },
  { builtin: 'util', importer: JSONRPC_RIL, why: 'TextEncoder/TextDecoder for message framing' },
];

/** Builtins no bundle may require from anywhere, library or not, whatever the reason. */
const NEVER = ['http', 'https', 'http2', 'dgram', 'tls', 'vm', 'worker_threads', 'cluster', 'dns', 'inspector', 'repl'];

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Builds a bundle in memory, as scripts/bundle.mjs does, and returns its metafile. */
async function metafileOf(entry: string, external: string[]): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT, entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    outfile: 'bundle.js', external, write: false, metafile: true, logLevel: 'silent',
  });
  return result.metafile;
}

/** `builtin <- importer` for every Node builtin the bundle leaves to `require`. */
function builtinImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external && BUILTINS.has(imported.path)) found.add(`${imported.path} <- ${importer}`);
    }
  }
  return [...found].sort();
}

function allowedPairs(allowed: Allowed[]): string[] {
  return allowed.map((a) => `${a.builtin} <- ${a.importer}`).sort();
}

/** The builtins a written bundle `require`s, read from its text. */
function requiredBuiltins(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const names = new Set<string>();
  for (const match of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) if (BUILTINS.has(match[1]!)) names.add(match[1]!);
  return [...names].sort();
}

describe('security: the Node builtins the shipped bundles require', function () {
  this.timeout(120_000);
  let server: Metafile;
  let client: Metafile;

  before(async () => {
    [server, client] = await Promise.all([
      metafileOf('server/src/node/main.ts', []),
      metafileOf('client/src/extension.ts', ['vscode']),
    ]);
  });

  it('server bundle: exactly the builtins named in the allow list, each with its importer', () => {
    assert.deepEqual(builtinImports(server), allowedPairs(SERVER_ALLOWED));
  });

  it('client bundle: exactly the builtins named in the allow list, each with its importer', () => {
    assert.deepEqual(builtinImports(client), allowedPairs(CLIENT_ALLOWED));
  });

  it('neither bundle requires http, https, tls, dgram, dns, vm, workers or cluster', () => {
    for (const metafile of [server, client]) {
      const reached = builtinImports(metafile).map((pair) => pair.split(' <- ')[0]!.replace(/^node:/, ''));
      assert.deepEqual(reached.filter((name) => NEVER.includes(name)), []);
    }
  });

  it('in the server bundle, only the FileSystemPort of our own code reaches a builtin', () => {
    const ours = builtinImports(server).filter((pair) => !pair.includes('node_modules/'));
    assert.deepEqual(ours, ['fs <- server/src/node/nodeFileSystem.ts']);
  });

  it('the written bundles require no builtin beyond the allow lists', function () {
    const serverBundle = path.join(ROOT, 'server/dist/server.js');
    const clientBundle = path.join(ROOT, 'client/dist/extension.js');
    if (!fs.existsSync(serverBundle) || !fs.existsSync(clientBundle)) {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, stdio: 'pipe' });
    }
    const allowedServer = [...new Set(SERVER_ALLOWED.map((a) => a.builtin))];
    const allowedClient = [...new Set(CLIENT_ALLOWED.map((a) => a.builtin))];
    assert.deepEqual(requiredBuiltins(serverBundle).filter((name) => !allowedServer.includes(name)), []);
    assert.deepEqual(requiredBuiltins(clientBundle).filter((name) => !allowedClient.includes(name)), []);
    assert.ok(requiredBuiltins(serverBundle).includes('fs'), 'the text scan finds requires at all');
  });
});
