// What the privilege rules (running-as-root, incomplete-privilege-drop, no-privilege-drop,
// missing-vacuum, pidfile-before-drop) share: which entries decide the user and group the
// instance drops to, and how uWSGI reads their values. The facts come from the registry.
import { EntryLine, Section } from '../parser/ast';
import { DocumentModel } from './model';
import { privilegeOptions } from '../registry/registry';

export type DropKind = 'user' | 'group';

export interface DropOption {
  readonly name: string;
  readonly kind: DropKind;
  /** `immediate-uid`/`immediate-gid` switch while the file is read; `uid`/`gid` at the normal drop. */
  readonly immediate: boolean;
}

let dropOptions: readonly DropOption[] | undefined;

/** `uid`, `gid`, `immediate-uid`, `immediate-gid`: the options that set the instance's own ids (gateways have their own). */
export function instanceDropOptions(): readonly DropOption[] {
  dropOptions ??= privilegeOptions()
    .filter((o) => (o.role === 'set-uid' || o.role === 'set-gid') && o.when !== 'gateway')
    .map((o) => ({ name: o.name, kind: o.role === 'set-uid' ? 'user' : 'group', immediate: o.when === 'immediately' }));
  return dropOptions;
}

export function dropOption(key: string): DropOption | undefined {
  return instanceDropOptions().find((o) => o.name === key);
}

/** Applied entries (in order, blocks included) that set the user (or group) the instance drops to. */
export function dropEntries(model: DocumentModel, kind: DropKind): EntryLine[] {
  return model.entriesWhere((key) => dropOption(key)?.kind === kind);
}

/**
 * How uWSGI reads a uid/gid value (uwsgi_opt_set_uid: `atoi`, and a name when that gives 0).
 * `root` resolves to id 0 and `0` is looked up as a name; either way no drop happens. Values
 * with placeholders are resolved when this file defines them; environment references are unknown.
 */
export type RootValue = 'root-name' | 'zero';

export function rootValue(model: DocumentModel, entry: EntryLine): RootValue | undefined {
  const value = model.resolveValue(entry.value, undefined, entry);
  if (value === undefined) return undefined;
  if (value === 'root') return 'root-name';
  if (/^0+$/.test(value)) return 'zero';
  return undefined;
}

/** A uid entry that really switches user: set, and not to root. Unknown values count as a switch. */
export function dropsUser(model: DocumentModel, entry: EntryLine): boolean {
  return entry.value !== '' && rootValue(model, entry) === undefined;
}

/** The first header of the section uWSGI reads: where whole-file findings go and new lines are added. */
export function selectedHeader(model: DocumentModel): Section | undefined {
  return model.appliedSections[0];
}
