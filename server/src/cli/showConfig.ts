// `uwsgi-ini-lint --show-config FILE`: the effective configuration, as uWSGI's own --show-config
// prints it, computed without running anything the file names.
import * as path from 'path';
import { interpret } from '../analysis/interpreter/interpret';
import { formatShowConfig, showConfigJson } from '../analysis/interpreter/showConfig';
import { Environment } from '../analysis/interpreter/types';
import { inodeOf, nodeFileSystem } from '../node/nodeFileSystem';
import { CommandLine, optionSpec, readCommandLine, UsageError } from './options';

export interface ShowConfigIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface ShowConfigArgs {
  file: string | undefined;
  format: 'text' | 'json';
  version: '2.0' | '2.1';
  plugins: string[];
  env: Map<string, string>;
  fromProcess: boolean;
}

/** What each option `--show-config` takes does; the rows (type, help) are the option table's. */
const APPLY: Record<string, (args: ShowConfigArgs, value: string) => void> = {
  'show-config': (args, file) => {
    if (args.file !== undefined) throw new UsageError('--show-config takes one file');
    args.file = file;
  },
  format: (args, format) => {
    if (format !== 'text' && format !== 'json') throw new UsageError(`--show-config prints text or json, not "${format}"`);
    args.format = format;
  },
  'uwsgi-version': (args, version) => {
    if (version !== '2.0' && version !== '2.1') throw new UsageError(`--uwsgi-version must be 2.0 or 2.1, not "${version}"`);
    args.version = version;
  },
  plugins: (args, value) => void args.plugins.push(...value.split(',').map((p) => p.trim()).filter(Boolean)),
  env: (args, pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--env takes NAME=VALUE, not "${pair}"`);
    args.env.set(pair.slice(0, at), pair.slice(at + 1));
  },
  'env-from-process': (args) => void (args.fromProcess = true),
  'no-color': () => undefined,
};

const SHOW_CONFIG_LINE: CommandLine<ShowConfigArgs> = {
  options: new Map(Object.entries(APPLY).map(([name, apply]) => [name, { spec: optionSpec(name), apply }])),
  positional: (_, value) => {
    throw new UsageError(`--show-config takes one file, not also ${value}`);
  },
  unknown: (written) => `${written} does not go with --show-config`,
};

function parse(argv: string[]): ShowConfigArgs {
  return readCommandLine(argv, SHOW_CONFIG_LINE, { file: undefined, format: 'text', version: '2.0', plugins: [], env: new Map(), fromProcess: false });
}

/** Runs `--show-config`; resolves to the exit status (0 shown, 1 uWSGI would stop first, 2 usage). */
export function runShowConfig(argv: string[], io: ShowConfigIo): number {
  let args: ShowConfigArgs;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`uwsgi-ini-lint: ${error.message} (see --help)\n`);
    return 2;
  }
  if (!args.file) {
    io.stderr('uwsgi-ini-lint: --show-config needs a file (see --help)\n');
    return 2;
  }
  const vars = new Map<string, string>();
  if (args.fromProcess) for (const [name, value] of Object.entries(io.env)) if (value !== undefined) vars.set(name, value);
  for (const [name, value] of args.env) vars.set(name, value);
  const env: Environment = { vars, complete: args.fromProcess };
  const result = interpret({
    file: args.file,
    fileSystem: nodeFileSystem,
    env,
    // Only what this machine can say for certain about the file; hostname, uid, time and the
    // like belong to the machine uWSGI will run on.
    machine: { cwd: path.resolve(io.cwd), inode: inodeOf },
    version: args.version,
    plugins: args.plugins,
  });
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify(showConfigJson(args.file, result), null, 2)}\n`);
  } else {
    io.stdout(formatShowConfig(result));
    for (const warning of result.warnings) io.stderr(`uwsgi-ini-lint: warning: ${warning.message}\n`);
    const unknown = result.entries.filter((e) => result.render(e.value) !== e.value || e.provenance.condition?.state === 'unknown').length;
    if (unknown > 0) io.stderr(`uwsgi-ini-lint: ${unknown} entries hold unknown values or depend on unknown conditions (see --format json)\n`);
  }
  if (result.stop) {
    const where = result.stop.file ? ` (${result.stop.file}:${result.stop.line})` : '';
    io.stderr(`uwsgi-ini-lint: ${result.stop.kind === 'fatal' ? 'uWSGI would stop here' : 'stopped'}: ${result.stop.message}${where}\n`);
    return 1;
  }
  return 0;
}
