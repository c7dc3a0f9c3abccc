// A side-effect-free replay of how uWSGI 2.0/2.1 loads an ini config (SEMANTICS.md §1): read with
// magic expansion, select the section, run immediate options as they are met (loads, placeholders,
// config logic with one state for the whole run), then the `$`, `@`, `%` passes, then configure
// (where `inherit` appends its file). Nothing a config names is executed, fetched or resolved:
// what would need that becomes an unknown part of the value (values.ts).
import { DEFAULT_INCLUDE_LIMITS, FileSystemPort, resolvePath } from '../fileSystem';
import { isBlockCloser, logicKindOf } from '../../parser/parser';
import { allOptions, getOption, hasRole, isKnownOption, normalizePluginList, normalizePluginName } from '../../registry/registry';
import { indexSections, magicCharsOf, magicSub, NOT_FOUND, ReadLine, ReadResult } from './read';
import {
  BlockCondition, ChainLink, ConditionState, EffectiveOption, Interpretation, InterpretLimits, InterpretOptions, ListEntry,
  Provenance, SkippedLine, Stop,
} from './types';
import { isKnown, UnknownSource, UnknownTable } from './values';

export const DEFAULT_INTERPRET_LIMITS: InterpretLimits = Object.freeze({
  ...DEFAULT_INCLUDE_LIMITS,
  maxValueLength: 64 * 1024,
  maxSubstitutions: 4096,
  maxPassScan: 1_000_000,
  maxLoads: 1024,
  maxEntries: 100_000,
});

/** Thrown to end the run where uWSGI would exit (or our budget ends). */
class Stopped extends Error {
  constructor(readonly stop: Stop) {
    super(stop.message);
  }
}

interface Logic {
  readonly key: string;
  readonly argument: string;
  readonly provenance: Provenance;
  /** The outcome of the last line the block tested (what a 2.1 `else` inverts). */
  last?: ConditionState;
}

interface Custom {
  readonly template: string;
}

interface Where {
  readonly file: string;
  readonly line: number;
  readonly section: string;
  readonly chain: readonly ChainLink[];
  readonly condition?: BlockCondition;
}

const UPPER = ['O', 'P', 'S', 'D', 'C', 'E', 'N', 'X', 'I', 'J'];

/** `UWSGI_*` variables uWSGI keeps for itself (core/utils.c). */
const ENV_NOT_OPTIONS = new Set([
  'UWSGI_RELOADS', 'UWSGI_VASSALS_DIR', 'UWSGI_EMPEROR_FD', 'UWSGI_BROODLORD_NUM', 'UWSGI_EMPEROR_FD_CONFIG', 'UWSGI_EMPEROR_PROXY',
  'UWSGI_JAIL_PID', 'UWSGI_ORIGINAL_PROC_NAME',
]);

const hasScheme = (path: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(path);

class Run {
  readonly entries: ListEntry[] = [];
  readonly skipped: SkippedLine[] = [];
  readonly warnings: { message: string; file: string; line: number }[] = [];
  readonly unknowns = new UnknownTable();
  readonly limits: InterpretLimits;
  readonly fs: FileSystemPort | undefined;
  readonly cwd: string;
  private logic: Logic | undefined;
  private logicRunning = false;
  private lastFile: string | undefined;
  private upper: Map<string, string> | undefined;
  private strict = false;
  private readonly plugins = new Set<string>();
  private readonly customs = new Map<string, Custom>();
  private loads = 0;
  private bytesRead = 0;
  private readonly filesRead = new Set<string>();
  /** Reads memoised by path: a pulled section is re-selected, never re-read. */
  private readonly texts = new Map<string, string | undefined>();
  private readonly known = new Map<string, ReturnType<typeof isKnownOption>>();
  /** Per file: the magic characters its text uses, and its sections per set of their values. */
  private readonly expansions = new Map<string, { text: string; used: string[]; byTable: Map<string, Map<string, ReadResult>> }>();

  constructor(readonly options: InterpretOptions) {
    this.limits = options.limits ?? DEFAULT_INTERPRET_LIMITS;
    this.fs = options.fileSystem;
    this.cwd = options.machine.cwd ?? '/';
    for (const item of options.plugins) for (const plugin of normalizePluginList(item)) this.plugins.add(plugin);
    if (options.embedded !== 'none') {
      for (const option of allOptions(options.version)) if (option.embeddedByDefault && option.plugin !== 'core') this.plugins.add(option.plugin);
    }
  }

  unknown(source: UnknownSource, text: string, reason: string): string {
    return this.unknowns.marker({ source, text, reason });
  }

  private stop(kind: Stop['kind'], message: string, where: { file: string; line: number }): never {
    throw new Stopped({ kind, message, file: where.file, line: where.line });
  }

  // -------------------------------------------------------------------------------------------
  // Options

  private lookup(key: string): ReturnType<typeof isKnownOption> {
    let result = this.known.get(key);
    if (!result) {
      result = isKnownOption(key, { version: this.options.version, plugins: this.plugins });
      this.known.set(key, result);
    }
    return result;
  }

  private isOption(key: string): boolean {
    return this.lookup(key).known || this.customs.has(key);
  }

  private terminates(key: string): boolean {
    const result = this.lookup(key);
    return result.known && result.option.terminates;
  }

  private isImmediate(key: string): boolean {
    if (this.customs.has(key)) return true;
    const result = this.lookup(key);
    if (!result.known) return false;
    if (key === 'else') return this.options.version === '2.1';
    return result.option.immediate;
  }

  /** `uwsgi_get_exported_opt`: the first entry with that key, whatever came later. */
  firstValue(key: string): string | undefined {
    this.reads.add(key);
    return this.firstByKey.get(key)?.value;
  }

  /** Config files missing under a condition we could not test (fatal only where it holds). */
  readonly missed: { file: string; line: number; path: string; condition: BlockCondition }[] = [];

  /** Every key `if-opt`, `%(name)` or placeholder math looked up, set or not. */
  readonly reads = new Set<string>();

  /** The list only grows, so the first entry of a key never changes: one lookup, not a scan. */
  private readonly firstByKey = new Map<string, ListEntry>();

  // -------------------------------------------------------------------------------------------
  // add_exported_option_do (core/config.c)

  add(key: string, value: string, where: Where, placeholderOnly = false): void {
    if (!this.logicRunning && !placeholderOnly) {
      if (key === 'else' && this.options.version === '2.1') {
        // 2.1: the opposite of the last line the if-block tested; no line tested, no else branch.
        const last = this.logic?.last;
        const state: ConditionState = last === undefined || last === 'true' ? 'false' : last === 'false' ? 'true' : 'unknown';
        this.logic = undefined;
        this.pushEntry(key, value, where).configured = true;
        this.logic = { key: 'else', argument: '', provenance: { file: where.file, line: where.line, section: where.section, chain: where.chain }, last: state };
        return;
      }
      if (isBlockCloser(key)) this.logic = undefined;
      if (this.logic) {
        this.runLogic(this.logic, key, value, where);
        return;
      }
    }
    const entry = this.pushEntry(key, value, where);
    if (placeholderOnly) {
      if (this.isOption(key)) this.stop('fatal', `you cannot use ${key} as a placeholder, it is already available as an option`, where);
      entry.configured = true;
      return;
    }
    if (!this.isOption(key)) {
      if (this.strict) this.stop('fatal', `[strict-mode] unknown config directive: ${key}`, where);
      return;
    }
    if (this.isImmediate(key)) {
      entry.configured = true;
      this.immediate(key, value, where);
    }
  }

  /** Set while uwsgi_configure runs: entries added then (by `inherit`) come after the passes. */
  private configuring = false;

  private pushEntry(key: string, value: string, where: Where): ListEntry {
    if (this.entries.length >= this.limits.maxEntries) this.stop('limit', `more than ${this.limits.maxEntries} entries`, where);
    const entry: ListEntry = {
      key, value, read: value, configured: false, late: this.configuring,
      provenance: { file: where.file, line: where.line, section: where.section, chain: where.chain, ...(where.condition ? { condition: where.condition } : {}) },
    };
    this.entries.push(entry);
    if (!this.firstByKey.has(key)) this.firstByKey.set(key, entry);
    return entry;
  }

  // -------------------------------------------------------------------------------------------
  // Immediate options

  private immediate(key: string, value: string, where: Where): void {
    const custom = this.customs.get(key);
    if (custom) return this.runCustom(custom, key, value, where);
    const link = (via: ChainLink['via']): ChainLink[] => [...where.chain, { via, file: where.file, line: where.line, value }];
    if (logicKindOf(key)) {
      if (this.logic) {
        // Under a condition we could not test, uWSGI may never have read this line.
        if (where.condition?.state === 'unknown') this.stop('unsupported', `\`${key}\` inside a block whose condition is unknown (fatal if it holds)`, where);
        this.stop('fatal', 'recursive logic in options is not supported', where);
      }
      this.logic = { key, argument: value, provenance: { file: where.file, line: where.line, section: where.section, chain: where.chain } };
      return;
    }
    switch (key) {
      case 'ini':
        return this.load(value, 'ini', link('ini'), where);
      case 'include':
        return this.include(value, link('include'), where);
      case 'set': {
        const equals = value.indexOf('=');
        if (equals < 0) this.stop('fatal', 'invalid set syntax, must be set=key=value', where);
        return this.add(value.slice(0, equals), value.slice(equals + 1), { ...where, chain: link('set') });
      }
      case 'set-placeholder':
      case 'set-ph': {
        const equals = value.indexOf('=');
        if (equals < 0) this.stop('fatal', `invalid ${key} syntax, must be ${key}=key=value`, where);
        return this.add(value.slice(0, equals), value.slice(equals + 1), { ...where, chain: link('set') }, true);
      }
      case 'resolve': {
        const equals = value.indexOf('=');
        if (equals < 0) this.stop('fatal', 'invalid resolve syntax, must be resolve=key=name', where);
        const name = value.slice(equals + 1);
        return this.add(value.slice(0, equals), this.unknown('network', name, `the address \`${name}\` resolves to (no DNS lookup is made)`), { ...where, chain: link('set') }, true);
      }
      case 'declare-option': {
        const equals = value.indexOf('=');
        if (equals < 0) this.stop('fatal', 'invalid declare-option syntax', where);
        this.customs.set(value.slice(0, equals), { template: value.slice(equals + 1) });
        this.known.clear();
        return;
      }
      case 'strict':
        this.strict = booleanOf(value);
        return;
      case 'plugin':
      case 'plugins':
      case 'need-plugin':
      case 'need-plugins':
        for (const plugin of normalizePluginList(value)) this.plugins.add(plugin);
        this.known.clear();
        return;
      default:
        if (this.terminates(key)) this.stop('fatal', `\`${key}\` ends the process while the config is read`, where);
        if (hasRole(key, 'other-config-loader') || key.startsWith('inject-')) {
          this.stop('unsupported', `\`${key} = ${this.unknowns.render(value)}\` loads a config this interpreter does not read`, where);
        }
    }
  }

  /** `uwsgi_opt_custom`: `$1..$N` from the value's space-split words, then each `opt=value` applied directly. */
  private runCustom(custom: Custom, key: string, value: string, where: Where): void {
    const args = value.split(' ');
    for (const part of custom.template.split(';')) {
      if (part === '') continue;
      let text = part;
      for (let n = args.length; n >= 1; n--) text = text.split(`$${n}`).join(args[n - 1]!);
      const equals = text.indexOf('=');
      const opt = equals < 0 ? text : text.slice(0, equals);
      const optValue = equals < 0 ? '' : text.slice(equals + 1);
      // Applied through uwsgi_manage_opt, never stored: only loaders and placeholders leave a trace.
      const chain: ChainLink[] = [...where.chain, { via: 'declare-option', file: where.file, line: where.line, value: `${key} = ${value}` }];
      if (opt === 'ini' || opt === 'include' || opt === 'set' || opt === 'set-ph' || opt === 'set-placeholder' || this.customs.has(opt)) {
        this.immediate(opt, optValue, { ...where, chain });
      }
    }
  }

  /** An option of uWSGI's own command line, already applied. */
  commandLine(key: string, value: string): void {
    this.pushEntry(key, value, { file: '<command line>', line: 0, section: 'uwsgi', chain: [] }).configured = true;
  }

  /** §12: every `UWSGI_*` variable is an option, before the command line; no magic expansion. */
  environmentOptions(): void {
    const where = { file: '<environment>', line: 0, section: 'uwsgi', chain: [] as ChainLink[] };
    const plugins = this.options.env.vars.get('UWSGI_PLUGINS');
    if (plugins !== undefined) for (const plugin of normalizePluginList(plugins)) this.plugins.add(plugin);
    for (const [name, value] of this.options.env.vars) {
      if (!name.startsWith('UWSGI_') || ENV_NOT_OPTIONS.has(name)) continue;
      this.add(name.slice('UWSGI_'.length).toLowerCase().replace(/_/g, '-'), value, where);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  private include(value: string, chain: ChainLink[], where: Where): void {
    // uwsgi_opt_load picks the loader from the whole value's suffix, so `x.ini:sec` matches none.
    if (value.endsWith('.ini')) return this.load(value, 'include', chain, where);
    const suffix = /\.([a-z]+)$/.exec(value)?.[1];
    if (suffix && hasRole(suffix, 'other-config-loader')) this.stop('unsupported', `\`include = ${this.unknowns.render(value)}\`: a ${suffix} config is not read by this interpreter`, where);
    this.stop('fatal', `unable to load configuration from ${this.unknowns.render(value)}`, where);
  }

  /** `uwsgi_opt_load_ini` + `uwsgi_ini_config`. `via` decides whether the upper-case magic variables get frozen. */
  load(spec: string, via: 'ini' | 'include' | 'inherit', chain: ChainLink[], where: { file: string; line: number; condition?: BlockCondition }): void {
    if (++this.loads > this.limits.maxLoads) this.stop('limit', `more than ${this.limits.maxLoads} config loads (uWSGI would go on without end)`, where);
    if (chain.filter((l) => l.via === 'ini' || l.via === 'include' || l.via === 'inherit').length > this.limits.maxDepth + 1) {
      this.stop('limit', `includes nested deeper than ${this.limits.maxDepth} (uWSGI would recurse without end)`, where);
    }
    if (!isKnown(spec)) this.stop('unsupported', `the config file name \`${this.unknowns.render(spec)}\` is not known here`, where);
    const searchFrom = hasScheme(spec) ? spec.lastIndexOf('/') + 1 : 0;
    const colon = spec.lastIndexOf(':');
    let file = spec;
    let section = 'uwsgi';
    let asked = '';
    if (colon >= searchFrom && colon >= 0) {
      file = spec.slice(0, colon);
      asked = spec.slice(colon + 1);
      if (asked !== '') section = asked;
    }
    const table = this.magicTable(file, asked);
    if (file === '' && colon === 0) file = this.lastFile ?? '';
    if (via === 'ini' && !this.upper) {
      this.upper = new Map(UPPER.map((u) => [u, table.get(u.toLowerCase()) ?? '']));
    }
    if (hasScheme(file)) this.stop('unsupported', `\`${file}\` is fetched or run by uWSGI, never by this interpreter`, where);
    const text = this.readConfig(file, where);
    if (text === null) return;
    if (colon !== 0 || this.lastFile === undefined) this.lastFile = file;
    if (text === undefined) {
      // No file access here (an untrusted workspace): what the file holds is unknown.
      this.stop('unsupported', `\`${file}\` may not be read here`, where);
    }
    // Expansions are memoised per (file, the magic values its text uses), sections per expansion:
    // `ini = :a`, `ini = :b`... on one file expand and split it once, not once per pull.
    const path = resolvePath(this.cwd, file);
    let expansion = this.expansions.get(path);
    if (!expansion || expansion.text !== text) {
      expansion = { text, used: magicCharsOf(text), byTable: new Map() };
      this.expansions.set(path, expansion);
    }
    const values = expansion.used.map((char) => this.magicValue(char, table));
    const memoKey = values.join('\0');
    let sections = expansion.byTable.get(memoKey);
    if (!sections) {
      const expanded = expansion.used.length === 0 ? { text, lines: undefined } : magicSub(text, (char) => values[expansion!.used.indexOf(char)] ?? '');
      sections = indexSections(expanded.text, expanded.lines);
      expansion.byTable.set(memoKey, sections);
    }
    const selected = sections.get(section) ?? NOT_FOUND;
    if (!selected.found) this.warnings.push({ message: `Can't find section "${section}" in INI configuration file ${file}`, ...where });
    const shownPath = table.get('p') ?? file;
    for (const line of selected.lines) this.addRead(line, shownPath, section, chain, where.condition);
  }

  private addRead(line: ReadLine, file: string, section: string, chain: readonly ChainLink[], condition: BlockCondition | undefined): void {
    const value = line.value.length > this.limits.maxValueLength ? this.tooLong(line.value) : line.value;
    this.add(line.key, value, { file, line: line.line, section, chain, ...(condition ? { condition } : {}) });
  }

  private tooLong(value: string): string {
    return this.unknown('limit', `${value.slice(0, 40)}...`, `a value longer than ${this.limits.maxValueLength} characters`);
  }

  /**
   * The file's text, read once; undefined when no file access is allowed. Missing files are fatal,
   * as in uWSGI, except under a condition we could not test: null, and the load is passed by.
   */
  private readConfig(file: string, where: { file: string; line: number; condition?: BlockCondition }): string | undefined | null {
    const path = resolvePath(this.cwd, file);
    if (this.options.text !== undefined && path === resolvePath(this.cwd, this.mainFile)) return this.options.text;
    if (this.texts.has(path)) return this.texts.get(path);
    if (!this.fs) {
      this.texts.set(path, undefined);
      return undefined;
    }
    const stat = this.fs.stat(path);
    if (!stat || stat.type === 'directory') {
      if (where.condition?.state === 'unknown') {
        // uWSGI reads this line only where the condition holds, and stops there: here it goes on.
        this.missed.push({ file: where.file, line: where.line, path, condition: where.condition });
        return null;
      }
      this.stop('fatal', `open("${file}"): No such file or directory`, where);
    }
    // A FIFO or a device could block or never end: never opened.
    if (stat.type !== 'file') this.stop('unsupported', `${file} is not a regular file; it is not read`, where);
    if (stat.size > this.limits.maxFileBytes) this.stop('limit', `${file} is larger than ${this.limits.maxFileBytes} bytes`, where);
    if (!this.filesRead.has(stat.realPath)) {
      if (this.filesRead.size >= this.limits.maxFiles) this.stop('limit', `more than ${this.limits.maxFiles} files read`, where);
      this.bytesRead += stat.size;
      if (this.bytesRead > this.limits.maxTotalBytes) this.stop('limit', `more than ${this.limits.maxTotalBytes} bytes read`, where);
      this.filesRead.add(stat.realPath);
    }
    const text = this.fs.readFile(path, this.limits.maxFileBytes);
    if (text === undefined) this.stop('fatal', `read("${file}") failed`, where);
    this.texts.set(path, text);
    return text;
  }

  get mainFile(): string {
    const spec = this.options.file;
    const colon = spec.lastIndexOf(':');
    return colon > 0 && !hasScheme(spec) ? spec.slice(0, colon) : spec;
  }

  // -------------------------------------------------------------------------------------------
  // Magic variables (config_magic_table_fill, core/uwsgi.c)

  /** uWSGI fills one global table per load and never clears it: what a file does not set stays from the previous one. */
  private readonly table = new Map<string, string>();

  private magicTable(file: string, section: string): Map<string, string> {
    const table = this.table;
    table.set('o', file).set('x', section);
    if (file === '' || file === '-' || hasScheme(file)) return new Map(table);
    const path = resolvePath(this.cwd, file);
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const directory = path.slice(0, slash + 1);
    const parent = directory.slice(0, -1);
    table.set('p', path).set('s', name).set('d', directory).set('c', parent.slice(parent.lastIndexOf('/') + 1));
    const dot = file.lastIndexOf('.');
    if (dot >= 0) table.set('e', file.slice(dot + 1));
    const nameDot = name.lastIndexOf('.');
    if (nameDot >= 0) table.set('n', name.slice(0, nameDot));
    const components = parent.split('/').filter(Boolean);
    for (let i = 0; i < 10; i++) table.set(String(i), components[i] ?? '');
    table.set('j', djb33x(path));
    const inode = this.options.machine.inode?.(path);
    if (inode !== undefined) table.set('i', inode);
    else table.delete('i');
    return new Map(table);
  }

  /** One marker per unknown magic value (and file, for `%i`), so a memoised expansion is found again. */
  private readonly magicUnknowns = new Map<string, string>();

  private magicValue(char: string, table: Map<string, string>): string {
    const key = `${char}\0${table.get('p') ?? ''}`;
    const marker = this.magicUnknowns.get(key);
    if (marker !== undefined) return marker;
    const value = this.magicValueOnce(char, table);
    if (!isKnown(value)) this.magicUnknowns.set(key, value);
    return value;
  }

  private magicValueOnce(char: string, table: Map<string, string>): string {
    if (char === '%') return '%';
    if (char === '(') return '%(';
    const machine = this.options.machine;
    const fact = (value: string | undefined, what: string): string =>
      value ?? this.unknown('magic', `%${char}`, `${what} of the machine uWSGI runs on`);
    switch (char) {
      case 'v': return fact(machine.cwd, 'the working directory');
      case 'h': return fact(machine.hostname, 'the hostname');
      case 't': return fact(machine.time, 'the start time');
      case 'T': return fact(machine.timeMicro, 'the start time');
      case 'k': return fact(machine.cores, 'the CPU count');
      case 'u': return fact(machine.uid, 'the uid');
      case 'U': return fact(machine.user, 'the user name');
      case 'g': return fact(machine.gid, 'the gid');
      case 'G': return fact(machine.group, 'the group name');
      case 'V': return fact(machine.version, 'the uWSGI version');
      case 'b': return fact(machine.binaryPath, 'the binary path');
      case '[': return '\u001b';
      case 'i':
        return table.get('i') ?? (table.has('p') ? this.unknown('magic', '%i', 'the inode number of the file') : '');
    }
    if (UPPER.includes(char)) {
      if (!this.upper) return '';
      if (char === 'I') return this.upper.get('I') || (this.upper.get('P') ? this.unknown('magic', '%I', 'the inode number of the file') : '');
      return this.upper.get(char) ?? '';
    }
    return table.get(char) ?? '';
  }

  // -------------------------------------------------------------------------------------------
  // Config logic (core/config.c): one state for the whole run, each line tested on its own.

  private runLogic(logic: Logic, key: string, value: string, where: Where): void {
    const data = logic.argument;
    const condition = (state: ConditionState): BlockCondition => ({
      key: logic.key, argument: data, state, file: logic.provenance.file, line: logic.provenance.line,
    });
    const emit = (replacement: string | undefined, state: ConditionState): void => {
      const substituted = replacement === undefined ? value : value.split('%(_)').join(replacement);
      this.logicRunning = true;
      try {
        this.add(key, substituted, { ...where, condition: condition(state) });
      } finally {
        this.logicRunning = false;
      }
    };
    const skip = (): void => {
      this.skipped.push({ key, value, provenance: { file: where.file, line: where.line, section: where.section, chain: where.chain, condition: condition('false') } });
    };
    const kind = logic.key;
    if (kind === 'else') {
      const state = logic.last!;
      if (state === 'false') return skip();
      return emit(undefined, state);
    }
    if (kind.startsWith('for')) return this.runLoop(kind, data, where, emit);
    const { result, replacement, unknownText } = this.testCondition(kind, data);
    logic.last = result === undefined ? 'unknown' : result ? 'true' : 'false';
    if (result === undefined) emit(unknownText === undefined ? replacement : value.includes('%(_)') ? unknownText : replacement, 'unknown');
    else if (result) emit(replacement, 'true');
    else skip();
  }

  /** The body of a `for*` block, once per item; an item only known at run time is one unknown pass. */
  private runLoop(kind: string, data: string, where: Where, emit: (item: string, state: ConditionState) => void): void {
    if (kind === 'for') {
      for (const token of data.split(' ').filter(Boolean)) emit(token, 'true');
      return;
    }
    if (kind === 'for-times') {
      const count = atoi(data);
      for (let i = 1; i <= Math.min(count, this.limits.maxEntries); i++) emit(String(i), 'true');
      return;
    }
    if (kind === 'for-readline') {
      const text = this.fs && isKnown(data) ? this.readPlain(data) : undefined;
      if (text === null) {
        this.warnings.push({ message: `open("${data}"): No such file or directory`, file: where.file, line: where.line });
        return;
      }
      if (text === undefined) return emit(this.unknown('file', '%(_)', `a line of \`${this.unknowns.render(data)}\``), 'unknown');
      for (const line of fgetsLines(text)) emit(line, 'true');
      return;
    }
    // for-glob. Without a directory listing only two cases are certain: no pattern characters, or
    // a fixed leading directory that does not exist (GLOB_NOCHECK then yields the pattern).
    const fixed = data.slice(0, data.search(/[*?[]/) < 0 ? data.length : data.search(/[*?[]/));
    if (this.fs && isKnown(data)) {
      if (fixed === data) {
        const stat = this.fs.stat(resolvePath(this.cwd, data));
        return emit(stat?.type === 'directory' ? `${data}/` : data, 'true');
      }
      const base = fixed.slice(0, fixed.lastIndexOf('/') + 1);
      if (base !== '' && base !== '/' && this.fs.stat(resolvePath(this.cwd, base)) === undefined) return emit(data, 'true');
    }
    emit(this.unknown('machine', '%(_)', `a path matching \`${this.unknowns.render(data)}\``), 'unknown');
  }

  /**
   * Whether an `if-*` block's condition holds (undefined: only the machine uWSGI runs on knows), and
   * what `%(_)` stands for inside it; `unknownText` replaces `%(_)` when the result is unknown.
   */
  private testCondition(kind: string, data: string): { result: boolean | undefined; replacement: string | undefined; unknownText?: string } {
    const equals = data.indexOf('=');
    const name = equals < 0 ? data : data.slice(0, equals);
    const expected = equals < 0 ? undefined : data.slice(equals + 1);
    const negated = kind.startsWith('if-not-');
    const flip = (result: boolean | undefined): boolean | undefined => (result === undefined ? undefined : negated ? !result : result);
    const outcome = (result: boolean | undefined, replacement: string | undefined) => ({ result: flip(result), replacement });
    switch (kind) {
      case 'if-opt':
      case 'if-not-opt': {
        const found = this.firstValue(name);
        const holds = found !== undefined && (expected === undefined || found === expected);
        const unsure = found !== undefined && expected !== undefined && (!isKnown(found) || !isKnown(expected)) ? undefined : holds;
        return outcome(unsure, found);
      }
      case 'if-env':
      case 'ifenv':
      case 'if-not-env': {
        const env = this.options.env;
        const found = env.vars.get(name);
        if (found === undefined && !env.complete) {
          return { result: undefined, replacement: undefined, unknownText: this.unknown('env', '%(_)', `the environment variable ${name}`) };
        }
        return outcome(found !== undefined && (expected === undefined || found === expected), found);
      }
      case 'if-exists':
      case 'ifexists':
      case 'if-not-exists':
      case 'if-file':
      case 'if-not-file':
      case 'if-dir':
      case 'ifdir':
      case 'if-directory':
      case 'if-not-dir': {
        if (!this.fs || !isKnown(data)) return outcome(undefined, data);
        const stat = this.fs.stat(resolvePath(this.cwd, data));
        return outcome(kind.includes('file') ? stat?.type === 'file' : kind.includes('dir') ? stat?.type === 'directory' : stat !== undefined, data);
      }
      case 'if-plugin':
      case 'ifplugin':
      case 'if-not-plugin':
        return outcome(this.plugins.has(normalizePluginName(data)), data);
      case 'if-hostname':
      case 'if-not-hostname': {
        const host = this.options.machine.hostname;
        return outcome(host === undefined || !isKnown(data) ? undefined : host === data, data);
      }
      case 'if-reload':
      case 'if-not-reload':
        return outcome(this.options.machine.isReload, undefined);
      default:
        // if-hostname-match needs PCRE, which the released Debian build lacks.
        return outcome(undefined, data);
    }
  }

  /** A file read for `for-readline`: null when it is missing (uWSGI logs and goes on). */
  private readPlain(file: string): string | null | undefined {
    const path = resolvePath(this.cwd, file);
    const stat = this.fs!.stat(path);
    if (!stat || stat.type !== 'file') return null;
    if (stat.size > this.limits.maxFileBytes) return undefined;
    return this.fs!.readFile(path, this.limits.maxFileBytes) ?? null;
  }

  // -------------------------------------------------------------------------------------------
  // The `$`, `@`, `%` passes (uwsgi_apply_config_pass, core/utils.c)

  private passEntry: ListEntry | undefined;

  passes(): void {
    for (const [symbol, hook] of [
      ['$', (name: string) => this.envHook(name)],
      ['@', (name: string) => this.fileHook(name)],
      ['%', (name: string) => this.placeholderHook(name)],
    ] as const) {
      for (const entry of this.entries) {
        if (entry.configured) continue;
        this.passEntry = entry;
        entry.value = this.applyPass(entry.value, symbol, hook);
      }
    }
  }

  /** One pass over one value, the C state machine as is: after a substitution the scan restarts at index 1. */
  applyPass(input: string, symbol: string, hook: (name: string) => string | undefined): string {
    // The scanner substitutes only after `symbol(`: a value without one comes out unchanged.
    if (!input.includes(`${symbol}(`)) return input;
    let value = input;
    let substitutions = 0;
    // Each substitution restarts the scan: bound the characters scanned, not only the substitutions.
    let scanned = 0;
    let has = 0;
    let depth = 0;
    let keyStart = -1;
    for (let j = 0; j < value.length; j++) {
      const c = value[j]!;
      if (c === symbol) has = 1;
      else if (c === '(' && has === 1) {
        has = 2;
        depth = 0;
        keyStart = j + 1;
      } else if (has > 1) {
        if (c === '(') {
          has++;
          depth++;
        } else if (c === ')') {
          if (depth > 0) {
            has++;
            depth--;
            continue;
          }
          if (has <= 2) {
            has = 0;
            continue;
          }
          const name = value.slice(keyStart, keyStart + has - 2);
          const replacement = hook(name);
          if (replacement === undefined) {
            has = 0;
            continue;
          }
          value = value.slice(0, keyStart - 2) + replacement + value.slice(keyStart + has - 1);
          has = 0;
          if (++substitutions > this.limits.maxSubstitutions) {
            return this.unknown('limit', input, `more than ${this.limits.maxSubstitutions} substitutions (uWSGI would expand it without end)`);
          }
          if (value.length > this.limits.maxValueLength) return this.tooLong(value);
          scanned += j;
          if (scanned > this.limits.maxPassScan) {
            return this.unknown('limit', input, `more than ${this.limits.maxPassScan} characters scanned to expand it (uWSGI would expand it without end)`);
          }
          j = 0;
        } else has++;
      } else has = 0;
    }
    return value;
  }

  private envHook(name: string): string | undefined {
    if (!isKnown(name)) return this.unknown('env', `$(${this.unknowns.render(name)})`, 'an environment variable whose name is not known');
    let variable = name;
    let fallback: string | undefined;
    let emptyToo = false;
    if (this.options.version === '2.1' && /[:-]/.test(name)) {
      // strtok on ':' and '-': the default ends at the next of either (SEMANTICS.md §9).
      const tokens = name.split(/[:-]/).filter(Boolean);
      variable = tokens[0] ?? '';
      fallback = tokens[1];
      emptyToo = name.includes(':-');
    }
    const env = this.options.env;
    const found = env.vars.get(variable);
    if (found === undefined && !env.complete) {
      return this.unknown('env', `$(${name})`, `the environment variable ${variable}, not given`);
    }
    if (fallback !== undefined && (found === undefined || (emptyToo && found === ''))) return fallback;
    return found;
  }

  private fileHook(name: string): string | undefined {
    const shown = this.unknowns.render(name);
    if (!isKnown(name)) return this.unknown('file', `@(${shown})`, 'the content of a file whose name is not known');
    if (hasScheme(name)) {
      const scheme = name.slice(0, name.indexOf(':'));
      return this.unknown('exec', `@(${name})`, `${scheme}:// is run or fetched by uWSGI, never by this interpreter`);
    }
    if (!this.fs) return this.unknown('file', `@(${name})`, 'files may not be read here');
    const path = resolvePath(this.cwd, name);
    const stat = this.fs.stat(path);
    if (!stat || stat.type !== 'file') this.stop('fatal', `open("${name}"): No such file or directory`, this.passEntry?.provenance ?? { file: '', line: 0 });
    if (stat.size > this.limits.maxValueLength) return this.unknown('limit', `@(${name})`, `a file larger than ${this.limits.maxValueLength} bytes`);
    const text = this.fs.readFile(path, this.limits.maxValueLength);
    if (text === undefined) return this.unknown('file', `@(${name})`, 'a file that cannot be read');
    return text.endsWith('\n') || text.endsWith('\r') ? text.slice(0, -1) : text;
  }

  private placeholderHook(name: string): string | undefined {
    if (name.includes(' ')) return this.math(name);
    return this.firstValue(name);
  }

  /** Placeholder math (core/config.c): strictly left to right, operands side by side concatenate. */
  private math(expression: string): string {
    let current: string | undefined;
    let operator: string | undefined;
    for (const token of expression.split(' ').filter(Boolean)) {
      if (token === '+' || token === '-' || token === '*' || token === '/') {
        operator = token;
        continue;
      }
      if (token === '++' || token === '--') {
        if (current !== undefined && !isKnown(current)) continue;
        current = String(atoll(current ?? '') + (token === '++' ? 1n : -1n));
        continue;
      }
      const operand = /^\d+$/.test(token) ? token : (this.firstValue(token) ?? '');
      if (current === undefined) current = operand;
      else if (operator) {
        if (!isKnown(current) || !isKnown(operand)) current = this.unknown('limit', `%(${expression})`, 'arithmetic on an unknown value');
        else current = String(arith(atoll(current), operator, atoll(operand)));
        operator = undefined;
      } else current += operand;
    }
    return current ?? '';
  }

  // -------------------------------------------------------------------------------------------
  // uwsgi_configure: inherit loads its file now, after the passes.

  configure(): void {
    this.configuring = true;
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries[i]!;
      if (entry.configured) continue;
      if (!this.isOption(entry.key)) {
        if (this.strict) this.stop('fatal', `[strict-mode] unknown config directive: ${entry.key}`, entry.provenance);
        continue;
      }
      entry.configured = true;
      // Parsers that cut their value in place: --show-config prints what is left.
      if (entry.key === 'cron2') {
        const space = entry.value.indexOf(' ');
        if (space >= 0) entry.value = entry.value.slice(0, space);
      }
      if (this.terminates(entry.key)) this.stop('fatal', `\`${entry.key}\` ends the process when it is applied`, entry.provenance);
      if (entry.key === 'inherit') {
        const chain = [...entry.provenance.chain, { via: 'inherit' as const, file: entry.provenance.file, line: entry.provenance.line, value: entry.value }];
        if (!entry.value.endsWith('.ini')) {
          this.stop(isKnown(entry.value) ? 'fatal' : 'unsupported', `unable to load configuration from ${this.unknowns.render(entry.value)}`, entry.provenance);
        }
        this.load(entry.value, 'inherit', chain, entry.provenance);
      }
    }
  }
}

function booleanOf(value: string): boolean {
  return !(/^(false|off|no)$/i.test(value) || value === '0');
}

function atoi(text: string): number {
  const match = /^[ \t\n\r\f\v]*([+-]?\d+)/.exec(text);
  return match ? Number.parseInt(match[1]!, 10) : 0;
}

function atoll(text: string): bigint {
  const match = /^[ \t\n\r\f\v]*([+-]?\d+)/.exec(text);
  return match ? BigInt(match[1]!) : 0n;
}

function arith(a: bigint, operator: string, b: bigint): bigint {
  switch (operator) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default: return b === 0n ? 0n : a / b;
  }
}

/** `fgets` with a 1024-byte buffer, newline chomped: long lines come in 1023-byte pieces. */
function fgetsLines(text: string): string[] {
  const lines: string[] = [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  for (const part of parts) {
    for (let i = 0; i < Math.max(part.length, 1); i += 1023) lines.push(part.slice(i, i + 1023).replace(/[\r\n]+$/, ''));
  }
  return lines;
}

/** `%j`: djb33x of the path, its 4 bytes printed least significant first. */
function djb33x(text: string): string {
  let hash = 5381;
  for (const byte of new TextEncoder().encode(text)) hash = (Math.imul(hash, 33) ^ byte) >>> 0;
  let out = '';
  for (let i = 0; i < 4; i++) out += ((hash >>> (8 * i)) & 0xff).toString(16).toUpperCase().padStart(2, '0');
  return out;
}

function effectiveOf(entries: readonly ListEntry[], version: '2.0' | '2.1'): Map<string, EffectiveOption> {
  const effective = new Map<string, { name: string; repeat: string; entries: ListEntry[] }>();
  for (const entry of entries) {
    const previous = effective.get(entry.key);
    if (previous) {
      if (previous.repeat === 'last_wins') previous.entries[0] = entry;
      else previous.entries.push(entry);
      continue;
    }
    const option = getOption(entry.key, version);
    if (option) effective.set(entry.key, { name: entry.key, repeat: option.repeat, entries: [entry] });
  }
  return effective;
}

/** Interprets `options.file` as `uwsgi --ini FILE` would load it. Never throws for a config's content. */
export function interpret(options: InterpretOptions): Interpretation {
  const run = new Run(options);
  let stop: Stop | undefined;
  const argv = { file: '<command line>', line: 0, section: 'uwsgi', chain: [] as ChainLink[] };
  try {
    run.environmentOptions();
    // What `--ini FILE` puts in the list, before the file's own lines.
    run.commandLine('ini', options.file);
    run.load(options.file, 'ini', [{ via: 'ini', file: argv.file, line: 0, value: options.file }], argv);
    run.passes();
    run.configure();
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    stop = error.stop;
  }
  let effective: Map<string, EffectiveOption> | undefined;
  return {
    entries: run.entries,
    skipped: run.skipped,
    unknowns: run.unknowns.parts,
    stop,
    warnings: run.warnings,
    reads: run.reads,
    conditionalMisses: run.missed,
    // Built on first use: the editor's services mostly ask for entries by line.
    get effective() {
      return (effective ??= effectiveOf(run.entries, options.version));
    },
    render: (value) => run.unknowns.render(value),
  };
}

