import { EntryLine, Span } from '../parser/ast';
import { HookValue, splitHookValue } from '../parser/values';
import { DocumentModel } from './model';
import { parseHookKey, PhaseFacts } from '../registry/registry';

// How uWSGI reads the value of a `hook-<phase>` option (core/hooks.c): `[!]<action>:<args>`,
// split at the first `:`. Two phases put one word in front, separated by the first space.

/**
 * Phases whose hook value starts with a word before the action. `hook-touch` is recorded in the
 * registry (`hookValueSyntax`); `hook-as-emperor-setns` (2.1) takes `<namespaces> <action>:<args>`
 * too (core/hooks.c, uwsgi_hooks_setns_run) but the registry does not say so yet.
 */
const TARGET_WORD: Readonly<Record<string, string>> = {
  touch: 'file',
  'as-emperor-setns': 'namespace list',
};

export interface HookEntry {
  readonly entry: EntryLine;
  readonly phase: PhaseFacts;
  /** What the word before the action names (`file` for hook-touch), when the phase has one. */
  readonly targetKind?: string;
  /** The word before the action; undefined when the phase has none or the value lacks the space. */
  readonly target?: { readonly text: string; readonly span: Span };
  /** The `action:args` part; undefined when a target word is expected and no space follows it. */
  readonly hook?: HookValue;
  /** A failing action stops the instance (or the spawn) in this phase. */
  readonly fatal: boolean;
}

function targetKindOf(phase: PhaseFacts): string | undefined {
  if (TARGET_WORD[phase.name]) return TARGET_WORD[phase.name];
  if (!phase.hookValueSyntax.startsWith('<action>')) return 'target';
  return undefined;
}

/** Two rules read the hook entries of each model: they are split once. */
const hookEntriesByModel = new WeakMap<DocumentModel, readonly HookEntry[]>();

/** The applied `hook-<phase>` entries of phases that have a hook family, with their values split. */
export function hookEntries(model: DocumentModel): readonly HookEntry[] {
  let result = hookEntriesByModel.get(model);
  if (!result) {
    result = splitHookEntries(model);
    hookEntriesByModel.set(model, result);
  }
  return result;
}

function isHookFamilyKey(key: string): boolean {
  if (!key.startsWith('hook-') || key.includes('%')) return false;
  const parsed = parseHookKey(key);
  return parsed !== undefined && parsed.family === 'hook' && parsed.phase?.families.hook !== undefined;
}

function splitHookEntries(model: DocumentModel): HookEntry[] {
  const text = model.text;
  const result: HookEntry[] = [];
  for (const entry of model.entriesWhere(isHookFamilyKey)) {
    const parsed = parseHookKey(entry.key);
    const phase = parsed?.phase;
    const family = phase?.families.hook;
    if (!parsed || parsed.family !== 'hook' || !phase || !family) continue;
    const fatal = family.fatal !== false;
    const targetKind = targetKindOf(phase);
    if (!targetKind) {
      result.push({ entry, phase, hook: splitHookValue(text, entry.valueSpan), fatal });
      continue;
    }
    const space = entry.value.indexOf(' ');
    if (space < 0) {
      result.push({ entry, phase, targetKind, fatal });
      continue;
    }
    const start = entry.valueSpan.start;
    const target = { text: entry.value.slice(0, space), span: { start, end: start + space } };
    const hook = splitHookValue(text, { start: start + space + 1, end: entry.valueSpan.end });
    result.push({ entry, phase, targetKind, target, hook, fatal });
  }
  return result;
}

/** `$(...)`, `@(...)` and `%...` are expanded before the hook runs: such text cannot be judged here. */
export function hasExpansion(text: string): boolean {
  return text.includes('%') || text.includes('$(') || text.includes('@(');
}
