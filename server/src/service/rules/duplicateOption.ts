import { TextEdit } from 'vscode-languageserver-types';
import { OptionFacts } from '../../registry/registry';
import { isFlagTrue } from '../optionContext';
import { workspaceEdit } from '../edits';
import { Rule } from './rule';

/** Value kinds read as on/off, where `true`, `True` and `1` all mean the same. */
const BOOLEAN_VALUE_KINDS = new Set(['flag', 'flag_inverted']);

function sameSetting(facts: OptionFacts, a: string, b: string): boolean {
  return BOOLEAN_VALUE_KINDS.has(facts.valueKind) ? isFlagTrue(a) === isFlagTrue(b) : a === b;
}

export const duplicateOption: Rule = {
  id: 'duplicate-option',
  defaultSeverity: 'information',
  title: 'An option that keeps only its last value, set more than once: the earlier values are lost',

  check(context) {
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
          // A line of a section pulled in with `ini = :name` may serve other sections too.
          data: { safeToRemove: same && earlier.section === later.section },
        });
      }
    }
  },

  fixes({ document, diagnostic, data }) {
    const line = document.lineAt(document.offsetAt(diagnostic.range.start));
    if (!line) return [];
    // Removing a differing value is a guess about which one was meant: only a plain repeat is safe.
    return [{
      title: 'Remove this earlier line',
      isPreferred: data['safeToRemove'] === true,
      edit: workspaceEdit(document, [TextEdit.del(document.rangeOf({ start: line.start, end: line.eolEnd }))]),
    }];
  },
};
