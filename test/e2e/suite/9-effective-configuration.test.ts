import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, fixtureUri, hoverText, openFixture, poll, revert } from './helpers';

const SCHEME = 'uwsgi-ini-effective';

function viewEditor(): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === SCHEME);
}

describe('uWSGI: Show Effective Configuration', () => {
  before(() => extensionApi());

  it('opens beside the file a read-only view of what uWSGI applies, linked to the source, following edits', async () => {
    const doc = await openFixture('effective/uwsgi.ini');
    const base = fixtureUri('effective/base.ini').fsPath;
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('uwsgi-ini.showEffectiveConfiguration'), 'the command is registered');
    await vscode.commands.executeCommand('uwsgi-ini.showEffectiveConfiguration');
    const editor = await poll(viewEditor, (e) => e !== undefined && e.document.getText().includes('socket = :3031'), 'the effective configuration view');
    const view = editor!.document;
    const sourceEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
    assert.ok(sourceEditor && editor!.viewColumn !== sourceEditor.viewColumn, 'the view opens beside the file, which stays visible');
    assert.strictEqual(view.getText(), [
      ';uWSGI instance configuration', '[uwsgi]', `ini = ${doc.uri.fsPath}`, 'base = /srv/shop', `include = ${base}`, 'master = true',
      'chdir = /srv/shop/src', 'socket = :3031', ';end of configuration', '',
    ].join('\n'));

    // Every line but our own --ini links to where it was written.
    const links = await poll(
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', view.uri),
      (l) => (l ?? []).length === 5,
      'five links in the view',
    );
    const byLine = new Map(links.map((l) => [l.range.start.line, l.target!]));
    assert.strictEqual(byLine.get(7)!.with({ fragment: '' }).toString(), doc.uri.toString());
    assert.strictEqual(byLine.get(7)!.fragment, 'L5,1');
    assert.strictEqual(byLine.get(5)!.fsPath, base);
    assert.strictEqual(byLine.get(5)!.fragment, 'L2,1');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', view.uri, new vscode.Position(5, 2));
    // The hover is config text as escaped markdown text (VS Code writes its spaces as &nbsp;).
    const hover = hoverText(hovers).replace(/&nbsp;/g, ' ').replace(/\\([\\()=.:_-])/g, '$1');
    assert.match(hover, /^From .*\/effective\/base\.ini:2\n\nvia include = .*\/effective\/base\.ini \(.*\/effective\/uwsgi\.ini:3\)/, hover);

    // The inlay hint in the source shows the value the view shows.
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, 5, 0));
    assert.ok(hints.some((h) => h.position.line === 3 && String(h.label) === '→ /srv/shop/src'), hints.map((h) => String(h.label)).join(', '));

    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(5, 0), 'processes = 4\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await poll(() => view.getText(), (text) => text.includes('socket = :3031\nprocesses = 4\n;end of configuration'), 'the view to follow the edit');

    await revert(doc);
    await poll(() => view.getText(), (text) => !text.includes('processes = 4'), 'the view to follow the revert');
    await vscode.window.showTextDocument(view);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
