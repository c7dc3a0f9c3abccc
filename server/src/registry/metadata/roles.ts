/**
 * Option roles: what a value is for, where the value kind does not say it (uWSGI parses a path, a
 * log format and a module name all as a plain string). A role names options, or takes every
 * option of some value kinds or C parsers. `npm run generate` turns this into the option lists of
 * generated/roles.ts (and fails on a name that is no option, or on a role that would differ
 * between 2.0 and 2.1); services ask `hasRole(name, role)` instead of keeping lists of their own.
 */
import type { OptionRole, RoleRule } from '../types';

export const ROLE_RULES: Readonly<Record<OptionRole, RoleRule>> = {
  path: {
    // From each option's C handler: the string is opened, stat()ed, chdir()ed to or watched.
    options: [
      'wsgi-file', 'file', 'psgi', 'rack',
      'touch-reload', 'touch-logreopen', 'touch-chain-reload', 'touch-workers-reload', 'touch-mules-reload',
      'touch-spoolers-reload', 'fs-reload', 'fs-brutal-reload',
      'logto', 'logto2', 'pidfile', 'pidfile2', 'safe-pidfile', 'safe-pidfile2', 'daemonize', 'daemonize2',
      'chdir', 'chdir2', 'home', 'virtualenv', 'venv', 'pyhome', 'plugins-dir', 'plugin-dir', 'mime-file',
      'for-readline', 'if-exists', 'if-not-exists', 'ifexists', 'if-file', 'if-not-file', 'if-dir', 'if-not-dir', 'ifdir',
      'if-directory',
    ],
    valueKinds: ['path_list'],
  },
  'path-mapping': { options: ['static-map', 'static-map2'] },
  // Daemons and cron commands go to /bin/sh -c; `early-*-exec` runs its value the same way, and
  // `touch-exec = file command` its command (uwsgi_run_command).
  'shell-command': { options: ['touch-exec'], valueKinds: ['daemon', 'cron'], parsers: ['uwsgi_opt_early_exec'] },
  // `alarm = name cmd:command` hands the command to uwsgi_run_command (core/alarm.c), a legion hook
  // `legion-lord = name cmd:command` to uwsgi_run_command_and_wait (core/legion.c): both /bin/sh -c.
  'named-action': { options: ['alarm'], parsers: ['uwsgi_opt_legion_hook'] },
  'log-template': { options: ['log-format', 'logformat'] },
  'plugin-loader': { valueKinds: ['plugin_load'] },
  // `plugin`/`plugins` only log a plugin that fails to load; `need-plugin` exits (SEMANTICS.md §14).
  'fatal-plugin-loader': { options: ['need-plugin', 'need-plugins'] },
  'placeholder-setter': { valueKinds: ['placeholder'] },
  'option-declarer': { valueKinds: ['custom_option'] },
  // `ini = :name` and `include = :name` read another section of the file being read (SEMANTICS.md §3, §10).
  'section-loader': { options: ['ini', 'include'] },
  // `set` adds a deferred `name=value` entry; a `set-placeholder` value is pasted into each value
  // that uses it, which is then scanned again (SEMANTICS.md §9, §10).
  'deferred-expansion': { options: ['set', 'set-placeholder', 'set-ph'] },
  // `if-opt = name` and `if-opt = name=value` (SEMANTICS.md §11).
  'option-condition': { options: ['if-opt', 'if-not-opt'] },
  // logto() and the daemonize path both open the file with O_CREAT (core/logging.c, core/utils.c).
  'log-file': { options: ['logto', 'logto2', 'daemonize', 'daemonize2'] },
  // The setters that put an entry on uwsgi.sockets, the list vacuum() walks (core/uwsgi.c).
  'bound-socket': { parsers: ['uwsgi_opt_add_socket', 'uwsgi_opt_add_socket_no_defer', 'uwsgi_opt_add_ssl_socket'] },
  'other-config-loader': { options: ['xml', 'yaml', 'yml', 'json', 'js', 'sqlite3', 'ldap', 'config', 'ini-paste', 'ini-paste-logged'] },
  'config-file-loader': {
    parsers: ['uwsgi_opt_load', 'uwsgi_opt_load_ini', 'uwsgi_opt_load_xml', 'uwsgi_opt_load_yml', 'uwsgi_opt_load_json', 'uwsgi_opt_load_config'],
  },
  // `log-reopen` on reload (also a `daemonize` file), `log-maxsize` when rotating, the touch files when touched.
  'log-reopener': { options: ['log-reopen', 'log-maxsize', 'touch-logreopen', 'touch-logrotate'] },
  'socket-mode': { parsers: ['uwsgi_opt_chmod_socket'] },
  'log-encoder': { options: ['log-encoder', 'log-req-encoder', 'worker-log-encoder', 'worker-log-req-encoder'] },
  'env-setter': { options: ['env', 'ienv'] },
  'log-template-strftime': { options: ['log-format-strftime', 'logformat-strftime'] },
  // `set` shares their parser but sets options on purpose (SEMANTICS.md §10).
  'placeholder-only-setter': { options: ['set-placeholder', 'set-ph'] },
};
