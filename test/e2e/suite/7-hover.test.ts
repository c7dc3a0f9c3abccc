import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, extensionApi, hoverText, poll } from './helpers';

describe('hover: the specific fact first', () => {
  before(() => extensionApi());

  it('hovering hook-asap opens with the asap phase and when it runs; how hook- lines work comes later', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '[uwsgi]\nhook-asap = mkdir:/run/app\n' });
    await vscode.window.showTextDocument(doc);
    const at = new vscode.Position(1, 7); // inside "asap"
    const hovers = await poll(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      (h) => hoverText(h ?? []).includes('hook-asap'),
      'a hover on hook-asap',
    );
    const text = hoverText(hovers.filter((h) => hoverText([h]).includes('hook-asap')));
    const paragraphs = text.split(/\n[ \t]*\n/);
    const first = paragraphs[0]!;
    assert.match(first, /Start-up step 1 of \d+, the first/, `the first paragraph says when the phase runs: ${first}`);
    assert.match(first, /hook-asap/, `the first paragraph names the key: ${first}`);
    assert.match(first, /`asap`/, `the first paragraph names the phase: ${first}`);
    assert.doesNotMatch(first, /`hook-` runs|hook action/, `the family explanation is not in the first paragraph: ${first}`);
    const family = paragraphs.findIndex((p) => p.startsWith('`hook-` runs a hook action'));
    const phase = paragraphs.findIndex((p) => p.startsWith('The earliest phase'));
    assert.ok(phase > 0 && family > phase, `the phase text (paragraph ${phase}) comes before the family text (paragraph ${family}):\n${text}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
