import { strict as assert } from 'node:assert';
import { LspClient } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';

describe('protocol: the server over stdio', function () {
  this.timeout(20_000);
  let client: LspClient;

  beforeEach(() => {
    client = new LspClient();
    client.settings = { validation: { delayMs: 0 } };
  });

  afterEach(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('answers initialize with its name and capabilities', async () => {
    const result = await client.initialize();
    assert.equal(result.serverInfo.name, 'uwsgi-ini-language-server');
    assert.equal(result.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.uwsgi-ini']);
  });

  it('publishes diagnostics on open and after an incremental change', async () => {
    await client.initialize();
    client.open(URI, '[uwsgi]\nvaccum = true\n');
    const opened = await client.diagnostics(URI, 1);
    assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['unknown-option', 1, 0, 6],
    ]);
    assert.equal(opened.diagnostics[0].source, 'uwsgi-ini');
    client.notify('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, text: 'cu' }],
    });
    const changed = await client.diagnostics(URI, 2);
    assert.deepEqual(changed.diagnostics.filter((d) => d.code === 'unknown-option'), []);
  });

  it('offers the typo fix as a code action', async () => {
    await client.initialize();
    client.open(URI, '[uwsgi]\nvaccum = true\n');
    const { diagnostics } = await client.diagnostics(URI, 1);
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    const preferred = actions.find((a) => a.isPreferred);
    assert.equal(preferred.title, 'Change to `vacuum`');
    assert.deepEqual(preferred.edit.changes[URI], [{ range: diagnostics[0].range, newText: 'vacuum' }]);
  });

  it('answers source.fixAll.uwsgi-ini, as codeActionsOnSave asks, with the safe fixes as one edit', async () => {
    await client.initialize();
    client.open(URI, '[uwsgi]\nvaccum = true\nsocket = /run/app.sock\nharakiri = 30s\n');
    await client.diagnostics(URI, 1);
    const start = { line: 0, character: 0 };
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start, end: { line: 4, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
    });
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.uwsgi-ini', 'Fix all safe uwsgi-ini problems (2)']]);
    // vacuum (unsafe) is not added: the edit runs from the typo to the unit, nothing after.
    assert.deepEqual(actions[0].edit.changes[URI], [{
      range: { start: { line: 1, character: 3 }, end: { line: 3, character: 14 } },
      newText: 'uum = true\nsocket = /run/app.sock\nharakiri = 30',
    }]);
  });

  it('shuts down and exits with status 0', async () => {
    await client.initialize();
    assert.equal(await client.shutdown(), 0);
  });
});
