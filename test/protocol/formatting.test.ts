import { strict as assert } from 'node:assert';
import { LspClient, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';
const TEXT = '[uwsgi]\r\nmaster=true\r\nsocket  =  :80  \r\n';
const OPTIONS = { tabSize: 4, insertSpaces: true };

describe('protocol: formatting', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises document and range formatting; formats only when enabled', async () => {
    client.settings = { format: { enable: true } };
    const result = await client.initialize(undefined, { settings: { format: { enable: true } } });
    assert.equal(result.capabilities.documentFormattingProvider, true);
    assert.equal(result.capabilities.documentRangeFormattingProvider, true);
    client.open(URI, TEXT);
    const edits = await client.request<any[]>('textDocument/formatting', { textDocument: { uri: URI }, options: OPTIONS });
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[1, 'master = true'], [2, 'socket = :80']]);
    const ranged = await client.request<any[]>('textDocument/rangeFormatting', {
      textDocument: { uri: URI }, options: OPTIONS, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } },
    });
    assert.deepEqual(ranged.map((e) => [e.range.start.line, e.newText]), [[2, 'socket = :80']]);
  });

  it('answers with no edits while formatting is off (the default)', async () => {
    await client.initialize();
    client.open(URI, TEXT);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: URI }, options: OPTIONS }), []);
  });
});
