// Running the real uWSGI for `--show-config`, shared by the show-config suites. uWSGI runs only
// inside bin/sandbox.sh (read-only filesystem, no network).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SHOW_CONFIG_FOOTER, SHOW_CONFIG_HEADER } from '../../server/src/analysis/interpreter/showConfig';
import { ORACLE_DIR } from './oracle';

/**
 * Options the sandboxed binary cannot apply (read-only filesystem, no network, built without PCRE)
 * or that redirect or rewrite the log, through which uWSGI prints its --show-config. None of them
 * is immediate, so renaming them into `procname-prefix` (a string option applied only when workers
 * fork, which never happens here) changes nothing
 * about how the file is read: their values still go through the `$`, `@`, `%` passes. Not `print`:
 * what it prints would land in the middle of the dump.
 */
const RENAMED_TO_INERT = [
  'logto', 'logto2', 'daemonize', 'daemonize2', 'logger', 'req-logger', 'logger-req', 'log-encoder', 'log-req-encoder',
  'log-date', 'logdate', 'log-prefix', 'chdir', 'spooler', 'route', 'route-run', 'route-host', 'route-uri', 'route-qs',
  'route-if', 'route-if-not', 'response-route', 'final-route', 'error-route',
];
const RENAMED = new RegExp(`^([ \\t]*)(?:${RENAMED_TO_INERT.join('|')})([ \\t]*=|[ \\t]*$)`, 'gm');

/**
 * What the oracle changes in a file before either side reads it: `@(exec://...)` is removed, so
 * nothing runs, and the options above become `procname-prefix`.
 */
export function prepare(text: string): string {
  return text.replace(/@\(exec:\/\/[^)]*\)/g, '').replace(RENAMED, '$1procname-prefix$2');
}

/** Copies a tree, writing over files that exist, so they keep their inode (`%i`) between cached runs. */
export function copyInPlace(source: string, target: string): void {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) copyInPlace(from, to);
    else fs.writeFileSync(to, fs.readFileSync(from));
  }
}

export interface Real {
  shown: boolean;
  lines: string[];
  status: number | null;
  tail: string;
}

/**
 * While iterating on the interpreter, SHOW_CONFIG_CACHE=<dir> keeps uWSGI's answers between runs
 * (keyed by file name and content). Without it, as in CI, uWSGI runs on every file.
 */
export async function cachedUwsgi(file: string, cwd: string, scratch: string, env: Record<string, string>, plugins: string[]): Promise<Real> {
  const cache = process.env['SHOW_CONFIG_CACHE'];
  if (!cache) return runUwsgi(file, cwd, scratch, env, plugins);
  const text = fs.readFileSync(path.join(cwd, file), 'utf8');
  const key = path.join(cache, 'answers', `${path.basename(cwd)}-${file}-${text.length}-${hashOf(text)}.json`);
  if (fs.existsSync(key)) return JSON.parse(fs.readFileSync(key, 'utf8')) as Real;
  const real = await runUwsgi(file, cwd, scratch, env, plugins);
  fs.mkdirSync(path.dirname(key), { recursive: true });
  fs.writeFileSync(key, JSON.stringify(real));
  return real;
}

function hashOf(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash.toString(16);
}

export function runUwsgi(file: string, cwd: string, scratch: string, env: Record<string, string>, plugins: string[]): Promise<Real> {
  const args = ['-s', 'INT', '-k', '2', '5', 'unshare', '-m', '-n', path.join(ORACLE_DIR, 'bin', 'sandbox.sh'), 'uwsgi'];
  if (plugins.length > 0) args.push('--plugin', plugins.join(','));
  args.push('--show-config', '--hook-pre-jail', 'exit:0', '--ini', file);
  return new Promise((resolve, reject) => {
    const child = spawn('timeout', args, { cwd, env: { ...env, SANDBOX_RW: scratch }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      const all = out.split('\n');
      const start = all.indexOf(SHOW_CONFIG_HEADER);
      const end = all.indexOf(SHOW_CONFIG_FOOTER, start + 1);
      const injected = new Map<string, number>([['show-config = true', 1], ['hook-pre-jail = exit:0', 1]]);
      if (plugins.length > 0) injected.set(`plugin = ${plugins.join(',')}`, 1);
      const lines: string[] = [];
      if (start >= 0 && end > start) {
        // [uwsgi] header first, then the list; drop the options the oracle itself added.
        for (const line of all.slice(start + 2, end)) {
          const left = injected.get(line) ?? 0;
          if (left > 0) injected.set(line, left - 1);
          else lines.push(line);
        }
      }
      resolve({ shown: start >= 0 && end > start, lines, status, tail: all.filter(Boolean).slice(-2).join(' | ') });
    });
  });
}

