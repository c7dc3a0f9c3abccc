import {
  CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  CompletionList,
  InsertTextFormat,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { EntryLine, Line, LineKind, SectionLine } from '../parser/ast';
import { endsWithMagicPercent } from '../parser/values';
import { localSectionReference, SECTION_LOADERS } from '../analysis/model';
import {
  actionDocs, allActions, allOptions, allPhases, getOption, HOOK_FAMILIES, optionDocs, parseHookKey, phaseDocs, pluginNames,
  repeatWords, valueKindWords,
} from '../registry/registry';
import type { HookFamily, OptionFacts, PhaseFacts, UwsgiVersion } from '../registry/types';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { OptionContext } from '../analysis/optionContext';
import { ClientFeatures, code, markupContent, printable, truncate } from './markup';
import { locationOfUri, MAGIC_VARIABLES, magicValue } from '../analysis/magicVariables';
import { modelOfEntry } from './entryModel';
import { interpretationOf } from './interpretation';
import { basename } from '../analysis/fileSystem';

/** The section uWSGI reads when the command line names none. */
const DEFAULT_SECTION = 'uwsgi';
/** Caps for lists that grow with the document (placeholders, sections). */
const MAX_DOCUMENT_ITEMS = 500;
const MAX_DETAIL = 60;

/** Characters after which the client should ask again without waiting for a word. */
export const COMPLETION_TRIGGER_CHARACTERS = ['[', '%', '(', '-', '=', ':', ','];

/** What a resolvable item carries so `doResolveCompletion` can add its documentation later. */
interface ItemData {
  readonly uwsgi: 'option' | 'phase' | 'action';
  readonly name: string;
  readonly version: UwsgiVersion;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Run after a phase key is inserted with its ` = `, so the action list opens where the value goes.
 * Only for `hook-` phases whose value starts with the action: `exec-`, `call-` and mount values
 * have no list, and `hook-touch` wants its file first.
 */
const SUGGEST_ACTIONS = { title: 'Suggest hook actions', command: 'editor.action.triggerSuggest' };

function actionFollowsKey(family: HookFamily, phase: PhaseFacts | undefined): boolean {
  return family === 'hook' && phase !== undefined && !phase.hookValueSyntax.startsWith('<file> ');
}

/**
 * A key typed so far that may still grow into `hook-`, `exec-`...: the client must ask again on
 * the next keystroke rather than filter this list, or it never sees the phase list. VS Code does
 * not re-ask on the `-` trigger character when `-` is part of the word, as it is here.
 */
function mayBecomeFamilyPrefix(typed: string): boolean {
  return !typed.includes('-') && HOOK_FAMILIES.some((family) => family.startsWith(typed));
}

export function doComplete(document: UwsgiDocument, position: Position, settings: LanguageSettings, features: ClientFeatures): CompletionList {
  const offset = document.offsetAt(position);
  const line = document.lineAt(offset);
  const completer = new Completer(document, offset, settings, features);
  if (!line || line.kind === LineKind.Blank) return completer.onBlankLine(line);
  if (line.kind === LineKind.Section) return completer.inSectionHeader(line);
  if (line.kind === LineKind.Entry) return completer.inEntry(line);
  return EMPTY;
}

/** Adds the documentation a lazily documented item left out. */
export function doResolveCompletion(item: CompletionItem, features: ClientFeatures): CompletionItem {
  const data = item.data as Partial<ItemData> | undefined;
  if (item.documentation !== undefined || !data || typeof data.name !== 'string') return item;
  const version: UwsgiVersion = data.version === '2.1' ? '2.1' : '2.0';
  const markdown = data.uwsgi === 'option' ? optionDocs(data.name, version)
    : data.uwsgi === 'phase' ? phaseDocs(data.name)
    : data.uwsgi === 'action' ? actionDocs(data.name)
    : undefined;
  return markdown === undefined ? item : { ...item, documentation: markupContent(markdown, features) };
}

/** Option items depend only on the version and the client: built once, then copied per request. */
interface OptionTemplate {
  readonly facts: OptionFacts;
  /** The option belongs to a plugin the default build does not embed. */
  readonly pluginToLoad: string | undefined;
  /** By group: available, plugin not loaded, already set. */
  readonly sortTexts: readonly [string, string, string];
  /** By [plugin missing][already set]. */
  readonly details: readonly [readonly [string, string], readonly [string, string]];
  readonly keyOnlyText: string;
  readonly snippetText: string;
  readonly plainText: string;
  readonly documentation: CompletionItem['documentation'];
  readonly data: ItemData | undefined;
  readonly tags: CompletionItemTag[] | undefined;
  /** A hook phase whose value is an action: accepting it with its ` = ` opens the action list. */
  readonly suggestsActions: boolean;
}

const optionTemplates = new Map<string, readonly OptionTemplate[]>();

function templatesFor(version: UwsgiVersion, features: ClientFeatures): readonly OptionTemplate[] {
  const cacheKey = `${version}|${features.markdown}|${features.resolveDocumentation === true}`;
  let templates = optionTemplates.get(cacheKey);
  if (templates) return templates;
  templates = allOptions(version)
    .filter((facts) => facts.versions.includes(version))
    .map((facts) => {
      const name = facts.name;
      const markdown = features.resolveDocumentation ? undefined : optionDocs(name, version);
      const rank = frequencyRank(facts.corpusFrequency) + name;
      const detail = valueDetail(facts);
      const pluginToLoad = facts.plugin !== 'core' && !facts.embeddedByDefault ? facts.plugin : undefined;
      const needs = ` · needs plugin ${facts.plugin}`;
      const flag = isFlag(facts);
      const hook = parseHookKey(name);
      return {
        facts,
        pluginToLoad,
        sortTexts: [`0${rank}`, `1${rank}`, `2${rank}`],
        details: [[detail, `${detail} · already set`], [detail + needs, `${detail}${needs} · already set`]],
        keyOnlyText: name,
        snippetText: flag ? `${name} = \${1|true,false|}` : `${name} = \${1}`,
        plainText: flag ? `${name} = true` : `${name} = `,
        documentation: markdown === undefined ? undefined : markupContent(markdown, features),
        data: markdown === undefined ? { uwsgi: 'option', name, version } : undefined,
        tags: facts.deprecated ? [CompletionItemTag.Deprecated] : undefined,
        suggestsActions: hook !== undefined && actionFollowsKey(hook.family, hook.phase),
      };
    });
  optionTemplates.set(cacheKey, templates);
  return templates;
}

/** Options used by more real configs sort first; the corpus has 502 files, so 5 digits suffice. */
function frequencyRank(frequency: number): string {
  return String(99_999 - Math.min(frequency, 99_999)).padStart(5, '0');
}

function valueDetail(facts: OptionFacts): string {
  const kind = valueKindWords(facts.valueKind).name;
  const repeat = repeatWords(facts.repeat).repeatable ? ', repeatable' : '';
  const plugin = facts.plugin === 'core' ? 'core' : `${facts.plugin} plugin`;
  return `${kind}${repeat} · ${plugin}${facts.deprecated ? ' · deprecated' : ''}`;
}

function isFlag(facts: OptionFacts): boolean {
  return facts.valueKind === 'flag' || facts.valueKind === 'flag_inverted';
}

/** Escapes text for a snippet placeholder. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

class Completer {
  private readonly text: string;
  private optionContextCache: OptionContext | undefined;

  constructor(
    private readonly document: UwsgiDocument,
    private readonly offset: number,
    private readonly settings: LanguageSettings,
    private readonly features: ClientFeatures,
  ) {
    this.text = document.text;
  }

  private get options(): OptionContext {
    return (this.optionContextCache ??= new OptionContext(this.document.model(this.settings.section), this.settings));
  }

  /**
   * An edit range on the cursor's line: LSP clients reject completion edits that span lines or
   * miss the cursor, which a token continued with a `%` line join would otherwise do.
   */
  private range(start: number, end: number): Range {
    const range = this.document.rangeOf({ start, end });
    if (range.start.line === range.end.line) return range;
    const cursor = this.document.textDocument.positionAt(this.offset);
    const lineStart = { line: cursor.line, character: 0 };
    // offsetAt clamps before the line break, whichever it is (a lone `\r` ends an editor line too).
    const sameLineEnd = this.document.textDocument.positionAt(
      this.document.textDocument.offsetAt({ line: cursor.line, character: Number.MAX_SAFE_INTEGER }));
    return {
      start: range.start.line === cursor.line ? range.start : lineStart,
      end: range.end.line === cursor.line ? range.end : sameLineEnd,
    };
  }

  private list(items: CompletionItem[]): CompletionList {
    return { isIncomplete: false, items };
  }

  /** A blank line (or an empty document): every key, and a first section header when none precedes. */
  onBlankLine(line: Line | undefined): CompletionList {
    const range = this.range(this.offset, this.offset);
    const items = this.optionItems(range, false);
    if (!this.sectionBefore(line)) {
      items.push({
        label: `[${this.settings.section}]`,
        kind: CompletionItemKind.Module,
        detail: 'section header: uWSGI ignores lines before the first one',
        sortText: '!',
        textEdit: { range, newText: `[${this.settings.section}]` },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
    // Nothing typed yet: the next keystrokes may well start `hook-`.
    return { isIncomplete: true, items };
  }

  private sectionBefore(line: Line | undefined): boolean {
    const lines = this.document.ast.lines;
    const upTo = line ? line.index : lines.length;
    for (let i = 0; i < upTo; i++) if (lines[i]!.kind === LineKind.Section) return true;
    return false;
  }

  inSectionHeader(line: SectionLine): CompletionList {
    const nameStart = line.contentStart + 1;
    if (this.offset < nameStart) return EMPTY;
    const closeAt = this.text.indexOf(']', nameStart);
    const hasCloser = closeAt >= 0 && closeAt < line.contentEnd;
    const nameEnd = hasCloser ? closeAt : line.contentEnd;
    if (this.offset > nameEnd) return EMPTY;
    const range = this.range(nameStart, nameEnd);
    const referenced = new Set<string>();
    for (const entry of this.document.ast.entries) {
      if (!SECTION_LOADERS.has(entry.key)) continue;
      const target = localSectionReference(entry);
      if (target) referenced.add(target.name);
    }
    const existing = new Set(this.document.ast.sections.map((s) => s.name));
    const names = new Map<string, string>();
    const add = (name: string, detail: string): void => {
      if (name !== '' && !names.has(name) && names.size < MAX_DOCUMENT_ITEMS) names.set(name, detail);
    };
    for (const name of referenced) if (!existing.has(name)) add(name, 'loaded with `ini = :name`, not written yet');
    add(this.settings.section, this.settings.section === DEFAULT_SECTION ? 'the section uWSGI reads by default' : 'the section being checked');
    add(DEFAULT_SECTION, 'the section uWSGI reads by default');
    for (const name of referenced) add(name, 'loaded with `ini = :name`');
    for (const name of existing) add(name, 'a section of this file (a repeated header continues it)');
    let rank = 0;
    const items: CompletionItem[] = [];
    for (const [name, detail] of names) {
      items.push({
        label: name,
        kind: CompletionItemKind.Module,
        detail,
        sortText: String(rank++).padStart(4, '0'),
        textEdit: { range, newText: hasCloser ? name : `${name}]` },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
    return this.list(items);
  }

  inEntry(entry: EntryLine): CompletionList {
    const offset = this.offset;
    if (offset < entry.keySpan.start) return EMPTY;
    if (entry.equals < 0 || offset <= entry.equals) {
      if (offset > entry.keySpan.end) return EMPTY;
      return this.inKey(entry);
    }
    return this.inValue(entry);
  }

  private inKey(entry: EntryLine): CompletionList {
    const range = this.range(entry.keySpan.start, entry.keySpan.end);
    const typed = this.text.slice(entry.keySpan.start, this.offset);
    const dash = typed.indexOf('-');
    if (dash > 0) {
      const family = typed.slice(0, dash) as HookFamily;
      if (HOOK_FAMILIES.includes(family)) return this.list(this.phaseItems(family, range, entry.equals >= 0));
    }
    return { isIncomplete: mayBecomeFamilyPrefix(typed), items: this.optionItems(range, entry.equals >= 0) };
  }

  /** Every option of the configured version; `keyOnly` when the line already has its `=`. */
  private optionItems(range: Range, keyOnly: boolean): CompletionItem[] {
    const options = this.options;
    const model = options.model;
    const snippets = this.features.snippets && !keyOnly;
    const format = snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
    const items: CompletionItem[] = [];
    // Up to 1,300 items per keystroke: everything that does not depend on the document is
    // precomputed in the templates, so this loop only picks.
    for (const template of templatesFor(this.settings.version, this.features)) {
      const facts = template.facts;
      const needsPlugin = template.pluginToLoad !== undefined && !options.plugins.has(template.pluginToLoad);
      const alreadySet = facts.repeat === 'last_wins' && model.has(facts.name);
      const item: CompletionItem = {
        label: facts.name,
        kind: CompletionItemKind.Property,
        detail: template.details[needsPlugin ? 1 : 0][alreadySet ? 1 : 0],
        // Available options first, then those whose plugin is not loaded, then last-wins ones already set.
        sortText: template.sortTexts[alreadySet ? 2 : needsPlugin ? 1 : 0],
        textEdit: { range, newText: keyOnly ? template.keyOnlyText : snippets ? template.snippetText : template.plainText },
        insertTextFormat: format,
      };
      if (template.documentation !== undefined) item.documentation = template.documentation;
      if (template.data !== undefined) item.data = template.data;
      if (template.tags !== undefined) item.tags = template.tags;
      if (template.suggestsActions && !keyOnly) item.command = SUGGEST_ACTIONS;
      items.push(item);
    }
    let declared = 0;
    for (const [name, declaration] of model.declaredOptions) {
      if (declared++ >= MAX_DOCUMENT_ITEMS) break;
      items.push({
        label: name,
        kind: CompletionItemKind.Property,
        detail: `custom option (${declaration.key}, line ${this.document.textDocument.positionAt(declaration.start).line + 1})`,
        sortText: `0${frequencyRank(0)}${name}`,
        textEdit: { range, newText: keyOnly ? name : `${name} = ` },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
    return items;
  }

  private phaseItems(family: HookFamily, range: Range, keyOnly: boolean): CompletionItem[] {
    const version = this.settings.version;
    const snippets = this.features.snippets && !keyOnly;
    const items: CompletionItem[] = [];
    for (const phase of allPhases()) {
      const facts = phase.families[family];
      if (!facts || !facts.versions.includes(version)) continue;
      const names = [facts.option];
      if (family === 'call') for (const variant of phase.callVariants) if (!names.includes(variant.option)) names.push(variant.option);
      for (const name of names) {
        const variant = phase.callVariants.find((v) => v.option === name);
        const item: CompletionItem = {
          label: name,
          kind: CompletionItemKind.Event,
          detail: truncate(`${phase.kind === 'startup' ? 'start-up' : 'event'} · ${variant ? variant.signature : phase.process}`, MAX_DETAIL * 2),
          // Start-up order, whatever the client's own ranking of the labels would be.
          sortText: String(phase.order).padStart(3, '0') + name,
          filterText: name,
          textEdit: { range, newText: keyOnly ? name : snippets ? `${name} = \${1}` : `${name} = ` },
          insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        };
        if (!keyOnly && actionFollowsKey(family, phase)) item.command = SUGGEST_ACTIONS;
        const markdown = this.features.resolveDocumentation ? undefined : phaseDocs(phase.name);
        if (markdown !== undefined) item.documentation = markupContent(markdown, this.features);
        else item.data = { uwsgi: 'phase', name: phase.name, version } satisfies ItemData;
        items.push(item);
      }
    }
    return items;
  }

  private inValue(entry: EntryLine): CompletionList {
    const offset = this.offset;
    // A `%` typed at the end of a line joins the next line in uWSGI's reading, so it is not part
    // of the value yet: it is still the start of a magic variable being typed.
    if (entry.joins.includes(offset - 1)) return this.list(this.magicItems(entry, this.range(offset - 1, offset)));
    const valueSpan = entry.valueSpan;
    const hasValue = valueSpan.end > valueSpan.start;
    // Blanks after the value are the user typing on: `plugins = python, |`.
    if ((hasValue && offset < valueSpan.start) || offset > entry.end) return EMPTY;
    // `key =|` with nothing after: insert a space first so the line reads `key = value`.
    const lead = !hasValue && offset === entry.equals + 1 ? ' ' : '';
    const start = hasValue ? valueSpan.start : offset;
    const end = hasValue ? Math.max(valueSpan.end, offset) : offset;

    const reference = this.referenceCompletion(entry, start, end);
    if (reference) return reference;

    const hook = parseHookKey(entry.key);
    if (hook?.phase && hook.family === 'hook') return this.list(this.actionItems(hook.phase.hookValueSyntax.startsWith('<file> '), start, end, lead));

    const facts = getOption(entry.key, this.settings.version);
    if (!facts) return EMPTY;
    if (isFlag(facts)) {
      const range = this.range(start, end);
      return this.list(['true', 'false'].map((word, index) => ({
        label: word,
        kind: CompletionItemKind.Value,
        detail: word === 'true' ? 'switches it on' : 'switches it off',
        sortText: String(index),
        textEdit: { range, newText: lead + word },
        insertTextFormat: InsertTextFormat.PlainText,
      })));
    }
    if (facts.valueKind === 'plugin_load') return this.list(this.pluginItems(start, end, lead));
    if (SECTION_LOADERS.has(entry.key)) return this.sectionReferenceItems(entry, start, end);
    return EMPTY;
  }

  /** `%(name` and `%X` under the cursor: placeholders and magic variables. */
  private referenceCompletion(entry: EntryLine, start: number, end: number): CompletionList | undefined {
    const before = this.text.slice(start, this.offset);
    const open = before.lastIndexOf('%(');
    if (open >= 0 && !before.slice(open).includes(')') && endsWithMagicPercent(before, open + 1)) {
      const nameStart = start + open + 2;
      const rest = this.text.slice(this.offset, end);
      const closeIn = rest.search(/[)(]/);
      const closed = closeIn >= 0 && rest[closeIn] === ')';
      const nameEnd = closed ? this.offset + closeIn : this.offset + (/^[^\s%$@]*/.exec(rest)?.[0].length ?? 0);
      return this.list(this.placeholderItems(entry, this.range(nameStart, nameEnd), (name) => (closed ? name : `${name})`)));
    }
    if (endsWithMagicPercent(before, before.length)) {
      return this.list(this.magicItems(entry, this.range(this.offset - 1, this.offset)));
    }
    return undefined;
  }

  /** `%d`, `%n`... with their value for this file, then `%(name)` for each placeholder. */
  private magicItems(entry: EntryLine, range: Range): CompletionItem[] {
    const location = locationOfUri(this.document.textDocument.uri);
    const items: CompletionItem[] = MAGIC_VARIABLES.map((variable, index) => {
      const value = magicValue(variable.name, location);
      return {
        label: `%${variable.name}`,
        kind: CompletionItemKind.Variable,
        detail: value === undefined ? 'known when uWSGI runs' : truncate(printable(value), MAX_DETAIL),
        documentation: markupContent(`${code(`%${variable.name}`)} is ${variable.meaning}.`, this.features),
        sortText: `1${String(index).padStart(3, '0')}`,
        filterText: `%${variable.name}`,
        textEdit: { range, newText: `%${variable.name}` },
        insertTextFormat: InsertTextFormat.PlainText,
      };
    });
    items.push(...this.placeholderItems(entry, range, (name) => `%(${name})`).map((item) => ({ ...item, label: `%(${item.label as string})`, filterText: `%(${item.label as string})`, sortText: `2${item.sortText ?? ''}` })));
    return items;
  }

  private placeholderItems(entry: EntryLine, range: Range, insert: (name: string) => string): CompletionItem[] {
    const items: CompletionItem[] = [];
    const model = modelOfEntry(this.document, entry, this.settings.section);
    const block = model?.blockOf(entry);
    if (block) {
      const position = this.document.textDocument.positionAt(block.opener.start);
      items.push({
        label: '_',
        kind: CompletionItemKind.Variable,
        detail: block.kind === 'for' ? `the current item of \`${block.opener.key}\` (line ${position.line + 1})` : `the datum of \`${block.opener.key}\` (line ${position.line + 1})`,
        sortText: '0',
        textEdit: { range, newText: insert('_') },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
    if (!model) return items;
    for (const [name, definitions] of model.definitions) {
      if (items.length >= MAX_DOCUMENT_ITEMS) break;
      if (name.includes('(') || name.includes(')')) continue;
      const first = definitions[0]!;
      // The line being written is no useful value for itself.
      if (first.entry === entry) continue;
      const custom = first.kind !== 'key' || !getOption(name, this.settings.version);
      items.push({
        label: name,
        kind: CompletionItemKind.Variable,
        detail: truncate(printable(first.value), MAX_DETAIL),
        // Names that exist only to be placeholders come before options that happen to be readable too.
        sortText: `${custom ? '1' : '2'}${name}`,
        textEdit: { range, newText: insert(name) },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
    // Names the files this one includes define: the interpretation read them (only asked when
    // the model read any, so a keystroke in a file without includes does not pay for it).
    if (model.includes.files.length > 0 && items.length < MAX_DOCUMENT_ITEMS) {
      const interpretation = interpretationOf(this.document, this.settings);
      const seen = new Set(items.map((item) => item.label as string));
      for (const listEntry of interpretation.result.entries) {
        if (items.length >= MAX_DOCUMENT_ITEMS) break;
        const name = listEntry.key;
        if (seen.has(name) || listEntry.late || listEntry.provenance.file === interpretation.path || listEntry.provenance.line < 1) continue;
        if (name === '' || name.includes('(') || name.includes(')')) continue;
        seen.add(name);
        items.push({
          label: name,
          kind: CompletionItemKind.Variable,
          detail: truncate(printable(`${interpretation.result.render(listEntry.read)} (${basename(listEntry.provenance.file)}:${listEntry.provenance.line})`), MAX_DETAIL),
          sortText: `${getOption(name, this.settings.version) ? '4' : '3'}${name}`,
          textEdit: { range, newText: insert(name) },
          insertTextFormat: InsertTextFormat.PlainText,
        });
      }
    }
    return items;
  }

  private actionItems(afterFile: boolean, start: number, end: number, lead: string): CompletionItem[] {
    let actionStart = start;
    if (afterFile) {
      // `hook-touch = <file> <action>:<args>`: the action follows the first space.
      const space = this.text.slice(start, end).search(/\s/);
      if (space < 0 || start + space >= this.offset) return [];
      actionStart = start + space + 1;
      while (actionStart < end && /\s/.test(this.text[actionStart]!)) actionStart++;
      if (this.offset < actionStart) return [];
    }
    if (this.text[actionStart] === '!' && actionStart < end) actionStart++;
    if (this.offset < actionStart) return [];
    const colonAt = this.text.indexOf(':', actionStart);
    const hasColon = colonAt >= 0 && colonAt < end;
    if (hasColon && this.offset > colonAt) return [];
    const range = this.range(actionStart, hasColon ? colonAt : end);
    const snippets = this.features.snippets && !hasColon;
    const version = this.settings.version;
    const items: CompletionItem[] = [];
    for (const action of allActions()) {
      if (!action.versions.includes(version)) continue;
      let newText: string;
      if (hasColon) newText = action.name;
      else if (snippets) newText = `${action.name}:${actionArgumentsSnippet(action.args)}`;
      else newText = `${action.name}:`;
      const item: CompletionItem = {
        label: action.name,
        kind: CompletionItemKind.Function,
        detail: action.syntax + (action.needsRoot ? ' · needs root' : ''),
        sortText: (action.aliasOf ? '1' : '0') + action.name,
        textEdit: { range, newText: (actionStart === start ? lead : '') + newText },
        insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
      const markdown = this.features.resolveDocumentation ? undefined : actionDocs(action.name);
      if (markdown !== undefined) item.documentation = markupContent(markdown, this.features);
      else item.data = { uwsgi: 'action', name: action.name, version } satisfies ItemData;
      items.push(item);
    }
    return items;
  }

  private pluginItems(start: number, end: number, lead: string): CompletionItem[] {
    // The item under the cursor: between separators (uWSGI splits on commas; spaces are trimmed).
    let itemStart = this.offset;
    while (itemStart > start && !/[,\s]/.test(this.text[itemStart - 1]!)) itemStart--;
    let itemEnd = this.offset;
    while (itemEnd < end && !/[,\s]/.test(this.text[itemEnd]!)) itemEnd++;
    const range = this.range(itemStart, itemEnd);
    return pluginNames()
      .filter((name) => name !== 'core')
      .map((name) => ({
        label: name,
        kind: CompletionItemKind.Module,
        detail: 'uWSGI plugin',
        textEdit: { range, newText: (itemStart === start ? lead : '') + name },
        insertTextFormat: InsertTextFormat.PlainText,
      }));
  }

  private sectionReferenceItems(entry: EntryLine, start: number, end: number): CompletionList {
    const before = this.text.slice(start, this.offset);
    const prefix = /^(%p)?:/.exec(before);
    if (!prefix) return EMPTY;
    const range = this.range(start + prefix[0].length, end);
    const own = entry.section?.name;
    const seen = new Set<string>();
    const items: CompletionItem[] = [];
    for (const section of this.document.ast.sections) {
      if (section.name === own || section.name === '' || seen.has(section.name) || items.length >= MAX_DOCUMENT_ITEMS) continue;
      seen.add(section.name);
      items.push({
        label: section.name,
        kind: CompletionItemKind.Module,
        detail: `section on line ${this.document.textDocument.positionAt(section.header.start).line + 1}`,
        textEdit: { range, newText: section.name },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
    return this.list(items);
  }
}


/** `write:${1:file} ${2:content}`: the required arguments, or the first optional one when none is required. */
function actionArgumentsSnippet(args: readonly { name: string; optional: boolean }[]): string {
  const required = args.filter((a) => !a.optional);
  const shown = required.length > 0 ? required : args.slice(0, 1);
  return shown.map((a, index) => `\${${index + 1}:${snippetText(a.name)}}`).join(' ');
}
