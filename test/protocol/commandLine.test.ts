// The language server binary run by hand: it must explain itself instead of throwing.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_BIN } from './lspClient';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SERVER_BIN, ...args], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('protocol: the server binary on the command line', function () {
  this.timeout(20_000);

  it('without a transport says which to give, in one line and with status 2', () => {
    for (const args of [[], ['--verbose'], ['--clientProcessId=1']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.split('\n').length, 2, result.stderr);
      assert.match(result.stderr, /--stdio/);
      assert.match(result.stderr, /--node-ipc/);
      assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
    }
  });

  it('refuses a socket without a port in one line', () => {
    for (const args of [['--socket=abc'], ['--socket'], ['--pipe=']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr.split('\n').length, 2, result.stderr);
      assert.match(result.stderr, /^uwsgi-ini-language-server: --(socket|pipe) needs /);
    }
  });

  it('prints its help with the transports and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = run([flag]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^Usage: uwsgi-ini-language-server /);
      for (const transport of ['--stdio', '--node-ipc', '--socket=', '--pipe=']) assert.ok(result.stdout.includes(transport), transport);
      assert.equal(result.stderr, '');
    }
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../server/package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = run([flag]);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, `${version}\n`);
    }
  });
});
