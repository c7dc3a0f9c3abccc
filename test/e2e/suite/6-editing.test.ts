// Editing in a real editor: what Ctrl+click can open, completion while typing a hook key, and
// where quick fixes put their lines (issue 10, items 3, 4 and 6).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  codeOf, DEFAULT_TIMEOUT, extensionApi, hasCode, LANGUAGE_ID, poll, revert, UwsgiIniApi, waitForDiagnostics, workspaceRoot,
} from './helpers';

/** Files this suite writes into the workspace copy, removed afterwards. */
const SCRATCH = 'editing';

function scratchFile(name: string, text: string): vscode.Uri {
  const file = path.join(workspaceRoot(), SCRATCH, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

interface SeenCompletion {
  readonly line: number;
  readonly character: number;
  readonly labels: string[];
}

type CompletionMiddleware = (
  document: vscode.TextDocument,
  position: vscode.Position,
  context: vscode.CompletionContext,
  token: vscode.CancellationToken,
  next: (document: vscode.TextDocument, position: vscode.Position, context: vscode.CompletionContext, token: vscode.CancellationToken) => vscode.ProviderResult<vscode.CompletionItem[] | vscode.CompletionList>,
) => vscode.ProviderResult<vscode.CompletionItem[] | vscode.CompletionList>;

/**
 * Records every completion answer the editor gets from the server, through the language client's
 * middleware (read at each request), so the test waits for the editor's own requests.
 */
function recordCompletions(api: UwsgiIniApi): { seen: SeenCompletion[]; dispose(): void } {
  const options = api.client.clientOptions as { middleware?: { provideCompletionItem?: CompletionMiddleware } };
  assert.ok(options.middleware, 'the client has a middleware object');
  const middleware = options.middleware;
  const previous = middleware.provideCompletionItem;
  const seen: SeenCompletion[] = [];
  middleware.provideCompletionItem = async (document, position, context, token, next) => {
    const result = await next(document, position, context, token);
    const items = Array.isArray(result) ? result : result?.items ?? [];
    seen.push({ line: position.line, character: position.character, labels: items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)) });
    return result;
  };
  return { seen, dispose: () => (middleware.provideCompletionItem = previous) };
}

describe('editing', () => {
  let api: UwsgiIniApi;
  before(async () => {
    api = await extensionApi();
  });
  after(() => fs.rmSync(path.join(workspaceRoot(), SCRATCH), { recursive: true, force: true }));

  it('links only files that exist: no missing path, no directory, for Ctrl+click to create', async () => {
    scratchFile('wsgi.py', '');
    scratchFile('base.ini', '[uwsgi]\nprocesses = 2\n');
    const uri = scratchFile('links.ini', [
      '[uwsgi]',
      'chdir = %d',
      'wsgi-file = %dwsgi.py',
      'pidfile = %dshop.pid',
      'logto = %dlog/shop.log',
      'static-map = /static=%dstatic',
      'include = %dbase.ini',
      'ini = %dmissing.ini',
      '',
    ].join('\n'));
    const doc = await open(uri);
    const links = await poll(
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri),
      (l) => (l ?? []).length > 0,
      'document links of links.ini',
    );
    const dir = path.dirname(uri.fsPath);
    assert.deepStrictEqual(
      links.map((l) => `${l.range.start.line}: ${l.target?.fsPath}`).sort(),
      [`2: ${path.join(dir, 'wsgi.py')}`, `6: ${path.join(dir, 'base.ini')}`],
    );
  });

  it('typing `hook-` lists the phases in start-up order; accepting one leaves ` = ` and opens the actions', async () => {
    const recorder = recordCompletions(api);
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '[uwsgi]\nmaster = true\n' });
    try {
      const editor = await vscode.window.showTextDocument(doc);
      const line = 2;
      editor.selection = new vscode.Selection(line, 0, line, 0);
      for (const ch of 'hook-') await vscode.commands.executeCommand('type', { text: ch });
      assert.strictEqual(doc.lineAt(line).text, 'hook-');
      // Before the fix the editor kept filtering the option list it got for `h` and never asked here.
      const asked = await poll(
        () => recorder.seen.find((s) => s.line === line && s.character === 5),
        (s) => s !== undefined,
        `the editor to ask for completion after \`hook-\`; it asked at ${JSON.stringify(recorder.seen.map((s) => [s.line, s.character]))}`,
      );
      assert.ok(asked!.labels.length > 0 && asked!.labels.every((l) => l.startsWith('hook-')), `the phase list: ${asked!.labels.slice(0, 10).join(', ')}`);
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await poll(() => doc.lineAt(line).text, (t) => t !== 'hook-', 'the suggestion to be accepted');
      assert.strictEqual(doc.lineAt(line).text, 'hook-asap = ', 'the first phase of start-up, hook-asap, was selected');
      assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [line, 'hook-asap = '.length]);
      // The item's command opens the action list right there.
      const actions = await poll(
        () => recorder.seen.find((s) => s.line === line && s.character === 'hook-asap = '.length),
        (s) => s !== undefined,
        'the editor to ask for the actions after `hook-asap = `',
      );
      assert.ok(actions!.labels.includes('mkdir'), `actions offered: ${actions!.labels.slice(0, 10).join(', ')}`);
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      const accepted = await poll(() => doc.lineAt(line).text, (t) => t !== 'hook-asap = ', 'an action to be accepted from the open list', DEFAULT_TIMEOUT);
      assert.match(accepted, /^hook-asap = !?[a-z_]+:/);
    } finally {
      recorder.dispose();
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('quick fixes add lines at the end of the section, keeping the opening comment with the header and CRLF', async () => {
    const text = '[uwsgi]\r\n# Shop: the web shop\'s app server\r\nsocket = /run/shop/shop.sock\r\nmaster = true\r\n';
    const doc = await open(scratchFile('fixes.ini', text));
    try {
      const vacuum = await quickFix(doc, 'missing-vacuum', 'Add `vacuum = true`');
      assert.ok(vacuum.edit && (await vscode.workspace.applyEdit(vacuum.edit)), 'vacuum edit applied');
      assert.strictEqual(doc.getText(), '[uwsgi]\r\n# Shop: the web shop\'s app server\r\nsocket = /run/shop/shop.sock\r\nmaster = true\r\nvacuum = true\r\n');
      const drop = await quickFix(doc, 'no-privilege-drop', 'Add a privilege drop (uid = www-data, gid = www-data)');
      assert.ok(drop.edit && (await vscode.workspace.applyEdit(drop.edit)), 'privilege drop edit applied');
      assert.strictEqual(
        doc.getText(),
        '[uwsgi]\r\n# Shop: the web shop\'s app server\r\nsocket = /run/shop/shop.sock\r\nmaster = true\r\nvacuum = true\r\nuid = www-data\r\ngid = www-data\r\n',
      );
    } finally {
      await revert(doc);
    }
  });

  it('offers "for this file", not "for this line", for a finding shown on the header', async () => {
    const doc = await open(scratchFile('header.ini', '[uwsgi]\nsocket = :3031\n'));
    const titles = (await codeActions(doc, 'no-privilege-drop')).map((a) => a.title).filter((t) => t.startsWith('Disable '));
    assert.deepStrictEqual(titles, ['Disable no-privilege-drop for this file']);
  });
});

async function codeActions(doc: vscode.TextDocument, code: string): Promise<vscode.CodeAction[]> {
  const diags = await waitForDiagnostics(doc.uri, hasCode(code), code);
  const diag = diags.find((d) => codeOf(d) === code)!;
  return poll(
    () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value),
    (a) => (a ?? []).length > 0,
    `quick fixes for ${code}`,
  );
}

async function quickFix(doc: vscode.TextDocument, code: string, title: string): Promise<vscode.CodeAction> {
  const actions = await codeActions(doc, code);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `"${title}" among ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}
