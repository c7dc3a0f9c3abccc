import { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DocumentModel, PlaceholderDefinition } from '../analysis/model';
import { EntryLine, LineKind, Span } from '../parser/ast';
import { hasRole } from '../registry/registry';
import { LanguageSettings } from './settings';
import { OptionContext } from '../analysis/optionContext';
import { UwsgiDocument } from './uwsgiDocument';

// Go to definition, references and rename for placeholders (SEMANTICS.md §9, §10): `%(name)` reads
// the first entry of the applied sections whose key is `name`, whether written as `name = ...` or
// through `set-placeholder = name=...`; `declare-option = name=...` makes `name` an option that
// later lines use as a key.

/** Characters a new placeholder name cannot hold: they would end the key, the reference or the name. */
const INVALID_NAME = /[=\s()%]/;
/** A name starting with these would turn the line into a comment or a section header. */
const INVALID_NAME_START = /^[#;[]/;

export interface RenameRefusal {
  /** Why the rename cannot be done, for the user. */
  readonly message: string;
}

export function isRenameRefusal(value: unknown): value is RenameRefusal {
  return typeof value === 'object' && value !== null && typeof (value as RenameRefusal).message === 'string' && !('changes' in value);
}

/** Everything the file says about one name, seen from the section uWSGI reads. */
interface PlaceholderTarget {
  readonly name: string;
  /** The line under the cursor. */
  readonly entry: EntryLine;
  /** Where the cursor is: the name as written there. */
  readonly span: Span;
  readonly model: DocumentModel;
  readonly options: OptionContext;
  readonly definitions: readonly PlaceholderDefinition[];
  /** `%(name)` uses and math operands. */
  readonly uses: readonly Span[];
  /** Key names in `if-opt`/`if-not-opt` values. */
  readonly conditions: readonly Span[];
  /** The name was declared with `declare-option`: keys with that name use the option. */
  readonly declared: boolean;
}

export function findDefinition(document: UwsgiDocument, position: Position, settings: LanguageSettings): Location[] {
  const target = placeholderAt(document, position, settings);
  if (!target) return [];
  const onKey = target.definitions.some((d) => d.kind === 'key' && contains(d.nameSpan, target.span.start));
  let definition: PlaceholderDefinition | undefined;
  if (target.declared && onKey) {
    definition = target.definitions.find((d) => d.kind === 'declare-option');
  } else {
    // `%(name)` reads an entry, and `declare-option` adds none.
    definition = target.definitions.find((d) => d.kind !== 'declare-option') ?? target.definitions[0];
  }
  return definition ? [location(document, definition.nameSpan)] : [];
}

export function findReferences(document: UwsgiDocument, position: Position, includeDeclaration: boolean, settings: LanguageSettings): Location[] {
  const target = placeholderAt(document, position, settings);
  if (!target) return [];
  const spans: Span[] = [...target.uses, ...target.conditions];
  for (const definition of target.definitions) {
    // For a declared option, its keys are uses of the option; only the declaration declares.
    const declares = target.declared ? definition.kind === 'declare-option' : true;
    if (!declares || includeDeclaration) spans.push(definition.nameSpan);
  }
  return uniqueSorted(spans).map((span) => location(document, span));
}

export function prepareRename(document: UwsgiDocument, position: Position, settings: LanguageSettings): { range: Range; placeholder: string } | RenameRefusal {
  const target = placeholderAt(document, position, settings);
  if (!target) return { message: 'Only placeholder names can be renamed: a `%(name)` reference, a key used as one, or a name set with `set-placeholder` or `declare-option`.' };
  const refusal = refuseTarget(target);
  if (refusal) return refusal;
  return { range: document.rangeOf(target.span), placeholder: target.name };
}

export function doRename(document: UwsgiDocument, position: Position, newName: string, settings: LanguageSettings): WorkspaceEdit | RenameRefusal {
  const target = placeholderAt(document, position, settings);
  if (!target) return { message: 'Only placeholder names can be renamed.' };
  const refusal = refuseTarget(target) ?? refuseNewName(target, newName);
  if (refusal) return refusal;
  if (newName === target.name) return { changes: { [document.textDocument.uri]: [] } };
  const spans = uniqueSorted([...target.uses, ...target.conditions, ...target.definitions.map((d) => d.nameSpan)]);
  const edits = spans.map((span) => TextEdit.replace(document.rangeOf(span), newName));
  return { changes: { [document.textDocument.uri]: edits } };
}

function refuseTarget(target: PlaceholderTarget): RenameRefusal | undefined {
  if (target.name === '_' && target.model.blockOf(target.entry) !== undefined) {
    return { message: '`%(_)` is the loop item or condition value of its block; it has no other name.' };
  }
  if (!target.declared && target.options.lookup(target.name).kind !== 'unknown') {
    return { message: `\`${target.name}\` is a uWSGI option: renaming its key would change what uWSGI does, not just the placeholder.` };
  }
  return undefined;
}

function refuseNewName(target: PlaceholderTarget, newName: string): RenameRefusal | undefined {
  if (newName === '') return { message: 'A placeholder name cannot be empty.' };
  if (INVALID_NAME.test(newName) || INVALID_NAME_START.test(newName)) {
    return { message: `\`${newName}\` cannot be a placeholder name: names may not contain \`=\`, spaces, \`(\`, \`)\` or \`%\`, nor start with \`#\`, \`;\` or \`[\`.` };
  }
  if (newName === target.name) return undefined;
  if (target.options.lookup(newName).kind !== 'unknown') {
    return { message: `\`${newName}\` is already an option name: uWSGI would apply the renamed lines as that option.` };
  }
  if (target.model.definitions.has(newName)) {
    return { message: `\`${newName}\` is already defined in this file: renaming would merge two placeholders.` };
  }
  return undefined;
}

/**
 * The placeholder name under the cursor, with the model of the section uWSGI would read it in: the
 * configured one, or the cursor's own section when that is another one (a `[dev]` section is read
 * with `--ini file.ini:dev`). Entries before the first header are never read: nothing to find.
 */
function placeholderAt(document: UwsgiDocument, position: Position, settings: LanguageSettings): PlaceholderTarget | undefined {
  const offset = document.offsetAt(position);
  const line = document.lineAt(offset);
  if (!line || line.kind !== LineKind.Entry || !line.section) return undefined;
  let model = document.model(settings.section);
  if (!model.isApplied(line)) model = document.model(line.section.name);
  if (!model.isApplied(line)) return undefined;
  const options = new OptionContext(model, settings);

  let name: string | undefined;
  let span: Span | undefined;
  let onKey = false;
  const use = model.uses.find((u) => u.entry === line && contains(u.nameSpan, offset));
  if (use) {
    name = use.name;
    span = use.nameSpan;
  } else {
    const definition = [...model.definitions.values()].flat().find((d) => d.entry === line && contains(d.nameSpan, offset));
    if (definition) {
      name = definition.name;
      span = definition.nameSpan;
      onKey = definition.kind === 'key';
    } else {
      const condition = conditionName(document.text, line);
      if (condition && contains(condition, offset)) {
        name = document.text.slice(condition.start, condition.end);
        span = condition;
      }
    }
  }
  if (name === undefined || span === undefined || name === '') return undefined;

  const uses = model.uses.filter((u) => u.name === name).map((u) => u.nameSpan);
  const declared = model.declaredOptions.has(name);
  // A key that is an option and that no `%(...)` reads is just an option, not a placeholder.
  if (onKey && !declared && uses.length === 0 && options.lookup(name).kind !== 'unknown') return undefined;
  const conditions: Span[] = [];
  for (const entry of model.applied) {
    const condition = conditionName(document.text, entry);
    if (condition && document.text.slice(condition.start, condition.end) === name) conditions.push(condition);
  }
  return { name, entry: line, span, model, options, definitions: model.definitions.get(name) ?? [], uses, conditions, declared };
}

/** The key name an `if-opt`/`if-not-opt` value tests. */
function conditionName(text: string, entry: EntryLine): Span | undefined {
  // `if-opt = name` or `if-opt = name=value`: the value starts with a key name.
  if (!hasRole(entry.key, 'option-condition') || entry.value === '') return undefined;
  const equals = text.indexOf('=', entry.valueSpan.start);
  let end = equals >= 0 && equals < entry.valueSpan.end ? equals : entry.valueSpan.end;
  while (end > entry.valueSpan.start && /\s/.test(text[end - 1]!)) end--;
  return end > entry.valueSpan.start ? { start: entry.valueSpan.start, end } : undefined;
}

/** Both ends count: a cursor right before or right after a name is on it. */
function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function uniqueSorted(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans
    .filter((span) => {
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
}

function location(document: UwsgiDocument, span: Span): Location {
  return Location.create(document.textDocument.uri, document.rangeOf(span));
}
