// The oracle's side of the comparison: reading fixtures and their claims, refusing unsafe ones,
// and running the real uWSGI on them through bin/uwsgi-oracle.sh (read-only sandbox, no network).
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { allOptions, allPhases, getAction, isKnownOption, normalizePluginName, parseHookKey } from '../../server/src/registry/registry';

export const ORACLE_DIR = __dirname;
export const FIXTURES_DIR = path.join(ORACLE_DIR, 'fixtures');
const ORACLE_SCRIPT = path.join(ORACLE_DIR, 'bin', 'uwsgi-oracle.sh');
/** Where Debian's uwsgi-core keeps its loadable plugins. */
const PLUGIN_DIRS = ['/usr/lib/uwsgi/plugins', '/usr/lib/uwsgi'];
/** Parallel uWSGI runs; each takes 30-100 ms and the machine has two cores. */
const CONCURRENCY = 4;

export type Verdict = 'accept' | 'reject';

/** What a fixture says about itself in `# expect...:` comment lines. */
export interface FixtureClaims {
  uwsgi?: Verdict;
  /** Keys the strict scan refuses; `[]` for `none`. */
  unknown?: string[];
  /**
   * `[rule, text on the reported line, severity]` that our linter must report (when the rule
   * exists); written `rule@severity text` when the severity matters, which is the claim about how
   * much the finding changes.
   */
  expect: Array<[string, string, string | undefined]>;
  /** Rules our linter must not report. */
  expectNot: string[];
  /** Plugins loaded on uWSGI's command line and given to our linter as `plugins`. */
  plugins: string[];
  /** A disagreement already reported as a product bug: listed, not failed (see README). */
  knownGap?: string;
}

export interface Fixture {
  name: string;
  file: string;
  text: string;
  claims: FixtureClaims;
  /** The file has asap hooks, judged harmless, that a third uWSGI call runs for real. */
  runAsapHooks: boolean;
}

export interface OracleResult {
  /** Keys strict mode refuses, in the order uWSGI reported them. */
  unknown: string[];
  /** The strict scan stopped on something else, so it may have missed later keys. */
  strictStoppedBy: string | undefined;
  verdict: Verdict;
  /** What uWSGI said, noise removed; the first line explains a rejection. */
  messages: string[];
  hooks: string | undefined;
  raw: string;
}

const CLAIM = /^\s*#\s*(expect-uwsgi|expect-unknown|expect-not|expect|oracle-plugins|oracle-known-gap):\s*(.*?)\s*$/;

export function readClaims(text: string): FixtureClaims {
  const claims: FixtureClaims = { expect: [], expectNot: [], plugins: [] };
  for (const line of text.split(/\r?\n/)) {
    const match = CLAIM.exec(line);
    if (!match) continue;
    const [, kind, value] = match as unknown as [string, string, string];
    if (kind === 'expect-uwsgi') {
      if (value !== 'accept' && value !== 'reject') throw new Error(`expect-uwsgi must be accept or reject, not ${value}`);
      claims.uwsgi = value;
    } else if (kind === 'expect-unknown') {
      claims.unknown = value === 'none' ? [] : value.split(/\s+/).map((key) => (key === '""' ? '' : key));
    } else if (kind === 'expect') {
      const space = value.indexOf(' ');
      const [rule, severity] = (space < 0 ? value : value.slice(0, space)).split('@') as [string, string | undefined];
      if (severity !== undefined && !['error', 'warning', 'information', 'hint'].includes(severity)) throw new Error(`expect: unknown severity ${severity}`);
      claims.expect.push([rule, space < 0 ? '' : value.slice(space + 1), severity]);
    } else if (kind === 'expect-not') {
      claims.expectNot.push(value);
    } else if (kind === 'oracle-known-gap') {
      claims.knownGap = value;
    } else {
      claims.plugins.push(...value.split(/[\s,]+/).filter(Boolean));
    }
  }
  return claims;
}

// ---------------------------------------------------------------------------------------------
// Safety. The sandbox is the first line of defence; these checks are the second: a fixture must be
// harmless even if the sandbox failed, because uWSGI really runs what it reads.

/** Hook actions a fixture may run at asap; any name that is no real action fails harmlessly. */
const HARMLESS_ACTIONS = new Set(['print', 'log', 'chdir', 'cd', 'exit']);
/** Commands an `exec-*` hook may run. */
const HARMLESS_COMMAND = /^(true|false|echo( [\w .:-]*)?)$/;
/** Keys that act on other processes or re-exec uWSGI. */
const FORBIDDEN_KEYS = new Set([
  'stop', 'reload', 'signal', 'pause', 'suspend', 'resume', 'connect-and-read', 'fallback-config', 'daemonize', 'daemonize2',
  'exec-as-emperor', 'exec-as-vassal', 'for-readline', 'inject-before', 'inject-after', 'ini-paste', 'ini-paste-logged',
]);
/** Values whose paths the vacuum exit handler unlinks. */
const VACUUMED_KEYS = /pidfile|socket|^http$|^https$|^stats$/;

function entriesOf(text: string): Array<{ key: string; value: string }> {
  const entries: Array<{ key: string; value: string }> = [];
  for (const raw of text.replace(/%\r?\n/g, '').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('[')) continue;
    const equals = line.indexOf('=');
    entries.push(equals < 0 ? { key: line, value: '' } : { key: line.slice(0, equals).trim(), value: line.slice(equals + 1).trim() });
  }
  return entries;
}

/** Why a fixture is unsafe to hand to uWSGI, or undefined. */
export function unsafeReason(text: string): string | undefined {
  if (/exec:\/\//i.test(text)) return '@(exec://...) runs a command while the file is read';
  const entries = entriesOf(text);
  const vacuum = entries.some((e) => e.key === 'vacuum' && !/^(false|off|no|0)$/i.test(e.value));
  for (const { key, value } of entries) {
    if (FORBIDDEN_KEYS.has(key)) return `\`${key}\` acts outside the configuration`;
    if (vacuum && VACUUMED_KEYS.test(key) && value.startsWith('/')) return `\`${key} = ${value}\`: with vacuum, paths must be relative (the scratch dir)`;
    const family = /^(hook|exec|call|mount|umount)-/.exec(key)?.[1];
    if (!family || key === 'mount-check') continue;
    if (family === 'mount' || family === 'umount') return `\`${key}\`: mounts are never harmless`;
    if (family === 'exec' && !HARMLESS_COMMAND.test(value)) return `\`${key} = ${value}\`: only true/false/echo may run`;
    if (family === 'call' && !value.includes('nonexistent')) return `\`${key}\`: only a nonexistent symbol may be called`;
    if (family === 'hook') {
      const action = value.replace(/^!/, '').split(':')[0]!;
      if (value.includes(':') && getAction(action) && !HARMLESS_ACTIONS.has(action)) return `\`${key} = ${value}\`: action \`${action}\` is not on the harmless list`;
    }
  }
  return undefined;
}

/** Whether the file has hooks of the asap phase (worth a call that runs them). */
function hasAsapHooks(text: string): boolean {
  return entriesOf(text).some(({ key }) => parseHookKey(key)?.phaseName === 'asap');
}

export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.ini'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
      return { name: file.slice(0, -4), file, text, claims: readClaims(text), runAsapHooks: hasAsapHooks(text) };
    });
}

// ---------------------------------------------------------------------------------------------
// The binary.

export function uwsgiVersion(): string | undefined {
  const result = spawnSync('uwsgi', ['--version'], { encoding: 'utf8', env: cleanEnv() });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The environment without UWSGI_* variables, which uWSGI would read as options. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('UWSGI_')) env[name] = value;
  return { ...env, ...extra };
}

function pluginFile(name: string): string | undefined {
  return PLUGIN_DIRS.map((dir) => path.join(dir, `${name}_plugin.so`)).find((file) => fs.existsSync(file));
}

/**
 * The plugins our linter assumes by default (those built into uWSGI's default build), as this
 * modular binary names them (`python` is built as `python3`), split into loadable and missing.
 */
export function defaultBuildPlugins(): { loadable: string[]; missing: string[] } {
  const embedded = new Set<string>();
  for (const option of allOptions('2.0')) {
    if (option.embeddedByDefault && option.plugin !== 'core' && option.versions.includes('2.0')) embedded.add(option.plugin);
  }
  const loadable: string[] = [];
  const missing: string[] = [];
  for (const plugin of [...embedded].sort()) {
    const built = [plugin, `${plugin}3`].find((name) => pluginFile(name) !== undefined && normalizePluginName(name) === plugin);
    if (built) loadable.push(built);
    else missing.push(plugin);
  }
  return { loadable, missing };
}

/** Runs a command inside the sandbox (used for --dump-options). */
export function sandboxed(scratch: string, args: string[]): string {
  const result = spawnSync('timeout', ['-s', 'INT', '-k', '2', '5', 'unshare', '-m', '-n', path.join(ORACLE_DIR, 'bin', 'sandbox.sh'), ...args], {
    encoding: 'utf8',
    env: cleanEnv({ SANDBOX_RW: scratch }),
    cwd: scratch,
  });
  if (result.status !== 0) throw new Error(`sandboxed ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Every option and hook phase our registry knows for 2.0 with these extra plugins loaded. */
export function optionsWeKnow(plugins: string[]): Set<string> {
  const known = new Set<string>();
  for (const option of allOptions('2.0')) {
    if (isKnownOption(option.name, { version: '2.0', plugins: new Set(plugins) }).known) known.add(option.name);
  }
  for (const phase of allPhases()) {
    if (!phase.versions.includes('2.0')) continue;
    for (const family of Object.values(phase.families)) if (family) known.add(family.option);
    for (const variant of phase.callVariants) known.add(variant.option);
  }
  return known;
}

export function parseOracleOutput(raw: string): OracleResult {
  const result: OracleResult = { unknown: [], strictStoppedBy: undefined, verdict: 'reject', messages: [], hooks: undefined, raw };
  let sawVerdict = false;
  for (const line of raw.split('\n')) {
    if (line.startsWith('UNKNOWN ')) result.unknown.push(line.slice(8));
    else if (line === 'UNKNOWN') result.unknown.push('');
    else if (line.startsWith('STRICT ')) result.strictStoppedBy = line.slice(7).replace(/^\d+ /, '');
    else if (line.startsWith('MESSAGE ')) result.messages.push(line.slice(8));
    else if (line.startsWith('HOOKS ')) result.hooks = line.slice(6);
    else if (line.startsWith('VERDICT ')) {
      result.verdict = line.split(' ')[1] === 'accept' ? 'accept' : 'reject';
      sawVerdict = true;
    }
  }
  if (!sawVerdict) throw new Error(`uwsgi-oracle.sh gave no verdict:\n${raw}`);
  return result;
}

function runOne(fixture: Fixture, scratch: string, preload: string[]): Promise<OracleResult> {
  const plugins = [...preload, ...fixture.claims.plugins].join(',');
  const args = ['--plugin', plugins];
  if (fixture.runAsapHooks) args.push('--run-asap-hooks');
  args.push(fixture.file);
  return new Promise((resolve, reject) => {
    const child = spawn(ORACLE_SCRIPT, args, { cwd: scratch, env: cleanEnv({ SANDBOX_RW: scratch }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 3) reject(new Error(`the sandbox is unavailable (root and unshare -m -n are needed): ${stderr.trim()}`));
      else if (code !== 0) reject(new Error(`uwsgi-oracle.sh ${fixture.file} exited ${code}: ${stderr.trim()}`));
      else {
        try {
          resolve(parseOracleOutput(stdout));
        } catch (error) {
          reject(error);
        }
      }
    });
  });
}

/** Runs every fixture (copied into `scratch`) through uWSGI, a few at a time. */
export async function runOracle(fixtures: Fixture[], scratch: string, preload: string[]): Promise<Map<string, OracleResult>> {
  const results = new Map<string, OracleResult>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < fixtures.length) {
      const fixture = fixtures[next++]!;
      results.set(fixture.name, await runOne(fixture, scratch, preload));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}
