/**
 * uwsgiconf's `MainProcess` section (idlesign/uwsgiconf 2.3.1, src/uwsgiconf/options/main_process.py):
 * each method, its parameters, and the uWSGI keys it writes. Captured by running uwsgiconf, so the
 * product can explain configs it generated and flag the keys it gets wrong.
 */
import type { MainProcessFinding, MainProcessMethod, MainProcessParam } from '../types';

/** `MainProcess.phases.<CONSTANT>` -> phase name. */
export const UWSGICONF_PHASES: Readonly<Record<string, string>> = {
  ASAP: 'asap',
  JAIL_PRE: 'pre-jail',
  JAIL_IN: 'in-jail',
  JAIL_POST: 'post-jail',
  PRIV_DROP_PRE: 'as-root',
  PRIV_DROP_POST: 'as-user',
  MASTER_START: 'master-start',
  EMPEROR_START: 'emperor-start',
  EMPEROR_STOP: 'emperor-stop',
  EMPEROR_RELOAD: 'emperor-reload',
  EMPEROR_LOST: 'emperor-lost',
  EXIT: 'as-user-atexit',
  APP_LOAD_PRE: 'pre-app',
  APP_LOAD_POST: 'post-app',
  VASSAL_ON_DEMAND_IN: 'as-on-demand-vassal',
  VASSAL_CONFIG_CHANGE_POST: 'as-on-config-vassal',
  VASSAL_START_PRE: 'as-emperor-before-vassal',
  VASSAL_PRIV_DRP_PRE: 'as-vassal-before-drop',
  VASSAL_SET_NAMESPACE: 'as-emperor-setns',
  VASSAL_START_IN: 'as-vassal',
  VASSAL_START_POST: 'as-emperor',
  GATEWAY_START_IN_EACH: 'as-gateway',
  MULE_START_IN_EACH: 'as-mule',
  WORKER_ACCEPTING_PRE_EACH: 'accepting',
  WORKER_ACCEPTING_PRE_FIRST: 'accepting1',
  WORKER_ACCEPTING_PRE_EACH_ONCE: 'accepting-once',
  WORKER_ACCEPTING_PRE_FIRST_ONCE: 'accepting1-once',
};

const kw = (name: string, type: string, defaultValue: string | null = 'None'): MainProcessParam =>
  ({ name, type, default: defaultValue, required: false, keywordOnly: true });
const pos = (name: string, type: string): MainProcessParam =>
  ({ name, type, default: null, required: true, keywordOnly: false });

const HOOK_ACTION_TYPE = 'str | HookAction | list[str | HookAction]';

export const MAIN_PROCESS_METHODS: readonly MainProcessMethod[] = [
  {
    name: 'set_basic_params',
    params: [
      kw('touch_reload', 'str | list[str]'),
      kw('priority', 'int | None'),
      kw('vacuum', 'bool | None'),
      kw('binary_path', 'str | None'),
      kw('honour_stdin', 'bool | None'),
    ],
    emits: [
      { param: 'touch_reload', key: 'touch-reload', when: null, example: "set_basic_params(touch_reload='/path')", multi: true },
      { param: 'priority', key: 'prio', when: null, example: 'set_basic_params(priority=10)' },
      { param: 'vacuum', key: 'vacuum', when: null, example: 'set_basic_params(vacuum=True)', castBool: true },
      { param: 'binary_path', key: 'binary-path', when: null, example: "set_basic_params(binary_path='/usr/bin/uwsgi')" },
      { param: 'honour_stdin', key: 'honour-stdin', when: null, example: 'set_basic_params(honour_stdin=True)', castBool: true },
    ],
  },
  {
    name: 'set_memory_params',
    params: [kw('ksm_interval', 'int | None'), kw('no_swap', 'bool | None')],
    emits: [
      { param: 'ksm_interval', key: 'ksm', when: null, example: 'set_memory_params(ksm_interval=10)' },
      // Written with an underscore: uWSGI does not know this key (see findings).
      { param: 'no_swap', key: 'never_swap', when: null, example: 'set_memory_params(no_swap=True)', castBool: true },
    ],
  },
  {
    name: 'daemonize',
    params: [pos('log_into', 'str'), kw('after_app_loading', 'bool', 'False')],
    emits: [
      { param: 'log_into', key: 'daemonize', when: 'after_app_loading=False', example: "daemonize('/var/log/uwsgi.log')" },
      { param: 'log_into', key: 'daemonize2', when: 'after_app_loading=True', example: "daemonize('/var/log/uwsgi.log', after_app_loading=True)" },
    ],
  },
  {
    name: 'change_dir',
    params: [pos('to', 'str | pathlib.Path'), kw('after_app_loading', 'bool', 'False')],
    emits: [
      { param: 'to', key: 'chdir', when: 'after_app_loading=False', example: "change_dir('/srv/app')" },
      { param: 'to', key: 'chdir2', when: 'after_app_loading=True', example: "change_dir('/srv/app', after_app_loading=True)" },
    ],
  },
  {
    name: 'set_owner_params',
    params: [
      kw('uid', 'str | int'),
      kw('gid', 'str | int'),
      kw('add_gids', 'str | int | list[str | int]'),
      kw('set_asap', 'bool', 'False'),
      kw('drop_after', 'str', "''"),
    ],
    emits: [
      { param: 'uid', key: 'uid', when: 'set_asap=False', example: "set_owner_params(uid='www-data')" },
      { param: 'uid', key: 'immediate-uid', when: 'set_asap=True', example: "set_owner_params(uid='www-data', set_asap=True)" },
      { param: 'gid', key: 'gid', when: 'set_asap=False', example: "set_owner_params(gid='www-data')" },
      { param: 'gid', key: 'immediate-gid', when: 'set_asap=True', example: "set_owner_params(gid='www-data', set_asap=True)" },
      { param: 'add_gids', key: 'add-gid', when: null, example: "set_owner_params(add_gids=['adm'])", multi: true },
      { param: 'drop_after', key: 'drop-after-init', when: "drop_after='init'", example: "set_owner_params(drop_after='init')", castBool: true },
      { param: 'drop_after', key: 'drop-after-apps', when: "drop_after='apps'", example: "set_owner_params(drop_after='apps')", castBool: true },
    ],
  },
  {
    name: 'get_owner',
    params: [kw('default', 'bool', 'True')],
    emits: [],
    emitsNothing: true,
  },
  {
    name: 'set_hook',
    params: [pos('phase', 'str'), pos('action', HOOK_ACTION_TYPE)],
    emits: [
      { param: 'action', key: 'hook-<phase>', when: null, example: "set_hook(phases.<PHASE>, 'print:hello')", multi: true },
    ],
  },
  {
    name: 'set_hook_touch',
    params: [pos('fpath', 'str | pathlib.Path'), pos('action', HOOK_ACTION_TYPE)],
    emits: [
      // The value is `<fpath> <action>`: uWSGI splits at the first space.
      { param: 'fpath', key: 'hook-touch', when: null, example: "set_hook_touch('/tmp/reload', 'print:touched')" },
      { param: 'action', key: 'hook-touch', when: null, example: "set_hook_touch('/tmp/reload', 'print:touched')" },
    ],
  },
  {
    name: 'set_hook_after_request',
    params: [pos('func', 'str')],
    emits: [
      { param: 'func', key: 'after-request-hook', when: null, example: "set_hook_after_request('my_c_function')", multi: true },
    ],
  },
  {
    name: 'set_on_exit_params',
    params: [kw('skip_hooks', 'bool | None'), kw('skip_teardown', 'bool | None')],
    emits: [
      { param: 'skip_hooks', key: 'skip-atexit', when: null, example: 'set_on_exit_params(skip_hooks=True)', castBool: true },
      { param: 'skip_teardown', key: 'skip-atexit-teardown', when: null, example: 'set_on_exit_params(skip_teardown=True)', castBool: true },
    ],
  },
  {
    name: 'run_command_on_event',
    params: [pos('command', 'str'), kw('phase', 'str', "'asap'")],
    emits: [
      { param: 'command', key: 'exec-<phase>', when: null, example: "run_command_on_event('date', phase=phases.<PHASE>)", multi: true },
    ],
  },
  {
    name: 'run_command_on_touch',
    params: [pos('command', 'str'), { name: 'target', type: 'str', default: null, required: true, keywordOnly: true }],
    emits: [
      // The value is `<target> <command>`.
      { param: 'target', key: 'touch-exec', when: null, example: "run_command_on_touch('service x restart', target='/tmp/touch')" },
      { param: 'command', key: 'touch-exec', when: null, example: "run_command_on_touch('service x restart', target='/tmp/touch')" },
    ],
  },
  {
    name: 'set_pid_file',
    params: [pos('fpath', 'str | pathlib.Path'), kw('before_priv_drop', 'bool', 'True'), kw('safe', 'bool', 'False')],
    emits: [
      { param: 'fpath', key: 'pidfile', when: 'before_priv_drop=True, safe=False', example: "set_pid_file('/run/uwsgi.pid')" },
      { param: 'fpath', key: 'safe-pidfile', when: 'before_priv_drop=True, safe=True', example: "set_pid_file('/run/uwsgi.pid', safe=True)" },
      { param: 'fpath', key: 'pidfile2', when: 'before_priv_drop=False, safe=False', example: "set_pid_file('/run/uwsgi.pid', before_priv_drop=False)" },
      { param: 'fpath', key: 'safe-pidfile2', when: 'before_priv_drop=False, safe=True', example: "set_pid_file('/run/uwsgi.pid', before_priv_drop=False, safe=True)" },
    ],
  },
  {
    name: 'set_naming_params',
    params: [kw('autonaming', 'bool | None'), kw('prefix', 'str | None'), kw('suffix', 'str | None'), kw('name', 'str | None')],
    emits: [
      { param: 'autonaming', key: 'auto-procname', when: null, example: 'set_naming_params(autonaming=True)', castBool: true },
      { param: 'prefix', key: 'procname-prefix', when: "not prefix.endswith(' ')", example: "set_naming_params(prefix='web-')" },
      { param: 'prefix', key: 'procname-prefix-spaced', when: "prefix.endswith(' ')", example: "set_naming_params(prefix='web ')" },
      { param: 'suffix', key: 'procname-append', when: null, example: "set_naming_params(suffix='-x')" },
      { param: 'name', key: 'procname', when: null, example: "set_naming_params(name='my-app')" },
    ],
  },
];

/** Phases for which uWSGI defines no `exec-<phase>` option although uwsgiconf writes one. */
const PHASES_WITHOUT_EXEC = [
  'master-start', 'emperor-start', 'emperor-stop', 'emperor-reload', 'emperor-lost',
  'as-on-demand-vassal', 'as-on-config-vassal', 'as-emperor-before-vassal', 'as-vassal-before-drop', 'as-emperor-setns',
  'as-gateway', 'as-mule', 'accepting', 'accepting1', 'accepting-once', 'accepting1-once',
];

/** Phases whose `hook-` option exists only in uWSGI 2.1 although uwsgiconf offers a constant for them. */
const PHASES_ONLY_IN_21 = ['as-on-demand-vassal', 'as-on-config-vassal', 'as-emperor-before-vassal', 'as-vassal-before-drop', 'as-emperor-setns'];

export const UWSGICONF_FINDINGS: readonly MainProcessFinding[] = [
  { emittedKey: 'never_swap', method: 'set_memory_params', problem: 'unknown-key', correctKey: 'never-swap' },
  ...PHASES_ONLY_IN_21.map((p): MainProcessFinding => ({ emittedKey: `hook-${p}`, method: 'set_hook', problem: 'only-in-2.1' })),
  // The same command runs in that phase with the exec action: `hook-<phase> = exec:<command>`.
  ...PHASES_WITHOUT_EXEC.map((p): MainProcessFinding => ({
    emittedKey: `exec-${p}`, method: 'run_command_on_event', problem: 'unknown-key', correctKey: `hook-${p}`, correctValuePrefix: 'exec:',
  })),
];

/** Hook values uwsgiconf's action helpers render that uWSGI reads differently than intended. */
export interface UwsgiconfActionFinding {
  readonly helper: string;
  readonly action: string;
  readonly problem: 'single-digit-exit-code-ignored' | 'mount-without-source' | 'silently-becomes-umount' | 'creates-file-not-directory';
}

export const UWSGICONF_ACTION_FINDINGS: readonly UwsgiconfActionFinding[] = [
  { helper: 'actions.exit', action: 'exit', problem: 'single-digit-exit-code-ignored' },
  { helper: 'actions.mount', action: 'mount', problem: 'mount-without-source' },
  { helper: 'actions.mount', action: 'umount', problem: 'silently-becomes-umount' },
  { helper: 'actions.file_create', action: 'create', problem: 'creates-file-not-directory' },
];
