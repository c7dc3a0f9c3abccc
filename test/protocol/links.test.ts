import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, spawnServerPerTest } from './lspClient';

describe('protocol: document links', function () {
  this.timeout(20_000);
  let client: LspClient;
  let dir: string;
  let uri: string;
  spawnServerPerTest((spawned) => (client = spawned));

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-links-')));
    fs.writeFileSync(path.join(dir, 'wsgi.py'), '');
    uri = pathToFileURL(path.join(dir, 'uwsgi.ini')).href;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const TEXT = '[uwsgi]\nwsgi-file = %dwsgi.py\nini = :base\npidfile = %dnot-there.pid\n[base]\nmaster = true\n';

  it('advertises document links and answers with resolved targets of files that exist', async () => {
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.documentLinkProvider, { resolveProvider: false });
    client.open(uri, TEXT);
    const links = await client.request<any[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]), [
      [1, 12, 21, pathToFileURL(path.join(dir, 'wsgi.py')).href],
      [2, 7, 11, `${uri}#L5`],
    ]);
  });

  it('links no file path in an untrusted workspace, where it may not look at files', async () => {
    await client.initialize(undefined, { trusted: false });
    client.open(uri, TEXT);
    const links = await client.request<any[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => l.target), [`${uri}#L5`]);
  });
});
