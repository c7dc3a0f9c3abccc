import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINT_NAME, SERVER_NAME, VERSION } from '../../server/src/version';
import { runCli } from '../../server/src/cli/lint';
import { readCommandLine } from '../../server/src/node/commandLine';

const read = (file: string): { version: string; bin?: Record<string, string> } => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', file), 'utf8'));
const manifest = read('package.json');
const serverManifest = read('server/package.json');

describe('version: one name and version for the server and the CLI', () => {
  it('is the version of package.json and of the server package', () => {
    assert.equal(VERSION, manifest.version);
    assert.equal(VERSION, serverManifest.version);
  });

  it('names the two binaries the server package ships', () => {
    assert.deepEqual([SERVER_NAME, LINT_NAME].sort(), Object.keys(serverManifest.bin ?? {}).sort());
  });

  it('is what uwsgi-ini-lint --version and the server --version print', async () => {
    let stdout = '';
    const code = await runCli(['--version'], { stdout: (text) => (stdout += text), stderr: () => undefined, readStdin: async () => '', isTTY: false, cwd: process.cwd() });
    assert.equal(code, 0);
    assert.equal(stdout, `${manifest.version}\n`);
    assert.deepEqual(readCommandLine(['--version'], VERSION), { kind: 'print', text: `${manifest.version}\n` });
  });
});
