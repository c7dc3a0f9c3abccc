import { TextEdit } from 'vscode-languageserver-types';
import { EntryLine } from '../../parser/ast';
import { findInlineComment } from '../../parser/values';
import { getAction, OptionFacts, parseHookKey } from '../../registry/registry';
import { insertLinesBefore, workspaceEdit } from '../edits';
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
      context.report({
        span,
        message: `uWSGI has no inline comments: the value of \`${entry.key}\` is \`${text.slice(entry.valueSpan.start, entry.valueSpan.end)}\`, not \`${kept}\`.`,
        ...(data ? { data } : {}),
      });
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
