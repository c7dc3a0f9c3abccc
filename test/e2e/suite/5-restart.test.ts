import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  ClientState,
  DEFAULT_TIMEOUT,
  extensionApi,
  hasCode,
  isAlive,
  nextState,
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

  it('gives up after the restart budget, and the restart command brings the server back', async () => {
    const api = await extensionApi();
    const doc = await openFixture('uwsgi.ini');
    const { maxRestarts, windowMs } = api.crashRestartPolicy;
    assert.ok(maxRestarts >= 1 && maxRestarts <= 10 && windowMs >= 60_000, `policy ${maxRestarts} in ${windowMs} ms`);
    await api.restart(); // a restart the user asks for forgets earlier crashes
    for (let crash = 1; crash <= maxRestarts; crash++) {
      const pid = api.serverPid()!;
      const running = nextState(api, ClientState.Running, `restart after crash ${crash}`);
      process.kill(pid, 'SIGKILL');
      await running;
      assert.notStrictEqual(api.serverPid(), pid, `new server after crash ${crash}`);
    }
    const pid = api.serverPid()!;
    const stopped = nextState(api, ClientState.Stopped, 'the client to give up');
    process.kill(pid, 'SIGKILL');
    await stopped;
    assert.strictEqual(api.client.isRunning(), false, `not restarted after ${maxRestarts + 1} crashes`);
    assert.strictEqual(api.serverPid(), undefined, 'no server process');

    const republished = nextPublishWith(doc.uri, 'unknown-option');
    await vscode.commands.executeCommand('uwsgi-ini.restartServer');
    await api.ready();
    assert.ok(api.client.isRunning(), 'running again after the command');
    await republished;
  });
});
