/**
 * The words for value kinds and repeat kinds, written once: hover and completion show `name`, the
 * docs text of an option without hand-written docs says "Takes <description>." The value kinds
 * themselves come from the options (uwsgiOptions.json, from the C parser of each option); the
 * generator fails when a kind used there has no words here, or words here name no kind in use.
 */
import type { RepeatKind, RepeatWords, ValueKindWords } from '../types';

export const VALUE_KIND_WORDS: Readonly<Record<string, ValueKindWords>> = {
  flag: { name: 'flag', description: 'a boolean (`false`, `off`, `no` or `0` switch it off; anything else, even an empty value, switches it on)' },
  flag_inverted: { name: 'flag (inverted)', description: 'a boolean that switches the feature off when true' },
  int: { name: 'number', description: 'a whole number' },
  int16: { name: 'number', description: 'a whole number up to 65535' },
  int64: { name: 'number', description: 'a whole number (64-bit)' },
  megabytes: { name: 'size in MB', description: 'a size in megabytes' },
  string: { name: 'text', description: 'a string, used verbatim' },
  string_list: { name: 'string list', description: 'a string; each occurrence adds one item' },
  path_list: { name: 'path list', description: 'a path; each occurrence adds one' },
  keyval_list: { name: 'keyval list', description: 'a `key=value` item; each occurrence adds one' },
  regexp_list: { name: 'regexp list', description: 'a regular expression; each occurrence adds one' },
  ip_list: { name: 'ip list', description: 'an IP address; each occurrence adds one' },
  int_list: { name: 'int list', description: 'a list of numbers' },
  list: { name: 'list', description: 'a list of names' },
  socket: { name: 'socket address', description: 'a socket address (`host:port`, `:port` or a UNIX socket path); each occurrence adds a listener' },
  gateway_socket: { name: 'socket address', description: 'a socket address for the gateway; each occurrence adds a listener' },
  route: { name: 'route', description: 'a routing rule (`<condition> <action>`)' },
  logic_open: { name: 'block opener', description: 'the condition of a config-logic block, closed by `endif`/`endfor`' },
  logic_close: { name: 'block end', description: 'nothing: it closes the open config-logic block' },
  include: { name: 'config file', description: 'a config file to load' },
  cron: { name: 'cron', description: 'a cron entry' },
  daemon: { name: 'daemon', description: 'a command to run and supervise' },
  legion: { name: 'legion', description: 'a Legion definition' },
  logger: { name: 'logger', description: 'a logger definition' },
  mule: { name: 'mule', description: 'a mule or farm definition' },
  placeholder: { name: 'placeholder', description: 'a `name=value` pair' },
  env: { name: 'env', description: 'an environment variable' },
  mode: { name: 'octal mode', description: 'a file mode in octal' },
  uid: { name: 'user', description: 'a user name or uid' },
  gid: { name: 'group', description: 'a group name or gid' },
  plugin_load: { name: 'plugin list', description: 'a plugin name (or a comma-separated list)' },
  print: { name: 'print', description: 'a text to print' },
  custom_option: { name: 'custom option', description: 'a new option definition' },
  terminating: { name: 'terminating', description: 'a value for a command that makes uWSGI exit' },
  deprecated: { name: 'deprecated', description: 'anything: the option only logs a deprecation warning' },
  action: { name: 'action', description: 'an argument for an action that runs once per occurrence' },
  clear: { name: 'clear', description: 'nothing: it clears a setting' },
  enum: { name: 'enum', description: 'one of a fixed set of words' },
  rule: { name: 'rule', description: 'a rule' },
  special: { name: 'special', description: 'a value with its own syntax' },
};

/** What writing a key twice does, by the repeat kind of its parser. */
export const REPEAT_WORDS: Readonly<Record<RepeatKind, RepeatWords>> = {
  last_wins: { repeatable: false, description: 'Last value wins' },
  append: { repeatable: true, description: 'Repeatable: each line adds one' },
  each_runs: { repeatable: true, description: 'Repeatable: each line takes effect' },
  accumulates: { repeatable: false, description: 'Repeating it mixes the bits of the earlier value in' },
  'n/a': { repeatable: false, description: '' },
};
