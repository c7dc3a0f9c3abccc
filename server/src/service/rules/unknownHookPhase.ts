import { Rule, RuleFix } from './rule';
import { STRICT_REFUSAL } from './unknownOption';
import { allPhases, nearest, parseHookKey, uwsgiconfFinding } from '../../registry/registry';
import type { HookFamily, UwsgiVersion } from '../../registry/types';
import { replaceSpan, replacementFixes, stringList, workspaceEdit } from '../edits';

/** Families whose value can move to `hook-<phase>` behind an action of the same name. */
const FAMILY_ACTION: Readonly<Partial<Record<HookFamily, string>>> = {
  exec: 'exec',
  call: 'call',
  mount: 'mount',
  umount: 'umount',
};

function phaseNames(family: HookFamily, version: UwsgiVersion): string[] {
  return allPhases()
    .filter((phase) => phase.families[family]?.versions.includes(version))
    .map((phase) => phase.name);
}

export const unknownHookPhase: Rule = {
  id: 'unknown-hook-phase',
  defaultSeverity: 'warning',
  title: 'hook-/exec-/call-/mount-/umount- key whose phase does not exist for that family: uWSGI keeps it as a placeholder and never runs it',

  check(context) {
    const { model, options } = context;
    const usedPlaceholders = model.usedNames;
    // Declared options, options of other versions or plugins: unknown-option speaks about them.
    const unknownHookKeys = model.entriesWhere((key) => !key.includes('%') && parseHookKey(key) !== undefined && options.lookup(key).kind === 'unknown');
    for (const entry of unknownHookKeys) {
      const key = entry.key;
      const hookKey = parseHookKey(key)!;
      const strict = options.strictFor(entry);
      const severity = strict ? 'error' : 'warning';
      const fate = strict ? STRICT_REFUSAL : `uWSGI keeps \`${key}\` as a placeholder and never runs it`;
      if (usedPlaceholders.has(key) && !strict) continue;
      const { family, phaseName, phase } = hookKey;
      const phaseSpan = { start: entry.keySpan.start + family.length + 1, end: entry.keySpan.end };
      const suggestions = nearest(phaseName, phaseNames(family, options.version), 3);
      const hint = suggestions.length > 0 ? ` Did you mean \`${family}-${suggestions[0]}\`?` : '';

      if (!phase) {
        context.report({
          span: phaseSpan,
          message: `\`${phaseName}\` is no hook phase: ${fate}.${hint}`,
          severity,
          data: { suggestions },
        });
        continue;
      }

      const familyFacts = phase.families[family];
      if (familyFacts && !familyFacts.versions.includes(options.version)) {
        context.report({
          span: phaseSpan,
          message: `The \`${phaseName}\` phase exists only in uWSGI ${familyFacts.versions.join(', ')}: ${strict ? STRICT_REFUSAL : `uWSGI ${options.version} keeps \`${key}\` as a placeholder and never runs it`}.`,
          severity,
          data: { suggestions },
        });
        continue;
      }

      // The phase exists, but not for this family.
      const hookFamily = phase.families.hook;
      const action = FAMILY_ACTION[family];
      const canMove = hookFamily !== undefined && hookFamily.versions.includes(options.version) && action !== undefined;
      const finding = uwsgiconfFinding(key);
      const origin = finding ? ` uwsgiconf's \`MainProcess.${finding.method}()\` writes this key, but uWSGI has no such option.` : '';
      const move = canMove ? ` Use \`hook-${phaseName} = ${action}:...\` instead.` : hint;
      context.report({
        span: phaseSpan,
        message: `The \`${phaseName}\` phase has no \`${family}-\` option: ${fate}.${origin}${move}`,
        severity,
        data: canMove ? { suggestions, moveTo: `hook-${phaseName}`, valuePrefix: `${action}:` } : { suggestions },
      });
    }
  },

  fixes({ document, model, diagnostic, data }) {
    const end = document.offsetAt(diagnostic.range.end);
    const actions: RuleFix[] = [];
    const moveTo = typeof data['moveTo'] === 'string' ? data['moveTo'] : undefined;
    const valuePrefix = typeof data['valuePrefix'] === 'string' ? data['valuePrefix'] : '';
    if (moveTo) {
      const entry = model.applied.find((e) => e.keySpan.end === end);
      if (entry) {
        const edits = [replaceSpan(document, entry.keySpan, moveTo)];
        if (entry.equals >= 0) edits.push(replaceSpan(document, { start: entry.valueSpan.start, end: entry.valueSpan.start }, valuePrefix));
        actions.push({
          title: `Change to \`${moveTo} = ${valuePrefix}...\``,
          isPreferred: true,
          // The hook starts running in that phase.
          safety: 'unsafe',
          edit: workspaceEdit(document, edits),
        });
      }
    }
    actions.push(...replacementFixes(document, diagnostic, stringList(data['suggestions']), (name) => `Change the phase to \`${name}\``, 'single-candidate', !moveTo));
    return actions;
  },
};
