import { Hover, Position } from 'vscode-languageserver-types';
import { EntryLine, LineKind, SectionLine, Span } from '../parser/ast';
import { DocumentModel, ExpandedValue, localSectionReference, referencesExpandedIn, TOO_LARGE } from '../analysis/model';
import { isPlaceholderMath, placeholderMathOperands, Segment, splitHookValue } from '../parser/values';
import {
  actionDocs, allPhases, getAction, HookKey, mainProcessUsage, optionDocs, optionDocsUrl, parseHookKey, phaseDocs,
} from '../registry/registry';
import type { HookFailure, HookFamily, OptionFacts, PhaseFacts, RepeatKind } from '../registry/types';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { OptionContext } from './optionContext';
import { ClientFeatures, code, markupContent, printable, shownValue, truncate } from './markup';
import { ConfigFileLocation, expandMagic, locationOfUri, magicVariable } from '../analysis/magicVariables';
import { modelOfEntry } from './entryModel';

/** What each hook family does with its value (SEMANTICS.md §15, hooks.json). */
const FAMILY_MEANING: Record<HookFamily, string> = {
  hook: 'runs a hook action written `action:arguments`, e.g. `mkdir:/run/app`',
  exec: 'runs the value as a shell command (`/bin/sh -c`)',
  call: 'calls the C function the value names, looked up in the uwsgi binary and its loaded plugins',
  mount: 'mounts a filesystem: `fstype source mountpoint [flags]`',
  umount: 'unmounts the mount point the value names',
};


/** What `@(scheme://...)` reads (core/io.c). */
const REFERENCE_SCHEMES: Record<string, string> = {
  'exec://': 'runs the command with the shell and uses what it prints',
  'http://': 'downloads the URL and uses the response body',
  'https://': 'downloads the URL and uses the response body',
  'sym://': 'uses data embedded in the uwsgi binary under that symbol',
  'section://': 'uses a section of the embedded config',
  'fd://': 'reads the already open file descriptor',
  'data://': 'reads data appended to the uwsgi binary',
  'call://': 'calls the C function and uses the string it returns',
  'callint://': 'calls the C function and uses the number it returns',
  'emperor://': 'reads the config the Emperor passes to this vassal',
};

const REPEAT_TEXT: Record<RepeatKind, string> = {
  last_wins: 'last value wins',
  append: 'repeatable: each line adds one',
  each_runs: 'repeatable: each line takes effect',
  accumulates: 'repeating it mixes the bits of the earlier value in',
  'n/a': '',
};

const VALUE_TEXT: Record<string, string> = {
  flag: 'flag: `true` or `false` (`false`, `off`, `no` and `0` switch it off, anything else on)',
  flag_inverted: 'inverted flag: any value but `false`/`off`/`no`/`0` turns the feature off',
  int: 'whole number', int16: 'whole number up to 65535', int64: 'whole number', megabytes: 'size in megabytes',
  string: 'text', socket: 'socket address (`host:port`, `:port` or a UNIX socket path)', mode: 'octal file mode',
  plugin_load: 'plugin names, comma separated', include: 'config file path', uid: 'user name or uid', gid: 'group name or gid',
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
    const parts = [`**[${name}]** (section)`];
    if (name === this.settings.section) {
      parts.push(name === 'uwsgi'
        ? 'uWSGI reads this section when the command line names none (`--ini file.ini`).'
        : 'The section being checked (`uwsgi.section` setting): uWSGI reads it when started with `--ini file.ini:' + name + '`.');
    } else {
      const loaders = this.document.ast.entries.filter((e) => (e.key === 'ini' || e.key === 'include') && localSectionReference(e)?.name === name);
      parts.push(loaders.length > 0
        ? `Loaded by ${loaders.slice(0, 5).map((e) => `\`${e.key} = ${e.value}\` (line ${lineNumber(this.document, e.start)})`).join(', ')}.`
        : `uWSGI reads this section only when started with \`--ini file.ini:${name}\`; otherwise it skips it.`);
    }
    const count = this.document.ast.sections.filter((s) => s.name === name).length;
    if (count > 1) parts.push(`The file has ${count} \`[${name}]\` headers: uWSGI reads them all, in file order, as one section.`);
    return { markdown: parts.join('\n\n'), span: line.nameSpan };
  }

  onEntry(entry: EntryLine): { markdown: string; span: Span } | undefined {
    if (within(this.offset, entry.keySpan)) {
      const markdown = this.keyHover(entry.key);
      return markdown === undefined ? undefined : { markdown, span: entry.keySpan };
    }
    if (entry.equals < 0 || this.offset < entry.valueSpan.start || this.offset > entry.valueSpan.end) return undefined;
    return this.actionHover(entry) ?? this.segmentHover(entry);
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
        return `**${key}** (custom option)\n\nDeclared with \`${declaration.key} = ${declaration.value}\` on line ${lineNumber(this.document, declaration.start)}: each use runs the options of that template with \`$1\`, \`$2\`... replaced by the words of the value.`;
      }
      default: {
        const definition = this.options.model.definition(key);
        if (!definition) return undefined;
        const resolved = this.resolve(this.options.model, definition.value);
        const value = typeof resolved === 'string' ? resolved : definition.value;
        return [
          `**${key}** (not a uWSGI ${this.settings.version} option)`,
          `uWSGI stores it without any effect, as a placeholder: \`%(${key})\` in later values reads ${code(shownValue(value))}.`,
        ].join('\n\n');
      }
    }
  }

  private optionHover(facts: OptionFacts, notes: string[]): string {
    const version = this.settings.version;
    const docs = optionDocs(facts.name, version) ?? `**${facts.name}**\n\n[uWSGI option reference](${optionDocsUrl(facts.name)})`;
    const [title, ...rest] = docs.split('\n\n');
    const value = VALUE_TEXT[facts.valueKind] ?? facts.valueKind.replace(/_/g, ' ');
    const repeat = REPEAT_TEXT[facts.repeat];
    const summary = [`Value: ${value}`, repeat ? `${repeat[0]!.toUpperCase()}${repeat.slice(1)}` : ''].filter((s) => s !== '').join(' · ');
    const extra: string[] = [];
    const usage = mainProcessUsage(facts.name);
    if (usage.length > 0 && !docs.includes(usage[0]!.call)) {
      extra.push(`uwsgiconf: ${usage.slice(0, 3).map((u) => `\`${u.call}\``).join(', ')}${usage.length > 3 ? ` and ${usage.length - 3} more` : ''}.`);
    }
    const link = optionDocsUrl(facts.name);
    if (!docs.includes(link)) extra.push(`[uWSGI option reference](${link})`);
    return [title!, summary + '.', ...notes.map((n) => `⚠ ${n}`), ...rest, ...extra].join('\n\n');
  }

  private phaseHover(hook: HookKey, phase: PhaseFacts): string {
    const family = phase.families[hook.family]!;
    const startup = allPhases().filter((p) => p.kind === 'startup');
    const index = startup.indexOf(phase);
    let when: string;
    if (index >= 0) {
      const previous = startup[index - 1];
      const next = startup[index + 1];
      when = `Start-up step ${index + 1} of ${startup.length}` +
        (previous ? `, after \`${previous.name}\`` : ', the first') + (next ? ` and before \`${next.name}\`` : ', the last') + '.';
    } else {
      when = 'Runs when something happens after start-up, not as a start-up step.';
    }
    const root = phase.root === true ? 'still root (when started as root)' : phase.root === false ? 'no longer root: the privileges are dropped' : 'root or not, depending on the configuration';
    const facts = [
      `\`${hook.family}-\` ${FAMILY_MEANING[hook.family]} when uWSGI starts; never run by the editor.`,
      when,
      `Process: ${phase.process}; it is ${root}.`,
      `If it fails: ${failureText(family.fatal)}.`,
    ];
    if (family.versions.length !== phase.versions.length) facts.push(`\`${family.option}\`: ${versionsText(family.versions)}.`);
    if (!family.versions.includes(this.settings.version)) {
      facts.push(`⚠ Not in uWSGI ${this.settings.version}, the configured version (\`uwsgi.version\` setting): ${versionsText(family.versions)}.`);
    }
    if (hook.callVariant) facts.push(`\`${hook.callVariant.option}\` calls the function as \`${hook.callVariant.signature}\`.`);
    if (phase.uwsgiconfConstant) facts.push(`uwsgiconf: \`MainProcess.phases.${phase.uwsgiconfConstant}\`.`);
    const docs = phaseDocs(phase.name) ?? `**${phase.name}** (hook phase)`;
    const [title, ...rest] = docs.split('\n\n');
    const uniqueFacts = facts.filter((fact, i) => i < 4 || !docs.includes(fact.replace(/\.$/, '')));
    return [`**${family.option}**: ${title!.replace(/^\*\*/, '').replace(/\*\*/, '')}`, uniqueFacts.join('  \n'), ...rest].join('\n\n');
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
    const markdown = actionDocs(hookValue.action)!;
    const privacy = hookValue.private ? '\n\nThe leading `!` keeps the arguments out of uWSGI\'s logs.' : '';
    return { markdown: markdown + privacy, span: hookValue.actionSpan };
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
        markdown = this.placeholderHover(entry, segment, model) + this.deferredNote(entry, '%(...)');
        break;
      case 'env':
        markdown = envHover(segment.name) + this.deferredNote(entry, '$(...)');
        break;
      case 'reference':
        markdown = referenceHover(segment.name) + this.deferredNote(entry, '@(...)');
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
        parts.push(`For this file: ${code(printable(variable.value(this.location!)))}`);
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
      const opener = `\`${block.opener.key} = ${block.opener.value}\` (line ${lineNumber(this.document, block.opener.start)})`;
      return block.kind === 'for'
        ? `\`%(_)\` is the current item of the loop ${opener}: uWSGI repeats this line once per item.`
        : `\`%(_)\` is the value the condition ${opener} tested.`;
    }
    if (isPlaceholderMath(segment)) {
      const operands = placeholderMathOperands(segment).map((o) => {
        const definition = model.definition(o.name);
        return `\`${o.name}\` = ${definition ? code(definition.value) : '0 (not defined)'}`;
      });
      return [
        `${code(`%(${name})`)} is placeholder arithmetic: uWSGI applies \`+ - * /\` strictly left to right, and joins operands written side by side as text.`,
        ...(operands.length > 0 ? [operands.join('  \n')] : []),
      ].join('\n\n');
    }
    const definition = model.definition(name);
    const included = definition ? undefined : model.includes.keys.get(name);
    if (included) {
      return `${code(`%(${name})`)} is defined in the included file \`${included.path}\`: \`${name} = ${truncate(included.value, 80)}\`.`;
    }
    if (!definition) {
      return `${code(`%(${name})`)}: \`${name}\` is not defined in this section, so uWSGI leaves the text as written (unless the command line or a \`UWSGI_\` environment variable sets it).`;
    }
    const where = definition.kind === 'key'
      ? `\`${name} = ${truncate(definition.value, 80)}\` on line ${lineNumber(this.document, definition.entry.start)}`
      : `\`${definition.entry.key} = ${truncate(definition.entry.value, 80)}\` on line ${lineNumber(this.document, definition.entry.start)}`;
    const resolved = this.resolve(model, `%(${name})`);
    const parts = [`${code(`%(${name})`)} is defined by ${where}.`];
    parts.push(resolved === TOO_LARGE
      ? 'Its value expands to more than the editor follows (see the `analysis-limit` diagnostic): not evaluated.'
      : resolved === undefined
        ? 'Its value uses the environment, files, the machine or undefined placeholders: not evaluated by the editor.'
        : `It resolves to ${code(shownValue(resolved))}.`);
    const count = model.definitions.get(name)?.length ?? 0;
    if (count > 1) parts.push(`\`${name}\` is set ${count} times: \`%(${name})\` reads the first one.`);
    return parts.join('\n\n');
  }

  /** Immediate options are applied while the file is read, before the deferred passes run. */
  private deferredNote(entry: EntryLine, form: string): string {
    const facts = this.options.option(entry.key);
    if (referencesExpandedIn(entry.key, facts?.immediate === true)) return '';
    return `\n\n⚠ \`${entry.key}\` is applied while uWSGI reads the file, so \`${form}\` is not expanded in its value: uWSGI uses the text as written.`;
  }

  private resolve(model: DocumentModel, value: string): ExpandedValue {
    if (value.includes('%%(')) return undefined;
    const placeholders = model.expandValue(value);
    return typeof placeholders === 'string' ? expandMagic(placeholders, this.location) : placeholders;
  }
}

function failureText(failure: HookFailure): string {
  if (failure === true) return 'uWSGI stops';
  if (failure === false) return 'uWSGI logs it and goes on';
  return { 'vassal-removed': 'the Emperor removes the vassal', 'vassal-cursed': 'the Emperor curses the vassal (retries later)', 'spawn-aborted': 'the vassal is not spawned' }[failure];
}

function envHover(name: string): string {
  const parts = [
    `${code(`$(${name})`)} is replaced by the environment variable \`${name.split(/[:-]/)[0]}\` when uWSGI applies the configuration; when it is unset the text stays as written.`,
    'Not evaluated by the editor.',
  ];
  if (/[:-]/.test(name)) parts.push('`$(VAR:-default)` and `$(VAR-default)` work on uWSGI 2.1 only; 2.0 looks up the whole text as a variable name.');
  return parts.join('\n\n');
}

function referenceHover(target: string): string {
  const scheme = Object.keys(REFERENCE_SCHEMES).find((s) => target.startsWith(s));
  const what = scheme
    ? `${REFERENCE_SCHEMES[scheme]} (${code(target.slice(scheme.length))})`
    : `reads the file ${code(target)} (one trailing newline removed; a missing file stops uWSGI)`;
  return [
    `${code(`@(${target})`)}: when uWSGI loads this configuration it ${what}, and puts the result here.`,
    'Not evaluated by the editor.',
  ].join('\n\n');
}
