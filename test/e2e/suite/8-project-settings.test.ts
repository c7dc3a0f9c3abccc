import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  SOURCE,
  codeOf,
  describeDiagnostics,
  extensionApi,
  fixtureUri,
  hasCode,
  openFixture,
  waitForDiagnostics,
} from './helpers';

// project-settings/pyproject.toml turns missing-vacuum off and loads the asyncio plugin for the
// uwsgi.ini beside it; the CLI and the stdio server are held to the same findings
// (test/unit/cli/projectSettings.test.ts, test/protocol/projectSettings.test.ts).
const INI = 'project-settings/uwsgi.ini';
const PYPROJECT = 'project-settings/pyproject.toml';

const summary = (diags: readonly vscode.Diagnostic[]): string[] =>
  diags.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${vscode.DiagnosticSeverity[d.severity]}`).sort();

describe('project settings (pyproject.toml)', () => {
  before(() => extensionApi());

  it('checks the file with the settings of the pyproject.toml beside it: the same findings as the CLI', async () => {
    const doc = await openFixture(INI);
    const diags = await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'unknown-option in the project-settings fixture');
    assert.deepStrictEqual(summary(diags), ['no-privilege-drop@0:1 Information', 'unknown-option@7:0 Warning'], describeDiagnostics(diags));
  });

  it('re-checks open documents when the pyproject.toml changes on disk', async () => {
    const doc = await openFixture(INI);
    await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'the first check');
    const file = fixtureUri(PYPROJECT).fsPath;
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace('missing-vacuum = "off"', 'missing-vacuum = "error"'));
    try {
      const diags = await waitForDiagnostics(doc.uri, hasCode('missing-vacuum'), 'missing-vacuum once the file sets it to error');
      const found = diags.find((d) => codeOf(d) === 'missing-vacuum');
      assert.strictEqual(found?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      fs.writeFileSync(file, original);
    }
    await waitForDiagnostics(doc.uri, (d) => !hasCode('missing-vacuum')(d), 'missing-vacuum off again');
  });

  it('reports a mistake in the pyproject.toml on that file, at its line', async () => {
    const doc = await openFixture(INI);
    await waitForDiagnostics(doc.uri, hasCode('unknown-option'), 'the first check');
    const uri = fixtureUri(PYPROJECT);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const broken = original.replace('plugins = ["asyncio"]', 'plugin = ["asyncio"]');
    assert.notStrictEqual(broken, original, 'the fixture has the plugins line this test misspells');
    const line = broken.split('\n').findIndex((l) => l.startsWith('plugin ='));
    fs.writeFileSync(uri.fsPath, broken);
    try {
      const problems = await waitForDiagnostics(uri, (d) => d.length > 0, 'a diagnostic on pyproject.toml');
      assert.strictEqual(problems.length, 1, describeDiagnostics(problems));
      assert.strictEqual(problems[0].source, SOURCE);
      assert.strictEqual(codeOf(problems[0]), 'settings-file');
      assert.strictEqual(problems[0].range.start.line, line);
      assert.ok(problems[0].message.includes('did you mean "plugins"'), problems[0].message);
      // Without the plugin the asyncio option is reported again: the rest of the file still applies.
      await waitForDiagnostics(doc.uri, (d) => d.filter((x) => codeOf(x) === 'unknown-option').length === 2 && !hasCode('missing-vacuum')(d), 'asyncio reported, missing-vacuum still off');
    } finally {
      fs.writeFileSync(uri.fsPath, original);
    }
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the pyproject.toml diagnostic to go');
  });
});
