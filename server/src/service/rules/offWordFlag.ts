import { findInlineComment } from '../../parser/values';
import { meansOff } from '../../analysis/optionContext';
import { replacementFixes } from '../edits';
import { code } from '../markup';
import { isFlagParser } from './invalidValue';
import { Rule, RuleFix, RuleContext, FixContext } from './rule';

function check(context: RuleContext): void {
  const { model, options } = context;
  const text = model.text;
  const flags = model.entriesWhere((key) => {
    const lookup = options.lookup(key);
    return (lookup.kind === 'option' || lookup.kind === 'needs-plugin') && isFlagParser(lookup.facts.parser);
  });
  for (const entry of flags) {
    if (!model.isLiteralValue(entry)) continue;
    // A comment after the word changes nothing: both read as true. The word is what was meant.
    const commentAt = findInlineComment(text, entry.valueSpan);
    const end = commentAt >= 0 ? commentAt : entry.valueSpan.end;
    const word = text.slice(entry.valueSpan.start, end);
    if (!meansOff(word)) continue;
    // `true` writes what uWSGI reads, unless a `%(key)` or `if-opt` reads the word itself.
    const read = model.readsValueOf(entry.key);
    context.report({
      data: { keeps: !read },
      span: { start: entry.valueSpan.start, end },
      message: `uWSGI turns \`${entry.key}\` on: only an exact \`false\`, \`off\`, \`no\` or \`0\` switches a flag off, and ${code(word)} is none of them. Write \`false\` for off, or \`true\` to say what uWSGI does now.`,
    });
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const title = (value: string): string => `Change to \`${value}\``;
  // `false` is what the word means and changes what uWSGI does; `true` keeps it.
  return [
    ...replacementFixes(document, diagnostic, ['false'], title, 'unsafe'),
    ...replacementFixes(document, diagnostic, ['true'], title, data['keeps'] === false ? 'unsafe' : 'safe', false),
  ];
}

/**
 * **Default severity:** warning
 *
 * ## What it catches
 *
 * A flag written with a word that means "off" in other tools, and to anyone reading the line:
 *
 * ```ini
 * [uwsgi]
 * vacuum = disabled
 * strict = none
 * lazy-apps = n
 * ```
 *
 * The words are `disable`, `disabled`, `none`, `n`, `f`, `never`, `nope`, `nah`, `nein`, `null`,
 * `nil`, `nul`, `0.0` and `00`, in any case. The range is the value. Other unusual words (`maybe`,
 * `yes please`) do not say which way they were meant: [invalid-value](invalid-value.md) notes them
 * as information.
 *
 * ## Why
 *
 * uWSGI's flag setter reads a value as false only when it is `false`, `off` or `no` (in any case)
 * or exactly `0`; anything else, the empty value included, is true (SEMANTICS.md §7,
 * `uwsgi_opt_true`). So `vacuum = disabled` turns vacuum **on**, the opposite of what it says. The
 * oracle fixture `off-word-flag-strict-none.ini` shows it on the real binary: `strict = none` turns
 * strict mode on, and the unknown key after it stops uWSGI. For `disable-logging` (the inverted
 * setter) the same words turn the option on, which switches logging off.
 *
 * A comment that turns a flag on (`vacuum = false # not here`) is [inline-comment](inline-comment.md)'s
 * warning; after such a word (`vacuum = disabled # x`) the comment changes nothing and this rule
 * reports the word. A quoted `"false"` is [quoted-value](quoted-value.md)'s.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * vacuum = disabled
 * ```
 *
 * The preferred fix writes what the word means:
 *
 * ```ini
 * [uwsgi]
 * vacuum = false
 * ```
 *
 * ## Fixes in bulk
 *
 * "Change to `false`" is **unsafe**: it is what the line evidently means, but it switches off a
 * feature uWSGI runs with today. "Change to `true`" is **safe**: it writes what uWSGI already does
 * (unsafe when a `%(key)` or `if-opt` reads the word itself, which the fix changes too).
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line off-word-flag` on the line above.
 * - For the file: `# uwsgi-ini: disable off-word-flag` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "off-word-flag": "off" }`, or `--rule off-word-flag=off`.
 */
export const offWordFlag: Rule = {
  id: 'off-word-flag', defaultSeverity: 'warning', order: 162, check, fixes,
  title: 'Flag written with a word that means off (`disabled`, `none`): uWSGI turns it on',
  summary: { severity: 'warning', catches: '`vacuum = disabled`, `strict = none`: only `false`, `off`, `no` and `0` switch a flag off' },
};
