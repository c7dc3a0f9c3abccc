import { strict as assert } from 'node:assert';
import { defaultCapabilities, LspClient, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';
const TEXT = '# one\n# two\n[uwsgi]\nif-env = X\nsocket = :80\nendif\n';

describe('protocol: folding ranges', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises folding and honours the client\'s lineFoldingOnly', async () => {
    const capabilities = { ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, foldingRange: { lineFoldingOnly: true } } };
    const result = await client.initialize(capabilities);
    assert.equal(result.capabilities.foldingRangeProvider, true);
    client.open(URI, TEXT);
    const ranges = await client.request<any[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 5 },
      { startLine: 3, endLine: 4 },
    ]);
  });

  it('gives character positions to clients that can fold inside lines', async () => {
    await client.initialize({ ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, foldingRange: {} } });
    client.open(URI, TEXT);
    const ranges = await client.request<any[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.deepEqual(ranges[2], { startLine: 3, startCharacter: 10, endLine: 5, endCharacter: 0 });
  });
});
