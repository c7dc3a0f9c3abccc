import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  codeOf,
  describeDiagnostics,
  extensionApi,
  hasCode,
  openFixture,
  poll,
  revert,
  waitForDiagnostics,
} from './helpers';

/** Finds the quick fix whose title matches, for the diagnostic with rule id `code`, and applies it. */
async function applyQuickFix(doc: vscode.TextDocument, code: string, title: RegExp): Promise<vscode.CodeAction> {
  const diags = await waitForDiagnostics(doc.uri, hasCode(code), code);
  const diag = diags.find((d) => codeOf(d) === code)!;
  const actions = await poll(
    () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value),
    (a) => (a ?? []).some((x) => title.test(x.title)),
    `a quick fix matching ${title} for ${code}`,
  );
  const action = actions.find((x) => title.test(x.title))!;
  assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `kind quickfix: ${action.kind?.value}`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'edit applied');
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.ok(action.edit || action.command, 'the action does something');
  return action;
}

/** The lines of `after` that are not in `before`, asserting that nothing of `before` was lost or reordered. */
function addedLines(before: string, after: string): string[] {
  const a = after.split(/\r?\n/);
  const added: string[] = [];
  const b = before.split(/\r?\n/);
  let i = 0;
  for (const line of a) {
    if (i < b.length && line === b[i]) i++;
    else added.push(line);
  }
  assert.strictEqual(i, b.length, `every original line kept, in order:\n${after}`);
  return added.filter((l) => l.trim() !== '');
}

describe('quick fixes', () => {
  before(() => extensionApi());

  it('"Add vacuum = true" adds vacuum to the section and clears missing-vacuum', async () => {
    const doc = await openFixture('uwsgi.ini');
    const before = doc.getText();
    try {
      const action = await applyQuickFix(doc, 'missing-vacuum', /vacuum/i);
      assert.match(action.title, /vacuum/);
      const added = addedLines(before, doc.getText());
      assert.deepStrictEqual(added.map((l) => l.replace(/\s+/g, ' ').trim()), ['vacuum = true']);
      const vacuumLine = doc.getText().split(/\r?\n/).findIndex((l) => /^vacuum\s*=\s*true\s*$/.test(l));
      const section = doc.getText().split(/\r?\n/).findIndex((l) => l.trim() === '[uwsgi]');
      assert.ok(vacuumLine > section, 'inside the [uwsgi] section');
      const diags = await waitForDiagnostics(doc.uri, (d) => !hasCode('missing-vacuum')(d), 'missing-vacuum to go');
      assert.ok(hasCode('unknown-option')(diags), `the typo is still reported: ${describeDiagnostics(diags)}`);
    } finally {
      await revert(doc);
    }
  });

  it('"Add a privilege drop" adds uid and gid and clears no-privilege-drop', async () => {
    const doc = await openFixture('uwsgi.ini');
    const before = doc.getText();
    try {
      await applyQuickFix(doc, 'no-privilege-drop', /privilege/i);
      const added = addedLines(before, doc.getText()).map((l) => l.replace(/\s+/g, ' ').trim());
      // The user and group come from uwsgi.privilegeDrop.user / .group (default www-data).
      assert.ok(added.includes('uid = www-data'), `uid added: ${JSON.stringify(added)}`);
      assert.ok(added.includes('gid = www-data'), `gid added: ${JSON.stringify(added)}`);
      await waitForDiagnostics(doc.uri, (d) => !hasCode('no-privilege-drop')(d), 'no-privilege-drop to go');
    } finally {
      await revert(doc);
    }
  });
});
