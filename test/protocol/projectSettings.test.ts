import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCapabilities, LspClient, recordRequests, RpcMessage, spawnServerPerTest } from './lspClient';

const FIXTURE = path.resolve(__dirname, '../e2e/fixtures/project-settings');
const uriOf = (file: string): string => `file://${file}`;
const summary = (diagnostics: any[]): string[] =>
  diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.severity}`).sort();

const WATCHING = { ...defaultCapabilities, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } };
/** Helix-like: no workspace folders, no configuration pull, no file watching. */
const PLAIN = { textDocument: defaultCapabilities.textDocument };

describe('protocol: project settings files', function () {
  this.timeout(20_000);
  let client: LspClient;
  let dir: string;
  let savedXdg: string | undefined;
  const requests: RpcMessage[] = [];

  before(() => {
    savedXdg = process.env['XDG_CONFIG_HOME'];
  });
  after(() => {
    if (savedXdg === undefined) delete process.env['XDG_CONFIG_HOME'];
    else process.env['XDG_CONFIG_HOME'] = savedXdg;
  });

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-project-')));
    // The server is spawned next and inherits this: the user's own settings file must not count.
    process.env['XDG_CONFIG_HOME'] = path.join(dir, 'xdg');
  });
  spawnServerPerTest((spawned) => {
    client = spawned;
    recordRequests(client, requests);
    client.settings = { validation: { delayMs: 0 } };
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  /** The next diagnostics of `uri` after notification `since` that `ok` accepts. */
  const published = async (uri: string, ok: (diagnostics: any[]) => boolean, since = 0): Promise<any[]> => {
    const message = await client.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && ok((m.params as { diagnostics: any[] }).diagnostics),
      10_000,
      since,
    );
    return (message.params as { diagnostics: any[] }).diagnostics;
  };

  it('the shared fixture: the same findings as the CLI (missing-vacuum off, asyncio loaded)', async () => {
    await client.initialize();
    const uri = uriOf(path.join(FIXTURE, 'uwsgi.ini'));
    client.open(uri, fs.readFileSync(path.join(FIXTURE, 'uwsgi.ini'), 'utf8'));
    const { diagnostics } = await client.diagnostics(uri, 1);
    // Information is 3, warning 2 (LSP DiagnosticSeverity).
    assert.deepEqual(summary(diagnostics), ['no-privilege-drop@0:1 3', 'unknown-option@7:0 2']);
  });

  it('registers watchers for pyproject.toml and .uwsgi-ini.toml, and re-checks open documents when one changes', async () => {
    const pyproject = write('pyproject.toml', '[tool.uwsgi-ini]\nrules = { unknown-option = "error" }\n');
    await client.initialize(WATCHING);
    const uri = uriOf(write('uwsgi.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n'));
    client.open(uri, fs.readFileSync(path.join(dir, 'uwsgi.ini'), 'utf8'));
    assert.deepEqual(summary(await published(uri, (d) => d.length > 0)), ['unknown-option@3:0 1']);
    const registration = await waitForRequest(requests, 'client/registerCapability', 'workspace/didChangeWatchedFiles');
    const watchers = (registration.params as any).registrations.find((r: any) => r.method === 'workspace/didChangeWatchedFiles').registerOptions.watchers;
    assert.deepEqual(watchers.map((w: any) => w.globPattern), ['**/.uwsgi-ini.toml', '**/pyproject.toml']);

    fs.writeFileSync(pyproject, '[tool.uwsgi-ini]\nrules = { unknown-option = "off" }\n');
    const since = client.notifications.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(pyproject), type: 2 }] });
    assert.deepEqual(await published(uri, (d) => d.length === 0, since), []);
  });

  it('a document opened reads the settings files again, even when no watcher reported a change', async () => {
    // Say the file lies above the workspace folders, where the client's watchers do not reach.
    const own = write('.uwsgi-ini.toml', '[rules]\nunknown-option = "error"\n');
    await client.initialize(WATCHING);
    const text = '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n';
    const first = uriOf(path.join(dir, 'a.ini'));
    client.open(first, text);
    assert.deepEqual(summary((await client.diagnostics(first, 1)).diagnostics), ['unknown-option@3:0 1']);
    fs.writeFileSync(own, '[rules]\nunknown-option = "hint"\n');
    const second = uriOf(path.join(dir, 'b.ini'));
    client.open(second, text);
    assert.deepEqual(summary((await client.diagnostics(second, 1)).diagnostics), ['unknown-option@3:0 4']);
  });

  it('a client that watches nothing (Helix): the settings file is read again at the next check', async () => {
    const own = write('.uwsgi-ini.toml', '[rules]\nunknown-option = "error"\n');
    await client.initialize(PLAIN);
    const uri = uriOf(path.join(dir, 'uwsgi.ini'));
    const text = '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n';
    client.open(uri, text);
    assert.deepEqual(summary((await client.diagnostics(uri, 1)).diagnostics), ['unknown-option@3:0 1']);
    assert.ok(!requests.some((r) => r.method === 'client/registerCapability'), 'no registration asked of a client that cannot watch');
    fs.writeFileSync(own, '[rules]\nunknown-option = "hint"\n');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n` }] });
    assert.deepEqual(summary((await client.diagnostics(uri, 2)).diagnostics), ['unknown-option@3:0 4']);
  });

  it('each document of a multi-root workspace gets the settings of its own folder', async () => {
    write('one/pyproject.toml', '[tool.uwsgi-ini]\nrules = { unknown-option = "off" }\n');
    write('two/.uwsgi-ini.toml', '[rules]\nunknown-option = "error"\n');
    await client.request('initialize', {
      processId: process.pid, rootUri: null, capabilities: defaultCapabilities,
      workspaceFolders: [{ uri: uriOf(path.join(dir, 'one')), name: 'one' }, { uri: uriOf(path.join(dir, 'two')), name: 'two' }],
    });
    client.notify('initialized', {});
    const text = '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n';
    const one = uriOf(path.join(dir, 'one/uwsgi.ini'));
    const two = uriOf(path.join(dir, 'two/uwsgi.ini'));
    client.open(one, text);
    client.open(two, text);
    assert.deepEqual(summary((await client.diagnostics(one, 1)).diagnostics), []);
    assert.deepEqual(summary((await client.diagnostics(two, 1)).diagnostics), ['unknown-option@3:0 1']);
  });

  it('a broken settings file: located diagnostics on its own uri and a message, cleared once it is fixed', async () => {
    const own = write('.uwsgi-ini.toml', 'strict = true\nplugin = ["python3"]\n');
    await client.initialize(WATCHING);
    const uri = uriOf(path.join(dir, 'uwsgi.ini'));
    const settingsUri = uriOf(own);
    client.open(uri, '[uwsgi]\nuid = app\ngid = app\n');
    const problems = await published(settingsUri, (d) => d.length > 0);
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    assert.equal(problems[0].severity, 1);
    assert.equal(problems[0].code, 'settings-file');
    assert.equal(problems[0].message, 'unknown key "plugin" in this file (did you mean "plugins"?); it is not used');
    const shown = await client.waitFor((m) => m.method === 'window/showMessage');
    assert.equal((shown.params as { message: string }).message, `uWSGI settings: ${own}:2:1: unknown key "plugin" in this file (did you mean "plugins"?); it is not used`);

    fs.writeFileSync(own, 'strict = true\nplugins = ["python3"]\n');
    const since = client.notifications.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: settingsUri, type: 2 }] });
    assert.deepEqual(await published(settingsUri, () => true, since), []);
  });

  it('bad TOML never stops the server: the document is checked with the other settings', async () => {
    write('pyproject.toml', '[tool.uwsgi-ini]\nplugins = [\n');
    await client.initialize();
    const uri = uriOf(path.join(dir, 'uwsgi.ini'));
    client.open(uri, '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    assert.deepEqual(summary((await client.diagnostics(uri, 1)).diagnostics), ['unknown-option@3:0 2']);
    const problems = await published(uriOf(path.join(dir, 'pyproject.toml')), (d) => d.length > 0);
    assert.equal(problems[0].range.start.line, 2);
    assert.match(problems[0].message, /^not valid TOML: /);
  });

  it('an untrusted workspace reads no settings file', async () => {
    write('.uwsgi-ini.toml', '[rules]\nunknown-option = "off"\n');
    await client.initialize(defaultCapabilities, { trusted: false });
    const uri = uriOf(path.join(dir, 'uwsgi.ini'));
    client.open(uri, '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    assert.deepEqual(summary((await client.diagnostics(uri, 1)).diagnostics), ['unknown-option@3:0 2']);
  });

  it('an excluded document gets no findings', async () => {
    write('pyproject.toml', '[tool.uwsgi-ini]\nexclude = ["legacy"]\n');
    await client.initialize();
    const uri = uriOf(path.join(dir, 'legacy/uwsgi.ini'));
    client.open(uri, '[uwsgi]\nvaccum = true\n');
    assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, []);
  });
});

/** The first `method` request (for `registered`, the registration of that method). */
async function waitForRequest(requests: RpcMessage[], method: string, registered?: string): Promise<RpcMessage> {
  const deadline = Date.now() + 5_000;
  const matches = (r: RpcMessage) =>
    r.method === method && (registered === undefined || (r.params as { registrations?: { method: string }[] }).registrations?.some((g) => g.method === registered));
  for (;;) {
    const found = requests.find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${method} request within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
