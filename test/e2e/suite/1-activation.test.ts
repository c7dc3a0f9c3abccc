import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, extensionApi, fixtureUri, isAlive, openFixture, poll } from './helpers';

describe('language and activation', () => {
  it('gives the uwsgi-ini language to uwsgi.ini and vassals/*.ini by name', async () => {
    for (const rel of ['uwsgi.ini', 'vassals/app.ini']) {
      const doc = await vscode.workspace.openTextDocument(fixtureUri(rel));
      assert.strictEqual(doc.languageId, LANGUAGE_ID, `language of ${rel}`);
    }
  });

  it('switches an *.ini file whose first line is [uwsgi] to uwsgi-ini', async () => {
    // The built-in `ini` language claims *.ini first; the extension adopts the file on open.
    const uri = fixtureUri('something.ini');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const languageOf = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
    await poll(languageOf, (id) => id === LANGUAGE_ID, 'something.ini to become uwsgi-ini');
  });

  it('leaves a plain settings.ini alone', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('settings.ini'));
    assert.notStrictEqual(doc.languageId, LANGUAGE_ID, 'settings.ini is not a uWSGI file');
  });

  it('activates on a uwsgi-ini document and starts the language server', async () => {
    await openFixture('uwsgi.ini');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension installed');
    const api = await extensionApi();
    assert.strictEqual(ext.isActive, true, 'extension active');
    assert.strictEqual(api.client.isRunning(), true, 'client running');
    const pid = api.serverPid();
    assert.ok(typeof pid === 'number' && pid > 0, `server pid ${pid}`);
    assert.ok(isAlive(pid), 'server process alive');
  });

  it('passes workspace trust to the server in initializationOptions', async () => {
    const api = await extensionApi();
    const opts = api.client.clientOptions.initializationOptions;
    const value = (typeof opts === 'function' ? (opts as () => unknown)() : opts) as { trusted?: unknown };
    assert.strictEqual(value.trusted, vscode.workspace.isTrusted);
  });

  it('registers the restart and show-output commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('uwsgi-ini.restartServer'), 'uwsgi-ini.restartServer');
    assert.ok(commands.includes('uwsgi-ini.showOutput'), 'uwsgi-ini.showOutput');
    await vscode.commands.executeCommand('uwsgi-ini.showOutput');
  });
});
