import { TextEdit } from 'vscode-languageserver-types';
import { EntryLine } from '../../parser/ast';
import { findInlineComment } from '../../parser/values';
import { getAction, OptionFacts, parseHookKey } from '../../registry/registry';
import { insertLinesBefore, workspaceEdit } from '../edits';
import { OptionContext, isFlagTrue } from '../optionContext';
import { Severity } from '../settings';
import { DocumentModel } from '../../analysis/model';
import { isFlagParser, readsLeadingNumber } from './invalidValue';
import { Rule } from './rule';

/** Value kinds whose value is a shell command line (run with `/bin/sh -c`). */
const SHELL_COMMAND_VALUE_KINDS = new Set(['daemon', 'cron']);
/** Hook families whose value is a shell command line. */
const SHELL_COMMAND_HOOK_FAMILIES = new Set(['exec']);
/** Parsers of options that run their value as a shell command. */
const SHELL_COMMAND_PARSERS = new Set(['uwsgi_opt_early_exec']);
/** Hook actions whose arguments are a shell command line, by the name of their last argument. */
const SHELL_COMMAND_ARGUMENT = 'shell command';
/** Value kinds where `;` separates parts of the value (`declare-option = name=opt1=$1;opt2=$2`). */
const SEMICOLON_SEPARATED_VALUE_KINDS = new Set(['custom_option']);

type ValueLanguage = 'plain' | 'shell' | 'semicolon-list';

function hookRunsShell(entry: EntryLine): boolean {
  // `hook-touch = <file> <action>:<args>`: the action is the last word before the first `:`.
  const colon = entry.value.indexOf(':');
  if (colon < 0) return false;
  const words = entry.value.slice(0, colon).trim().split(/\s+/);
  const action = words[words.length - 1]!.replace(/^!/, '');
  const args = getAction(action)?.args;
  return args !== undefined && args.length > 0 && args[args.length - 1]!.name === SHELL_COMMAND_ARGUMENT;
}

function valueLanguage(entry: EntryLine, facts: OptionFacts | undefined): ValueLanguage {
  const hook = parseHookKey(entry.key);
  if (hook) {
    if (SHELL_COMMAND_HOOK_FAMILIES.has(hook.family)) return 'shell';
    if (hook.family === 'hook' && hookRunsShell(entry)) return 'shell';
    return 'plain';
  }
  if (!facts) return 'plain';
  if (SHELL_COMMAND_VALUE_KINDS.has(facts.valueKind) || SHELL_COMMAND_PARSERS.has(facts.parser)) return 'shell';
  if (SEMICOLON_SEPARATED_VALUE_KINDS.has(facts.valueKind)) return 'semicolon-list';
  return 'plain';
}

/** The first ` #`/` ;` that starts a would-be comment in this kind of value, or -1. */
function commentStart(text: string, entry: EntryLine, language: ValueLanguage): number {
  let from = entry.valueSpan.start;
  for (;;) {
    const whitespace = findInlineComment(text, { start: from, end: entry.valueSpan.end });
    if (whitespace < 0) return -1;
    let marker = whitespace;
    while (text.charCodeAt(marker) === 32 || text.charCodeAt(marker) === 9) marker++;
    // A shell and a `;`-separated list both read ` ;` as a separator, not a comment.
    if (text[marker] === ';' && language !== 'plain') {
      from = marker;
      continue;
    }
    return whitespace;
  }
}

/** True when `text[from, end)` ends in an odd run of `%`: the last one pairs with what follows. */
function endsWithMagicPercent(text: string, end: number, from: number): boolean {
  let run = 0;
  while (end - run - 1 >= from && text.charCodeAt(end - run - 1) === 37) run++;
  return (run & 1) === 1;
}

/** Parsers that never look at the value. */
const VALUE_IGNORED_PARSERS = new Set(['uwsgi_opt_deprecated', 'uwsgi_opt_noop']);

/** `$(...)`, `@(...)`, `%(...)`: what they expand to is only known when uWSGI runs. */
function hasReference(value: string): boolean {
  return /[$@%]\(/.test(value);
}

interface Effect {
  readonly severity: Severity;
  readonly message: string;
}

/**
 * What the trailing text changes in what uWSGI applies. The comment always starts with a blank, so
 * atoi()/strtoul()/atof() stop before it and a number is read as meant; a flag is off only for an
 * exact `false`/`off`/`no`/`0`, so any comment turns it on (SEMANTICS.md §7).
 */
function effectOf(model: DocumentModel, options: OptionContext, entry: EntryLine, facts: OptionFacts | undefined, kept: string, whole: string, readElsewhere: (key: string) => boolean): Effect {
  const changed = `uWSGI has no inline comments: the value of \`${entry.key}\` is \`${whole}\`, not \`${kept}\`.`;
  if (!facts) {
    // A key nobody reads applies nothing; a `%(key)` or `if-opt` elsewhere gets the whole text, and
    // an option of a plugin not loaded (or of the other version) gets it once the option exists.
    if (options.lookup(entry.key).kind === 'unknown' && !model.usedNames.has(entry.key) && !model.readByIfOpt(entry.key) && !readElsewhere(entry.key)) {
      return { severity: 'information', message: `${changed} Harmless here: \`${entry.key}\` is no option and nothing reads it, so uWSGI applies nothing from this line.` };
    }
    return { severity: 'warning', message: changed };
  }
  if (VALUE_IGNORED_PARSERS.has(facts.parser)) {
    return { severity: 'information', message: `${changed} Harmless here: uWSGI ignores the value of \`${entry.key}\`.` };
  }
  if (readsLeadingNumber(facts.parser)) {
    const number = /^[+-]?\d+(\.\d*)?/.exec(kept);
    const read = !hasReference(kept) && number ? `reads ${number[0]}` : 'reads the same number as without it';
    return { severity: 'information', message: `${changed} Harmless here: \`${entry.key}\` takes the leading number, so uWSGI ${read}. Move the comment to its own line to keep it that way.` };
  }
  if (isFlagParser(facts.parser)) {
    if (hasReference(kept)) {
      return { severity: 'warning', message: `${changed} Whatever \`${kept}\` expands to, the text after it makes the value no exact \`false\`, \`off\`, \`no\` or \`0\`, so uWSGI always reads it as true.` };
    }
    if (!isFlagTrue(kept)) {
      return { severity: 'warning', message: `${changed} uWSGI reads it as true, because only an exact \`false\`, \`off\`, \`no\` or \`0\` is false: the opposite of \`${kept}\`.` };
    }
    return { severity: 'information', message: `${changed} Harmless here: uWSGI reads it as true, as it would \`${kept}\`.` };
  }
  return { severity: 'warning', message: changed };
}

export const inlineComment: Rule = {
  id: 'inline-comment',
  defaultSeverity: 'warning',
  title: 'Text after ` #` or ` ;` in a value: uWSGI has no inline comments and keeps it in the value',

  check(context) {
    const { model, options } = context;
    const text = model.text;
    for (const entry of model.applied) {
      // Without `#` or `;` in the value there is nothing to find (joins only add `%` and a newline).
      if (entry.equals < 0 || (!entry.value.includes('#') && !entry.value.includes(';'))) continue;
      const language = valueLanguage(entry, options.option(entry.key));
      const whitespace = commentStart(text, entry, language);
      if (whitespace < 0) continue;
      let marker = whitespace;
      while (text.charCodeAt(marker) === 32 || text.charCodeAt(marker) === 9) marker++;
      const kept = text.slice(entry.valueSpan.start, whitespace);
      const span = { start: whitespace, end: entry.valueSpan.end };
      // Moving text across a magic `%` line join could change what uWSGI reads: no fix there. Nor
      // when the comment ends in a magic `%` (an odd run): on its own line, before a line break,
      // it would join the option's line into the comment.
      const fixable = !entry.joins.some((join) => join >= entry.valueSpan.start) && !endsWithMagicPercent(text, entry.valueSpan.end, marker);
      const data = fixable ? { comment: text.slice(marker, entry.valueSpan.end) } : undefined;
      if (language === 'shell') {
        context.report({
          span,
          message: `\`${entry.key}\` passes its whole value to the shell, which treats the text from \`#\` on as a comment: fine if that is what you meant, but uWSGI itself has no inline comments.`,
          severity: 'information',
          ...(data ? { data } : {}),
        });
        continue;
      }
      // An option of a plugin not loaded, or of the other version, reads its value the same way once it exists.
      const lookup = options.lookup(entry.key);
      const facts = lookup.kind === 'option' || lookup.kind === 'needs-plugin' || lookup.kind === 'other-version' ? lookup.facts : undefined;
      // An included file's `%(key)` or `if-opt` reads it too (the interpretation saw every file read).
      const readElsewhere = (key: string): boolean => model.includes.files.length > 0 && context.interpretation().isRead(key);
      const effect = effectOf(model, options, entry, facts, kept, text.slice(entry.valueSpan.start, entry.valueSpan.end), readElsewhere);
      context.report({ span, message: effect.message, severity: effect.severity, ...(data ? { data } : {}) });
    }
  },

  fixes({ document, diagnostic, data }) {
    const comment = data['comment'];
    if (typeof comment !== 'string') return [];
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const line = document.lineAt(start);
    if (!line) return [];
    return [{
      title: 'Move the comment to its own line above',
      isPreferred: true,
      edit: workspaceEdit(document, [
        insertLinesBefore(document, line, [comment]),
        TextEdit.del(document.rangeOf({ start, end })),
      ]),
    }];
  },
};
