import { strict as assert } from 'node:assert';
import { defaultCapabilities, LspClient, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/app/uwsgi.ini';

function withCompletion(completionItem: unknown): typeof defaultCapabilities {
  return { ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, completion: { completionItem } } } as typeof defaultCapabilities;
}

describe('protocol: completion', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  it('advertises completion with its trigger characters and item resolution', async () => {
    const result = await client.initialize();
    const provider = result.capabilities.completionProvider;
    assert.equal(provider.resolveProvider, true);
    for (const trigger of ['[', '%', '(', '-', '=', ':', ',']) assert.ok(provider.triggerCharacters.includes(trigger), trigger);
  });

  it('completes hook phases after `hook-` with snippets for a snippet client', async () => {
    await client.initialize(withCompletion({ snippetSupport: true, documentationFormat: ['markdown'] }));
    client.open(URI, '[uwsgi]\nmaster = true\nhook-\n');
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 2, character: 5 } });
    assert.equal(list.isIncomplete, false);
    const asap = list.items.find((i: any) => i.label === 'hook-asap');
    assert.deepEqual(asap.textEdit, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, newText: 'hook-asap = ${1}' });
    assert.equal(asap.insertTextFormat, 2);
    assert.equal(asap.documentation.kind, 'markdown');
    assert.ok(list.items.every((i: any) => i.label.startsWith('hook-')));
  });

  it('keeps a list for `hoo` incomplete, and the hook phase\'s command survives resolution', async () => {
    await client.initialize(withCompletion({ snippetSupport: true, resolveSupport: { properties: ['documentation'] } }));
    client.open(URI, '[uwsgi]\nhoo\n');
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 3 } });
    assert.equal(list.isIncomplete, true);
    const asap = list.items.find((i: any) => i.label === 'hook-asap');
    const resolved = await client.request<any>('completionItem/resolve', asap);
    assert.deepEqual(resolved.command, { title: 'Suggest hook actions', command: 'editor.action.triggerSuggest' });
    assert.equal(resolved.textEdit.newText, 'hook-asap = ${1}');
  });

  it('inserts plain text for a client without snippets', async () => {
    await client.initialize(withCompletion({ snippetSupport: false }));
    client.open(URI, '[uwsgi]\nvac\n');
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 3 } });
    const vacuum = list.items.find((i: any) => i.label === 'vacuum');
    assert.equal(vacuum.textEdit.newText, 'vacuum = true');
    assert.equal(vacuum.insertTextFormat, 1);
  });

  it('sends the option list without documentation to clients that resolve it, and resolves it', async () => {
    await client.initialize(withCompletion({ snippetSupport: true, resolveSupport: { properties: ['documentation'] } }));
    client.open(URI, '[uwsgi]\nvac\n');
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 3 } });
    assert.ok(list.items.length > 1000);
    assert.ok(list.items.every((i: any) => i.documentation === undefined));
    const vacuum = list.items.find((i: any) => i.label === 'vacuum');
    const resolved = await client.request<any>('completionItem/resolve', vacuum);
    assert.match(resolved.documentation.value, /^\*\*vacuum\*\*/);
    assert.deepEqual(resolved.textEdit, vacuum.textEdit);
  });

  it('answers null for a document it was never given', async () => {
    await client.initialize();
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri: 'file:///nowhere.ini' }, position: { line: 0, character: 0 } });
    assert.equal(list, null);
  });
});
