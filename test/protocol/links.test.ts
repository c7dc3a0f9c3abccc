import { strict as assert } from 'node:assert';
import { LspClient, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';

describe('protocol: document links', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises document links and answers with resolved targets', async () => {
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.documentLinkProvider, { resolveProvider: false });
    client.open(URI, '[uwsgi]\nwsgi-file = %dwsgi.py\nini = :base\n[base]\nmaster = true\n');
    const links = await client.request<any[]>('textDocument/documentLink', { textDocument: { uri: URI } });
    assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]), [
      [1, 12, 21, 'file:///srv/app/wsgi.py'],
      [2, 7, 11, `${URI}#L4`],
    ]);
  });
});
