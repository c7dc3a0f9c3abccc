import { strict as assert } from 'node:assert';
import { defaultCapabilities, LspClient, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';
const TEXT = '[uwsgi]\nmaster = true\nif-env = PORT\nsocket = :%(_)\nendif\n';

describe('protocol: document symbols', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises document symbols and answers with the outline tree', async () => {
    const capabilities = { ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } };
    const result = await client.initialize(capabilities);
    assert.ok(result.capabilities.documentSymbolProvider);
    client.open(URI, TEXT);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c: any) => [c.name, c.children?.map((g: any) => g.name) ?? []])]), [
      ['uwsgi', [['master', []], ['if-env', ['socket']]]],
    ]);
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 0, character: 1 }, end: { line: 0, character: 6 } });
  });

  it('gives a flat list to clients without hierarchical symbols', async () => {
    await client.initialize({ ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, documentSymbol: {} } });
    client.open(URI, TEXT);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(symbols.map((s) => [s.name, s.containerName ?? null, s.location.uri]), [
      ['uwsgi', null, URI], ['master', 'uwsgi', URI], ['if-env', 'uwsgi', URI], ['socket', 'if-env', URI],
    ]);
  });
});
