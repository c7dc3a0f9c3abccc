// The web client's answer to the server's file requests (client/src/workspaceFiles.ts): only in
// a trusted workspace, the text only of a regular file within the size asked, missing files told
// apart from unreadable ones.
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { answerWorkspaceFile, WorkspaceFs } from '../../../client/src/workspaceFiles';

const parse = (value: string) => ({ path: value }) as unknown as vscode.Uri;

/** A file system of `entries` (path -> text, or 'dir'), counting reads. */
function fileSystem(entries: Record<string, string>, unreadable: string[] = []) {
  const reads: string[] = [];
  const fs: WorkspaceFs = {
    async stat(uri) {
      const entry = entries[uri.path];
      if (entry === undefined) throw Object.assign(new Error('nope'), { code: 'FileNotFound' });
      return { type: entry === 'dir' ? 2 : 1, size: entry === 'dir' ? 0 : entry.length, ctime: 0, mtime: 0 };
    },
    async readFile(uri) {
      reads.push(uri.path);
      if (unreadable.includes(uri.path)) throw Object.assign(new Error('denied'), { code: 'NoPermissions' });
      return new TextEncoder().encode(entries[uri.path]);
    },
  };
  return { fs, reads };
}

describe('web client: answering file requests', () => {
  it('a file within the size: its type, size and text', async () => {
    const { fs } = fileSystem({ '/a.ini': '[uwsgi]\n' });
    assert.deepEqual(await answerWorkspaceFile(fs, true, { uri: '/a.ini', maxBytes: 100 }, parse), { type: 'file', size: 8, text: '[uwsgi]\n' });
  });

  it('a missing file is missing; a directory has no text', async () => {
    const { fs, reads } = fileSystem({ '/d': 'dir' });
    assert.deepEqual(await answerWorkspaceFile(fs, true, { uri: '/gone.ini', maxBytes: 100 }, parse), { type: 'missing' });
    assert.deepEqual(await answerWorkspaceFile(fs, true, { uri: '/d', maxBytes: 100 }, parse), { type: 'directory', size: 0 });
    assert.deepEqual(reads, []);
  });

  it('a file larger than asked, or a stat alone, is not read', async () => {
    const { fs, reads } = fileSystem({ '/big.ini': 'x'.repeat(50) });
    assert.deepEqual(await answerWorkspaceFile(fs, true, { uri: '/big.ini', maxBytes: 10 }, parse), { type: 'file', size: 50 });
    assert.deepEqual(await answerWorkspaceFile(fs, true, { uri: '/big.ini', maxBytes: 0 }, parse), { type: 'file', size: 50 });
    assert.deepEqual(reads, []);
  });

  it('a file that cannot be read is there, without text', async () => {
    const { fs } = fileSystem({ '/secret.ini': 'x' }, ['/secret.ini']);
    assert.deepEqual(await answerWorkspaceFile(fs, true, { uri: '/secret.ini', maxBytes: 10 }, parse), { type: 'file', size: 1, text: null });
  });

  it('refuses in an untrusted workspace, reading nothing', async () => {
    const { fs, reads } = fileSystem({ '/a.ini': 'x' });
    await assert.rejects(answerWorkspaceFile(fs, false, { uri: '/a.ini', maxBytes: 10 }, parse), /untrusted/);
    assert.deepEqual(reads, []);
  });
});
