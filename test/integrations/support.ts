// What the integration suites share: the repository, a scratch folder, a PATH with the built linter.
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const LINT_BIN = path.join(ROOT, 'server', 'bin', 'uwsgi-ini-lint.js');

export function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-integrations-'));
}

export function write(dir: string, name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

/** A folder with an `uwsgi-ini-lint` command that runs this checkout's build, as `npm install -g` would give. */
export function binDir(dir: string): string {
  if (!fs.existsSync(path.join(ROOT, 'server', 'out', 'cli', 'lint.js'))) throw new Error('server/out is missing: run `npx tsc -b` first');
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'uwsgi-ini-lint'), `#!/bin/sh\nexec "${process.execPath}" "${LINT_BIN}" "$@"\n`, { mode: 0o755 });
  return bin;
}

export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, input: options.input, encoding: 'utf8', timeout: 100_000 });
  if (result.error) throw result.error;
  return result;
}

/** A command this suite needs; CI installs it (.ci/run). Its absence is a failure, not a skip. */
export function need(command: string, hint: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${command} is not installed: ${hint}`);
}
