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

export interface OptionFacts {
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
  readonly ifdef: string | null;
  readonly versions: readonly UwsgiVersion[];
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

export interface PhaseFacts {
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
  readonly versions: readonly UwsgiVersion[];
  readonly ifdef: string | null;
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
