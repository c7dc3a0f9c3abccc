// The browser's file access (server/src/browser/workspaceFileSystem.ts): answers from what it has
// fetched, remembers what it could not answer, fetches that from the client on request, and
// reads nothing once the client cannot answer.
import { strict as assert } from 'node:assert';
import { splitUri, WorkspaceFileSystem } from '../../../server/src/browser/workspaceFileSystem';
import { WORKSPACE_FILE_REQUEST, WorkspaceFileAnswer, WorkspaceFileParams } from '../../../server/src/browser/workspaceFileProtocol';
import {
  WORKSPACE_FILE_REQUEST as CLIENT_REQUEST, WorkspaceFileAnswer as ClientAnswer, WorkspaceFileParams as ClientParams,
} from '../../../client/src/workspaceFiles';

const ROOT = 'vscode-vfs://github/owner/repo';

/** A client that serves `files` (uri -> text) and records what it was asked. */
function client(files: Record<string, string>, fail = false) {
  const asked: WorkspaceFileParams[] = [];
  return {
    asked,
    async sendRequest(method: string, params: WorkspaceFileParams): Promise<WorkspaceFileAnswer | null> {
      assert.equal(method, WORKSPACE_FILE_REQUEST);
      asked.push(params);
      if (fail) throw new Error('unhandled method');
      const text = files[params.uri];
      if (text === undefined) return { type: 'missing' };
      return { type: 'file', size: text.length, text: params.maxBytes >= text.length ? text : null };
    },
  };
}

describe('browser: the workspace file system', () => {
  it('the client and the server name the same request, with the same shapes (type-checked both ways)', () => {
    assert.equal(CLIENT_REQUEST, WORKSPACE_FILE_REQUEST);
    const toServer = (params: ClientParams, answer: ClientAnswer): [WorkspaceFileParams, WorkspaceFileAnswer] => [params, answer];
    const toClient = (params: WorkspaceFileParams, answer: WorkspaceFileAnswer): [ClientParams, ClientAnswer] => [params, answer];
    const answer: WorkspaceFileAnswer = { type: 'file', size: 1, text: 'x' };
    assert.deepEqual(toClient(...toServer({ uri: 'file:///a', maxBytes: 1 }, answer)), [{ uri: 'file:///a', maxBytes: 1 }, answer]);
  });

  it('splits hierarchical URIs into their file system and path; others are none', () => {
    assert.deepEqual(splitUri(`${ROOT}/deploy/uwsgi.ini`), { root: 'vscode-vfs://github', path: '/owner/repo/deploy/uwsgi.ini' });
    assert.deepEqual(splitUri('file:///srv/a%20b.ini'), { root: 'file://', path: '/srv/a b.ini' });
    assert.equal(splitUri('untitled:Untitled-1'), undefined);
    assert.equal(splitUri('vscode-remote://host:8080/srv/%E0%A4.ini'), undefined);
  });

  it('maps paths to URIs of the first document\'s file system, and no other', () => {
    const fs = new WorkspaceFileSystem(client({}));
    assert.equal(fs.pathOf(`${ROOT}/uwsgi.ini`), '/owner/repo/uwsgi.ini');
    assert.equal(fs.pathOf('vscode-remote://other/uwsgi.ini'), undefined);
    assert.equal(fs.pathOf('untitled:Untitled-1'), undefined);
    assert.equal(fs.uriOf('/owner/repo/base ini.ini'), 'vscode-vfs://github/owner/repo/base%20ini.ini');
  });

  it('says why a document\'s files cannot be read', async () => {
    const fs = new WorkspaceFileSystem(client({}));
    assert.equal(fs.pathOf(`${ROOT}/uwsgi.ini`), '/owner/repo/uwsgi.ini');
    assert.equal(fs.whyUnreadable(`${ROOT}/uwsgi.ini`), undefined);
    assert.equal(fs.whyUnreadable('untitled:Untitled-1'), 'the document is not saved in a folder');
    assert.equal(fs.whyUnreadable('vscode-remote://other/uwsgi.ini'), 'the document is on another file system than the first one opened');
    const refusing = new WorkspaceFileSystem(client({}, true));
    refusing.pathOf(`${ROOT}/uwsgi.ini`);
    refusing.stat('/owner/repo/base.ini');
    await refusing.fetchPending();
    assert.equal(refusing.whyUnreadable(`${ROOT}/uwsgi.ini`), 'this editor does not let the language server read files');
  });

  it('answers nothing before a fetch, and what was fetched after it', async () => {
    const c = client({ [`${ROOT}/base.ini`]: '[uwsgi]\nroot = /srv\n' });
    const fs = new WorkspaceFileSystem(c);
    fs.pathOf(`${ROOT}/uwsgi.ini`);
    assert.equal(fs.stat('/owner/repo/base.ini'), undefined);
    assert.equal(fs.stat('/owner/repo/gone.ini'), undefined);
    assert.equal(fs.hasPending(), true);
    assert.equal(fs.known('/owner/repo/gone.ini'), false, 'not known yet');
    await fs.fetchPending();
    assert.equal(fs.known('/owner/repo/gone.ini'), true, 'known missing');
    assert.equal(fs.hasPending(), false);
    assert.deepEqual(fs.stat('/owner/repo/base.ini'), { type: 'file', size: 20, realPath: '/owner/repo/base.ini' });
    assert.equal(fs.readFile('/owner/repo/base.ini', 1024), '[uwsgi]\nroot = /srv\n');
    assert.equal(fs.readFile('/owner/repo/base.ini', 7), '[uwsgi]');
    assert.equal(fs.stat('/owner/repo/gone.ini'), undefined);
    assert.equal(fs.hasPending(), false, 'a missing file is known missing');
    // An ini file's text comes along with its stat: one request each.
    assert.deepEqual(c.asked, [
      { uri: `${ROOT}/base.ini`, maxBytes: 1024 * 1024 },
      { uri: `${ROOT}/gone.ini`, maxBytes: 1024 * 1024 },
    ]);
  });

  it('asks for the stat alone of other paths, and for the text when it is read', async () => {
    const c = client({ [`${ROOT}/app.py`]: 'app = 1\n' });
    const fs = new WorkspaceFileSystem(c);
    fs.pathOf(`${ROOT}/uwsgi.ini`);
    fs.stat('/owner/repo/app.py');
    await fs.fetchPending();
    assert.equal(fs.stat('/owner/repo/app.py')?.type, 'file');
    assert.equal(fs.readFile('/owner/repo/app.py', 100), undefined);
    await fs.fetchPending();
    assert.equal(fs.readFile('/owner/repo/app.py', 100), 'app = 1\n');
    assert.deepEqual(c.asked.map((a) => a.maxBytes), [0, 100]);
  });

  it('forgets what it fetched when files change', async () => {
    const files = { [`${ROOT}/base.ini`]: 'a' };
    const fs = new WorkspaceFileSystem(client(files));
    fs.pathOf(`${ROOT}/uwsgi.ini`);
    fs.stat('/owner/repo/base.ini');
    await fs.fetchPending();
    files[`${ROOT}/base.ini`] = 'bb';
    assert.equal(fs.stat('/owner/repo/base.ini')?.size, 1);
    fs.forget();
    assert.equal(fs.stat('/owner/repo/base.ini'), undefined);
    await fs.fetchPending();
    assert.equal(fs.stat('/owner/repo/base.ini')?.size, 2);
  });

  it('reads nothing more once the client cannot answer', async () => {
    const c = client({}, true);
    const fs = new WorkspaceFileSystem(c);
    assert.equal(fs.pathOf(`${ROOT}/uwsgi.ini`), '/owner/repo/uwsgi.ini');
    fs.stat('/owner/repo/base.ini');
    await fs.fetchPending();
    assert.equal(fs.hasPending(), false);
    assert.equal(fs.pathOf(`${ROOT}/uwsgi.ini`), undefined, 'documents have no path: their includes stay unread');
    fs.stat('/owner/repo/other.ini');
    assert.equal(fs.hasPending(), false);
    assert.equal(c.asked.length, 1);
  });

  it('a question on its way counts as pending, is not asked twice, and a fetch waits for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    const fs = new WorkspaceFileSystem({
      async sendRequest(_method, params) {
        asked.push(params.uri);
        await gate;
        return { type: 'file', size: 1, text: 'x' };
      },
    });
    fs.pathOf(`${ROOT}/uwsgi.ini`);
    fs.stat('/owner/repo/a.ini');
    const first = fs.fetchPending();
    assert.equal(fs.hasPending(), true, 'in flight');
    assert.equal(fs.stat('/owner/repo/a.ini'), undefined);
    let secondDone = false;
    const second = fs.fetchPending().then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(secondDone, false, 'a second fetch waits for the answer on its way');
    release();
    await Promise.all([first, second]);
    assert.equal(fs.hasPending(), false);
    assert.equal(fs.stat('/owner/repo/a.ini')?.size, 1);
    assert.deepEqual(asked, [`${ROOT}/a.ini`]);
  });

  it('a client that does not answer in time is taken for one that serves no files', async () => {
    const fs = new WorkspaceFileSystem({ sendRequest: () => new Promise(() => undefined) }, 20);
    fs.pathOf(`${ROOT}/uwsgi.ini`);
    fs.stat('/owner/repo/a.ini');
    await fs.fetchPending();
    assert.equal(fs.hasPending(), false);
    assert.equal(fs.whyUnreadable(`${ROOT}/uwsgi.ini`), 'this editor does not let the language server read files');
  });

  it('fetches at most 256 answers a round', async () => {
    const c = client({});
    const fs = new WorkspaceFileSystem(c);
    fs.pathOf(`${ROOT}/uwsgi.ini`);
    for (let i = 0; i < 300; i++) fs.stat(`/owner/repo/f${i}.ini`);
    await fs.fetchPending();
    assert.equal(c.asked.length, 256);
    assert.equal(fs.hasPending(), true);
    await fs.fetchPending();
    assert.equal(c.asked.length, 300);
  });
});
