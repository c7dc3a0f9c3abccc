import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  DEFAULT_TIMEOUT,
  extensionApi,
  hasCode,
  isAlive,
  openFixture,
  ourDiagnostics,
  poll,
  withDeadline,
} from './helpers';

/** Resolves when diagnostics of `uri` containing `code` are published after this call. */
function nextPublishWith(uri: vscode.Uri, code: string): Promise<void> {
  return withDeadline(
    new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString()) && hasCode(code)(ourDiagnostics(uri))) {
          sub.dispose();
          resolve();
        }
      });
    }),
    DEFAULT_TIMEOUT * 2,
    `diagnostics with ${code} from the new server`,
  );
}

describe('server lifecycle', () => {
  it('"uWSGI: Restart Language Server" starts a new server process', async () => {
    const api = await extensionApi();
    const doc = await openFixture('uwsgi.ini');
    const oldPid = api.serverPid()!;
    const republished = nextPublishWith(doc.uri, 'unknown-option');
    await vscode.commands.executeCommand('uwsgi-ini.restartServer');
    await api.ready();
    const newPid = api.serverPid();
    assert.ok(newPid && newPid !== oldPid, `new pid ${newPid} (was ${oldPid})`);
    await poll(() => isAlive(oldPid), (alive) => !alive, `old server ${oldPid} to exit`);
    await republished;
  });

  it('restarts the server after it is killed, and diagnostics come back', async () => {
    const api = await extensionApi();
    const doc = await openFixture('uwsgi.ini');
    const oldPid = api.serverPid()!;
    const restartsBefore = api.crashRestarts;
    assert.ok(isAlive(oldPid), 'server alive before the kill');
    const started = withDeadline(new Promise<void>((r) => { const s = api.onDidStart(() => { s.dispose(); r(); }); }), DEFAULT_TIMEOUT * 2, 'the client to start again');
    const republished = nextPublishWith(doc.uri, 'unknown-option');
    process.kill(oldPid, 'SIGKILL');
    await started;
    assert.strictEqual(api.client.isRunning(), true, 'client running again');
    const newPid = api.serverPid();
    assert.ok(newPid && newPid !== oldPid && isAlive(newPid), `a new server process ${newPid}`);
    assert.strictEqual(api.crashRestarts, restartsBefore + 1, 'counted as a crash restart');
    await republished;
  });
});
