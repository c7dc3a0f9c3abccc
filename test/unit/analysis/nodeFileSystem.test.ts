import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';

describe('node file system port', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-fs-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file up to the limit', () => {
    const file = path.join(dir, 'a.ini');
    fs.writeFileSync(file, '[uwsgi]\nx = 1\n');
    assert.equal(nodeFileSystem.readFile(file, 1024), '[uwsgi]\nx = 1\n');
    assert.equal(nodeFileSystem.readFile(file, 7), '[uwsgi]');
  });

  it('sees a change on disk although unchanged files are served from memory', () => {
    const file = path.join(dir, 'b.ini');
    fs.writeFileSync(file, '[uwsgi]\nx = 1\n');
    assert.equal(nodeFileSystem.readFile(file, 1024), '[uwsgi]\nx = 1\n');
    fs.writeFileSync(file, '[uwsgi]\nx = 22\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(nodeFileSystem.readFile(file, 1024), '[uwsgi]\nx = 22\n');
  });

  it('opens no FIFO', () => {
    const fifo = path.join(dir, 'pipe.ini');
    require('node:child_process').execFileSync('mkfifo', [fifo]);
    assert.equal(nodeFileSystem.readFile(fifo, 1024), undefined);
    assert.equal(nodeFileSystem.stat(fifo)?.type, 'other');
  });
});
