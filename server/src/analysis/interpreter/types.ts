import { FileSystemPort, IncludeLimits } from '../fileSystem';
import { UnknownPart } from './values';

/** Environment variables uWSGI would see. */
export interface Environment {
  readonly vars: ReadonlyMap<string, string>;
  /**
   * `vars` is the whole environment (a variable missing from it is unset), rather than a few
   * values the user supplied (a missing variable is then unknown).
   */
  readonly complete: boolean;
}

/** Facts about the machine uWSGI starts on; a missing one makes what depends on it unknown. */
export interface MachineFacts {
  /** Working directory at startup (`%v`, and the base of every relative path). */
  readonly cwd?: string;
  readonly hostname?: string;
  readonly uid?: string;
  readonly user?: string;
  readonly gid?: string;
  readonly group?: string;
  /** Unix time of the start in seconds (`%t`) and microseconds (`%T`). */
  readonly time?: string;
  readonly timeMicro?: string;
  readonly cores?: string;
  /** `%V`, e.g. `2.0.21-debian`. */
  readonly version?: string;
  /** `%b`. */
  readonly binaryPath?: string;
  readonly isReload?: boolean;
  /** Inode numbers (`%i`) by absolute path, when the caller can tell them. */
  readonly inode?: (path: string) => string | undefined;
}

export interface InterpretOptions {
  /** The config file as it would be given to `uwsgi --ini`, optionally with `:section`. */
  readonly file: string;
  /** Text of the file when it is open in an editor (instead of reading it). */
  readonly text?: string;
  /** Undefined: nothing may be read (untrusted workspace); every file becomes unknown. */
  readonly fileSystem?: FileSystemPort;
  readonly env: Environment;
  readonly machine: MachineFacts;
  readonly version: '2.0' | '2.1';
  /** Plugins loaded before the file (`--plugin`), besides core and those the default build embeds. */
  readonly plugins: readonly string[];
  /**
   * `default-build` (the default): the plugins uWSGI's default build embeds count as loaded for
   * `if-plugin`. `none`: a modular binary (such as Debian's), where only `plugins` are.
   */
  readonly embedded?: 'default-build' | 'none';
  readonly limits?: InterpretLimits;
}

export interface InterpretLimits extends IncludeLimits {
  /** Largest value after expansion, in UTF-16 units. */
  readonly maxValueLength: number;
  /** `$`/`@`/`%` substitutions in one value (a self-reference never ends in uWSGI). */
  readonly maxSubstitutions: number;
  /**
   * Characters one value's `$`/`@`/`%` pass may scan: each substitution restarts the scan, so a
   * value that keeps growing costs its length times its substitutions.
   */
  readonly maxPassScan: number;
  /** Config loads (includes, pulls, inherits) in one run, re-reads of the same file included. */
  readonly maxLoads: number;
  /** Entries in the list (a `for` over a huge list, includes of includes...). */
  readonly maxEntries: number;
}

/** How a line came to be read: the loads and blocks between the command line and it. */
export interface ChainLink {
  readonly via: 'ini' | 'include' | 'inherit' | 'set' | 'declare-option' | 'for' | 'if';
  /** The file and 1-based line of the entry that did it. */
  readonly file: string;
  readonly line: number;
  readonly value: string;
}

export type ConditionState = 'true' | 'false' | 'unknown';

export interface BlockCondition {
  /** The opening keyword and its argument, as uWSGI tested it. */
  readonly key: string;
  readonly argument: string;
  readonly state: ConditionState;
  readonly file: string;
  readonly line: number;
}

export interface Provenance {
  /** Absolute path of the file the line is in; `<command line>` for our `--ini`. */
  readonly file: string;
  /** 1-based line of the (first physical line of the) entry. */
  readonly line: number;
  readonly section: string;
  readonly chain: readonly ChainLink[];
  readonly condition?: BlockCondition;
}

/** One entry of uWSGI's option list (`uwsgi.exported_opts`), in list order. */
export interface ListEntry {
  readonly key: string;
  /** Value after every stage; unknown parts are markers (see values.ts). */
  value: string;
  /** The value as read (magic-expanded, before the `$@%` passes). */
  readonly read: string;
  /** Applied while reading (immediate options, `set-ph` placeholders): the passes skip it. */
  configured: boolean;
  /** Added by `inherit` at configure time: the passes had already run. */
  readonly late: boolean;
  readonly provenance: Provenance;
}

/** A line uWSGI never stored because a block condition was false. */
export interface SkippedLine {
  readonly key: string;
  readonly value: string;
  readonly provenance: Provenance;
}

export interface Stop {
  /** What uWSGI would print before exiting (or why we cannot go on). */
  readonly message: string;
  /** `fatal`: uWSGI exits here; `limit`: our budget ran out; `unsupported`: a loader we do not model. */
  readonly kind: 'fatal' | 'limit' | 'unsupported';
  readonly file: string;
  readonly line: number;
}

export interface EffectiveOption {
  readonly name: string;
  /** `last_wins`: one value; otherwise every value in order. */
  readonly repeat: string;
  readonly entries: readonly ListEntry[];
}

export interface Interpretation {
  /** Every entry uWSGI's `--show-config` would print, in order (our `--ini` line first). */
  readonly entries: readonly ListEntry[];
  readonly skipped: readonly SkippedLine[];
  readonly unknowns: readonly UnknownPart[];
  /** Set when uWSGI would exit before showing its configuration, or we stopped. */
  readonly stop: Stop | undefined;
  /** Warnings uWSGI prints and goes on (missing section, unreadable `for-readline` file...). */
  readonly warnings: readonly { message: string; file: string; line: number }[];
  /** Keys that `if-opt`/`if-not-opt`, `%(name)` or placeholder math looked up, set or not. */
  readonly reads: ReadonlySet<string>;
  /**
   * Config files that are missing where the line loading them sits under a condition we could not
   * test: uWSGI stops there only where the condition holds, so the run goes on without them.
   */
  readonly conditionalMisses: readonly { file: string; line: number; path: string; condition: BlockCondition }[];
  /** Known options as applied: last-wins options keep their last entry, lists keep all. */
  readonly effective: ReadonlyMap<string, EffectiveOption>;
  /** Render a value with unknown parts spelled as uWSGI's own text. */
  render(value: string): string;
}
