import { EntryLine, IniDocument, LogicBlock, Section, Span } from '../parser/ast';
import { FileSystemPort } from './fileSystem';
import { checkFileReferences, IncludeResult, resolveIncludes } from './includes';
import { getOption, hasRole, optionsWithRole } from '../registry/registry';
import { entrySegments, isPlaceholderMath, placeholderMathOperands, Segment } from '../parser/values';
import { AnalysisBudget, BudgetKind, BudgetProblem } from './budget';
import { LineTable } from './lineTable';

/** What the analysis needs to know about the uWSGI that will read the file. */
export interface AnalysisOptions {
  /** Section uWSGI is told to read; `uwsgi` unless `--ini file:NAME` is used. */
  readonly section: string;
  /** Where the document lives; included files are found relative to it. */
  readonly uri?: string;
  /** File access for included files; none in untrusted workspaces. */
  readonly fileSystem?: FileSystemPort;
  /** Shared by the models of one document, so that a model per section cannot multiply the work. */
  readonly budget?: AnalysisBudget;
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
const PLACEHOLDER_SETTERS = optionsWithRole('placeholder-setter');
/** Keys whose value is `name=template` and declares the option `name`. */
const OPTION_DECLARERS = optionsWithRole('option-declarer');
/** Keys that load another section of the same file when their value is `:name` or `%p:name`. */
export const SECTION_LOADERS: ReadonlySet<string> = optionsWithRole('section-loader');

/**
 * Immediate options never see the `$()`, `@()` and `%()` passes, except `set`: it adds a new,
 * unconfigured entry whose value those passes do expand (SEMANTICS.md §10).
 */
export function referencesExpandedIn(key: string, immediate: boolean): boolean {
  return !immediate || key === 'set';
}

/**
 * Whether the `%(...)` of a value is expanded: where the other references are, and in the values of
 * the placeholder setters too, which are copied into each value that uses them and expanded there.
 */
export function placeholdersExpandedIn(key: string, immediate: boolean): boolean {
  return referencesExpandedIn(key, immediate) || hasRole(key, 'deferred-expansion');
}
const LETTER_I = 105;
/** How many `%(...)` levels a value is expanded through; deeper chains are unknown. */
const EXPANSION_DEPTH = 8;

/** The value of a `%(name)`, expanded once per model: uses of a name share it instead of expanding it again. */
interface Expansion {
  /** Undefined when unknown (environment, undefined names, a cycle) or too large. */
  readonly text: string | undefined;
  readonly tooLarge: boolean;
  /** Unknown only because the references go deeper than the levels it was expanded with. */
  readonly tooDeep: boolean;
  /** The longest chain of references below the name, for a complete expansion. */
  readonly height: number;
}

/** What `expandValue` gives for a value past the budget: unknown, because it is too large to expand. */
export const TOO_LARGE = Symbol('too large');
export type ExpandedValue = string | undefined | typeof TOO_LARGE;

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
  // Looked up by `EntryLine.index`: cheaper than maps keyed by entry objects, which every rule
  // queries for every entry. Sized to what the model applies, not to the document: a document of
  // 20,000 sections may get a model per section.
  /** 1 + the position of each applied entry in `applied`, by line index; 0 when not applied. */
  private readonly appliedOrderByLine: LineTable;
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
  private readonly tables: DocumentTables;
  private readonly budget: AnalysisBudget;
  /** Where an expansion or a pull went past the budget, the first time for each kind. */
  private readonly problems = new Map<BudgetKind, BudgetProblem>();
  /** A pull was cut short: what the missing sections define is unknown, so are values that use placeholders. */
  private incomplete = false;
  private expansions: Map<string, { expansion: Expansion; levels: number } | typeof IN_PROGRESS> | undefined;
  private resolved: Map<string, ExpandedValue> | undefined;

  private includeResult: IncludeResult | undefined;

  constructor(readonly doc: IniDocument, private readonly options: AnalysisOptions = { section: DEFAULT_SECTION }) {
    this.sectionName = options.section;
    this.tables = tablesOf(doc);
    this.budget = options.budget ?? new AnalysisBudget();
    // Each section is applied once per model: a graph of pulls costs its size, not its paths.
    const pulled = new Set<string>([this.sectionName]);
    for (const section of this.tables.sectionsNamed(this.sectionName)) this.applySection(section, pulled, 0);
    this.appliedOrderByLine = new LineTable(this.applied, doc.lines.length);
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
    const order = this.appliedOrderByLine.get(entry.index);
    return order > 0 && this.applied[order - 1] === entry;
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
    if (result.length <= SORT_LIMIT) return result.sort((a, b) => order.get(a.index) - order.get(b.index));
    // Many entries of several keys: mark their places in `applied` and read them back in order.
    const marks = new Uint8Array(this.applied.length);
    for (const entry of result) marks[order.get(entry.index) - 1] = 1;
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
    const block = this.tables.blockByLine()[entry.index]!;
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
    return this.tables.segments(entry);
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
    if (setter && this.appliedOrderByLine.get(setter.entry.index) < this.appliedOrderByLine.get(keyEntry.index)) return setter;
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
      const at = order.get(entries[0]!.index);
      while (next < setters.length && order.get(setters[next]!.entry.index) < at) names.add(setters[next++]!.name);
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

  /** True when this file reads the key's value: a `%(key)` uses it or an `if-opt` tests it. */
  readsValueOf(key: string): boolean {
    return this.usedNames.has(key) || this.readByIfOpt(key);
  }

  /**
   * True when an `if-opt`/`if-not-opt` tests this key (`if-opt = key` or `key=value`): the key
   * steers the file even if no `%(key)` uses it (SEMANTICS.md §11).
   */
  readByIfOpt(key: string): boolean {
    if (!this.ifOptNameSet) {
      const names = new Set<string>();
      for (const entry of this.entriesWhere((k) => hasRole(k, 'option-condition'))) {
        const equals = entry.value.indexOf('=');
        names.add((equals < 0 ? entry.value : entry.value.slice(0, equals)).trim());
      }
      this.ifOptNameSet = names;
    }
    return this.ifOptNameSet.has(key);
  }

  /**
   * The value text with `%(name)` replaced by what this file defines, or undefined when it uses
   * something we cannot know (environment, files, undefined placeholders) or is too large to
   * expand. References are expanded at most `depth` levels deep.
   */
  resolveValue(value: string, depth = EXPANSION_DEPTH, at?: EntryLine): string | undefined {
    const expanded = this.expandValue(value, depth, at);
    return expanded === TOO_LARGE ? undefined : expanded;
  }

  /**
   * Like `resolveValue`, but tells a value past the budget (`TOO_LARGE`) from one that depends on
   * what the editor cannot know. `at` is the line the value comes from, for the diagnostic.
   */
  expandValue(value: string, depth = EXPANSION_DEPTH, at?: EntryLine): ExpandedValue {
    if (!value.includes('%(')) return /\$\([^)]|@\([^)]/.test(value) ? undefined : value;
    const key = depth === EXPANSION_DEPTH ? value : `${depth}\0${value}`;
    const resolved = (this.resolved ??= new Map());
    if (resolved.has(key)) return resolved.get(key);
    const expansion = this.expandText(value, depth, at);
    let result: ExpandedValue;
    if (expansion.tooLarge) result = TOO_LARGE;
    else if (expansion.text === undefined || /\$\([^)]|@\([^)]/.test(expansion.text)) result = undefined;
    else result = expansion.text;
    resolved.set(key, result);
    return result;
  }

  /** Where the analysis stopped short of a budget (at most one problem of each kind). */
  budgetProblems(): readonly BudgetProblem[] {
    // Expanding every name in use finds the values that grow past the limits wherever they are read.
    for (const name of this.usedNames) this.expandName(name, EXPANSION_DEPTH - 1);
    return [...this.problems.values()];
  }

  /**
   * The value of `%(name)` when its own value may use `levels` more levels of references. Memoised:
   * a complete expansion serves any depth its height fits; one cut short by the depth is computed
   * again only for a larger depth, so each name is expanded at most once per depth (nine times).
   * The recursion is as deep as the depth limit, never as long as the chain of names.
   */
  private expandName(name: string, levels: number): Expansion {
    if (name === '' || name.includes(' ')) return UNKNOWN;
    const expansions = (this.expansions ??= new Map());
    const known = expansions.get(name);
    // A name that is being expanded uses itself: uWSGI would stop at its depth limit, we at once.
    if (known === IN_PROGRESS) return UNKNOWN;
    if (known) {
      if (!known.expansion.tooDeep) return known.expansion.height <= levels ? known.expansion : TOO_DEEP;
      if (levels <= known.levels) return TOO_DEEP;
    }
    const definition = this.definition(name);
    if (!definition) return UNKNOWN;
    expansions.set(name, IN_PROGRESS);
    const expansion = this.expandText(definition.value, levels, definition.entry);
    expansions.set(name, { expansion, levels });
    return expansion;
  }

  /**
   * `text` with each `%(name)` replaced by the name's expansion, references at most `levels` deep,
   * within the document's budget.
   */
  private expandText(text: string, levels: number, at: EntryLine | undefined): Expansion {
    if (this.incomplete) return UNKNOWN;
    const { limits } = this.budget;
    const pattern = /%\(([^()]*)\)/g;
    let result = '';
    let from = 0;
    let height = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (++this.budget.expansions > limits.maxExpansions) return this.tooLarge('expansions', at);
      if (levels < 1) return TOO_DEEP;
      const inner = this.expandName(match[1]!, levels - 1);
      // The name's own line was reported when it grew too large.
      if (inner.tooLarge) return TOO_LARGE_EXPANSION;
      if (inner.text === undefined) return inner;
      height = Math.max(height, inner.height + 1);
      if (result.length + (match.index - from) + inner.text.length > limits.maxValueLength) return this.tooLarge('value-length', at);
      result += text.slice(from, match.index) + inner.text;
      from = match.index + match[0].length;
    }
    result += text.slice(from);
    if (result.length > limits.maxValueLength) return this.tooLarge('value-length', at);
    this.budget.expandedLength += result.length;
    if (this.budget.expandedLength > limits.maxExpandedLength) return this.tooLarge('expanded-length', at);
    return { text: result, tooLarge: false, tooDeep: false, height };
  }

  private tooLarge(kind: BudgetKind, at: EntryLine | undefined): Expansion {
    this.stopped(kind, at);
    return TOO_LARGE_EXPANSION;
  }

  private stopped(kind: BudgetKind, at: EntryLine | undefined): void {
    if (at && !this.problems.has(kind)) this.problems.set(kind, { kind, entry: at });
  }

  private applySection(section: Section, pulled: Set<string>, depth: number): void {
    this.appliedSections.push(section);
    const { limits } = this.budget;
    for (const entry of section.entries) {
      this.applyEntry(entry);
      // Both loaders start with `i`: most keys are settled without hashing them.
      if (entry.key.charCodeAt(0) !== LETTER_I || !SECTION_LOADERS.has(entry.key)) continue;
      const target = localSectionReference(entry);
      if (!target) continue;
      const sections = this.tables.sectionsNamed(target.name);
      if (sections.length === 0) {
        this.missingSectionLoads.push({ entry, name: target.name, nameSpan: target.nameSpan });
        continue;
      }
      // Applied already, earlier or on the way here (uWSGI would recurse without end on a cycle):
      // its entries are in, and each entry counts once.
      if (pulled.has(target.name)) continue;
      let size = 0;
      for (const other of sections) size += other.entries.length;
      let kind: BudgetKind | undefined;
      if (depth >= limits.maxPullDepth) kind = 'pull-depth';
      else if (pulled.size > limits.maxPulls) kind = 'pulls';
      else if (this.budget.pulledEntries + size > limits.maxPulledEntries) kind = 'pulled-entries';
      if (kind) {
        this.incomplete = true;
        this.stopped(kind, entry);
        continue;
      }
      this.budget.pulledEntries += size;
      pulled.add(target.name);
      for (const other of sections) this.applySection(other, pulled, depth + 1);
    }
  }

  private applyEntry(entry: EntryLine): void {
    this.applied.push(entry);
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
const IN_PROGRESS = Symbol('in progress');
const UNKNOWN: Expansion = Object.freeze({ text: undefined, tooLarge: false, tooDeep: false, height: 0 });
const TOO_DEEP: Expansion = Object.freeze({ text: undefined, tooLarge: false, tooDeep: true, height: 0 });
const TOO_LARGE_EXPANSION: Expansion = Object.freeze({ text: undefined, tooLarge: true, tooDeep: false, height: 0 });
/** Up to this many entries, sorting them by applied position beats a pass over every applied entry. */
const SORT_LIMIT = 64;
const NO_SECTIONS: readonly Section[] = [];

/**
 * What depends only on the parse, shared by all the models of a document: which block holds each
 * line, the segments of each value, the sections by name. A model per section must not copy them.
 */
class DocumentTables {
  private blocks: Int32Array | undefined;
  private readonly segmentsByLine: (Segment[] | undefined)[] = [];
  private byName: Map<string, Section[]> | undefined;

  constructor(private readonly doc: IniDocument) {}

  /** 1 + the index in `doc.blocks` of the block whose body holds the line; 0 outside blocks. */
  blockByLine(): Int32Array {
    if (!this.blocks) {
      this.blocks = new Int32Array(this.doc.lines.length);
      const blocks = this.doc.blocks;
      for (let b = 0; b < blocks.length; b++) {
        for (const entry of blocks[b]!.body) this.blocks[entry.index] = b + 1;
      }
    }
    return this.blocks;
  }

  segments(entry: EntryLine): Segment[] {
    let segments = this.segmentsByLine[entry.index];
    if (!segments) {
      segments = entrySegments(this.doc.text, entry);
      this.segmentsByLine[entry.index] = segments;
    }
    return segments;
  }

  sectionsNamed(name: string): readonly Section[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const section of this.doc.sections) {
        const list = this.byName.get(section.name);
        if (list) list.push(section);
        else this.byName.set(section.name, [section]);
      }
    }
    return this.byName.get(name) ?? NO_SECTIONS;
  }
}

const TABLES = new WeakMap<IniDocument, DocumentTables>();

/** Every section of the document with this name, in file order (looked up in a table built once). */
export function sectionsNamed(doc: IniDocument, name: string): readonly Section[] {
  return tablesOf(doc).sectionsNamed(name);
}

function tablesOf(doc: IniDocument): DocumentTables {
  let tables = TABLES.get(doc);
  if (!tables) {
    tables = new DocumentTables(doc);
    TABLES.set(doc, tables);
  }
  return tables;
}

/** `:name` or `%p:name` (this very file): the section of this file an `ini`/`include` line loads. */
export function localSectionReference(entry: EntryLine): { name: string; nameSpan: Span } | undefined {
  const match = /^(%p)?:([^:/]+)$/.exec(entry.value);
  if (!match) return undefined;
  const name = match[2]!;
  const start = entry.valueSpan.end - name.length;
  return { name, nameSpan: { start, end: entry.valueSpan.end } };
}
