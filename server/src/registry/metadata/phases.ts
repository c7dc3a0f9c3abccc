/**
 * Hook phases: the `<phase>` part of `hook-<phase>`, `exec-<phase>`, `call-<phase>`,
 * `mount-<phase>` and `umount-<phase>`. Facts from the uWSGI sources (core/hooks.c, core/uwsgi.c,
 * core/emperor.c, core/master.c) of uwsgi-2.0 (2.0.30) and master (2.1-dev).
 *
 * `root` assumes the usual production start: as root, with `uid`/`gid` set. `'depends'` means other
 * options decide (`master-as-root`, `drop-after-init`, `drop-after-apps`, how the Emperor runs...).
 */
import type { CallVariant, HookFailure, HookFamily, PhaseFacts, PhaseFamilyFacts, RootState, UwsgiVersion } from '../types';

const BOTH: readonly UwsgiVersion[] = ['2.0', '2.1'];
const MASTER_ONLY: readonly UwsgiVersion[] = ['2.1'];

const ACTION_SYNTAX = '<action>:<args>';

interface PhaseSpec {
  name: string;
  uwsgiconfConstant: string | null;
  /** Which families exist and whether a failure is fatal for each. */
  fatal: Partial<Record<HookFamily, HookFailure>>;
  kind: PhaseFacts['kind'];
  process: string;
  root: RootState;
  versions?: readonly UwsgiVersion[];
  ifdef?: string;
  callVariants?: CallVariant[];
  hookValueSyntax?: string;
}

function phase(order: number, spec: PhaseSpec): PhaseFacts {
  const versions = spec.versions ?? BOTH;
  const families: Partial<Record<HookFamily, PhaseFamilyFacts>> = {};
  for (const family of ['hook', 'exec', 'call', 'mount', 'umount'] as const) {
    const fatal = spec.fatal[family];
    if (fatal === undefined) continue;
    families[family] = { option: `${family}-${spec.name}`, versions, fatal };
  }
  return {
    name: spec.name,
    uwsgiconfConstant: spec.uwsgiconfConstant,
    families,
    order,
    kind: spec.kind,
    process: spec.process,
    root: spec.root,
    versions,
    ifdef: spec.ifdef ?? null,
    callVariants: spec.callVariants ?? [],
    hookValueSyntax: spec.hookValueSyntax ?? ACTION_SYNTAX,
  };
}

const ALL_FATAL = { hook: true, exec: true, call: true, mount: true, umount: true } as const;
const NONE_FATAL = { hook: false, exec: false, call: false, mount: false, umount: false } as const;

/** In start-up order. Emperor phases sit where the Emperor would reach them in its own start. */
const SPECS: PhaseSpec[] = [
  { name: 'asap', uwsgiconfConstant: 'ASAP', fatal: ALL_FATAL, kind: 'startup', process: 'main process, right after the configuration is applied', root: true },
  { name: 'pre-jail', uwsgiconfConstant: 'JAIL_PRE', fatal: ALL_FATAL, kind: 'startup', process: 'main process, before jails/namespaces (first start only)', root: true },
  { name: 'in-jail', uwsgiconfConstant: 'JAIL_IN', fatal: ALL_FATAL, kind: 'startup', process: 'main process, or the jailed child', root: true },
  // Both run inside uwsgi_as_root(), which returns at once for a non-root start.
  { name: 'post-jail', uwsgiconfConstant: 'JAIL_POST', fatal: ALL_FATAL, kind: 'startup', process: 'main process (root only)', root: true },
  { name: 'as-root', uwsgiconfConstant: 'PRIV_DROP_PRE', fatal: { hook: true, exec: true, call: false, mount: true, umount: true }, kind: 'startup', process: 'main process (root only), just before the privilege drop', root: true },
  { name: 'as-user', uwsgiconfConstant: 'PRIV_DROP_POST', fatal: { hook: true, exec: true, call: true }, kind: 'startup', process: 'main process (root start only), just after the privilege drop', root: false },
  { name: 'emperor-start', uwsgiconfConstant: 'EMPEROR_START', fatal: { hook: true }, kind: 'startup', process: 'Emperor', root: 'depends' },
  { name: 'as-emperor-before-vassal', uwsgiconfConstant: 'VASSAL_START_PRE', fatal: { hook: 'spawn-aborted' }, kind: 'event', process: 'Emperor, before spawning a vassal', root: 'depends', versions: MASTER_ONLY },
  {
    name: 'as-vassal', uwsgiconfConstant: 'VASSAL_START_IN', fatal: ALL_FATAL, kind: 'event', process: 'new vassal, before it execs uwsgi', root: 'depends',
    callVariants: [
      { option: 'call-as-vassal', signature: 'void f(void)' },
      { option: 'call-as-vassal1', signature: 'void f(char *vassal_name)' },
      { option: 'call-as-vassal3', signature: 'void f(char *vassal_name, uid_t uid, gid_t gid)' },
    ],
  },
  { name: 'as-vassal-before-drop', uwsgiconfConstant: 'VASSAL_PRIV_DRP_PRE', fatal: { hook: true }, kind: 'event', process: 'new vassal, before its privilege drop (Linux user namespaces)', root: true, versions: MASTER_ONLY },
  {
    name: 'as-emperor', uwsgiconfConstant: 'VASSAL_START_POST', fatal: NONE_FATAL, kind: 'event', process: 'Emperor, after spawning a vassal', root: 'depends',
    callVariants: [
      { option: 'call-as-emperor', signature: 'void f(void)' },
      { option: 'call-as-emperor1', signature: 'void f(char *vassal_name)' },
      { option: 'call-as-emperor2', signature: 'void f(char *vassal_name, pid_t pid)' },
      { option: 'call-as-emperor4', signature: 'void f(char *vassal_name, pid_t pid, uid_t uid, gid_t gid)' },
    ],
  },
  { name: 'as-emperor-setns', uwsgiconfConstant: 'VASSAL_SET_NAMESPACE', fatal: { hook: false }, kind: 'event', process: 'child of the Emperor inside the new vassal\'s namespaces', root: 'depends', versions: MASTER_ONLY, ifdef: 'defined(__linux__) && !defined(OBSOLETE_LINUX_KERNEL)' },
  { name: 'as-on-demand-vassal', uwsgiconfConstant: 'VASSAL_ON_DEMAND_IN', fatal: { hook: 'vassal-removed' }, kind: 'event', process: 'Emperor, when a vassal goes on demand', root: 'depends', versions: MASTER_ONLY },
  { name: 'as-on-config-vassal', uwsgiconfConstant: 'VASSAL_CONFIG_CHANGE_POST', fatal: { hook: 'vassal-cursed' }, kind: 'event', process: 'Emperor, when an on-demand vassal\'s config changes', root: 'depends', versions: MASTER_ONLY },
  // drop-after-init / drop-after-apps keep root through app loading.
  { name: 'pre-app', uwsgiconfConstant: 'APP_LOAD_PRE', fatal: { hook: true, exec: true, call: true }, kind: 'startup', process: 'process loading the apps (master, or each worker with lazy-apps)', root: 'depends' },
  { name: 'post-app', uwsgiconfConstant: 'APP_LOAD_POST', fatal: { hook: true, exec: true, call: false }, kind: 'startup', process: 'process loading the apps (master, or each worker with lazy-apps)', root: 'depends' },
  // master-as-root keeps the master privileged.
  { name: 'master-start', uwsgiconfConstant: 'MASTER_START', fatal: { hook: true }, kind: 'startup', process: 'master', root: 'depends' },
  { name: 'as-gateway', uwsgiconfConstant: 'GATEWAY_START_IN_EACH', fatal: { hook: true }, kind: 'startup', process: 'each gateway (http, fastrouter...), before its own uid/gid drop', root: 'depends' },
  { name: 'as-mule', uwsgiconfConstant: 'MULE_START_IN_EACH', fatal: { hook: true }, kind: 'startup', process: 'each mule', root: false },
  { name: 'post-fork', uwsgiconfConstant: null, fatal: { hook: true }, kind: 'startup', process: 'each worker, right after fork', root: false },
  { name: 'accepting', uwsgiconfConstant: 'WORKER_ACCEPTING_PRE_EACH', fatal: { hook: true }, kind: 'startup', process: 'each worker, before its accept loop (every spawn)', root: false },
  { name: 'accepting-once', uwsgiconfConstant: 'WORKER_ACCEPTING_PRE_EACH_ONCE', fatal: { hook: true }, kind: 'startup', process: 'each worker, before its accept loop (first spawn only)', root: false },
  { name: 'accepting1', uwsgiconfConstant: 'WORKER_ACCEPTING_PRE_FIRST', fatal: { hook: true }, kind: 'startup', process: 'worker 1, before its accept loop (every spawn)', root: false },
  { name: 'accepting1-once', uwsgiconfConstant: 'WORKER_ACCEPTING_PRE_FIRST_ONCE', fatal: { hook: true }, kind: 'startup', process: 'worker 1, before its accept loop (first spawn only)', root: false },
  { name: 'touch', uwsgiconfConstant: null, fatal: { hook: false }, kind: 'event', process: 'master (needs master), when the named file changes', root: 'depends', hookValueSyntax: '<file> <action>:<args>' },
  { name: 'emperor-reload', uwsgiconfConstant: 'EMPEROR_RELOAD', fatal: { hook: false }, kind: 'event', process: 'vassal master, when its Emperor asks for a reload', root: 'depends' },
  { name: 'emperor-stop', uwsgiconfConstant: 'EMPEROR_STOP', fatal: { hook: false }, kind: 'event', process: 'vassal master, when its Emperor asks it to stop', root: 'depends' },
  { name: 'emperor-lost', uwsgiconfConstant: 'EMPEROR_LOST', fatal: { hook: false }, kind: 'event', process: 'vassal master, when the Emperor connection is lost', root: 'depends' },
  { name: 'as-user-atexit', uwsgiconfConstant: 'EXIT', fatal: { hook: false, exec: false, call: false }, kind: 'event', process: 'master, at exit or before a reload (not with skip-atexit)', root: 'depends' },
];

export const PHASES: readonly PhaseFacts[] = SPECS.map((spec, i) => phase(i + 1, spec));
