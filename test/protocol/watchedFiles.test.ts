import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, spawnServerPerTest } from './lspClient';

describe('protocol: included files changing on disk', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-watch-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('re-checks open documents when the client reports a changed .ini file', async () => {
    client.settings = { validation: { delayMs: 0 } };
    await client.initialize();
    const uri = `file://${dir}/uwsgi.ini`;
    client.open(uri, '[uwsgi]\ninclude = %dbase.ini\nchdir = %(base)\nuid = app\ngid = app\n');
    const before = await client.diagnostics(uri, 1);
    assert.deepEqual(before.diagnostics.map((d) => d.code).sort(), ['missing-include', 'undefined-placeholder']);
    fs.writeFileSync(path.join(dir, 'base.ini'), '[uwsgi]\nbase = /srv/app\n');
    const since = client.notifications.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dir}/base.ini`, type: 1 }] });
    // Publishes already on their way (the settings pull re-checks too) may still carry the old
    // result; the re-check after the change must end with none.
    const cleared = await client.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string; diagnostics: unknown[] }).uri === uri &&
        (m.params as { diagnostics: unknown[] }).diagnostics.length === 0,
      10_000,
      since,
    );
    assert.deepEqual((cleared.params as { version?: number }).version, 1);
  });
});
