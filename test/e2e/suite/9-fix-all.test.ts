import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { extensionApi, hasCode, poll, waitForDiagnostics, workspaceRoot } from './helpers';

describe('fix all on save', () => {
  before(() => extensionApi());

  it('editor.codeActionsOnSave with source.fixAll.uwsgi-ini applies the safe fixes only', async () => {
    const file = path.join(workspaceRoot(), 'uwsgi-fix-all.ini');
    fs.writeFileSync(file, '[uwsgi]\nuid = app\ngid = app\nmastr = true\nsocket = /run/app.sock\nharakiri = 30s\n');
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'uwsgi-ini' });
    await editor.update('codeActionsOnSave', { 'source.fixAll.uwsgi-ini': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'the typo to be reported');
      // A change, so that the save is a real one.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), 'processes = 2\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await doc.save(), 'saved');
      // The typo and the unit are fixed (safe); `vacuum = true` for the socket (unsafe) is not added.
      const expected = '[uwsgi]\nuid = app\ngid = app\nmaster = true\nsocket = /run/app.sock\nharakiri = 30\nprocesses = 2\n';
      await poll(async () => fs.readFileSync(file, 'utf8'), (text) => text === expected, 'the file saved with the safe fixes');
      assert.strictEqual(doc.getText(), expected);
      // The diagnostics of the saved text, not the ones from before the save: no typo, no unit left.
      await waitForDiagnostics(
        doc.uri,
        (diags) => hasCode('missing-vacuum')(diags) && !hasCode('unknown-option')(diags) && !hasCode('invalid-value')(diags),
        'missing-vacuum alone still reported',
      );
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(file, { force: true });
    }
  });
});
