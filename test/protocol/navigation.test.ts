import { strict as assert } from 'node:assert';
import { defaultCapabilities, LspClient } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';
const TEXT = '[uwsgi]\nbase = /srv\nchdir = %(base)/app\nsocket = :80\n';
const ON_USE = { line: 2, character: 11 };

describe('protocol: definition, references and rename', function () {
  this.timeout(20_000);
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    const capabilities = { ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, rename: { prepareSupport: true } } };
    const result = await client.initialize(capabilities);
    assert.equal(result.capabilities.definitionProvider, true);
    assert.equal(result.capabilities.referencesProvider, true);
    assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
    client.open(URI, TEXT);
  });

  afterEach(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('goes to the definition of a placeholder', async () => {
    const locations = await client.request<any[]>('textDocument/definition', { textDocument: { uri: URI }, position: ON_USE });
    assert.deepEqual(locations, [{ uri: URI, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } }]);
  });

  it('finds references with and without the declaration', async () => {
    const all = await client.request<any[]>('textDocument/references', { textDocument: { uri: URI }, position: ON_USE, context: { includeDeclaration: true } });
    assert.deepEqual(all.map((l) => l.range.start.line), [1, 2]);
    const uses = await client.request<any[]>('textDocument/references', { textDocument: { uri: URI }, position: ON_USE, context: { includeDeclaration: false } });
    assert.deepEqual(uses.map((l) => l.range.start.line), [2]);
  });

  it('prepares and performs a rename', async () => {
    const prepared = await client.request<any>('textDocument/prepareRename', { textDocument: { uri: URI }, position: ON_USE });
    assert.deepEqual(prepared, { range: { start: { line: 2, character: 10 }, end: { line: 2, character: 14 } }, placeholder: 'base' });
    const edit = await client.request<any>('textDocument/rename', { textDocument: { uri: URI }, position: ON_USE, newName: 'root' });
    assert.deepEqual(edit.changes[URI].map((e: any) => [e.range.start.line, e.range.start.character, e.newText]), [[1, 0, 'root'], [2, 10, 'root']]);
  });

  it('answers a refused rename with an error that says why', async () => {
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: URI }, position: { line: 3, character: 2 } }),
      (error: Error & { code?: number }) => error.code === -32803 && /Only placeholder names/.test(error.message),
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: URI }, position: ON_USE, newName: 'a b' }),
      /cannot be a placeholder name/,
    );
  });
});
