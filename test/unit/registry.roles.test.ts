// The registry answers the questions that services and rules used to answer with tables of their
// own. Each expected list below was copied once from the table it replaces (links.ts,
// inlineComment.ts, undefinedPlaceholder.ts, unknownPlugin.ts, optionContext.ts, model.ts,
// hover.ts, completion.ts, docsText.ts), or, where the old code asked for a value kind or a parser,
// from the options of that kind; they are written out, not computed from the registry.
import { strict as assert } from 'node:assert';
import {
  allOptions, hasRole, HOOK_FAMILIES, hookFamily, optionsWithRole, repeatWords, valueKindWords,
  type OptionRole, type RepeatKind,
} from '../../server/src/registry/registry';

const sorted = (names: readonly string[]): string[] => [...names].sort();

/** The old tables, as they were. */
const OLD_ROLE_TABLES: Record<OptionRole, readonly string[]> = {
  // links.ts PATH_VALUED_OPTIONS, then the options of value kind `path_list` (PATH_VALUE_KINDS).
  path: [
    'wsgi-file', 'file', 'psgi', 'rack',
    'touch-reload', 'touch-logreopen', 'touch-chain-reload', 'touch-workers-reload', 'touch-mules-reload',
    'touch-spoolers-reload', 'fs-reload', 'fs-brutal-reload',
    'logto', 'logto2', 'pidfile', 'pidfile2', 'safe-pidfile', 'safe-pidfile2', 'daemonize', 'daemonize2',
    'chdir', 'chdir2', 'home', 'virtualenv', 'venv', 'pyhome', 'plugins-dir', 'plugin-dir', 'mime-file',
    'for-readline', 'if-exists', 'if-not-exists', 'ifexists', 'if-file', 'if-not-file', 'if-dir', 'if-not-dir', 'ifdir',
    'if-directory',
    'check-static', 'early-python-path', 'early-pythonpath', 'pp', 'python-path', 'pythonpath', 'spooler',
    'spooler-external', 'static-check',
  ],
  // links.ts MAPPING_PATH_OPTIONS.
  'path-mapping': ['static-map', 'static-map2'],
  // inlineComment.ts: value kinds `daemon` and `cron`, parser `uwsgi_opt_early_exec`.
  'shell-command': [
    'attach-control-daemon', 'attach-daemon', 'attach-daemon2', 'legion-attach-daemon', 'legion-smart-attach-daemon',
    'legion-smart-attach-daemon2', 'smart-attach-daemon', 'smart-attach-daemon2',
    'cron', 'cron-curl', 'cron-curl-legion', 'cron-legion', 'cron2', 'curl-cron', 'curl-cron-legion', 'legion-cron',
    'legion-cron-curl', 'legion-curl-cron', 'unique-cron', 'unique-cron-legion', 'unique-legion-cron',
    'early-perl-exec',
    // Added with the review of issue 12: `touch-exec = file command` runs its command with /bin/sh -c.
    'touch-exec',
  ],
  // undefinedPlaceholder.ts LOG_TEMPLATE_OPTIONS.
  'log-template': ['log-format', 'logformat'],
  // optionContext.ts PLUGIN_LOADERS, unknownPlugin.ts LOADERS.
  'plugin-loader': ['plugin', 'plugins', 'need-plugin', 'need-plugins'],
  // unknownPlugin.ts FATAL_LOADERS.
  'fatal-plugin-loader': ['need-plugin', 'need-plugins'],
  // model.ts PLACEHOLDER_SETTERS.
  'placeholder-setter': ['set-placeholder', 'set-ph', 'set', 'resolve'],
  // model.ts OPTION_DECLARERS.
  'option-declarer': ['declare-option', 'declare-option2'],
  // model.ts SECTION_LOADERS; hover.ts and undefinedPlaceholder.ts `key === 'ini' || key === 'include'`.
  'section-loader': ['ini', 'include'],
  // undefinedPlaceholder.ts EXPANDED_WHERE_USED.
  'deferred-expansion': ['set', 'set-placeholder', 'set-ph'],
  // navigation.ts KEY_TESTING_CONDITIONS; model.ts `k === 'if-opt' || k === 'if-not-opt'`.
  'option-condition': ['if-opt', 'if-not-opt'],
  // pidfileBeforeDrop.ts LOG_OPENERS (`daemonize`, `logto`), with the `2` variants that open the same file later.
  'log-file': ['daemonize', 'daemonize2', 'logto', 'logto2'],
  // missingVacuum.ts VACUUMED_SOCKET_PARSERS: the options of the parsers uwsgi_opt_add_socket,
  // uwsgi_opt_add_socket_no_defer and uwsgi_opt_add_ssl_socket.
  'bound-socket': [
    'fastcgi-nph-socket', 'fastcgi-socket', 'http-socket', 'http11-socket', 'https-socket', 'puwsgi-socket', 'raw-socket',
    'scgi-nph-socket', 'scgi-socket', 'socket', 'ssl-socket', 'suwsgi-socket', 'uwsgi-socket',
  ],
  // interpret.ts OTHER_LOADERS.
  'other-config-loader': ['xml', 'yaml', 'yml', 'json', 'js', 'sqlite3', 'ldap', 'config', 'ini-paste', 'ini-paste-logged'],
  // unexpandedReference.ts FILE_LOADER_PARSERS: the options of uwsgi_opt_load, _load_ini, _load_xml,
  // _load_yml, _load_json and _load_config.
  'config-file-loader': ['config', 'include', 'inherit', 'ini', 'js', 'json', 'xml', 'xmlconfig', 'yaml', 'yml'],
  // pidfileBeforeDrop.ts LOG_REOPENERS.
  'log-reopener': ['log-reopen', 'log-maxsize', 'touch-logreopen', 'touch-logrotate'],
  // worldWritableSocket.ts SOCKET_MODE_OPTIONS, those of parser uwsgi_opt_chmod_socket.
  'socket-mode': ['chmod-socket', 'chmod'],
  // quotedValue.ts OUTPUT_OPTIONS, valueLanguage.ts OWN_BRACE_VARIABLE_OPTIONS.
  'log-encoder': ['log-encoder', 'log-req-encoder', 'worker-log-encoder', 'worker-log-req-encoder'],
  // quotedValue.ts ENV_SETTERS.
  'env-setter': ['env', 'ienv'],
  // magicPercentLiteral.ts LOG_FORMAT_STRFTIME.
  'log-template-strftime': ['log-format-strftime', 'logformat-strftime'],
  // invalidValue.ts PLACEHOLDER_ONLY_SETTERS.
  'placeholder-only-setter': ['set-placeholder', 'set-ph'],
  // New with the review of issue 12 (no old table): `alarm = name cmd:command` and the legion hooks
  // (`legion-lord = name cmd:command`) run a shell command.
  'named-action': [
    'alarm', 'legion-death', 'legion-join', 'legion-lord', 'legion-node-joined', 'legion-node-left', 'legion-setup',
    'legion-unlord',
  ],
};

/** completion.ts VALUE_KIND_LABEL; kinds it lacked were shown as the kind with spaces for `_`. */
const OLD_COMPLETION_LABELS: Record<string, string> = {
  flag: 'flag', flag_inverted: 'flag (inverted)', int: 'number', int16: 'number', int64: 'number', megabytes: 'size in MB',
  string: 'text', socket: 'socket address', gateway_socket: 'socket address', mode: 'octal mode', uid: 'user', gid: 'group',
  plugin_load: 'plugin list', include: 'config file', logic_open: 'block opener', logic_close: 'block end',
};

/** docsText.ts VALUE_KIND_TEXT. */
const OLD_DOCS_TEXT: Record<string, string> = {
  flag: 'a boolean (`false`, `off`, `no` or `0` switch it off; anything else, even an empty value, switches it on)',
  flag_inverted: 'a boolean that switches the feature off when true',
  int: 'a whole number',
  int16: 'a whole number up to 65535',
  int64: 'a whole number (64-bit)',
  megabytes: 'a size in megabytes',
  string: 'a string, used verbatim',
  string_list: 'a string; each occurrence adds one item',
  path_list: 'a path; each occurrence adds one',
  keyval_list: 'a `key=value` item; each occurrence adds one',
  regexp_list: 'a regular expression; each occurrence adds one',
  ip_list: 'an IP address; each occurrence adds one',
  int_list: 'a list of numbers',
  list: 'a list of names',
  socket: 'a socket address (`host:port`, `:port` or a UNIX socket path); each occurrence adds a listener',
  gateway_socket: 'a socket address for the gateway; each occurrence adds a listener',
  route: 'a routing rule (`<condition> <action>`)',
  logic_open: 'the condition of a config-logic block, closed by `endif`/`endfor`',
  logic_close: 'nothing: it closes the open config-logic block',
  include: 'a config file to load',
  cron: 'a cron entry',
  daemon: 'a command to run and supervise',
  legion: 'a Legion definition',
  logger: 'a logger definition',
  mule: 'a mule or farm definition',
  placeholder: 'a `name=value` pair',
  env: 'an environment variable',
  mode: 'a file mode in octal',
  uid: 'a user name or uid',
  gid: 'a group name or gid',
  plugin_load: 'a plugin name (or a comma-separated list)',
  print: 'a text to print',
  custom_option: 'a new option definition',
  terminating: 'a value for a command that makes uWSGI exit',
  deprecated: 'anything: the option only logs a deprecation warning',
  action: 'an argument for an action that runs once per occurrence',
  clear: 'nothing: it clears a setting',
  enum: 'one of a fixed set of words',
  rule: 'a rule',
  special: 'a value with its own syntax',
};

/** hover.ts REPEAT_TEXT (shown with its first letter upper-cased). */
const OLD_HOVER_REPEAT: Record<RepeatKind, string> = {
  last_wins: 'last value wins',
  append: 'repeatable: each line adds one',
  each_runs: 'repeatable: each line takes effect',
  accumulates: 'repeating it mixes the bits of the earlier value in',
  'n/a': '',
};

/** hover.ts FAMILY_MEANING. */
const OLD_FAMILY_MEANING: Record<string, string> = {
  hook: 'runs a hook action written `action:arguments`, e.g. `mkdir:/run/app`',
  exec: 'runs the value as a shell command (`/bin/sh -c`)',
  call: 'calls the C function the value names, looked up in the uwsgi binary and its loaded plugins',
  mount: 'mounts a filesystem: `fstype source mountpoint [flags]`',
  umount: 'unmounts the mount point the value names',
};

describe('registry: option roles answer as the tables they replace', () => {
  for (const [role, names] of Object.entries(OLD_ROLE_TABLES) as [OptionRole, readonly string[]][]) {
    it(`${role}: exactly ${names.length === 2 ? names.join(' and ') : `the ${names.length} old options`}`, () => {
      assert.deepEqual([...optionsWithRole(role)], sorted(names));
      for (const name of names) assert.ok(hasRole(name, role), `${name} has ${role}`);
    });
  }

  it('gives a role to no name outside its list: unknown keys and look-alikes have none', () => {
    for (const name of ['', 'plugin-list', 'Plugins', 'log-formatter', 'static-map3', 'no-such-option']) {
      for (const role of Object.keys(OLD_ROLE_TABLES) as OptionRole[]) assert.equal(hasRole(name, role), false, `${name} ${role}`);
    }
  });

  it('lists only options the registry knows', () => {
    const known = new Set(allOptions('2.1').map((o) => o.name));
    for (const role of Object.keys(OLD_ROLE_TABLES) as OptionRole[]) {
      for (const name of optionsWithRole(role)) assert.ok(known.has(name), `${role}: ${name}`);
    }
  });
});

describe('registry: the words of value kinds, repeats and hook families', () => {
  it('names every kind as the completion detail did', () => {
    for (const [kind, label] of Object.entries(OLD_COMPLETION_LABELS)) assert.equal(valueKindWords(kind).name, label, kind);
    for (const kind of ['string_list', 'keyval_list', 'route', 'custom_option', 'logger']) {
      assert.equal(valueKindWords(kind).name, kind.replace(/_/g, ' '), kind);
    }
  });

  it('describes every kind as the docs text did', () => {
    for (const [kind, text] of Object.entries(OLD_DOCS_TEXT)) assert.equal(valueKindWords(kind).description, text, kind);
  });

  it('has words for every value kind an option has, in either version', () => {
    for (const version of ['2.0', '2.1'] as const) {
      for (const o of allOptions(version)) assert.ok(OLD_DOCS_TEXT[o.valueKind] !== undefined && valueKindWords(o.valueKind).description === OLD_DOCS_TEXT[o.valueKind], `${o.name}: ${o.valueKind}`);
    }
  });

  it('reads a kind it has no words for as the kind itself', () => {
    assert.deepEqual(valueKindWords('made_up'), { name: 'made up', description: 'a value (made_up)' });
  });

  it('says what a repeat does as the hover did, and only append and each_runs are repeatable (completion)', () => {
    for (const [repeat, text] of Object.entries(OLD_HOVER_REPEAT) as [RepeatKind, string][]) {
      assert.equal(repeatWords(repeat).description, text === '' ? '' : `${text[0]!.toUpperCase()}${text.slice(1)}`, repeat);
      assert.equal(repeatWords(repeat).repeatable, repeat === 'append' || repeat === 'each_runs', repeat);
    }
  });

  it('gives each hook family the hover\'s meaning, and only exec- a shell command value', () => {
    assert.deepEqual([...HOOK_FAMILIES].sort(), Object.keys(OLD_FAMILY_MEANING).sort());
    for (const family of HOOK_FAMILIES) {
      assert.equal(hookFamily(family).meaning, OLD_FAMILY_MEANING[family], family);
      assert.equal(hookFamily(family).shellCommand, family === 'exec', family);
    }
  });
});
