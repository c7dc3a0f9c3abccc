import { strict as assert } from 'node:assert';
import { defaultCapabilities, LspClient, recordRequests, RpcMessage, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/pull/uwsgi.ini';
const PULLING = {
  ...defaultCapabilities,
  textDocument: { ...defaultCapabilities.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { configuration: false, diagnostics: { refreshSupport: true } },
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('protocol: pull diagnostics (textDocument/diagnostic)', function () {
  this.timeout(20_000);
  let client: LspClient;
  const requests: RpcMessage[] = [];
  spawnServerPerTest((spawned) => {
    client = spawned;
    recordRequests(client, requests);
  });

  it('offers pull diagnostics only to a client that announces them', async () => {
    const pushed = new LspClient();
    try {
      const result = await pushed.initialize();
      assert.equal(result.capabilities.diagnosticProvider, undefined);
    } finally {
      pushed.kill();
    }
    const result = await client.initialize(PULLING);
    assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'uwsgi-ini', interFileDependencies: true, workspaceDiagnostics: false });
  });

  it('answers the pull with a full report of the document as it is, and publishes nothing for it', async () => {
    await client.initialize(PULLING);
    client.open(URI, '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    const report = await client.request<{ kind: string; items: any[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`), ['unknown-option@3:0']);
    client.notify('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } }, text: 'cu' }],
    });
    const after = await client.request<{ kind: string; items: any[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
    assert.deepEqual(after.items, []);
    await sleep(400);
    assert.deepEqual(client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === URI), []);
  });

  it('asks the client to pull again when the settings change', async () => {
    await client.initialize(PULLING);
    client.open(URI, '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    client.notify('workspace/didChangeConfiguration', { settings: { uwsgi: { diagnostics: { 'unknown-option': 'off' } } } });
    const deadline = Date.now() + 5_000;
    while (!requests.some((r) => r.method === 'workspace/diagnostic/refresh') && Date.now() < deadline) await sleep(20);
    assert.ok(requests.some((r) => r.method === 'workspace/diagnostic/refresh'), 'no workspace/diagnostic/refresh request');
    const report = await client.request<{ items: any[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
    assert.deepEqual(report.items.map((d) => d.code), []);
  });

  it('answers a pull for a document it never saw with an empty report', async () => {
    await client.initialize(PULLING);
    const report = await client.request<{ kind: string; items: any[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///srv/none.ini' } });
    assert.deepEqual(report, { kind: 'full', items: [] });
  });
});
