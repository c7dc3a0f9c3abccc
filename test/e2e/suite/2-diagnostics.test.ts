import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  SOURCE,
  codeOf,
  describeDiagnostics,
  extensionApi,
  hasCode,
  keyRange,
  openFixture,
  waitForDiagnostics,
} from './helpers';

describe('diagnostics', () => {
  before(() => extensionApi());

  it('reports the misspelt key `vaccum` as unknown-option, on exactly the key', async () => {
    const doc = await openFixture('uwsgi.ini');
    const diags = await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'unknown-option');
    const unknown = diags.filter((d) => codeOf(d) === 'unknown-option');
    assert.strictEqual(unknown.length, 1, `one unknown option: ${describeDiagnostics(diags)}`);
    assert.strictEqual(unknown[0].source, SOURCE);
    assert.deepStrictEqual(unknown[0].range, keyRange(doc, 'vaccum'), 'range is the key `vaccum`');
    assert.ok(unknown[0].message.includes('vaccum'), `message names the key: ${unknown[0].message}`);
  });

  it('reports missing-vacuum and no-privilege-drop as information', async () => {
    const doc = await openFixture('uwsgi.ini');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => hasCode('missing-vacuum')(d) && hasCode('no-privilege-drop')(d),
      'missing-vacuum and no-privilege-drop',
    );
    for (const code of ['missing-vacuum', 'no-privilege-drop']) {
      const found = diags.filter((d) => codeOf(d) === code);
      assert.strictEqual(found.length, 1, `one ${code}: ${describeDiagnostics(diags)}`);
      assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Information, `${code} is information`);
      assert.strictEqual(found[0].source, SOURCE);
    }
    // Every diagnostic carries its rule id, and nothing else is wrong with the fixture.
    for (const d of diags) assert.ok(codeOf(d), `rule id on ${d.message}`);
    const codes = new Set(diags.map(codeOf));
    assert.deepStrictEqual([...codes].sort(), ['missing-vacuum', 'no-privilege-drop', 'unknown-option']);
  });

  it('checks vassal files too (vassals/app.ini)', async () => {
    const doc = await openFixture('vassals/app.ini');
    const diags = await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'unknown-option in the vassal');
    const unknown = diags.find((d) => codeOf(d) === 'unknown-option');
    assert.deepStrictEqual(unknown?.range, keyRange(doc, 'procesess'));
    assert.ok(!hasCode('no-privilege-drop')(diags), `the vassal sets uid: ${describeDiagnostics(diags)}`);
  });

  it('re-checks on edits: fixing the typo removes unknown-option', async () => {
    const doc = await openFixture('uwsgi.ini');
    await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'unknown-option');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, keyRange(doc, 'vaccum'), 'vacuum');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    try {
      const diags = await waitForDiagnostics(doc.uri, (d) => !hasCode('unknown-option')(d), 'unknown-option to go');
      assert.ok(!hasCode('missing-vacuum')(diags), `vacuum is now set: ${describeDiagnostics(diags)}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'unknown-option back after revert');
  });

  it('follows the uwsgi.diagnostics setting (missing-vacuum off)', async () => {
    const doc = await openFixture('uwsgi.ini');
    await waitForDiagnostics(doc.uri, hasCode('missing-vacuum'), 'missing-vacuum');
    const config = vscode.workspace.getConfiguration('uwsgi');
    await config.update('diagnostics', { 'missing-vacuum': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const diags = await waitForDiagnostics(doc.uri, (d) => !hasCode('missing-vacuum')(d), 'missing-vacuum to be switched off');
      assert.ok(hasCode('unknown-option')(diags), 'other rules still report');
    } finally {
      await config.update('diagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(doc.uri, hasCode('missing-vacuum'), 'missing-vacuum back on');
  });
});
