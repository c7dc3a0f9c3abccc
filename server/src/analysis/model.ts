import { EntryLine, IniDocument, LogicBlock, Section, Span } from '../parser/ast';
import { FileSystemPort } from './fileSystem';
import { checkFileReferences, IncludeResult, resolveIncludes } from './includes';
import { getOption } from '../registry/registry';
import { entrySegments, isPlaceholderMath, placeholderMathOperands, Segment } from '../parser/values';

/** What the analysis needs to know about the uWSGI that will read the file. */
export interface AnalysisOptions {
  /** Section uWSGI is told to read; `uwsgi` unless `--ini file:NAME` is used. */
  readonly section: string;
  /** Where the document lives; included files are found relative to it. */
  readonly uri?: string;
  /** File access for included files; none in untrusted workspaces. */
  readonly fileSystem?: FileSystemPort;
}

export const DEFAULT_SECTION = 'uwsgi';

export type DefinitionKind = 'key' | 'set-placeholder' | 'declare-option' | 'loop';

export interface PlaceholderDefinition {
  readonly name: string;
  readonly kind: DefinitionKind;
  readonly entry: EntryLine;
  /** Where the name is written (the key, or the part before `=` in a `set-placeholder` value). */
  readonly nameSpan: Span;
  /** The value a `%(name)` use resolves to (uWSGI reads the first definition). */
  readonly value: string;
}

export interface PlaceholderUse {
  readonly name: string;
  readonly entry: EntryLine;
  /** Span of the name inside `%(...)`, or of the operand inside placeholder math. */
  readonly nameSpan: Span;
  /** The whole `%(...)` segment. */
  readonly segment: Segment;
}

/** Keys whose value is `name=value` and defines the placeholder `name` (SEMANTICS.md §10). */
const PLACEHOLDER_SETTERS = new Set(['set-placeholder', 'set-ph', 'set', 'resolve']);
const OPTION_DECLARERS = new Set(['declare-option', 'declare-option2']);
/** Keys that load another section of the same file when their value is `:name` or `%p:name`. */
export const SECTION_LOADERS: ReadonlySet<string> = new Set(['ini', 'include']);

/**
 * Immediate options never see the `$()`, `@()` and `%()` passes, except `set`: it adds a new,
 * unconfigured entry whose value those passes do expand (SEMANTICS.md §10).
 */
export function referencesExpandedIn(key: string, immediate: boolean): boolean {
  return !immediate || key === 'set';
}
const MAX_SECTION_DEPTH = 16;
const LETTER_I = 105;

/**
 * The document as uWSGI will apply it: which sections apply, in which order their entries are
 * applied, which placeholders are defined and used. Computed once per document version.
 */
export class DocumentModel {
  readonly sectionName: string;
  /** Occurrences of the selected section, then sections pulled in with `ini = :name`. */
  readonly appliedSections: Section[] = [];
  /** Entries uWSGI applies, in order (sections pulled in are spliced at the loader line). */
  readonly applied: EntryLine[] = [];
  // Per-line tables indexed by `EntryLine.index`: cheaper than maps keyed by entry objects, which
  // every rule queries for every entry. Typed arrays: no holes, and the collector never copies them.
  /** 1 + the position of each applied entry in `applied`, by line index; 0 when not applied. */
  private readonly appliedOrderByLine: Int32Array;
  private readonly byKeyMap = new Map<string, EntryLine[]>();
  /** Definitions from `set-placeholder`-like lines, in applied order; keys define the rest. */
  private readonly setterDefinitions: PlaceholderDefinition[] = [];
  private readonly firstSetterDefinition = new Map<string, PlaceholderDefinition>();
  private definitionsMap: Map<string, PlaceholderDefinition[]> | undefined;
  private usedNameSet: ReadonlySet<string> | undefined;
  private ifOptNameSet: ReadonlySet<string> | undefined;
  readonly uses: PlaceholderUse[] = [];
  /** Names declared with `declare-option`: they become options. */
  readonly declaredOptions = new Map<string, EntryLine>();
  /** `ini = :name` lines whose section does not exist in this file. */
  readonly missingSectionLoads: { entry: EntryLine; name: string; nameSpan: Span }[] = [];
  private readonly segmentsByLine: (Segment[] | undefined)[] = [];
  /** 1 + the index in `doc.blocks` of the block whose body holds the line; 0 outside blocks. */
  private readonly blockByLine: Int32Array;
  private sectionsByName: Map<string, Section[]> | undefined;

  private includeResult: IncludeResult | undefined;

  constructor(readonly doc: IniDocument, private readonly options: AnalysisOptions = { section: DEFAULT_SECTION }) {
    this.sectionName = options.section;
    const lineCount = doc.lines.length;
    this.appliedOrderByLine = new Int32Array(lineCount);
    this.blockByLine = new Int32Array(lineCount);
    const blocks = doc.blocks;
    for (let b = 0; b < blocks.length; b++) {
      for (const entry of blocks[b]!.body) this.blockByLine[entry.index] = b + 1;
    }
    const visiting = new Set<string>([this.sectionName]);
    for (const section of doc.sections) {
      if (section.name === this.sectionName) this.applySection(section, visiting, 0);
    }
    this.collectPlaceholders();
  }

  get text(): string {
    return this.doc.text;
  }

  /** What the included ini files set, read on first use within the include limits. */
  get includes(): IncludeResult {
    if (!this.includeResult) {
      const uri = this.options.uri ?? '';
      const loaders = this.entriesWhere((key) => getOption(key)?.valueKind === 'include');
      const loaded = resolveIncludes(uri, loaders, this.options.fileSystem, (value) => this.resolveValue(value));
      const references = checkFileReferences(uri, this.applied, (entry) => this.segments(entry), this.options.fileSystem);
      this.includeResult = references.length === 0 ? loaded : { ...loaded, problems: [...loaded.problems, ...references] };
    }
    return this.includeResult;
  }

  /** True when a key is set here or by an included file. */
  setsKey(key: string): boolean {
    return this.byKeyMap.has(key) || this.includes.keys.has(key);
  }

  isApplied(entry: EntryLine): boolean {
    const order = this.appliedOrderByLine[entry.index];
    return order !== undefined && order > 0 && this.applied[order - 1] === entry;
  }

  /**
   * Applied entries whose key passes the test, in applied order. The test runs once per distinct
   * key, so a rule about a few keys costs O(keys + matches), not O(entries).
   */
  entriesWhere(test: (key: string) => boolean): EntryLine[] {
    let result: EntryLine[] | undefined;
    let keysMatched = 0;
    for (const [key, entries] of this.byKeyMap) {
      if (!test(key)) continue;
      keysMatched++;
      if (!result) result = entries.slice();
      else for (const entry of entries) result.push(entry);
    }
    if (!result) return [];
    if (keysMatched === 1) return result;
    const order = this.appliedOrderByLine;
    if (result.length <= SORT_LIMIT) return result.sort((a, b) => order[a.index]! - order[b.index]!);
    // Many entries of several keys: mark their places in `applied` and read them back in order.
    const marks = new Uint8Array(this.applied.length);
    for (const entry of result) marks[order[entry.index]! - 1] = 1;
    let next = 0;
    for (let i = 0; i < marks.length; i++) if (marks[i] === 1) result[next++] = this.applied[i]!;
    return result;
  }

  /** Applied entries with this key, in order. */
  entriesOf(key: string): readonly EntryLine[] {
    return this.byKeyMap.get(key) ?? NONE;
  }

  has(key: string): boolean {
    return this.byKeyMap.has(key);
  }

  /** Applied keys, each once, in first-seen order. */
  keys(): IterableIterator<string> {
    return this.byKeyMap.keys();
  }

  /** The last value of a key: what a last-wins option ends up as. */
  lastValue(key: string): string | undefined {
    const list = this.byKeyMap.get(key);
    return list ? list[list.length - 1]!.value : undefined;
  }

  /** The block (for/if) that handles this entry, if any. */
  blockOf(entry: EntryLine): LogicBlock | undefined {
    if (!this.isOwnLine(entry)) return undefined;
    const block = this.blockByLine[entry.index]!;
    return block === 0 ? undefined : this.doc.blocks[block - 1];
  }

  /**
   * True when the value has no `%`, `$`, `@` and no line join: its segments are plain text, so
   * rules that look for references need not split it.
   */
  isLiteralValue(entry: EntryLine): boolean {
    const value = entry.value;
    return entry.joins.length === 0 && !value.includes('%') && !value.includes('$') && !value.includes('@');
  }

  segments(entry: EntryLine): Segment[] {
    if (!this.isOwnLine(entry)) return entrySegments(this.doc.text, entry);
    let segments = this.segmentsByLine[entry.index];
    if (!segments) {
      segments = entrySegments(this.doc.text, entry);
      this.segmentsByLine[entry.index] = segments;
    }
    return segments;
  }

  /** Entries of other documents (included files) have indexes into their own lines. */
  private isOwnLine(entry: EntryLine): boolean {
    return this.doc.lines[entry.index] === entry;
  }

  /**
   * Every placeholder definition by name, in applied order: each key, and the names that
   * `set-placeholder`, `set`, `declare-option`... give. Built on first use: validation mostly
   * asks `isDefined`, which the key table answers without an object per entry.
   */
  get definitions(): ReadonlyMap<string, readonly PlaceholderDefinition[]> {
    if (!this.definitionsMap) {
      const map = new Map<string, PlaceholderDefinition[]>();
      const define = (definition: PlaceholderDefinition): void => {
        const list = map.get(definition.name);
        if (list) list.push(definition);
        else map.set(definition.name, [definition]);
      };
      let setter = 0;
      const setters = this.setterDefinitions;
      for (const entry of this.applied) {
        if (entry.key !== '') define({ name: entry.key, kind: 'key', entry, nameSpan: entry.keySpan, value: entry.value });
        while (setter < setters.length && setters[setter]!.entry === entry) define(setters[setter++]!);
      }
      this.definitionsMap = map;
    }
    return this.definitionsMap;
  }

  /** True when `%(name)` has a definition in this file. */
  isDefined(name: string): boolean {
    return (name !== '' && this.byKeyMap.has(name)) || this.firstSetterDefinition.has(name);
  }

  /** The first definition of a placeholder, the one `%(name)` reads. */
  definition(name: string): PlaceholderDefinition | undefined {
    if (this.definitionsMap) return this.definitionsMap.get(name)?.[0];
    const keyEntry = name !== '' ? this.byKeyMap.get(name)?.[0] : undefined;
    const setter = this.firstSetterDefinition.get(name);
    if (!keyEntry) return setter;
    // A line's key is defined before the name its value gives.
    if (setter && this.appliedOrderByLine[setter.entry.index]! < this.appliedOrderByLine[keyEntry.index]!) return setter;
    return { name, kind: 'key', entry: keyEntry, nameSpan: keyEntry.keySpan, value: keyEntry.value };
  }

  /** Every defined name once, in the order of `definitions` (first definition first). */
  definedNames(): string[] {
    if (this.definitionsMap) return [...this.definitionsMap.keys()];
    const order = this.appliedOrderByLine;
    const names = new Set<string>();
    const setters = [...this.firstSetterDefinition.values()];
    let next = 0;
    for (const [key, entries] of this.byKeyMap) {
      const at = order[entries[0]!.index]!;
      while (next < setters.length && order[setters[next]!.entry.index]! < at) names.add(setters[next++]!.name);
      if (key !== '') names.add(key);
    }
    while (next < setters.length) names.add(setters[next++]!.name);
    return [...names];
  }

  /** Names used in `%(...)` (math operands included). */
  get usedNames(): ReadonlySet<string> {
    if (!this.usedNameSet) {
      const names = new Set<string>();
      for (const use of this.uses) names.add(use.name);
      this.usedNameSet = names;
    }
    return this.usedNameSet;
  }

  /**
   * True when an `if-opt`/`if-not-opt` tests this key (`if-opt = key` or `key=value`): the key
   * steers the file even if no `%(key)` uses it (SEMANTICS.md §11).
   */
  readByIfOpt(key: string): boolean {
    if (!this.ifOptNameSet) {
      const names = new Set<string>();
      for (const entry of this.entriesWhere((k) => k === 'if-opt' || k === 'if-not-opt')) {
        const equals = entry.value.indexOf('=');
        names.add((equals < 0 ? entry.value : entry.value.slice(0, equals)).trim());
      }
      this.ifOptNameSet = names;
    }
    return this.ifOptNameSet.has(key);
  }

  /**
   * The value text with `%(name)` replaced by what this file defines, or undefined when it uses
   * something we cannot know (environment, files, undefined placeholders). Bounded: references
   * are expanded at most `depth` levels deep.
   */
  resolveValue(value: string, depth = 8): string | undefined {
    let unknown = false;
    const expand = (text: string, level: number): string =>
      text.replace(/%\(([^()]*)\)/g, (whole, name: string) => {
        if (name === '' || name.includes(' ')) {
          unknown = true;
          return whole;
        }
        const definition = this.definition(name);
        if (!definition || level >= depth) {
          unknown = true;
          return whole;
        }
        return expand(definition.value, level + 1);
      });
    const result = expand(value, 0);
    if (unknown || /\$\([^)]|@\([^)]/.test(result)) return undefined;
    return result;
  }

  private applySection(section: Section, visiting: Set<string>, depth: number): void {
    this.appliedSections.push(section);
    for (const entry of section.entries) {
      this.applyEntry(entry);
      // Both loaders start with `i`: most keys are settled without hashing them.
      if (entry.key.charCodeAt(0) !== LETTER_I || !SECTION_LOADERS.has(entry.key)) continue;
      const target = localSectionReference(entry);
      if (!target) continue;
      const pulled = this.sectionsNamed(target.name);
      if (pulled.length === 0) {
        this.missingSectionLoads.push({ entry, name: target.name, nameSpan: target.nameSpan });
        continue;
      }
      // uWSGI itself would recurse without end on a cycle; we stop and let a rule report it.
      if (visiting.has(target.name) || depth >= MAX_SECTION_DEPTH) continue;
      visiting.add(target.name);
      for (const other of pulled) this.applySection(other, visiting, depth + 1);
      visiting.delete(target.name);
    }
  }

  private sectionsNamed(name: string): readonly Section[] {
    if (!this.sectionsByName) {
      this.sectionsByName = new Map();
      for (const section of this.doc.sections) {
        const list = this.sectionsByName.get(section.name);
        if (list) list.push(section);
        else this.sectionsByName.set(section.name, [section]);
      }
    }
    return this.sectionsByName.get(name) ?? NO_SECTIONS;
  }

  private applyEntry(entry: EntryLine): void {
    if (this.appliedOrderByLine[entry.index] !== 0) return;
    this.applied.push(entry);
    this.appliedOrderByLine[entry.index] = this.applied.length;
    const list = this.byKeyMap.get(entry.key);
    if (list) list.push(entry);
    else this.byKeyMap.set(entry.key, [entry]);
  }

  private collectPlaceholders(): void {
    const text = this.doc.text;
    for (const entry of this.entriesWhere((key) => PLACEHOLDER_SETTERS.has(key) || OPTION_DECLARERS.has(key))) {
      const equals = entry.value.indexOf('=');
      const name = (equals < 0 ? entry.value : entry.value.slice(0, equals)).trim();
      if (name === '') continue;
      const nameStart = text.indexOf(name, entry.valueSpan.start);
      const nameSpan = { start: nameStart, end: nameStart + name.length };
      let definition: PlaceholderDefinition;
      if (OPTION_DECLARERS.has(entry.key)) {
        if (!this.declaredOptions.has(name)) this.declaredOptions.set(name, entry);
        definition = { name, kind: 'declare-option', entry, nameSpan, value: '' };
      } else {
        definition = { name, kind: 'set-placeholder', entry, nameSpan, value: equals < 0 ? '' : entry.value.slice(equals + 1).trim() };
      }
      this.setterDefinitions.push(definition);
      if (!this.firstSetterDefinition.has(name)) this.firstSetterDefinition.set(name, definition);
    }
    for (const entry of this.applied) {
      // No `%` in the value (joins aside), no `%(...)`: skip segmenting most lines.
      if (entry.joins.length === 0 && !entry.value.includes('%')) continue;
      for (const segment of this.segments(entry)) {
        if (segment.kind !== 'placeholder') continue;
        if (isPlaceholderMath(segment)) {
          for (const operand of placeholderMathOperands(segment)) {
            this.uses.push({ name: operand.name, entry, nameSpan: operand.span, segment });
          }
        } else {
          this.uses.push({ name: segment.name, entry, nameSpan: segment.nameSpan, segment });
        }
      }
    }
  }

  /** True when `%(_)` in this entry is the loop item or condition datum of its block. */
  isBlockVariable(use: PlaceholderUse): boolean {
    return use.name === '_' && this.blockOf(use.entry) !== undefined;
  }
}

const NONE: readonly EntryLine[] = [];
/** Up to this many entries, sorting them by applied position beats a pass over every applied entry. */
const SORT_LIMIT = 64;
const NO_SECTIONS: readonly Section[] = [];

/** `:name` or `%p:name` (this very file): the section of this file an `ini`/`include` line loads. */
export function localSectionReference(entry: EntryLine): { name: string; nameSpan: Span } | undefined {
  const match = /^(%p)?:([^:/]+)$/.exec(entry.value);
  if (!match) return undefined;
  const name = match[2]!;
  const start = entry.valueSpan.end - name.length;
  return { name, nameSpan: { start, end: entry.valueSpan.end } };
}
