import { OptionFacts } from '../../registry/registry';
import { isFlagTrue } from '../../analysis/optionContext';
import { deleteLine, workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/** Value kinds read as on/off, where `true`, `True` and `1` all mean the same. */
const BOOLEAN_VALUE_KINDS = new Set(['flag', 'flag_inverted']);

function sameSetting(facts: OptionFacts, a: string, b: string): boolean {
  return BOOLEAN_VALUE_KINDS.has(facts.valueKind) ? isFlagTrue(a) === isFlagTrue(b) : a === b;
}

function check(context: RuleContext): void {
  const { document, model, options } = context;
  for (const key of model.keys()) {
    if (context.isFull?.()) return;
    // Magic variables in a key (`%n`) depend on the file name; skip what we cannot read.
    if (key.includes('%')) continue;
    // Most keys are set once: settled without looking the option up.
    const all = model.entriesOf(key);
    if (all.length < 2) continue;
    const facts = options.option(key);
    // Immediate options act where they are written (`strict = false` switches strict off for
    // what follows), so an earlier one is not lost.
    if (!facts || facts.repeat !== 'last_wins' || facts.immediate) continue;
    // Lines inside `if` blocks may not apply at all, and `for` copies them on purpose.
    const entries = all.filter((entry) => !model.blockOf(entry));
    for (let i = 0; i + 1 < entries.length; i++) {
      // A key repeated thousands of times: past the cap, report() would drop each finding.
      if (context.isFull?.()) return;
      const earlier = entries[i]!;
      const later = entries[i + 1]!;
      const laterLine = document.lineNumberAt(later.keySpan.start) + 1;
      const same = sameSetting(facts, earlier.value, later.value);
      const message = same
        ? `\`${key}\` is set twice to the same value: line ${laterLine} sets it again (\`${later.value}\`), so this line has no effect.`
        : `\`${key}\` keeps only its last value: line ${laterLine} sets it again (\`${later.value}\`), so uWSGI never uses \`${earlier.value}\` from this line.`;
      context.report({
        span: earlier.keySpan,
        message,
        related: [{ span: later.keySpan, message: same ? `\`${key}\` set again to the same value` : `\`${key}\` set again here` }],
        // A line of a section pulled in with `ini = :name` may serve other sections too, and a
        // `%(key)` or `if-opt` between the two lines reads this one.
        data: { safeToRemove: same && earlier.section === later.section && !model.readsValueOf(key) },
      });
    }
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const line = document.lineAt(document.offsetAt(diagnostic.range.start));
  if (!line) return [];
  // Removing a differing value is a guess about which one was meant: only a plain repeat is safe.
  return [{
    title: 'Remove this earlier line',
    isPreferred: data['safeToRemove'] === true,
    // The same value in the same section again: uWSGI keeps the last one, which is the same.
    safety: data['safeToRemove'] === true ? 'safe' : 'unsafe',
    edit: workspaceEdit(document, [deleteLine(document, line)]),
  }];
}

/**
 * **Default severity:** information
 *
 * ## What it catches
 *
 * An option that keeps only its last value (the registry's `repeat: last_wins`: numbers, strings,
 * flags such as `processes`, `chdir`, `master`) set more than once in the lines uWSGI applies,
 * including sections pulled in with `ini = :name`. Every earlier occurrence is reported on its key;
 * the message names the line of the next one, which is also given as related information. When
 * both values mean the same (`true` and `True` for a flag), the message says the option is set twice
 * to the same value.
 *
 * Not reported:
 *
 * - options that add up with every occurrence (`socket`, `env`, `hook-*`, `route`, `attach-daemon`,
 *   `pythonpath`, ...);
 * - immediate options (`strict`, `plugins-dir`, ...): they act where they are written, so an earlier
 *   one still has an effect;
 * - lines inside `for`/`if` blocks, which may not apply at all;
 * - keys that are no options (placeholders).
 *
 * ## Why
 *
 * uWSGI applies the options in order, so for these options the last value wins and the earlier ones
 * are lost — often a leftover of copy and paste (`threads = 100` ... `threads = true`, which sets 0
 * threads). One catch: `%(name)` reads the *first* value, so a repeated option used as a placeholder
 * gives different values to the option and to the placeholder.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * master = true
 * processes = 4
 * master = true
 * ```
 *
 * The quick fix "Remove this earlier line" deletes the earlier occurrence. It is preferred only for
 * a plain repeat in the same section; when the values differ, decide which one you mean.
 *
 * ```ini
 * [uwsgi]
 * processes = 4
 * master = true
 * ```
 *
 * ## Fixes in bulk
 *
 * Removing the earlier line is **safe** when it repeats the same value in the same section and no
 * `%(name)` or `if-opt` reads the option: uWSGI keeps the last one, which is the same. With another
 * value it is **unsafe** (which value was meant is a guess) and not preferred, so `--fix` and
 * `--unsafe-fixes` both leave it to you.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line duplicate-option` on the line above.
 * - For the file: `# uwsgi-ini: disable duplicate-option` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "duplicate-option": "off" }` (or another severity), or `--rule duplicate-option=off`.
 *
 * See also the official [option reference](https://uwsgi-docs.readthedocs.io/en/latest/Options.html).
 */
export const duplicateOption: Rule = {
  id: 'duplicate-option', defaultSeverity: 'information', order: 120, check, fixes,
  title: 'An option that keeps only its last value, set more than once: the earlier values are lost',
  summary: { severity: 'information', catches: 'a last-wins option set twice: the first value is lost' },
};
