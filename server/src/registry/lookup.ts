/**
 * Lookups over the generated tables. Pure (bundled into the language service): no Node APIs.
 * Maps are built once, on first use.
 */
import { PHASES, ACTIONS, HOOK_FAMILY_FACTS } from './generated/hooks';
import { MAIN_PROCESS_METHODS, MAIN_PROCESS_USAGE, UWSGICONF_FINDINGS, UWSGICONF_PHASES } from './generated/mainProcess';
import { KNOWN_PLUGIN_NAMES } from './metadata/plugins';
import { OPTION_ROWS, PARSERS, PLUGINS, VALUE_KINDS, type OptionRow } from './generated/options';
import { BEFORE_DROP_TO_AFTER_DROP, PRIVILEGE_OPTIONS, SOCKETS_BOUND_BEFORE_DROP, SOCKET_PERMISSION_OPTIONS } from './generated/privileges';
import { OPTION_ROLES } from './generated/roles';
import { REPEAT_WORDS, VALUE_KIND_WORDS } from './generated/valueKinds';
import { nearestOf } from './nearest';
import {
  HOOK_FAMILIES,
  type ActionFacts, type CallVariant, type HookFamily, type HookFamilyFacts, type MainProcessFinding, type MainProcessMethod,
  type MainProcessUsage, type OptionFacts, type OptionRole, type OptionVersionOverride, type PhaseFacts, type RepeatKind,
  type RepeatWords, type UwsgiVersion, type ValueKindWords,
} from './types';

const VERSIONS_BY_CODE: Record<number, readonly UwsgiVersion[]> = { 1: ['2.0'], 2: ['2.1'], 3: ['2.0', '2.1'] };

function toFacts(row: OptionRow): OptionFacts {
  const [name, plugin, short, argument, parser, valueKind, repeat, bits, flags, ifdef, versions, corpusFrequency, row20] = row;
  const facts: OptionFacts = {
    name,
    plugin: PLUGINS[plugin]!,
    short,
    argument,
    parser: PARSERS[parser]!,
    valueKind: VALUE_KINDS[valueKind]!,
    repeat,
    immediate: (bits & 1) !== 0,
    terminates: (bits & 2) !== 0,
    deprecated: (bits & 4) !== 0,
    embeddedByDefault: (bits & 8) !== 0,
    flags: flags === '' ? [] : flags.split(' '),
    ifdef,
    versions: VERSIONS_BY_CODE[versions]!,
    corpusFrequency,
  };
  if (!row20) return facts;
  const in20: OptionVersionOverride = {};
  if (row20.argument !== undefined) in20.argument = row20.argument;
  if (row20.parser !== undefined) in20.parser = PARSERS[row20.parser]!;
  if (row20.valueKind !== undefined) in20.valueKind = VALUE_KINDS[row20.valueKind]!;
  if (row20.repeat !== undefined) in20.repeat = row20.repeat;
  if (row20.deprecated !== undefined) in20.deprecated = row20.deprecated;
  return { ...facts, in20 };
}

interface Tables {
  options: readonly OptionFacts[];
  optionByName: Map<string, OptionFacts>;
  options20: Map<string, OptionFacts>;
  optionNames: readonly string[];
  phaseByName: Map<string, PhaseFacts>;
  phases: readonly PhaseFacts[];
  actionByName: Map<string, ActionFacts>;
  actions: readonly ActionFacts[];
  callVariantByOption: Map<string, { phase: PhaseFacts; variant: CallVariant }>;
  /** Every `<family>-<phase>` option and call variant. */
  phaseOptions: Set<string>;
  plugins: Set<string>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const options = OPTION_ROWS.map(toFacts);
  const optionByName = new Map(options.map((o) => [o.name, o]));
  const options20 = new Map<string, OptionFacts>();
  for (const o of options) {
    if (o.in20 && o.versions.includes('2.0')) options20.set(o.name, { ...o, ...o.in20 });
  }
  const phases = [...PHASES].sort((a, b) => a.order - b.order);
  const callVariantByOption = new Map<string, { phase: PhaseFacts; variant: CallVariant }>();
  const phaseOptions = new Set<string>();
  for (const phase of phases) {
    for (const variant of phase.callVariants) {
      callVariantByOption.set(variant.option, { phase, variant });
      phaseOptions.add(variant.option);
    }
    for (const facts of Object.values(phase.families)) phaseOptions.add(facts.option);
  }
  tables = {
    options,
    optionByName,
    options20,
    optionNames: options.map((o) => o.name),
    phaseByName: new Map(phases.map((p) => [p.name, p])),
    phases,
    actionByName: new Map(ACTIONS.map((a) => [a.name, a])),
    actions: ACTIONS,
    callVariantByOption,
    phaseOptions,
    plugins: new Set(PLUGINS),
  };
  return tables;
}

/**
 * Facts of an option as seen by `version` (default 2.0, the released series). Fields that changed
 * between branches (e.g. `die-on-term` is a flag in 2.0 but deprecated in 2.1) follow `version`;
 * an option that only exists in the other version is still returned, with its `versions`.
 */
export function getOption(name: string, version: UwsgiVersion = '2.0'): OptionFacts | undefined {
  const t = load();
  if (version === '2.0') {
    const v20 = t.options20.get(name);
    if (v20) return v20;
  }
  return t.optionByName.get(name);
}

let options20List: readonly OptionFacts[] | undefined;

/** Every option of both versions, sorted by name, each as `getOption(name, version)` returns it. */
export function allOptions(version: UwsgiVersion = '2.0'): readonly OptionFacts[] {
  const t = load();
  if (version === '2.1') return t.options;
  options20List ??= t.options.map((o) => t.options20.get(o.name) ?? o);
  return options20List;
}

export function getPhase(name: string): PhaseFacts | undefined {
  return load().phaseByName.get(name);
}

/** Every hook phase, in start-up order. */
export function allPhases(): readonly PhaseFacts[] {
  return load().phases;
}

export function getAction(name: string): ActionFacts | undefined {
  return load().actionByName.get(name);
}

/** Every hook action, sorted by name. */
export function allActions(): readonly ActionFacts[] {
  return load().actions;
}

export interface HookKey {
  readonly family: HookFamily;
  /** The text after the family prefix (without a call variant's digit). */
  readonly phaseName: string;
  /** Undefined when no phase has that name. The phase may still lack this family: check `phase.families`. */
  readonly phase?: PhaseFacts;
  /** For numbered `call-` variants such as `call-as-vassal3`. */
  readonly callVariant?: CallVariant;
}

/**
 * Splits `hook-asap`, `exec-pre-app`, `call-as-vassal3`, ... into family and phase. Returns
 * undefined for keys without a family prefix and for options that merely share one (`mount-check`).
 * Unknown phases come back with `phase` undefined, so callers can report them.
 */
export function parseHookKey(key: string): HookKey | undefined {
  const dash = key.indexOf('-');
  if (dash <= 0) return undefined;
  const family = key.slice(0, dash) as HookFamily;
  if (!HOOK_FAMILIES.includes(family)) return undefined;
  const phaseName = key.slice(dash + 1);
  if (phaseName === '') return undefined;
  const t = load();
  // Options that merely share a prefix, such as `mount-check`.
  if (t.optionByName.has(key) && !t.phaseOptions.has(key)) return undefined;
  const variant = t.callVariantByOption.get(key);
  if (variant && variant.variant.option !== `call-${variant.phase.name}`) {
    return { family, phaseName: variant.phase.name, phase: variant.phase, callVariant: variant.variant };
  }
  const phase = t.phaseByName.get(phaseName);
  const base: HookKey = { family, phaseName };
  if (!phase) return base;
  const callVariant = family === 'call' ? phase.callVariants.find((v) => v.option === key) : undefined;
  return callVariant ? { ...base, phase, callVariant } : { ...base, phase };
}

export type KnownOptionResult =
  | { readonly known: true; readonly option: OptionFacts }
  | { readonly known: false; readonly reason: 'unknown' }
  | { readonly known: false; readonly reason: 'other-version'; readonly versions: readonly UwsgiVersion[]; readonly option: OptionFacts }
  | { readonly known: false; readonly reason: 'needs-plugin'; readonly plugin: string; readonly option: OptionFacts };

export interface KnownOptionContext {
  readonly version: UwsgiVersion;
  /** Plugins loaded besides core and the default embedded ones; raw items are normalised. */
  readonly plugins?: Iterable<string>;
}

/**
 * Whether uWSGI `version` with `plugins` accepts `name`. Options of plugins the default build
 * embeds (python, http, ...) count as known without being listed.
 */
export function isKnownOption(name: string, context: KnownOptionContext): KnownOptionResult {
  const option = getOption(name, context.version);
  if (!option) return { known: false, reason: 'unknown' };
  if (!option.versions.includes(context.version)) return { known: false, reason: 'other-version', versions: option.versions, option };
  if (option.plugin !== 'core' && !option.embeddedByDefault) {
    const loaded = new Set<string>();
    for (const item of context.plugins ?? []) {
      for (const plugin of normalizePluginList(item)) loaded.add(plugin);
    }
    if (!loaded.has(option.plugin)) return { known: false, reason: 'needs-plugin', plugin: option.plugin, option };
  }
  return { known: true, option };
}

/**
 * Closest names to a misspelt `name` (Damerau-Levenshtein, threshold by length), best first; ties
 * go to the option used in more real configs. `candidates` defaults to every option name; answers
 * are remembered per candidate list, so a list passed in must not change afterwards.
 */
export function nearest(name: string, candidates?: Iterable<string>, max = 3): string[] {
  const t = load();
  const list = candidates ?? t.optionNames;
  // A scan of 1,300 names costs tens of microseconds, and a file repeats its unknown keys (and is
  // validated again on every keystroke): remember answers per candidate list, which callers keep.
  let memo = nearestMemo.get(list);
  if (!memo) {
    memo = new Map();
    nearestMemo.set(list, memo);
  }
  const memoKey = `${max}\u0000${name}`;
  let found = memo.get(memoKey);
  if (!found) {
    found = nearestOf(name, list, max, (c) => t.optionByName.get(c)?.corpusFrequency ?? 0);
    if (memo.size >= NEAREST_MEMO_LIMIT) memo.clear();
    memo.set(memoKey, found);
  }
  return [...found];
}

/** Bounds the memory the memo can take when a file is full of distinct misspellings. */
const NEAREST_MEMO_LIMIT = 2000;
const nearestMemo = new WeakMap<Iterable<string>, Map<string, readonly string[]>>();

/** Names of every plugin that defines options (plus `core`), sorted. */
export function pluginNames(): readonly string[] {
  return PLUGINS;
}

let knownPlugins: Set<string> | undefined;

/** Whether uWSGI or a distribution ships a plugin of this (normalised) name. */
export function isKnownPluginName(name: string): boolean {
  return knownPluginNames().has(name);
}

/** Every plugin name uWSGI or a distribution ships (normalised names). */
export function knownPluginNames(): ReadonlySet<string> {
  knownPlugins ??= new Set([...PLUGINS.filter((plugin) => plugin !== 'core'), ...KNOWN_PLUGIN_NAMES]);
  return knownPlugins;
}

/**
 * Plugin name as uWSGI registers it, from one item of `plugin`/`plugins` (or the
 * `uwsgi.plugins` setting): drops a `<modifier>:` prefix, a `|symbol` suffix, directories and
 * `_plugin.so`, and maps distribution build names to the plugin they build (`python3`,
 * `python311` -> `python`; `gevent_python3` -> `gevent`; `rack_ruby25` -> `rack`; `lua51` -> `lua`).
 */
export function normalizePluginName(item: string): string {
  let name = item.trim();
  const bar = name.indexOf('|');
  if (bar >= 0) name = name.slice(0, bar);
  if (name.includes('/')) name = name.slice(name.lastIndexOf('/') + 1);
  else name = name.replace(/^\d+:/, '');
  name = name.replace(/_plugin\.so$/, '').replace(/\.so$/, '').trim().toLowerCase();
  const known = load().plugins;
  if (known.has(name)) return name;
  // Debian/Fedora build one binary per interpreter version: python3 -> python, php7 -> php, ...
  const versioned = /^([a-z]+?)[\d.]+$/.exec(name);
  if (versioned && known.has(versioned[1]!)) return versioned[1]!;
  // Loop engines built against one Python: gevent_python3, asyncio_python311, ...
  const engine = /^([a-z]+)_python[\d.]*$/.exec(name);
  if (engine && known.has(engine[1]!)) return engine[1]!;
  if (/^(rack_)?ruby[\d.]*$/.test(name)) return 'rack';
  if (/^jvm_/.test(name)) return 'jvm';
  if (/^psgi_perl[\d.]*$/.test(name)) return 'psgi';
  return name;
}

/**
 * Normalised plugin names of a `plugins = a,b` value (uWSGI splits plugin lists on commas only).
 * Empty items are dropped.
 */
export function normalizePluginList(value: string): string[] {
  return value.split(',').map(normalizePluginName).filter((p) => p !== '');
}

/** The uwsgiconf `MainProcess` calls that write `optionName`. */
export function mainProcessUsage(optionName: string): readonly MainProcessUsage[] {
  return MAIN_PROCESS_USAGE[optionName] ?? [];
}

export function mainProcessMethods(): readonly MainProcessMethod[] {
  return MAIN_PROCESS_METHODS;
}

/** `MainProcess.phases` constant -> phase name. */
export function uwsgiconfPhaseConstants(): Readonly<Record<string, string>> {
  return UWSGICONF_PHASES;
}

/** What is wrong with a key uwsgiconf writes, when it is one of its known mistakes. */
export function uwsgiconfFinding(key: string): MainProcessFinding | undefined {
  return UWSGICONF_FINDINGS.find((f) => f.emittedKey === key);
}

export function uwsgiconfFindings(): readonly MainProcessFinding[] {
  return UWSGICONF_FINDINGS;
}

/** `pidfile` -> `pidfile2`: the variant that creates the same file after the privilege drop. */
export function afterDropVariant(optionName: string): string | undefined {
  return BEFORE_DROP_TO_AFTER_DROP[optionName];
}

export function beforeDropToAfterDrop(): Readonly<Record<string, string>> {
  return BEFORE_DROP_TO_AFTER_DROP;
}

export function privilegeOptions(): readonly { name: string; role: string; when: string }[] {
  return PRIVILEGE_OPTIONS;
}

/** Options that bind a listening socket while the process is still root. */
export function socketsBoundBeforeDrop(): readonly string[] {
  return SOCKETS_BOUND_BEFORE_DROP;
}

export function socketPermissionOptions(): readonly string[] {
  return SOCKET_PERMISSION_OPTIONS;
}

/** What the `hook-`, `exec-`... prefix does with the value. */
export function hookFamily(family: HookFamily): HookFamilyFacts {
  return HOOK_FAMILY_FACTS[family];
}

/** The words of a value kind; a kind the metadata lacks reads as its own name. */
export function valueKindWords(kind: string): ValueKindWords {
  return VALUE_KIND_WORDS[kind] ?? { name: kind.replace(/_/g, ' '), description: `a value (${kind})` };
}

/** What writing a key of this repeat kind twice does, in words. */
export function repeatWords(repeat: RepeatKind): RepeatWords {
  return REPEAT_WORDS[repeat];
}

let roleSets: Map<OptionRole, ReadonlySet<string>> | undefined;

/** The options that have `role` (the same in 2.0 and 2.1), in name order. */
export function optionsWithRole(role: OptionRole): ReadonlySet<string> {
  roleSets ??= new Map((Object.entries(OPTION_ROLES) as [OptionRole, readonly string[]][]).map(([r, names]) => [r, new Set(names)]));
  return roleSets.get(role)!;
}

/** Whether the option `name` has `role`: its value is a path, a shell command, a plugin list... */
export function hasRole(name: string, role: OptionRole): boolean {
  return optionsWithRole(role).has(name);
}
