import { Rule, RuleFix, RuleContext, FixContext } from './rule';
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

function check(context: RuleContext): void {
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
}

function fixes({ document, model, diagnostic, data }: FixContext): RuleFix[] {
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
}

/**
 * **Default severity:** warning (error when strict mode is on, through `strict = true` or the `uwsgi.strict` setting)
 *
 * ## What it catches
 *
 * A `hook-`, `exec-`, `call-`, `mount-` or `umount-` key whose phase is not one uWSGI has, or that
 * phase has no option of that family:
 *
 * - a misspelt phase: `hook-asapp`, `exec-pre-ap`, `exec-pre`;
 * - a phase that exists, but not for this family: there is `hook-master-start`, but no
 *   `exec-master-start`. uwsgiconf's `MainProcess.run_command_on_event()` writes such keys; the rule
 *   says so when the key is one of them.
 *
 * The range is the phase part of the key.
 *
 * ## Why
 *
 * uWSGI does not complain about keys it does not know: it keeps them as placeholders (values for
 * `%(name)`) and moves on. A hook under a wrong name is therefore silently never run. With `strict`
 * on, uWSGI refuses to start instead.
 *
 * Phases that exist only in another uWSGI version (`hook-as-vassal-before-drop` on 2.0) are reported
 * by [unknown-option](unknown-option.md), so a key is never reported twice.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * exec-pre = python /app/wait_for_redis.py
 * exec-master-start = touch /tmp/started
 * ```
 *
 * After the quick fixes:
 *
 * ```ini
 * [uwsgi]
 * exec-pre-app = python /app/wait_for_redis.py
 * hook-master-start = exec:touch /tmp/started
 * ```
 *
 * The second fix moves the command to the `hook-` family, which has the phase, behind the `exec:`
 * action (likewise `call:`, `mount:` and `umount:` for the other families).
 *
 * Keys used as placeholders (`%(exec-dir)`) are left alone unless strict mode is on.
 *
 * ## Fixes in bulk
 *
 * Renaming to the only close phase is **safe** (a typo); with several candidates it is **unsafe**.
 * Moving an `exec-`/`call-` key to `hook-` is **unsafe**: the command starts running in that phase.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line unknown-hook-phase
 * exec-custom = 1
 * ```
 *
 * or set `"uwsgi.diagnostics": { "unknown-hook-phase": "off" }`.
 *
 * ## See also
 *
 * - [uWSGI hooks](https://uwsgi-docs.readthedocs.io/en/latest/Hooks.html)
 */
export const unknownHookPhase: Rule = {
  id: 'unknown-hook-phase', defaultSeverity: 'warning', order: 130, check, fixes,
  title: 'hook-/exec-/call-/mount-/umount- key whose phase does not exist for that family: uWSGI keeps it as a placeholder and never runs it',
  summary: { severity: 'warning (error under strict)', catches: '`hook-asapp`, `exec-master-start`: the hook never runs' },
};
