import { Hover, Position } from 'vscode-languageserver-types';
import { EntryLine, LineKind, SectionLine, Span } from '../parser/ast';
import { DocumentModel, ExpandedValue, localSectionReference, referencesExpandedIn, TOO_LARGE } from '../analysis/model';
import { isPlaceholderMath, placeholderMathOperands, Segment, splitHookValue } from '../parser/values';
import {
  actionDocs, allPhases, getAction, hasRole, HookKey, hookFamily, mainProcessUsage, optionDocs, optionDocsUrl, parseHookKey, phaseDocs,
  repeatWords, valueKindWords,
} from '../registry/registry';
import type { HookFailure, HookFamily, OptionFacts, PhaseFacts } from '../registry/types';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { OptionContext } from '../analysis/optionContext';
import { ClientFeatures, code, markupContent, shownValue, truncate } from './markup';
import { ConfigFileLocation, expandMagic, locationOfUri, magicVariable } from '../analysis/magicVariables';
import { DocumentInterpretation, interpretationOf, interpretedPath } from './interpretation';
import { modelOfEntry } from './entryModel';

/**
 * What `@(scheme://...)` is replaced by (core/io.c), given the rest of the reference as code, and
 * how uWSGI gets it when it loads the configuration.
 */
const REFERENCE_SCHEMES: Record<string, { what: (rest: string) => string; how?: string }> = {
  'exec://': { what: (command) => `what the command ${command} prints`, how: 'uWSGI runs the command with the shell' },
  'http://': { what: (url) => `the body of the response from ${url}`, how: 'uWSGI downloads the URL' },
  'https://': { what: (url) => `the body of the response from ${url}`, how: 'uWSGI downloads the URL' },
  'sym://': { what: (symbol) => `the data embedded in the uwsgi binary under the symbol ${symbol}` },
  'section://': { what: (section) => `the section ${section} of the embedded config` },
  'fd://': { what: (fd) => `what can be read from the already open file descriptor ${fd}` },
  'data://': { what: (name) => `data appended to the uwsgi binary (${name})` },
  'call://': { what: (fn) => `the string the C function ${fn} returns`, how: 'uWSGI calls the function' },
  'callint://': { what: (fn) => `the number the C function ${fn} returns`, how: 'uWSGI calls the function' },
  'emperor://': { what: (name) => `the config the Emperor passes to this vassal (${name})` },
};

export function doHover(document: UwsgiDocument, position: Position, settings: LanguageSettings, features: ClientFeatures): Hover | null {
  const offset = document.offsetAt(position);
  const line = document.lineAt(offset);
  if (!line) return null;
  const hoverer = new Hoverer(document, offset, settings);
  let found: { markdown: string; span: Span } | undefined;
  if (line.kind === LineKind.Entry) found = hoverer.onEntry(line);
  else if (line.kind === LineKind.Section) found = hoverer.onSection(line);
  if (!found) return null;
  return { contents: markupContent(found.markdown, features), range: document.rangeOf(found.span) };
}

/** `key = value` as inline code, the value cut to one readable line. */
function entryCode(key: string, value: string): string {
  return code(`${key} = ${truncate(value, 80)}`);
}

/** `a`, `a and b`, `a, b and c`. */
function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function within(offset: number, span: Span): boolean {
  return offset >= span.start && offset <= span.end && span.end > span.start;
}

function lineNumber(document: UwsgiDocument, offset: number): number {
  return document.textDocument.positionAt(offset).line + 1;
}

function versionsText(versions: readonly string[]): string {
  return versions.length >= 2 ? 'uWSGI 2.0 and 2.1' : `uWSGI ${versions[0] ?? '?'} only`;
}

class Hoverer {
  private readonly options: OptionContext;
  private readonly location: ConfigFileLocation | undefined;

  constructor(private readonly document: UwsgiDocument, private readonly offset: number, private readonly settings: LanguageSettings) {
    this.options = new OptionContext(document.model(settings.section), settings);
    this.location = locationOfUri(document.textDocument.uri);
  }

  onSection(line: SectionLine): { markdown: string; span: Span } | undefined {
    if (!within(this.offset, line.nameSpan)) return undefined;
    const name = line.name;
    const parts = [`**${code(`[${name}]`)}** (section)`];
    if (name === this.settings.section) {
      parts.push(name === 'uwsgi'
        ? 'uWSGI reads this section when the command line names none (`--ini file.ini`).'
        : `The section being checked (\`uwsgi.section\` setting): uWSGI reads it when started with ${code(`--ini file.ini:${name}`)}.`);
    } else {
      const loaders = this.document.ast.entries.filter((e) => hasRole(e.key, 'section-loader') && localSectionReference(e)?.name === name);
      parts.push(loaders.length > 0
        ? `Loaded by ${loaders.slice(0, 5).map((e) => `${entryCode(e.key, e.value)} (line ${lineNumber(this.document, e.start)})`).join(', ')}.`
        : `uWSGI reads this section only when started with ${code(`--ini file.ini:${name}`)}; otherwise it skips it.`);
    }
    const count = this.document.ast.sections.filter((s) => s.name === name).length;
    if (count > 1) parts.push(`The file has ${count} ${code(`[${name}]`)} headers: uWSGI reads them all, in file order, as one section.`);
    return { markdown: parts.join('\n\n'), span: line.nameSpan };
  }

  onEntry(entry: EntryLine): { markdown: string; span: Span } | undefined {
    if (within(this.offset, entry.keySpan)) {
      const markdown = this.keyHover(entry.key);
      return markdown === undefined ? undefined : { markdown, span: entry.keySpan };
    }
    if (entry.equals < 0 || this.offset < entry.valueSpan.start || this.offset > entry.valueSpan.end) return undefined;
    const hover = this.actionHover(entry) ?? this.segmentHover(entry);
    const applied = hover && this.appliedValue(entry);
    return applied ? { ...hover, markdown: `${hover.markdown}\n\n${applied}` } : hover;
  }

  private interpretationCache: DocumentInterpretation | undefined;

  /** The document as uWSGI loads it; only for saved documents, whose path the file variables need. */
  private interpretation(): DocumentInterpretation | undefined {
    if (!interpretedPath(this.document).onDisk) return undefined;
    return (this.interpretationCache ??= interpretationOf(this.document, this.settings));
  }

  /** The first entry of that key in another file uWSGI reads (a section it pulls from itself included). */
  private includedDefinition(name: string): { path: string; value: string } | undefined {
    const interpretation = this.interpretation();
    if (!interpretation) return undefined;
    const first = interpretation.result.entries.find((e) => e.key === name && e.provenance.line > 0 && !e.late);
    if (!first || first.provenance.file === interpretation.path) return undefined;
    return { path: first.provenance.file, value: interpretation.result.render(first.read) };
  }

  /** What the effective configuration shows for this line, when it differs from the text written. */
  private appliedValue(entry: EntryLine): string | undefined {
    if (!entry.value.includes('%') && !entry.value.includes('$(') && !entry.value.includes('@(')) return undefined;
    const interpretation = this.interpretation();
    const value = interpretation?.valueOf(entry);
    if (value === undefined || value === entry.value) return undefined;
    const shown = code(shownValue(interpretation!.result.render(value)));
    // A placeholder alone: the hover already said what it resolves to.
    if (/^%\([^() ]*\)$/.test(entry.value)) return undefined;
    return `uWSGI applies ${shown} here (see **uWSGI: Show Effective Configuration**).`;
  }

  private keyHover(key: string): string | undefined {
    const hook = parseHookKey(key);
    if (hook?.phase && hook.phase.families[hook.family]) return this.phaseHover(hook, hook.phase);
    const lookup = this.options.lookup(key);
    switch (lookup.kind) {
      case 'option':
        return this.optionHover(lookup.facts, []);
      case 'needs-plugin':
        return this.optionHover(lookup.facts, [
          `Needs the \`${lookup.plugin}\` plugin, which neither the \`uwsgi.plugins\` setting nor a \`plugins =\` line of this section loads: without it uWSGI stops at this key.`,
        ]);
      case 'other-version':
        return this.optionHover(lookup.facts, [
          `Exists in ${versionsText(lookup.versions)}; the configured version is ${this.settings.version} (\`uwsgi.version\` setting).`,
        ]);
      case 'declared': {
        const declaration = this.options.model.declaredOptions.get(key)!;
        return `**${code(key)}** (custom option)\n\nDeclared with ${entryCode(declaration.key, declaration.value)} on line ${lineNumber(this.document, declaration.start)}: each use runs the options of that template with \`$1\`, \`$2\`... replaced by the words of the value.`;
      }
      default: {
        const definition = this.options.model.definition(key);
        if (!definition) return undefined;
        const resolved = this.resolve(this.options.model, definition.value);
        const value = typeof resolved === 'string' ? resolved : definition.value;
        return [
          `**${code(key)}** (not a uWSGI ${this.settings.version} option)`,
          `${code(`%(${key})`)} in later values reads ${code(shownValue(value))}: uWSGI keeps the key as a placeholder, without any effect as an option.`,
        ].join('\n\n');
      }
    }
  }

  private optionHover(facts: OptionFacts, notes: string[]): string {
    const version = this.settings.version;
    const docs = optionDocs(facts.name, version) ?? `**${facts.name}**`;
    const [title, ...rest] = docs.split('\n\n');
    // The docs text of an option without hand-written docs already says both in the same words.
    const kind = valueKindWords(facts.valueKind);
    const value = docs.includes(`Takes ${kind.description}.`) ? kind.name : `${kind.name} — ${kind.description}`;
    const repeated = repeatWords(facts.repeat).description;
    const repeat = docs.includes(`${repeated}.`) ? '' : repeated;
    const summary = [`Value: ${value}`, repeat ? `${repeat[0]!.toUpperCase()}${repeat.slice(1)}` : ''].filter((s) => s !== '').join(' · ');
    const extra: string[] = [];
    const usage = mainProcessUsage(facts.name);
    if (usage.length > 0 && !docs.includes(usage[0]!.call)) {
      extra.push(`uwsgiconf: ${usage.slice(0, 3).map((u) => `\`${u.call}\``).join(', ')}${usage.length > 3 ? ` and ${usage.length - 3} more` : ''}.`);
    }
    const link = optionDocsUrl(facts.name);
    if (!docs.includes(link)) extra.push(`[uWSGI option reference](${link})`);
    // What the option does before what its value kind means in general.
    const [body, ...after] = rest;
    return [title!, ...(body === undefined ? [] : [body]), ...notes.map((n) => `⚠ ${n}`), summary + '.', ...after, ...extra].join('\n\n');
  }

  /**
   * The phase first (when it runs, what it is for, as whom, what a failure does), then what the
   * family prefix does with the value, which is the same in every phase.
   */
  private phaseHover(hook: HookKey, phase: PhaseFacts): string {
    const family = phase.families[hook.family]!;
    const docs = phaseDocs(phase.name) ?? `**${phase.name}** (hook phase)`;
    const [, ...rest] = docs.split('\n\n');
    const root = phase.root === true ? 'still root (when started as root)' : phase.root === false ? 'no longer root: the privileges are dropped' : 'root or not, depending on the configuration';
    const process = phase.kind === 'startup' ? `Process: ${phase.process}; it is ${root}.` : `The process is ${root}.`;
    const facts = [process, `If it fails: ${failureText(family.fatal)}.`];
    const extra: string[] = [];
    if (family.versions.length !== phase.versions.length) extra.push(`\`${family.option}\`: ${versionsText(family.versions)}.`);
    if (!family.versions.includes(this.settings.version)) {
      extra.push(`⚠ Not in uWSGI ${this.settings.version}, the configured version (\`uwsgi.version\` setting): ${versionsText(family.versions)}.`);
    }
    if (hook.callVariant) extra.push(`\`${hook.callVariant.option}\` calls the function as \`${hook.callVariant.signature}\`.`);
    if (phase.uwsgiconfConstant) extra.push(`uwsgiconf: \`MainProcess.phases.${phase.uwsgiconfConstant}\`.`);
    facts.push(...extra.filter((fact) => !docs.includes(fact.replace(/\.$/, ''))));
    const title = `**${hook.callVariant?.option ?? family.option}** (hook phase \`${phase.name}\`). ${phaseWhen(phase)}`;
    return [title, ...rest.slice(0, 1), facts.join('  \n'), familyText(hook.family, phase), ...rest.slice(1)].join('\n\n');
  }

  /** On the action name of a hook value: `mkdir` in `hook-asap = mkdir:/run/app`. */
  private actionHover(entry: EntryLine): { markdown: string; span: Span } | undefined {
    const hook = parseHookKey(entry.key);
    if (!hook?.phase || hook.family !== 'hook') return undefined;
    let valueSpan: Span = entry.valueSpan;
    if (hook.phase.hookValueSyntax.startsWith('<file> ')) {
      const space = entry.value.search(/\s/);
      if (space < 0) return undefined;
      let start = valueSpan.start + space;
      while (start < valueSpan.end && /\s/.test(this.document.text[start]!)) start++;
      valueSpan = { start, end: valueSpan.end };
    }
    const hookValue = splitHookValue(this.document.text, valueSpan);
    if (!within(this.offset, hookValue.actionSpan) || !getAction(hookValue.action)) return undefined;
    const [title, body, ...rest] = actionDocs(hookValue.action)!.split('\n\n');
    const privacy = hookValue.private ? ['The leading `!` keeps the arguments out of uWSGI\'s logs.'] : [];
    return { markdown: [title!, body!, ...privacy, ...rest].join('\n\n'), span: hookValue.actionSpan };
  }

  private segmentHover(entry: EntryLine): { markdown: string; span: Span } | undefined {
    const model = modelOfEntry(this.document, entry, this.settings.section) ?? this.options.model;
    const segments = model.segments(entry);
    const segment = segments.find((s) => s.kind !== 'text' && this.offset >= s.start && this.offset < s.end) ??
      segments.find((s) => s.kind !== 'text' && this.offset === s.end);
    if (!segment) return undefined;
    let markdown: string;
    switch (segment.kind) {
      case 'magic':
        markdown = this.magicHover(segment.name);
        break;
      case 'placeholder':
        markdown = this.deferredNote(entry, '%(...)') + this.placeholderHover(entry, segment, model);
        break;
      case 'env':
        markdown = this.deferredNote(entry, '$(...)') + envHover(segment.name);
        break;
      case 'reference':
        markdown = this.deferredNote(entry, '@(...)') + referenceHover(segment.name);
        break;
      default:
        return undefined;
    }
    return { markdown, span: segment };
  }

  private magicHover(name: string): string {
    if (name === '\n') return '`%` at the end of a line: uWSGI joins the next line to this one.';
    const shown = code(`%${name}`);
    const variable = magicVariable(name);
    if (!variable) return `${shown} is not a magic variable: uWSGI removes both characters.`;
    const parts = [`${shown} (magic variable) is ${variable.meaning}.`];
    if (variable.value) {
      if (this.location || name === '%' || name === '[') {
        parts.push(`For this file: ${code(variable.value(this.location!))}`);
      } else {
        parts.push('This document has no file path yet, so its value is not known.');
      }
    } else {
      parts.push('Depends on the machine or the command line: not evaluated by the editor.');
    }
    parts.push('uWSGI expands it while reading the file, in every line, before anything else.');
    return parts.join('\n\n');
  }

  private placeholderHover(entry: EntryLine, segment: Segment, model: DocumentModel): string {
    const name = segment.name;
    const block = model.blockOf(entry);
    if (name === '_' && block) {
      const opener = `${entryCode(block.opener.key, block.opener.value)} (line ${lineNumber(this.document, block.opener.start)})`;
      return block.kind === 'for'
        ? `\`%(_)\` is the current item of the loop ${opener}: uWSGI repeats this line once per item.`
        : `\`%(_)\` is the value the condition ${opener} tested.`;
    }
    if (isPlaceholderMath(segment)) {
      const operands = placeholderMathOperands(segment).map((o) => {
        const definition = model.definition(o.name);
        return `${code(o.name)} = ${definition ? code(definition.value) : '0 (not defined)'}`;
      });
      const on = operands.length === 0 ? '' : ` with ${andList(operands)}`;
      return [
        `${code(`%(${name})`)} is placeholder arithmetic${on}.`,
        'uWSGI applies `+ - * /` strictly left to right, and joins operands written side by side as text.',
      ].join('\n\n');
    }
    const definition = model.definition(name);
    const included = definition ? undefined : model.includes.keys.get(name) ?? this.includedDefinition(name);
    if (included) {
      return `${code(`%(${name})`)} is defined in the included file ${code(included.path)}: ${entryCode(name, included.value)}.`;
    }
    if (!definition) {
      return `${code(`%(${name})`)}: ${code(name)} is not defined in this section, so uWSGI leaves the text as written (unless the command line or a \`UWSGI_\` environment variable sets it).`;
    }
    const where = definition.kind === 'key'
      ? `${entryCode(name, definition.value)} on line ${lineNumber(this.document, definition.entry.start)}`
      : `${entryCode(definition.entry.key, definition.entry.value)} on line ${lineNumber(this.document, definition.entry.start)}`;
    // The value the interpretation gives the first entry of that key, as the effective configuration shows it.
    const interpreted = this.interpretation()?.reading(definition.entry) === 'read' ? this.interpretation()!.placeholderValue(name) : undefined;
    const resolved = interpreted ?? this.resolve(model, `%(${name})`);
    const parts = [`${code(`%(${name})`)} is defined by ${where}.`];
    parts.push(resolved === TOO_LARGE
      ? 'Its value expands to more than the editor follows (see the `analysis-limit` diagnostic): not evaluated.'
      : resolved === undefined
        ? 'Its value uses the environment, files, the machine or undefined placeholders: not evaluated by the editor.'
        : `It resolves to ${code(shownValue(resolved))}.`);
    const count = model.definitions.get(name)?.length ?? 0;
    if (count > 1) parts.push(`${code(name)} is set ${count} times: ${code(`%(${name})`)} reads the first one.`);
    return parts.join('\n\n');
  }

  /**
   * Immediate options are applied while the file is read, before the deferred passes run. That
   * the reference stays as written here comes first: what it would expand to elsewhere is background.
   */
  private deferredNote(entry: EntryLine, form: string): string {
    const facts = this.options.option(entry.key);
    if (referencesExpandedIn(entry.key, facts?.immediate === true)) return '';
    return `⚠ ${code(entry.key)} is applied while uWSGI reads the file, so \`${form}\` is not expanded in its value: uWSGI uses the text as written.\n\n`;
  }

  private resolve(model: DocumentModel, value: string): ExpandedValue {
    if (value.includes('%%(')) return undefined;
    const placeholders = model.expandValue(value);
    return typeof placeholders === 'string' ? expandMagic(placeholders, this.location) : placeholders;
  }
}

/** Where the phase sits in uWSGI's life: its start-up step, or that it waits for an event. */
function phaseWhen(phase: PhaseFacts): string {
  const startup = allPhases().filter((p) => p.kind === 'startup');
  const index = startup.indexOf(phase);
  if (index < 0) return `Runs when something happens after start-up, not as a start-up step: ${phase.process}.`;
  const previous = startup[index - 1];
  const next = startup[index + 1];
  return `Start-up step ${index + 1} of ${startup.length}` + (previous ? `, after \`${previous.name}\`` : ', the first') +
    (next ? `${previous ? ' and' : ','} before \`${next.name}\`` : ', the last') + '.';
}

/** What the `hook-`/`exec-`/... prefix does, and the other prefixes the same phase takes. */
function familyText(family: HookFamily, phase: PhaseFacts): string {
  const others = Object.values(phase.families).map((f) => `\`${f.option}\``).filter((option) => option !== `\`${phase.families[family]!.option}\``);
  const also = others.length === 0 ? '' : ` The phase also takes ${andList(others)} lines.`;
  return `\`${family}-\` ${hookFamily(family).meaning}, when uWSGI reaches this phase; never run by the editor.${also}`;
}

function failureText(failure: HookFailure): string {
  if (failure === true) return 'uWSGI stops';
  if (failure === false) return 'uWSGI logs it and goes on';
  return { 'vassal-removed': 'the Emperor removes the vassal', 'vassal-cursed': 'the Emperor curses the vassal (retries later)', 'spawn-aborted': 'the vassal is not spawned' }[failure];
}

function envHover(name: string): string {
  const parts = [
    `${code(`$(${name})`)} is replaced by the environment variable ${code(name.split(/[:-]/)[0]!)} when uWSGI applies the configuration; when it is unset the text stays as written.`,
    'Not evaluated by the editor.',
  ];
  if (/[:-]/.test(name)) parts.push('`$(VAR:-default)` and `$(VAR-default)` work on uWSGI 2.1 only; 2.0 looks up the whole text as a variable name.');
  return parts.join('\n\n');
}

function referenceHover(target: string): string {
  const scheme = Object.keys(REFERENCE_SCHEMES).find((s) => target.startsWith(s));
  const reference = scheme === undefined ? undefined : REFERENCE_SCHEMES[scheme]!;
  const what = reference === undefined ? `the content of the file ${code(target)}` : reference.what(code(scheme!.startsWith('http') ? target : target.slice(scheme!.length)));
  const how = `${reference?.how ?? (reference === undefined ? 'uWSGI reads the file' : 'uWSGI reads it')} when it loads this configuration${reference === undefined ? '; one trailing newline is removed, and a missing file stops uWSGI' : ''}.`;
  return [`${code(`@(${target})`)} is replaced by ${what}.`, `${how} Not evaluated by the editor.`].join('\n\n');
}
