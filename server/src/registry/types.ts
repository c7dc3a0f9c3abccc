/** Types shared by the hand-written metadata, the generator and the lookup API. Pure. */

/** `'2.0'` is the released uwsgi-2.0 branch, `'2.1'` the unreleased master branch. */
export type UwsgiVersion = '2.0' | '2.1';

export const UWSGI_VERSIONS: readonly UwsgiVersion[] = ['2.0', '2.1'];

export type HookFamily = 'hook' | 'exec' | 'call' | 'mount' | 'umount';

export const HOOK_FAMILIES: readonly HookFamily[] = ['hook', 'exec', 'call', 'mount', 'umount'];

/** What a repeated key does; taken from the option's parser function. */
export type RepeatKind = 'last_wins' | 'append' | 'each_runs' | 'accumulates' | 'n/a';

export type ArgumentKind = 'required' | 'none' | 'optional';

/** Fields whose value in uwsgi-2.0 differs from master. */
export interface OptionVersionOverride {
  argument?: ArgumentKind;
  parser?: string;
  valueKind?: string;
  repeat?: RepeatKind;
  deprecated?: boolean;
}

/** One row of metadata/uwsgiOptions.json. */
export interface OptionMeta {
  name: string;
  plugin: string;
  short: string | null;
  /** getopt argument kind: only matters on the command line, an ini value is always a string. */
  argument: ArgumentKind;
  parser: string;
  valueKind: string;
  repeat: RepeatKind;
  immediate: boolean;
  terminates: boolean;
  deprecated: boolean;
  /** UWSGI_OPT_* flags without the `UWSGI_OPT_` prefix, e.g. `MASTER`, `IMMEDIATE`. */
  flags: string[];
  /** Preprocessor condition the option is compiled under; null = always. */
  ifdef: string | null;
  versions: UwsgiVersion[];
  embeddedByDefault: boolean;
  in20?: OptionVersionOverride;
}

/** Where a fact holds: the uWSGI versions that have it, and the build macro it needs (`#ifdef`), if any. */
export interface Availability {
  readonly versions: readonly UwsgiVersion[];
  readonly ifdef: string | null;
}

export interface OptionFacts extends Availability {
  readonly name: string;
  readonly plugin: string;
  readonly short: string | null;
  readonly argument: ArgumentKind;
  readonly parser: string;
  readonly valueKind: string;
  readonly repeat: RepeatKind;
  readonly immediate: boolean;
  readonly terminates: boolean;
  readonly deprecated: boolean;
  readonly flags: readonly string[];
  readonly embeddedByDefault: boolean;
  /** Number of files of the reference corpus (502 real uwsgi.ini files) that set this key. */
  readonly corpusFrequency: number;
  /** The 2.0 values of fields that changed in 2.1; `getOption(name, '2.0')` already applies them. */
  readonly in20?: Readonly<OptionVersionOverride>;
}

/** Whether a failing hook of this family stops the instance. Emperor-only phases have their own outcome. */
export type HookFailure = boolean | 'vassal-removed' | 'vassal-cursed' | 'spawn-aborted';

/** Is the process still privileged when the phase runs? Assumes a start as root with uid/gid set. */
export type RootState = true | false | 'depends';

export interface CallVariant {
  /** The full option name, e.g. `call-as-vassal3`. */
  readonly option: string;
  /** C signature the symbol is called with. */
  readonly signature: string;
}

export interface PhaseFamilyFacts {
  readonly option: string;
  readonly versions: readonly UwsgiVersion[];
  readonly fatal: HookFailure;
}

export interface PhaseFacts extends Availability {
  readonly name: string;
  /** uwsgiconf `MainProcess.phases` constant, or null when uwsgiconf has none. */
  readonly uwsgiconfConstant: string | null;
  readonly families: Readonly<Partial<Record<HookFamily, PhaseFamilyFacts>>>;
  /** Position in uWSGI's life cycle; lower runs earlier. Event phases come after start-up. */
  readonly order: number;
  /** `startup` runs once while starting, `event` on something happening later. */
  readonly kind: 'startup' | 'event';
  readonly process: string;
  readonly root: RootState;
  readonly callVariants: readonly CallVariant[];
  /** `hook-touch` takes `<file> <action>:<args>` instead of `<action>:<args>`. */
  readonly hookValueSyntax: string;
}

export interface ActionArgument {
  readonly name: string;
  readonly optional: boolean;
  /** Takes the rest of the value, spaces included. */
  readonly rest: boolean;
}

export interface ActionFacts {
  readonly name: string;
  /** Full `name:args` syntax, `[]` marks optional parts. */
  readonly syntax: string;
  readonly args: readonly ActionArgument[];
  readonly plugin: string;
  readonly needsRoot: boolean;
  readonly versions: readonly UwsgiVersion[];
  /** Another action this one is a plain alias of. */
  readonly aliasOf?: string;
  /** Runs with an empty argument instead of failing (an empty command, an empty log line...). */
  readonly acceptsEmptyArgument: boolean;
}

export interface MainProcessParam {
  readonly name: string;
  /** Python annotation as uwsgiconf declares it. */
  readonly type: string;
  readonly default: string | null;
  readonly required: boolean;
  readonly keywordOnly: boolean;
}

/** One way a method call turns into uWSGI keys. */
export interface MainProcessEmission {
  /** The parameter that drives the emission (null: the method as a whole). */
  readonly param: string | null;
  /** The uWSGI key written; `<phase>` stands for the phase argument. */
  readonly key: string;
  /** When this key (rather than a sibling) is written, as a Python condition; null = whenever the parameter is given. */
  readonly when: string | null;
  /** Example call producing it. */
  readonly example: string;
  /** One line per list item instead of one value. */
  readonly multi?: boolean;
  /** Truthy values are written as `true`, falsy ones write nothing. */
  readonly castBool?: boolean;
}

export interface MainProcessMethod {
  readonly name: string;
  readonly params: readonly MainProcessParam[];
  readonly emits: readonly MainProcessEmission[];
  /** The method writes no options (it only reads state). */
  readonly emitsNothing?: boolean;
}

/** A key uwsgiconf writes that uWSGI does not accept as written (or only in some versions). */
export interface MainProcessFinding {
  readonly emittedKey: string;
  readonly method: string;
  readonly problem: 'unknown-key' | 'only-in-2.1';
  /** The key uWSGI actually understands, when one exists. */
  readonly correctKey?: string;
  /** What the value needs in front when moved to `correctKey` (e.g. `exec:` for a hook). */
  readonly correctValuePrefix?: string;
}

/** Usage of an option by uwsgiconf, for hovers and for explaining generated configs. */
export interface MainProcessUsage {
  readonly method: string;
  readonly param: string | null;
  readonly when: string | null;
  /** e.g. `MainProcess.set_basic_params(vacuum=True)`. */
  readonly call: string;
}

/** The words for one value kind (metadata/valueKinds.ts): read by hover, completion and the docs text. */
export interface ValueKindWords {
  /** A few words, e.g. `plugin list`: the completion detail, the hover's `Value:` line. */
  readonly name: string;
  /** One line that reads after "Takes", e.g. `a plugin name (or a comma-separated list)`. */
  readonly description: string;
}

/** What repeating a key of this repeat kind does, in words. */
export interface RepeatWords {
  /** Whether writing the key again adds to (or runs again) rather than replaces or mixes. */
  readonly repeatable: boolean;
  /** One sentence without its full stop, e.g. `Last value wins`; empty when repeating means nothing. */
  readonly description: string;
}

/** What a hook family prefix (`hook-`, `exec-`...) does with its value, in any phase. */
export interface HookFamilyFacts {
  readonly name: HookFamily;
  /** Reads after "`exec-`", e.g. `runs the value as a shell command (`/bin/sh -c`)`. */
  readonly meaning: string;
  /** The value is a shell command line (so ` ;` and ` #` are the shell's). */
  readonly shellCommand: boolean;
}

/**
 * What an option's value is for, where the value kind alone does not tell (a path is a `string`)
 * or where several kinds share a use. metadata/roles.ts says which options have each role.
 */
export type OptionRole =
  /** The whole value is one file or directory path. */
  | 'path'
  /** The value is `mountpoint=path`: the part after the first `=` is a path. */
  | 'path-mapping'
  /** The value is a shell command line, run with `/bin/sh -c`. */
  | 'shell-command'
  /**
   * The value is `name action:args` (an alarm, a legion hook), and with the `cmd` action the args
   * are a shell command line.
   */
  | 'named-action'
  /** The value is a request log template: `%(name)` there are log variables, not placeholders. */
  | 'log-template'
  /** The value names plugins to load, comma separated. */
  | 'plugin-loader'
  /** A plugin loader that makes uWSGI exit when a plugin cannot be loaded. */
  | 'fatal-plugin-loader'
  /** The value is `name=value` and defines the placeholder `name`. */
  | 'placeholder-setter'
  /** The value is `name=template` and declares a custom option `name`. */
  | 'option-declarer'
  /** Loads a config file, or with `:section` alone another section of the same file. */
  | 'section-loader'
  /** Read at once, yet its `%(...)` is expanded later, where the value ends up being used. */
  | 'deferred-expansion'
  /** Config logic whose value starts with a key name: it tests whether that option is set. */
  | 'option-condition'
  /** Sends the log to a file it creates (or to a UDP address, when the value holds a `:`). */
  | 'log-file'
  /** Binds a socket: a UNIX socket is a file on disk, which `vacuum` removes at exit. */
  | 'bound-socket'
  /** Loads a config of another format (xml, yaml, json...) or pastes one: not uWSGI's ini reader. */
  | 'other-config-loader'
  /** The value names a config file to load: uWSGI stops when it cannot open it. */
  | 'config-file-loader'
  /** Makes the master open the log file again (on reload, rotation, or a touched file). */
  | 'log-reopener'
  /** The value is the permission mode of the UNIX sockets uWSGI binds. */
  | 'socket-mode'
  /** The value is a log encoder chain, with `${...}` variables of its own. */
  | 'log-encoder'
  /** The value is `NAME=VALUE`, put in the environment of the processes. */
  | 'env-setter'
  /** Switches strftime expansion on in the request log template. */
  | 'log-template-strftime'
  /** Defines a placeholder and nothing else: an option's name is refused as the name. */
  | 'placeholder-only-setter';

/** Which options have a role: named ones, and every option of some value kinds or parsers. */
export interface RoleRule {
  readonly options?: readonly string[];
  readonly valueKinds?: readonly string[];
  readonly parsers?: readonly string[];
}
