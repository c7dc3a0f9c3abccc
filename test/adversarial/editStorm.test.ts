// Issue 13, item 10: with `uwsgi.validation.delayMs = 0`, a client that sends thousands of edits
// without waiting must not get thousands of validations: a version that a later edit already
// replaced is skipped, and the last one is validated and published.
import { strict as assert } from 'node:assert';
import { LspClient, spawnServerPerTest } from '../protocol/lspClient';

const URI = 'file:///srv/app/uwsgi.ini';
const EDITS = 10_000;

describe('adversarial: a storm of edits with no validation delay', function () {
  this.timeout(60_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => {
    client = spawned;
    client.settings = { validation: { delayMs: 0 } };
  });

  it(`${EDITS.toLocaleString('en-US')} edits sent at once: superseded versions are not validated, the last one is, within 5 s`, async () => {
    await client.initialize();
    // A few tenths of a millisecond to validate: 10,000 validations take several seconds.
    const text = `[uwsgi]\n# edited\n${Array.from({ length: 300 }, (_, i) => `vaccum${i} = %(x${i})\n`).join('')}`;
    client.open(URI, text);
    await client.diagnostics(URI, 1);
    const since = client.notifications.length;
    const started = performance.now();
    for (let version = 2; version <= EDITS + 1; version++) {
      client.notify('textDocument/didChange', {
        textDocument: { uri: URI, version },
        contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: 'x' }],
      });
    }
    const last = await client.diagnostics(URI, EDITS + 1, since);
    const ms = performance.now() - started;
    const published = client.notifications.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics').length;
    assert.ok(last.diagnostics.length > 0, 'the last version is validated');
    assert.ok(published <= EDITS / 100, `${published} validations published for ${EDITS} edits`);
    assert.ok(ms < 5_000, `took ${ms.toFixed(0)} ms`);
    // The server answers at once afterwards: nothing is left queued behind the edits.
    const hover = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 2 } }, 1_000);
    assert.ok(hover);
  });
});
