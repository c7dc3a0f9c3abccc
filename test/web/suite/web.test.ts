// The web extension in VS Code's web worker extension host (npm run test:web): the workspace is a
// copy of examples/ with test/web/fixtures/ beside it, on the server's file system
// (vscode-remote: URIs), and the language server is a web worker. Every expectation below is
// read off the example files and the rule table of the README, not off the server's answers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  codeOf, completionLabel, extensionApi, fixtureUri, hoverText, keyRange, LANGUAGE_ID, openFixture, poll, revert,
  UwsgiIniApi, waitForDiagnostics,
} from '../../e2e/suite/helpers';

type Seen = { code: string | undefined; severity: string; line: number };

function seen(diags: readonly vscode.Diagnostic[]): Seen[] {
  return diags
    .map((d) => ({ code: codeOf(d), severity: vscode.DiagnosticSeverity[d.severity], line: d.range.start.line + 1 }))
    .sort((a, b) => a.line - b.line || String(a.code).localeCompare(String(b.code)));
}

/** Diagnostics of `uri` once those with these codes have arrived. */
function diagnosticsWith(uri: vscode.Uri, codes: string[]): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => codes.every((code) => d.some((x) => codeOf(x) === code)), `diagnostics ${codes.join(', ')}`);
}

describe('the web extension (web worker extension host)', () => {
  let api: UwsgiIniApi;
  before(async () => {
    api = await extensionApi();
  });

  it('runs in a web worker, with the server in a worker of its own (no process id)', () => {
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'the suite runs in a worker');
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node process object');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    assert.strictEqual(api.serverPid(), undefined);
    assert.strictEqual(fixtureUri('uwsgi.ini').scheme, 'vscode-remote');
  });

  it('diagnostics: examples/uwsgi.ini gets the vaccum typo, a warning on the key, suggesting vacuum', async () => {
    const doc = await openFixture('uwsgi.ini');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const diags = await diagnosticsWith(doc.uri, ['unknown-option']);
    const typo = diags.filter((d) => codeOf(d) === 'unknown-option');
    assert.strictEqual(typo.length, 1);
    assert.deepStrictEqual(typo[0]!.range, keyRange(doc, 'vaccum'));
    assert.strictEqual(typo[0]!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(typo[0]!.message, /vacuum/);
  });

  it('diagnostics: examples/vassals/api.ini gets its typo, its misspelt phase and its unknown action', async () => {
    const uri = fixtureUri('vassals/api.ini');
    await openFixture('vassals/api.ini');
    const diags = await diagnosticsWith(uri, ['unknown-option', 'unknown-hook-phase', 'unknown-hook-action']);
    const wanted: Seen[] = [
      { code: 'unknown-option', severity: 'Warning', line: 6 }, // procesess = 2
      { code: 'unknown-hook-phase', severity: 'Warning', line: 10 }, // hook-as-roto
      { code: 'unknown-hook-action', severity: 'Error', line: 11 }, // mkdr:
    ];
    const got = seen(diags);
    for (const w of wanted) assert.ok(got.some((g) => g.code === w.code && g.severity === w.severity && g.line === w.line), `${JSON.stringify(w)} in ${JSON.stringify(got)}`);
    // The file drops privileges (uid and gid) and is none of the errors of the table otherwise.
    assert.deepStrictEqual(got.filter((g) => g.severity === 'Error').map((g) => g.code), ['unknown-hook-action']);
  });

  it('hover: hook-as-root explains the phase, over the key', async () => {
    const doc = await openFixture('uwsgi.ini');
    const key = keyRange(doc, 'hook-as-root');
    const at = key.start.translate(0, 6);
    const hovers = await poll(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      (h) => hoverText(h ?? []).trim().length > 0,
      'a hover on hook-as-root',
    );
    assert.match(hoverText(hovers), /as-root/);
    const range = hovers.find((h) => h.range)?.range;
    assert.ok(range && range.contains(at), 'the hover range covers the cursor');
  });

  it('completion: `vacu|` offers vacuum', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '[uwsgi]\nvacu' });
    await vscode.window.showTextDocument(doc);
    const list = await poll(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 4)),
      (l) => (l?.items ?? []).length > 0,
      'completion items after vacu',
    );
    assert.ok(list.items.map(completionLabel).includes('vacuum'), 'vacuum offered');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('quick fix: the vaccum typo is fixed to `vacuum = true`', async () => {
    const doc = await openFixture('uwsgi.ini');
    try {
      const key = keyRange(doc, 'vaccum');
      await diagnosticsWith(doc.uri, ['unknown-option']);
      const actions = await poll(
        () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, key, vscode.CodeActionKind.QuickFix.value),
        (a) => (a ?? []).some((x) => /vacuum/.test(x.title) && x.edit !== undefined),
        'a quick fix for vaccum',
      );
      const fix = actions.find((x) => /vacuum/.test(x.title) && x.edit !== undefined)!;
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
      assert.strictEqual(doc.lineAt(key.start.line).text, 'vacuum = true');
    } finally {
      await revert(doc);
    }
  });

  it('symbols and folding: the [uwsgi] section holds its options and folds', async () => {
    const doc = await openFixture('uwsgi.ini');
    const symbols = await poll(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (s) => (s ?? []).length > 0,
      'document symbols',
    );
    assert.deepStrictEqual(symbols.map((s) => s.name), ['uwsgi']);
    const children = symbols[0]!.children.map((c) => c.name);
    for (const key of ['chdir', 'socket', 'hook-as-root', 'logto']) assert.ok(children.includes(key), `${key} in ${children.join(', ')}`);
    const folds = await poll(
      () => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri),
      (f) => (f ?? []).length > 0,
      'folding ranges',
    );
    assert.ok(folds.some((f) => f.start === 0 && f.end >= doc.lineCount - 2), `a fold of the section in ${JSON.stringify(folds)}`);
  });

  it('inlay hints: `chdir = %(base)/app` in examples/legacy.ini shows /srv/legacy/app', async () => {
    const doc = await openFixture('legacy.ini');
    const hints = await poll(
      () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0)),
      (h) => (h ?? []).length > 0,
      'inlay hints',
    );
    const line = keyRange(doc, 'chdir').start.line;
    const labels = hints.filter((h) => h.position.line === line).map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.some((l) => l.includes('/srv/legacy/app')), `hints on chdir: ${JSON.stringify(labels)}`);
  });

  it('rename: the placeholder base of examples/legacy.ini, at its definition and both uses', async () => {
    const doc = await openFixture('legacy.ini');
    const key = keyRange(doc, 'base');
    const edit = await poll(
      () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, key.start, 'root'),
      (e) => e !== undefined && e.get(doc.uri).length > 0,
      'a rename edit',
    );
    const edits = edit.get(doc.uri).map((e) => ({ line: e.range.start.line + 1, text: doc.getText(e.range), newText: e.newText }));
    // base = /srv/legacy, chdir = %(base)/app, home = %(base)/venv; `%(bsae)` is another name.
    assert.deepStrictEqual(edits.sort((a, b) => a.line - b.line), [
      { line: 3, text: 'base', newText: 'root' },
      { line: 4, text: 'base', newText: 'root' },
      { line: 6, text: 'base', newText: 'root' },
    ]);
  });

  it('included files: read through the workspace file system (base.ini defines the placeholder main.ini uses)', async () => {
    const doc = await openFixture('includes/main.ini');
    // Diagnostics are published once every included file asked for has been fetched: the typo
    // on the last line says this validation is complete.
    const diags = await diagnosticsWith(doc.uri, ['unknown-option']);
    // Unread, base.ini could define anything: `%(root)` would be reported as possibly undefined.
    assert.deepStrictEqual(seen(diags), [{ code: 'unknown-option', severity: 'Warning', line: 5 }]);
  });

  it('the effective configuration view: what uWSGI applies, with the included file read through the workspace file system', async () => {
    const doc = await openFixture('includes/main.ini');
    await diagnosticsWith(doc.uri, ['unknown-option']);
    await vscode.commands.executeCommand('uwsgi-ini.showEffectiveConfiguration');
    const view = await poll(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'uwsgi-ini-effective')?.document,
      (d) => d !== undefined && d.getText().includes(';end of configuration'),
      'the effective configuration view',
    );
    const lines = view!.getText().split('\n');
    // base.ini's placeholder, and the value uWSGI expands with it in main.ini.
    assert.ok(lines.includes('root = /srv/site'), view!.getText());
    assert.ok(lines.includes('chdir = /srv/site/app'), view!.getText());
    assert.strictEqual(lines[0], ';uWSGI instance configuration');
    await vscode.window.showTextDocument(view!);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('included files: a link to the included file, on its own file system', async () => {
    const doc = await openFixture('includes/main.ini');
    const links = await poll(
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri),
      (l) => (l ?? []).length > 0,
      'document links',
    );
    assert.deepStrictEqual(links.map((l) => l.target?.toString()), [fixtureUri('includes/base.ini').toString()]);
    assert.strictEqual(links[0]!.range.start.line, keyRange(doc, 'include').start.line);
  });

  it('included files: one that is not there is an error, as uWSGI exits', async () => {
    const doc = await openFixture('includes/missing.ini');
    const diags = await diagnosticsWith(doc.uri, ['missing-include']);
    const miss = diags.filter((d) => codeOf(d) === 'missing-include');
    assert.strictEqual(miss.length, 1);
    assert.strictEqual(miss[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(miss[0]!.range.start.line, 1);
    assert.match(miss[0]!.message, /not-there\.ini/);
  });

  it('included files: where they cannot be read (an untitled document), information says so, never an error', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '[uwsgi]\ninclude = base.ini\nvaccum = true\n' });
    try {
      await vscode.window.showTextDocument(doc);
      const diags = await diagnosticsWith(doc.uri, ['unknown-option', 'analysis-limit']);
      const notice = diags.filter((d) => codeOf(d) === 'analysis-limit');
      assert.strictEqual(notice.length, 1);
      assert.strictEqual(notice[0]!.severity, vscode.DiagnosticSeverity.Information);
      assert.strictEqual(doc.getText(notice[0]!.range), 'base.ini');
      assert.match(notice[0]!.message, /not saved in a folder/);
      assert.deepStrictEqual(diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('restart: a new worker answers again (uWSGI: Restart Language Server)', async () => {
    const started = new Promise<void>((resolve) => {
      const sub = api.onDidStart(() => {
        sub.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('uwsgi-ini.restartServer');
    await started;
    const doc = await openFixture('uwsgi.ini');
    const at = keyRange(doc, 'hook-as-root').start.translate(0, 6);
    const hovers = await poll(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      (h) => hoverText(h ?? []).trim().length > 0,
      'a hover after the restart',
    );
    assert.match(hoverText(hovers), /as-root/);
    assert.strictEqual(api.crashRestarts, 0, 'a restart asked for is no crash');
  });

  it('project settings: a .uwsgi-ini.toml beside the file is read through the workspace file system', async () => {
    const doc = await openFixture('project/uwsgi.ini');
    const diags = await diagnosticsWith(doc.uri, ['unknown-option']);
    assert.deepStrictEqual(seen(diags), [{ code: 'unknown-option', severity: 'Error', line: 3 }]);
  });

  it('formatting (opt-in): `master=true` becomes `master = true`', async () => {
    const config = vscode.workspace.getConfiguration('uwsgi');
    await config.update('format.enable', true, vscode.ConfigurationTarget.Global);
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '[uwsgi]\nmaster=true\n' });
    try {
      await vscode.window.showTextDocument(doc);
      const edits = await poll(
        () => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true }),
        (e) => (e ?? []).length > 0,
        'formatting edits',
      );
      const edit = new vscode.WorkspaceEdit();
      edit.set(doc.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual(doc.getText(), '[uwsgi]\nmaster = true\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await config.update('format.enable', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
