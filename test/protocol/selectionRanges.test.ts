import { strict as assert } from 'node:assert';
import { LspClient, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';

describe('protocol: selection ranges', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises selection ranges and answers with the chain of parents', async () => {
    const result = await client.initialize();
    assert.equal(result.capabilities.selectionRangeProvider, true);
    client.open(URI, '[uwsgi]\nsocket = :80\n');
    const [range] = await client.request<any[]>('textDocument/selectionRange', { textDocument: { uri: URI }, positions: [{ line: 1, character: 10 }] });
    const chain: string[] = [];
    for (let r = range; r; r = r.parent) chain.push(`${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
    assert.deepEqual(chain, ['1:9-1:12', '1:0-1:12', '0:0-1:12', '0:0-2:0']);
  });
});
