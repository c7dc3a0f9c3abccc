import { TextEdit } from 'vscode-languageserver-types';
import { EntryLine } from '../../parser/ast';
import { endsWithMagicPercent, findInlineComment } from '../../parser/values';
import { OptionFacts } from '../../registry/registry';
import { ValueLanguage, valueLanguage } from '../../analysis/valueLanguage';
import { insertLinesBefore, workspaceEdit } from '../edits';
import { OptionContext, isFlagTrue } from '../../analysis/optionContext';
import { Severity } from '../settings';
import { DocumentModel } from '../../analysis/model';
import { isFlagParser, readsLeadingNumber } from './invalidValue';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

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


/** Parsers that never look at the value. */
const VALUE_IGNORED_PARSERS = new Set(['uwsgi_opt_deprecated', 'uwsgi_opt_noop']);

/** `$(...)`, `@(...)`, `%(...)`: what they expand to is only known when uWSGI runs. */
function hasReference(value: string): boolean {
  return /[$@%]\(/.test(value);
}

interface Effect {
  readonly severity: Severity;
  readonly message: string;
  /**
   * Whether moving the comment to its own line is a safe fix: it is when uWSGI reads the same
   * without the comment (a number, an ignored value, a flag that stays on) or when the value is a
   * plain string, where dropping the comment is the evident intent. It is not when it turns a flag
   * off, or for a key whose kind of value is unknown here.
   */
  readonly safe: boolean;
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
    if (options.lookup(entry.key).kind === 'unknown' && !model.readsValueOf(entry.key) && !readElsewhere(entry.key)) {
      return { severity: 'information', safe: true, message: `${changed} Harmless here: \`${entry.key}\` is no option and nothing reads it, so uWSGI applies nothing from this line.` };
    }
    return { severity: 'warning', safe: false, message: changed };
  }
  if (VALUE_IGNORED_PARSERS.has(facts.parser)) {
    return { severity: 'information', safe: true, message: `${changed} Harmless here: uWSGI ignores the value of \`${entry.key}\`.` };
  }
  if (readsLeadingNumber(facts.parser)) {
    const number = /^[+-]?\d+(\.\d*)?/.exec(kept);
    const read = !hasReference(kept) && number ? `reads ${number[0]}` : 'reads the same number as without it';
    return { severity: 'information', safe: true, message: `${changed} Harmless here: \`${entry.key}\` takes the leading number, so uWSGI ${read}. Move the comment to its own line to keep it that way.` };
  }
  if (isFlagParser(facts.parser)) {
    if (hasReference(kept)) {
      return { severity: 'warning', safe: false, message: `${changed} Whatever \`${kept}\` expands to, the text after it makes the value no exact \`false\`, \`off\`, \`no\` or \`0\`, so uWSGI always reads it as true.` };
    }
    if (!isFlagTrue(kept)) {
      return { severity: 'warning', safe: false, message: `${changed} uWSGI reads it as true, because only an exact \`false\`, \`off\`, \`no\` or \`0\` is false: the opposite of \`${kept}\`.` };
    }
    return { severity: 'information', safe: true, message: `${changed} Harmless here: uWSGI reads it as true, as it would \`${kept}\`.` };
  }
  return { severity: 'warning', safe: true, message: changed };
}

function check(context: RuleContext): void {
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
    const comment = fixable ? text.slice(marker, entry.valueSpan.end) : undefined;
    if (language === 'shell') {
      // The shell drops the comment anyway, but ` #` may sit inside quotes: moving it is unsafe.
      const data = comment !== undefined ? { comment, safe: false } : undefined;
      context.report({
        span,
        message: `\`${entry.key}\` passes its whole value to the shell, which treats the text from \`#\` on as a comment: fine if that is what you meant, but uWSGI itself has no inline comments.`,
        severity: 'information',
        ...(data ? { data } : {}),
      });
      continue;
    }
    const facts = options.optionAnywhere(entry.key);
    // An included file's `%(key)` or `if-opt` reads it too (the interpretation saw every file read).
    const readElsewhere = (key: string): boolean => model.includes.files.length > 0 && context.interpretation().isRead(key);
    const effect = effectOf(model, options, entry, facts, kept, text.slice(entry.valueSpan.start, entry.valueSpan.end), readElsewhere);
    const data = comment !== undefined ? { comment, safe: effect.safe } : undefined;
    context.report({ span, message: effect.message, severity: effect.severity, ...(data ? { data } : {}) });
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const comment = data['comment'];
  if (typeof comment !== 'string') return [];
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const line = document.lineAt(start);
  if (!line) return [];
  return [{
    title: 'Move the comment to its own line above',
    isPreferred: true,
    safety: data['safe'] === true ? 'safe' : 'unsafe',
    edit: workspaceEdit(document, [
      insertLinesBefore(document, line, [comment]),
      TextEdit.del(document.rangeOf({ start, end })),
    ]),
  }];
}

/**
 * **Default severity:** warning when the comment changes what uWSGI applies; information when it is
 * harmless here (after a number, after a true flag, on a key nothing reads, on an option whose value
 * uWSGI ignores) and for a ` #` in a shell command.
 *
 * ## What it catches
 *
 * A value that contains whitespace followed by `#` or `;`, which looks like a trailing comment:
 *
 * ```ini
 * socket = /tmp/app.sock   # main socket
 * ```
 *
 * The range runs from the whitespace before the `#`/`;` to the end of the value. Only lines uWSGI
 * applies are checked.
 *
 * Values that are shell command lines are treated differently: `exec-*` hooks, `hook-*` with an
 * action that runs a shell command (`exec:`, `safeexec:`), daemons (`attach-daemon`,
 * `smart-attach-daemon`, ...), crons (`cron`, `cron2`, ...), `early-exec`, `touch-exec`, and `cmd:`
 * alarms and legion hooks. There ` ;` separates shell commands and is not reported, and ` #` is
 * reported only as information: uWSGI passes it on, and the shell then reads it as a comment, which
 * is fine when intended. In `declare-option` values
 * ` ;` separates the option templates and is not reported either.
 *
 * ## Why
 *
 * uWSGI has no inline comments. Only lines whose first non-blank character is `#` or `;` are
 * comments; anywhere else both characters are plain text, and the whole line after `=` is the
 * value. What that does depends on how the option reads its value:
 *
 * | value read as | example | what uWSGI applies | severity |
 * |---|---|---|---|
 * | a number (atoi, strtoul, the megabyte setter) | `harakiri = 20 # seconds` | 20: the number ends at the blank before the comment | information |
 * | a flag, written true | `master = true # x` | true, as meant | information |
 * | a flag, written false | `vacuum = false # not here` | **true**: only an exact `false`, `off`, `no` or `0` is false | warning |
 * | a flag from a reference | `vacuum = $(VACUUM) # per host` | always true, whatever the variable holds | warning |
 * | text: a path, a module, an address, an `env` value | `chdir = /srv/app # code` | the directory `/srv/app # code` | warning |
 * | a key that is no option and that nothing reads | `project = shop # name` | nothing | information |
 * | an option whose value is ignored (`uwsgi_opt_deprecated`) | | nothing | information |
 *
 * A key that is no option still warns when `%(key)` or `if-opt` reads it: the comment travels into
 * every value that uses it. The oracle fixtures `inline-comment-number-read.ini` (`processes = -2 #
 * workers` is refused as negative, so the leading number is what counts) and
 * `inline-comment-false-flag-is-true.ini` (`strict = false # off` turns strict mode on) check both
 * facts against the real binary.
 *
 * When a comment flips a flag, this rule reports it and invalid-value does not, so one mistake gives
 * one warning.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * max-requests = 5000   # respawn workers after 5000 requests
 * ```
 *
 * The quick fix "Move the comment to its own line above" keeps its text and indentation:
 *
 * ```ini
 * [uwsgi]
 * # respawn workers after 5000 requests
 * max-requests = 5000
 * ```
 *
 * There is no fix when a magic `%` line join sits inside the value.
 *
 * ## Fixes in bulk
 *
 * Moving the comment to its own line is **safe** when uWSGI reads the value the same without it (a
 * number, an ignored value, a flag that stays on) or when the value is a plain string, where leaving
 * the comment out is what the line evidently means. It is **unsafe** when it turns a flag from on to
 * off, when the expansion of a reference decides, and in a shell command, where ` #` may be inside
 * quotes.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line inline-comment` on the line above.
 * - For the file: `# uwsgi-ini: disable inline-comment` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "inline-comment": "off" }` (or another severity), or `--rule inline-comment=off`.
 *
 * See also the official [configuration guide](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html).
 */
export const inlineComment: Rule = {
  id: 'inline-comment', defaultSeverity: 'warning', order: 60, check, fixes,
  title: 'Text after ` #` or ` ;` in a value: uWSGI has no inline comments and keeps it in the value',
  summary: { severity: 'warning when the comment changes what uWSGI applies (information after a number or a true flag)', catches: '`socket = /tmp/a.sock # main`: the comment is part of the value' },
};
