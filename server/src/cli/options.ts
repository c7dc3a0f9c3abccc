// The command line of `uwsgi-ini-lint`: one table of its options, read by `node:util` parseArgs
// (strict) and by the usage text (usage.ts), so a flag and its help cannot drift apart.
import { parseArgs } from 'node:util';
import { SEVERITIES, SeveritySetting } from '../service/settings';
import { FixLevel } from '../service/fixAll';
import { Format, FORMATS, isFormat } from './formats';

export interface CliOptions {
  format: Format;
  fix: FixLevel | undefined;
  unsafeFixes: boolean;
  diff: boolean;
  baseline: string | undefined;
  updateBaseline: boolean;
  explain: string | undefined;
  strict: boolean | undefined;
  plugins: string[] | undefined;
  version: '2.0' | '2.1' | undefined;
  section: string | undefined;
  placeholders: string[];
  rules: Record<string, SeveritySetting>;
  maxWarnings: number | undefined;
  color: boolean;
  inputs: string[];
  list: 'options' | 'phases' | 'actions' | 'rules' | undefined;
  printSettings: string | undefined;
  help: boolean;
  showVersion: boolean;
}

/** A mistake on the command line: said in one line with a pointer to --help, status 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** The long name, without `--`. */
  readonly name: string;
  readonly short?: string;
  readonly type: 'boolean' | 'string';
  /** Given more than once, the values add up (otherwise the last one counts). */
  readonly repeatable?: boolean;
  /** The name of the value in the help (`--format FORMAT`). */
  readonly value?: string;
  readonly description: string;
  /** Taken but not listed (`--color`, the opposite of `--no-color`). */
  readonly hidden?: boolean;
  /** Read by `--show-config` (showConfig.ts) only: listed in the help, refused without it. */
  readonly showConfigOnly?: boolean;
  /** Sets what the option means; a string option gets its value, a boolean one ''. Throws UsageError. */
  readonly apply: (options: CliOptions, value: string) => void;
}

/** `a, b,,c` as `['a', 'b', 'c']`. */
function commaList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

const nothing = (): void => undefined;
const list = (kind: NonNullable<CliOptions['list']>, what: string): OptionSpec => ({
  name: `list-${kind}`, type: 'boolean', description: `print every ${what}, then exit`, apply: (o) => void (o.list = kind),
});

/** Every option, in the order of the help. */
export const OPTION_TABLE: readonly OptionSpec[] = [
  {
    name: 'format', type: 'string', value: 'FORMAT',
    description: 'text (default), json, sarif or github; json gives 1-based line/column and the 0-based LSP range of each diagnostic; github prints GitHub Actions workflow commands (annotations)',
    apply: (o, value) => {
      if (!isFormat(value)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1]}, not "${value}"`);
      o.format = value;
    },
  },
  {
    name: 'fix', type: 'boolean',
    description: 'apply the safe fixes (the preferred fix of each finding that cannot change what uWSGI does beyond the evident intent) and report what is left; standard input is written to stdout',
    apply: (o) => void (o.fix = 'safe'),
  },
  {
    name: 'unsafe-fixes', type: 'boolean',
    description: 'with --fix or --diff: apply the unsafe fixes too (they change behaviour: vacuum, a privilege drop, a "2" variant...)',
    apply: (o) => void (o.unsafeFixes = true),
  },
  { name: 'diff', type: 'boolean', description: 'print the fixes as a unified diff instead of writing them; exit 1 when a file would change', apply: (o) => void (o.diff = true) },
  {
    name: 'baseline', type: 'string', value: 'FILE', description: 'report only findings that FILE does not list (JSON, see README)',
    apply: (o, value) => {
      if (value === '') throw new UsageError('--baseline needs a file name');
      o.baseline = value;
    },
  },
  { name: 'update-baseline', type: 'boolean', description: 'write the current findings to the --baseline FILE, then exit', apply: (o) => void (o.updateBaseline = true) },
  { name: 'strict', type: 'boolean', description: "check as 'uwsgi --strict' would: unknown options are errors", apply: (o) => void (o.strict = true) },
  {
    name: 'plugins', type: 'string', value: 'a,b', repeatable: true, description: 'plugins the uWSGI binary loads besides those the files name',
    apply: (o, value) => void (o.plugins ??= []).push(...commaList(value)),
  },
  {
    name: 'uwsgi-version', type: 'string', value: '2.0|2.1', description: 'uWSGI version to check against (default: 2.0)',
    apply: (o, value) => {
      if (value !== '2.0' && value !== '2.1') throw new UsageError(`--uwsgi-version must be 2.0 or 2.1, not "${value}"`);
      o.version = value;
    },
  },
  {
    name: 'section', type: 'string', value: 'NAME', description: 'section to check (default: uwsgi)',
    apply: (o, value) => {
      if (value === '') throw new UsageError('--section needs a name');
      o.section = value;
    },
  },
  {
    name: 'placeholders', type: 'string', value: 'a,b', repeatable: true, description: 'placeholder names the command line, environment or emperor supplies',
    apply: (o, value) => void o.placeholders.push(...commaList(value)),
  },
  {
    name: 'placeholder', type: 'string', value: 'NAME', repeatable: true, description: 'the same for one name',
    apply: (o, value) => {
      if (value.trim() === '') throw new UsageError('--placeholder needs a name');
      o.placeholders.push(value.trim());
    },
  },
  {
    name: 'rule', type: 'string', value: 'ID=SEVERITY', repeatable: true, description: `${SEVERITIES.join('|')} for one rule`,
    apply: (o, value) => {
      const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(value);
      if (!match || !(SEVERITIES as readonly string[]).includes(match[2]!)) throw new UsageError(`--rule takes ID=SEVERITY with SEVERITY one of ${SEVERITIES.join('|')}, not "${value}"`);
      o.rules[match[1]!] = match[2] as SeveritySetting;
    },
  },
  {
    name: 'print-settings', type: 'string', value: 'FILE',
    description: 'print the settings FILE is checked with and where each comes from (with --format json: as JSON), then exit',
    apply: (o, value) => void (o.printSettings = value),
  },
  {
    name: 'max-warnings', type: 'string', value: 'N', description: 'exit 1 when there are more than N warnings',
    apply: (o, value) => {
      const count = Number(value);
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(count)) throw new UsageError(`--max-warnings takes a whole number, not "${value}"`);
      o.maxWarnings = count;
    },
  },
  { name: 'no-color', type: 'boolean', description: 'plain text output', apply: (o) => void (o.color = false) },
  { name: 'color', type: 'boolean', hidden: true, description: 'colored text output even when stdout is no terminal', apply: (o) => void (o.color = true) },
  {
    name: 'show-config', type: 'string', value: 'FILE[:SECTION]', showConfigOnly: true,
    description: "print the configuration uWSGI would apply, in uWSGI's own --show-config format (json: with provenance and unknown values); nothing the file names is run, fetched or resolved",
    apply: nothing,
  },
  {
    name: 'env', type: 'string', value: 'NAME=VALUE', repeatable: true, showConfigOnly: true,
    description: 'an environment variable for --show-config; others are unknown values', apply: nothing,
  },
  { name: 'env-from-process', type: 'boolean', showConfigOnly: true, description: "--show-config sees this process's environment (unset = unset)", apply: nothing },
  list('options', 'option uWSGI knows'),
  list('phases', 'hook phase'),
  list('actions', 'hook action'),
  { name: 'list-rules', type: 'boolean', description: 'print every rule with its default severity, then exit', apply: (o) => void (o.list = 'rules') },
  { name: 'explain', type: 'string', value: 'RULE', description: 'print the documentation page of a rule, then exit', apply: (o, value) => void (o.explain = value) },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help', apply: (o) => void (o.help = true) },
  { name: 'version', short: 'v', type: 'boolean', description: 'show the version', apply: (o) => void (o.showVersion = true) },
];

/** What one command line takes from the table, and what each option and name does to its `T`. */
export interface CommandLine<T> {
  readonly options: ReadonlyMap<string, { readonly spec: OptionSpec; readonly apply: (target: T, value: string) => void }>;
  readonly positional: (target: T, value: string) => void;
  /** The sentence for an option this command line does not take, as written. */
  readonly unknown: (written: string) => string;
}

/** A row of the table, by name: a command line takes no option the help does not list. */
export function optionSpec(name: string): OptionSpec {
  const spec = OPTION_TABLE.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no option --${name} in the option table`);
  return spec;
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/**
 * Applies the tokens in command-line order, so the first mistake is the one reported. `checked`
 * says parseArgs accepted them (strict); otherwise this words what it refused.
 */
function applyTokens<T>(tokens: readonly Token[], argv: readonly string[], line: CommandLine<T>, target: T, checked: boolean): void {
  for (const token of tokens) {
    if (token.kind === 'positional') line.positional(target, token.value);
    if (token.kind !== 'option') continue;
    const written = argv[token.index]!;
    // `-hv` is not taken apart: the short options are -h and -v, each on its own.
    if (!written.startsWith('--') && written !== token.rawName) throw new UsageError(line.unknown(written));
    const option = line.options.get(token.name);
    if (!option) throw new UsageError(line.unknown(token.rawName));
    if (option.spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      option.apply(target, '');
      continue;
    }
    if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    option.apply(target, token.value);
    // A value that looks like an option (`--section --strict`) is refused unless written `--section=--strict`.
    if (!checked && !token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
      throw new UsageError(`${token.rawName} needs a value; one that starts with "-" is written ${token.rawName}=${token.value}`);
    }
  }
}

/** Reads `argv` with parseArgs (strict) into `target`; throws UsageError with the sentence to print. */
export function readCommandLine<T>(argv: readonly string[], line: CommandLine<T>, target: T): T {
  const config = Object.fromEntries([...line.options.values()].map(({ spec }) => [spec.name, { type: spec.type, multiple: spec.repeatable === true, ...(spec.short ? { short: spec.short } : {}) }]));
  const args = [...argv];
  let tokens: Token[];
  try {
    tokens = parseArgs({ args, options: config, strict: true, allowPositionals: true, tokens: true }).tokens;
  } catch (refusal) {
    // The same tokens read leniently, to say what was refused the way the rest of the CLI speaks.
    applyTokens(parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true }).tokens, argv, line, target, false);
    throw new UsageError(refusal instanceof Error ? refusal.message : String(refusal));
  }
  applyTokens(tokens, argv, line, target, true);
  return target;
}

const LINT_LINE: CommandLine<CliOptions> = {
  options: new Map(OPTION_TABLE.filter((spec) => !spec.showConfigOnly).map((spec) => [spec.name, { spec, apply: spec.apply }])),
  positional: (options, value) => void options.inputs.push(value),
  unknown: (written) => `unknown option ${written}`,
};

function initialOptions(color: boolean): CliOptions {
  return {
    format: 'text', fix: undefined, unsafeFixes: false, diff: false, baseline: undefined, updateBaseline: false, explain: undefined, strict: undefined,
    plugins: undefined, version: undefined, section: undefined, placeholders: [], rules: {}, maxWarnings: undefined, color, inputs: [], list: undefined,
    printSettings: undefined, help: false, showVersion: false,
  };
}

/** The options of a lint run; throws UsageError with the sentence to print. */
export function parseArguments(argv: string[], color: boolean): CliOptions {
  const options = readCommandLine(argv, LINT_LINE, initialOptions(color));
  if (options.unsafeFixes && !options.diff) options.fix = 'unsafe';
  if (options.diff) options.fix = options.unsafeFixes ? 'unsafe' : 'safe';
  if (options.updateBaseline && options.baseline === undefined) throw new UsageError('--update-baseline needs --baseline FILE');
  if (options.diff && options.updateBaseline) throw new UsageError('--diff and --update-baseline do not go together');
  return options;
}
