/**
 * The hook families: the prefix of a hook key says what is done with the value, the same in every
 * phase (SEMANTICS.md §15, hooks.json).
 */
import type { HookFamily, HookFamilyFacts } from '../types';

export const HOOK_FAMILY_FACTS: Readonly<Record<HookFamily, HookFamilyFacts>> = {
  hook: { name: 'hook', meaning: 'runs a hook action written `action:arguments`, e.g. `mkdir:/run/app`', shellCommand: false },
  exec: { name: 'exec', meaning: 'runs the value as a shell command (`/bin/sh -c`)', shellCommand: true },
  call: { name: 'call', meaning: 'calls the C function the value names, looked up in the uwsgi binary and its loaded plugins', shellCommand: false },
  mount: { name: 'mount', meaning: 'mounts a filesystem: `fstype source mountpoint [flags]`', shellCommand: false },
  umount: { name: 'umount', meaning: 'unmounts the mount point the value names', shellCommand: false },
};
