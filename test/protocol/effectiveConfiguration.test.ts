import { strict as assert } from 'node:assert';
import { LspClient, spawnServerPerTest } from './lspClient';

const URI = 'untitled:effective.ini';
const TEXT = '[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\nini = :extra\n[extra]\nsocket = :3031\n';

describe('protocol: uwsgi-ini/effectiveConfiguration', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('answers the --show-config text of an open document, each line with its source range', async () => {
    await client.initialize();
    client.open(URI, TEXT);
    const result = await client.request<any>('uwsgi-ini/effectiveConfiguration', { textDocument: { uri: URI } });
    assert.equal(result.text, [
      ';uWSGI instance configuration', '[uwsgi]', 'ini = /effective.ini', 'base = /srv/app', 'chdir = /srv/app/src', 'ini = :extra', 'socket = :3031',
      ';end of configuration', '; this document has no file path: %d, %p and the other file variables are taken from /effective.ini', '',
    ].join('\n'));
    assert.deepEqual(result.lines.map((l: any) => [l.line, l.key, l.source?.uri, l.source?.range.start.line]), [
      [2, 'ini', undefined, undefined], [3, 'base', URI, 1], [4, 'chdir', URI, 2], [5, 'ini', URI, 3], [6, 'socket', URI, 5],
    ]);
  });

  it('follows the document as it changes, and answers null for a document that is not open', async () => {
    await client.initialize();
    client.open(URI, TEXT);
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: '[uwsgi]\nmaster = true\n' }] });
    const result = await client.request<any>('uwsgi-ini/effectiveConfiguration', { textDocument: { uri: URI } });
    assert.equal(result.version, 2);
    assert.deepEqual(result.lines.map((l: any) => `${l.key} = ${l.value}`), ['ini = /effective.ini', 'master = true']);
    assert.equal(await client.request('uwsgi-ini/effectiveConfiguration', { textDocument: { uri: 'untitled:other.ini' } }), null);
  });
});
