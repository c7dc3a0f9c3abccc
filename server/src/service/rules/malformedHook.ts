import { Rule, RuleContext, RuleFix, FixContext } from './rule';
import { getAction } from '../../registry/registry';
import type { ActionFacts } from '../../registry/types';
import { replaceSpan, replacementFixes, stringList, workspaceEdit } from '../edits';
import { HookEntry, hasExpansion, hookEntries } from '../../analysis/hookEntries';

/** Actions that take numeric ids (core/hooks.c checks them with is_a_number) / names only. */
const NUMERIC_OWNER_ACTION = 'chown2';
const NAMED_OWNER_ACTION = 'chown';

function consequence(hookEntry: HookEntry): string {
  return hookEntry.fatal
    ? `the action fails when the ${hookEntry.phase.name} phase runs, and a failure in that phase stops the instance`
    : `the action fails every time the ${hookEntry.phase.name} phase runs`;
}

function checkArguments(context: RuleContext, hookEntry: HookEntry, facts: ActionFacts): void {
  const hook = hookEntry.hook!;
  const args = hook.args;
  const severity = hookEntry.fatal ? 'error' : 'warning';
  const required = facts.args.filter((a) => !a.optional);
  const baseName = facts.aliasOf ?? facts.name;

  if (baseName === 'exit') {
    if (/^[1-9]$/.test(args)) {
      context.report({
        span: hook.argsSpan,
        message: `uWSGI reads the exit code only when it is at least two characters long: \`exit:${args}\` exits with status 0. Write \`exit:0${args}\` for status ${args}.`,
        severity: 'warning',
        data: { replacement: `0${args}` },
      });
    }
    return;
  }

  if (required.length > 0 && args === '' && !facts.acceptsEmptyArgument) {
    context.report({
      span: { start: hook.actionSpan.start, end: hook.colon + 1 },
      message: `\`${facts.name}\` needs \`${facts.syntax}\` but gets no argument: ${consequence(hookEntry)}.`,
      severity,
    });
    return;
  }

  if (required.length >= 2) {
    const parts = args.split(' ');
    if (parts.length < required.length) {
      const missing = required[parts.length]!;
      context.report({
        span: hook.argsSpan,
        message: `\`${facts.name}\` needs \`${facts.syntax}\` (separated by spaces) but \`${args}\` has no <${missing.name}>: ${consequence(hookEntry)}.`,
        severity,
      });
      return;
    }
  }

  if (baseName === NUMERIC_OWNER_ACTION || baseName === NAMED_OWNER_ACTION) {
    const [, user, group] = args.split(' ');
    if (user === undefined || group === undefined) return;
    const numeric = /^\d+$/.test(user) && /^\d+$/.test(group);
    if (baseName === NUMERIC_OWNER_ACTION && !numeric) {
      context.report({
        span: hook.argsSpan,
        message: `\`chown2\` takes a numeric uid and gid: ${consequence(hookEntry)}. Use \`chown\` for user and group names.`,
        severity,
        data: { action: NAMED_OWNER_ACTION, actionSpan: hook.actionSpan },
      });
    } else if (baseName === NAMED_OWNER_ACTION && numeric) {
      context.report({
        span: hook.argsSpan,
        message: `\`chown\` looks up user and group names, not numbers: unless a user named \`${user}\` exists, ${consequence(hookEntry)}. Use \`chown2\` for numeric ids.`,
        severity,
        data: { action: NUMERIC_OWNER_ACTION, actionSpan: hook.actionSpan },
      });
    }
  }
}

function check(context: RuleContext): void {
  const { model, options } = context;
  for (const hookEntry of hookEntries(model)) {
    const { entry, phase, hook } = hookEntry;
    if (!hook) {
      if (hasExpansion(entry.value)) continue;
      // Without the space uWSGI takes the whole value as the target and has no action to run.
      context.report({
        span: entry.value === '' ? entry.keySpan : entry.valueSpan,
        message: `\`${entry.key}\` takes \`<${hookEntry.targetKind}> <action>:<arguments>\`: without a space after the ${hookEntry.targetKind} uWSGI has no action to run.`,
        severity: 'warning',
      });
      continue;
    }
    if (entry.value === '') {
      context.report({
        span: entry.keySpan,
        message: `\`${entry.key}\` has an empty value: uWSGI stops with "invalid hook syntax" when the ${phase.name} phase runs.`,
      });
      continue;
    }
    if (hook.colon < 0) {
      if (hasExpansion(hook.action)) continue;
      const known = getAction(hook.action.trim()) !== undefined;
      context.report({
        span: hook.actionSpan,
        message: `\`${hook.action}\` is not \`action:arguments\`: uWSGI stops with "invalid hook syntax" when the ${phase.name} phase runs.${known ? ` Write \`${hook.action.trim()}:\`.` : ' Did you mean `exec:...` for a shell command?'}`,
        data: known ? { appendColon: true } : { prefix: 'exec:' },
      });
      continue;
    }
    if (hook.action === '') {
      context.report({
        span: { start: hook.colon, end: hook.colon + 1 },
        message: `No action before \`:\`: uWSGI stops with "hook action not found" when the ${phase.name} phase runs.`,
      });
      continue;
    }
    if (hasExpansion(hook.args) || hasExpansion(hook.action)) continue;
    const facts = getAction(hook.action);
    if (!facts || !facts.versions.includes(options.version)) continue;
    checkArguments(context, hookEntry, facts);
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  // `exit:1` exits with status 0 today: the replacement changes the status.
  const actions: RuleFix[] = replacementFixes(document, diagnostic, stringList([data['replacement']]), (value) => `Change to \`${value}\``, 'unsafe');
  if (data['appendColon'] === true) {
    const action = document.text.slice(start, end);
    actions.push({
      title: `Change to \`${action.trim()}:\``,
      isPreferred: true,
      // uWSGI stops on the line today; with the colon the hook runs.
      safety: 'unsafe',
      edit: workspaceEdit(document, [replaceSpan(document, { start, end }, `${action.trim()}:`)]),
    });
  }
  if (typeof data['prefix'] === 'string') {
    actions.push({
      title: `Run it as a shell command (\`${data['prefix']}...\`)`,
      isPreferred: false,
      safety: 'unsafe',
      edit: workspaceEdit(document, [replaceSpan(document, { start, end: start }, data['prefix'])]),
    });
  }
  const actionSpan = data['actionSpan'] as { start: number; end: number } | undefined;
  if (typeof data['action'] === 'string' && actionSpan && typeof actionSpan.start === 'number') {
    actions.push({
      title: `Use \`${data['action']}\` instead`,
      isPreferred: true,
      // Another action runs: names and numbers are looked up differently.
      safety: 'unsafe',
      edit: workspaceEdit(document, [replaceSpan(document, actionSpan, data['action'])]),
    });
  }
  return actions;
}

/**
 * **Default severity:** error (warning where uWSGI only skips or misreads)
 *
 * ## What it catches
 *
 * `hook-<phase>` values uWSGI cannot run as written:
 *
 * | value | what uWSGI does | severity |
 * |---|---|---|
 * | empty, or no `:` (`hook-asap = mkdir /x`) | "invalid hook syntax" and exit when the phase runs | error |
 * | nothing before the `:` | "hook action not found" and exit | error |
 * | missing arguments (`write:/tmp/x`, `mount:proc none`, `mkdir:`) | the action fails; in a fatal phase that stops the instance | error in fatal phases, warning in the others |
 * | `chown` with numbers, `chown2` with names | the lookup fails, so the action fails | as above |
 * | `exit:5` | the code is read only when it has two or more characters: exits with 0 | warning, fix `exit:05` |
 * | `hook-touch = /file` without an action | uWSGI watches the file but has nothing to run | warning |
 *
 * The range is the value, or the arguments when only they are at fault. Values with `$(...)`,
 * `@(...)` or `%(...)` are skipped.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * hook-as-user = exit
 * hook-asap = exit:3
 * hook-as-root = chown:/srv/app 33 33
 * ```
 *
 * After the quick fixes:
 *
 * ```ini
 * [uwsgi]
 * hook-as-user = exit:
 * hook-asap = exit:03
 * hook-as-root = chown2:/srv/app 33 33
 * ```
 *
 * ## Fixes in bulk
 *
 * Every fix is **unsafe**: each makes a hook run that did not, or run another action or status. Only
 * `--unsafe-fixes` applies the preferred one; running the text as a shell command (`exec:`) is never
 * applied in bulk.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line malformed-hook
 * hook-asap = exit:1
 * ```
 *
 * or set `"uwsgi.diagnostics": { "malformed-hook": "off" }`.
 *
 * ## See also
 *
 * - [uWSGI hooks](https://uwsgi-docs.readthedocs.io/en/latest/Hooks.html)
 */
export const malformedHook: Rule = {
  id: 'malformed-hook', defaultSeverity: 'error', order: 150, check, fixes,
  title: 'hook-* value that is not `action:arguments`, or whose arguments the action cannot use',
  summary: { severity: 'error', catches: 'hook values without `action:`, or arguments the action cannot take' },
};
