import { EntryLine, Span } from '../parser/ast';
import { getAction, hasRole, hookFamily, OptionFacts, parseHookKey } from '../registry/registry';

// What reads a value after uWSGI: a shell, a `;`-separated list, uWSGI's own syntaxes with `${...}`,
// or nothing but the option's setter. Shared by the rules that must not judge another language's text.

/** Hook actions whose arguments are a shell command line, by the name of their last argument. */
const SHELL_COMMAND_ARGUMENT = 'shell command';
/** Value kinds where `;` separates parts of the value (`declare-option = name=opt1=$1;opt2=$2`). */
const SEMICOLON_SEPARATED_VALUE_KINDS = new Set(['custom_option']);
/**
 * Value kinds that uWSGI fills at run time with its own `${...}` variables: routes (`${PATH_INFO}`,
 * `${cookie[name]}`); the log encoders (`${msg}`, `${unix}`, `${strftime:...}`) have a role of their own.
 */
const OWN_BRACE_VARIABLE_KINDS = new Set(['route']);

/** `alarm = name cmd:command`, `legion-lord = name cmd:command`: `cmd` runs its argument with `/bin/sh -c`. */
const CMD_ACTION = /^\S+\s+cmd:/;

export type ValueLanguage = 'plain' | 'shell' | 'semicolon-list';

function hookRunsShell(entry: EntryLine): boolean {
  // `hook-touch = <file> <action>:<args>`: the action is the last word before the first `:`.
  const colon = entry.value.indexOf(':');
  if (colon < 0) return false;
  const words = entry.value.slice(0, colon).trim().split(/\s+/);
  const action = words[words.length - 1]!.replace(/^!/, '');
  const args = getAction(action)?.args;
  return args !== undefined && args.length > 0 && args[args.length - 1]!.name === SHELL_COMMAND_ARGUMENT;
}

/**
 * How the value of an entry is read: `shell` for `exec-*` hooks, hooks with a shell action
 * (`exec:`, `safeexec:`), daemons, crons, `early-exec`, `touch-exec`, and `cmd:` alarms and legion hooks; `semicolon-list` for `declare-option`.
 */
export function valueLanguage(entry: EntryLine, facts: OptionFacts | undefined): ValueLanguage {
  const hook = parseHookKey(entry.key);
  if (hook) {
    if (hookFamily(hook.family).shellCommand) return 'shell';
    if (hook.family === 'hook' && hookRunsShell(entry)) return 'shell';
    return 'plain';
  }
  if (!facts) return 'plain';
  if (hasRole(facts.name, 'shell-command')) return 'shell';
  if (hasRole(facts.name, 'named-action') && CMD_ACTION.test(entry.value)) return 'shell';
  if (SEMICOLON_SEPARATED_VALUE_KINDS.has(facts.valueKind)) return 'semicolon-list';
  return 'plain';
}

/** True when `${...}` in this option's value is uWSGI's own run-time variable syntax (routes, log encoders). */
export function hasOwnBraceVariables(facts: OptionFacts | undefined): boolean {
  return facts !== undefined && (OWN_BRACE_VARIABLE_KINDS.has(facts.valueKind) || hasRole(facts.name, 'log-encoder'));
}

/** `[start, end)` of `text` when it is one quoted string: the same quote at both ends and none between them. */
export function quotedSpan(text: string, start: number, end: number): Span | undefined {
  if (end - start < 2) return undefined;
  const quote = text[start]!;
  if ((quote !== '"' && quote !== "'") || text[end - 1] !== quote) return undefined;
  return text.slice(start + 1, end - 1).includes(quote) ? undefined : { start, end };
}

/** True when the whole value is one quoted string (`"app.wsgi"`). */
export function isWhollyQuoted(value: string): boolean {
  return quotedSpan(value, 0, value.length) !== undefined;
}
