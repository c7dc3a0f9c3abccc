import { strict as assert } from 'node:assert';
import { defaultCapabilities, LspClient, RpcMessage, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';
const TEXT = '[uwsgi]\nbase = %dapp\nchdir = %(base)/src\nsocket = :3031\n';
const RANGE = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };

describe('protocol: inlay hints', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises inlay hints and shows resolved values', async () => {
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.inlayHintProvider, { resolveProvider: false });
    client.open(URI, TEXT);
    const hints = await client.request<any[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: RANGE });
    assert.deepEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [
      [1, 12, '→ /srv/app/app'],
      [2, 19, '→ /srv/app/app/src'],
    ]);
  });

  it('follows the placeholders setting and asks the client to refresh when settings change', async () => {
    const requests: string[] = [];
    const answer = client.onRequest;
    client.onRequest = (message: RpcMessage) => {
      requests.push(message.method!);
      return answer(message);
    };
    await client.initialize({ ...defaultCapabilities, workspace: { configuration: true, inlayHint: { refreshSupport: true } } });
    client.open(URI, TEXT);
    client.settings = { inlayHints: { placeholders: false } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const deadline = Date.now() + 5000;
    while (!requests.includes('workspace/inlayHint/refresh') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(requests.includes('workspace/inlayHint/refresh'), `server requests: ${requests.join(', ')}`);
    const hints = await client.request<any[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: RANGE });
    assert.deepEqual(hints, []);
  });
});
