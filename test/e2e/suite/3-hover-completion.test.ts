import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, completionLabel, extensionApi, hoverText, keyRange, openFixture, poll } from './helpers';

describe('hover and completion', () => {
  before(() => extensionApi());

  it('hovering the hook phase key hook-as-root explains the phase', async () => {
    const doc = await openFixture('uwsgi.ini');
    const key = keyRange(doc, 'hook-as-root');
    const at = key.start.translate(0, 6); // inside "as-root"
    const hovers = await poll(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      (h) => hoverText(h ?? []).trim().length > 0,
      'a hover on hook-as-root',
    );
    const text = hoverText(hovers);
    assert.match(text, /as-root/, `hover mentions the phase: ${text}`);
    const range = hovers.find((h) => h.range)?.range;
    if (range) assert.ok(range.contains(at), 'hover range covers the cursor');
  });

  it('completion after `hook-` offers the hook phases (untitled document)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '[uwsgi]\nmaster = true\nhook-' });
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.uri.scheme, 'untitled');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await poll(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end),
      (l) => (l?.items ?? []).some((i) => /(^|-)asap$/.test(completionLabel(i))),
      'completion items for hook-',
    );
    const labels = list.items.map(completionLabel);
    for (const phase of ['asap', 'as-root']) {
      assert.ok(
        labels.some((l) => l === phase || l === `hook-${phase}`),
        `phase ${phase} offered; got ${labels.slice(0, 40).join(', ')}`,
      );
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
