// The browser server reads included files by asking its client (`uwsgi-ini/workspaceFile`), and
// publishes a document's diagnostics only once the files it asked for have arrived: a file not
// fetched yet is never reported missing. Driven over stdio (support/browserServerOverStdio.ts).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { LspClient, RpcErrorAnswer, RpcMessage } from './lspClient';

const ENTRY = path.join(__dirname, 'support/browserServerOverStdio.ts');
const ROOT = 'vscode-vfs://github/owner/repo';

/** A client serving `files` (uri -> text), answering the settings pull, recording file requests. */
function browserClient(files: Record<string, string>): { client: LspClient; asked: string[] } {
  const client = new LspClient(['--stdio'], ENTRY, ['--import', 'tsx']);
  const asked: string[] = [];
  client.settings = { validation: { delayMs: 0 } };
  client.onRequest = (message: RpcMessage) => {
    if (message.method === 'workspace/configuration') return [client.settings];
    if (message.method !== 'uwsgi-ini/workspaceFile') return null;
    const { uri, maxBytes } = message.params as { uri: string; maxBytes: number };
    asked.push(uri);
    const text = files[uri];
    return text === undefined ? { type: 'missing' } : { type: 'file', size: text.length, text: text.length <= maxBytes ? text : null };
  };
  return { client, asked };
}

function firstDiagnostics(client: LspClient, uri: string) {
  return client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri, 15_000)
    .then((m) => (m.params as { diagnostics: { code: string; severity: number; message: string }[] }).diagnostics);
}

describe('protocol: the browser server reads included files through its client', function () {
  this.timeout(30_000);
  let current: LspClient | undefined;
  afterEach(() => {
    if (current && current.process.exitCode === null) current.kill();
  });

  it('asks for the included file and publishes once it has it: the placeholder it defines is known', async () => {
    const { client, asked } = browserClient({ [`${ROOT}/deploy/base.ini`]: '[uwsgi]\nroot = /srv/site\n' });
    current = client;
    await client.initialize(undefined, { trusted: true });
    const uri = `${ROOT}/deploy/uwsgi.ini`;
    client.open(uri, '[uwsgi]\ninclude = base.ini\nchdir = %(root)/app\nvaccum = true\n');
    const diagnostics = await firstDiagnostics(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-option']);
    assert.ok(asked.includes(`${ROOT}/deploy/base.ini`), asked.join('\n'));
    // Besides it, the document itself (its real path, for include cycles) and the settings files
    // of the folders above, all on the same file system.
    const others = asked.filter((u) => u !== `${ROOT}/deploy/base.ini` && u !== uri);
    assert.ok(others.length > 0 && others.every((u) => /^vscode-vfs:\/\/github\/(.*\/)?(pyproject\.toml|\.uwsgi-ini\.toml)$/.test(u)), others.join('\n'));
  });

  it('a missing include is an error in the first diagnostics published, as uWSGI exits', async () => {
    const { client } = browserClient({});
    current = client;
    await client.initialize(undefined, { trusted: true });
    const uri = `${ROOT}/uwsgi.ini`;
    client.open(uri, '[uwsgi]\nini = %dnot-there.ini\n');
    const diagnostics = await firstDiagnostics(client, uri);
    const miss = diagnostics.filter((d) => d.code === 'missing-include');
    assert.equal(miss.length, 1);
    assert.equal(miss[0]!.severity, 1);
    assert.match(miss[0]!.message, /\/not-there\.ini/);
  });

  it('in an untrusted workspace asks for nothing and says, as information, that the include is not read', async () => {
    const { client, asked } = browserClient({ [`${ROOT}/base.ini`]: '[uwsgi]\nroot = /srv\n' });
    current = client;
    await client.initialize(undefined, { trusted: false });
    const uri = `${ROOT}/uwsgi.ini`;
    client.open(uri, '[uwsgi]\ninclude = base.ini\n');
    const diagnostics = await firstDiagnostics(client, uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['analysis-limit', 3]]);
    assert.match(diagnostics[0]!.message, /untrusted workspace/);
    assert.deepEqual(asked, []);
  });

  it('a client that cannot answer file requests: includes are not read, and information says why', async () => {
    const { client } = browserClient({});
    current = client;
    // What a client without the method answers (vscode-languageclient: MethodNotFound).
    client.onRequest = (message) => {
      if (message.method === 'workspace/configuration') return [client.settings];
      if (message.method === 'uwsgi-ini/workspaceFile') return new RpcErrorAnswer(-32601, 'Unhandled method uwsgi-ini/workspaceFile');
      return null;
    };
    await client.initialize(undefined, { trusted: true });
    const uri = `${ROOT}/uwsgi.ini`;
    client.open(uri, '[uwsgi]\ninclude = base.ini\n');
    const diagnostics = await firstDiagnostics(client, uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['analysis-limit', 3]]);
    assert.match(diagnostics[0]!.message, /does not let the language server read files/);
  });

  it('links: the included file at once; another path once the answer about it is in', async () => {
    const { client, asked } = browserClient({ [`${ROOT}/base.ini`]: '[uwsgi]\n', [`${ROOT}/app.py`]: 'app = 1\n' });
    current = client;
    await client.initialize(undefined, { trusted: true });
    const uri = `${ROOT}/uwsgi.ini`;
    client.open(uri, '[uwsgi]\ninclude = base.ini\nwsgi-file = app.py\n');
    await firstDiagnostics(client, uri);
    type Link = { target: string };
    const first = await client.request<Link[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(first.map((l) => l.target), [`${ROOT}/base.ini`], 'app.py is not known yet: no link');
    // The request left app.py to be asked; once the answer is in, the link is there.
    let links = first;
    for (const deadline = Date.now() + 10_000; links.length < 2 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 50));
      links = await client.request<Link[]>('textDocument/documentLink', { textDocument: { uri } });
    }
    assert.deepEqual(links.map((l) => l.target), [`${ROOT}/base.ini`, `${ROOT}/app.py`]);
    assert.equal(asked.filter((u) => u === `${ROOT}/app.py`).length, 1, 'asked once');
  });
});
