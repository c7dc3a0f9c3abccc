import { strict as assert } from 'node:assert';
import { defaultCapabilities, LspClient, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';
const TEXT = '[uwsgi]\nvacuum = true\nhook-asap = mkdir:/run/app\nlogto = %dlog\n';

describe('protocol: hover', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises hover and explains an option over its key, in markdown', async () => {
    const result = await client.initialize();
    assert.equal(result.capabilities.hoverProvider, true);
    client.open(URI, TEXT);
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 2 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*vacuum\*\*/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });

  it('answers in plain text to a client that only takes plain text', async () => {
    await client.initialize({ ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, hover: { contentFormat: ['plaintext'] } } });
    client.open(URI, TEXT);
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 13 } });
    assert.equal(hover.contents.kind, 'plaintext');
    assert.match(hover.contents.value, /^mkdir \(hook action\)/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 17 } });
  });

  it('expands magic variables for the document path', async () => {
    await client.initialize();
    client.open(URI, TEXT);
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 3, character: 9 } });
    assert.match(hover.contents.value, /For this file: `\/srv\/app\/`/);
  });

  it('answers null where there is nothing to explain', async () => {
    await client.initialize();
    client.open(URI, TEXT);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 0 } }), null);
  });
});
