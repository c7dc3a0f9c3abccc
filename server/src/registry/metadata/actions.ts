/**
 * Hook actions: the `<action>` of `hook-<phase> = <action>:<args>`. Facts from core/hooks.c and
 * core/mount.c (both branches) and the plugins that register more actions.
 *
 * Argument notation: `<x>` required, `[<x>]` optional, `...` (or the last argument of a
 * "content"-like action) takes the rest of the value including spaces.
 */
import type { ActionArgument, ActionFacts, UwsgiVersion } from '../types';

const BOTH: readonly UwsgiVersion[] = ['2.0', '2.1'];

interface ActionSpec {
  plugin?: string;
  needsRoot?: boolean;
  versions?: readonly UwsgiVersion[];
  aliasOf?: string;
  /** When the argument names alone cannot spell the syntax. */
  syntax?: string;
  acceptsEmptyArgument?: boolean;
}

const req = (name: string): ActionArgument => ({ name, optional: false, rest: false });
const opt = (name: string): ActionArgument => ({ name, optional: true, rest: false });
const rest = (name: string): ActionArgument => ({ name, optional: false, rest: true });
const optRest = (name: string): ActionArgument => ({ name, optional: true, rest: true });

function syntaxOf(name: string, args: readonly ActionArgument[]): string {
  let text = '';
  let open = 0;
  for (const a of args) {
    const token = a.rest && a.name.endsWith('...') ? a.name : `<${a.name}>`;
    const sep = text === '' ? '' : ' ';
    if (a.optional) {
      text += `${sep}[${token}`;
      open++;
    } else {
      text += `${sep}${token}`;
    }
  }
  return `${name}:${text}${']'.repeat(open)}`;
}

function action(name: string, args: ActionArgument[], spec: ActionSpec = {}): ActionFacts {
  const facts: ActionFacts = {
    name,
    syntax: spec.syntax ?? syntaxOf(name, args),
    args,
    plugin: spec.plugin ?? 'core',
    needsRoot: spec.needsRoot ?? false,
    versions: spec.versions ?? BOTH,
    acceptsEmptyArgument: spec.acceptsEmptyArgument ?? false,
    ...(spec.aliasOf ? { aliasOf: spec.aliasOf } : {}),
  };
  return facts;
}

export const ACTIONS: readonly ActionFacts[] = [
  action('alarm', [req('alarm name'), rest('message')]),
  action('append', [req('file'), rest('content')]),
  action('appendn', [req('file'), optRest('content')]),
  action('call', [req('symbol'), optRest('string arg')]),
  action('callint', [req('symbol'), opt('int')]),
  action('callintret', [req('symbol'), opt('int')]),
  action('callret', [req('symbol'), optRest('string arg')]),
  action('cd', [rest('directory')]),
  action('chdir', [rest('directory')], { aliasOf: 'cd' }),
  action('chmod', [req('file'), req('mode')]),
  // Changing the owner of a file needs root (CAP_CHOWN).
  action('chown', [req('file'), req('user'), req('group')], { needsRoot: true }),
  action('chown2', [req('file'), req('uid'), req('gid')], { needsRoot: true }),
  action('creat', [rest('file')], { aliasOf: 'create' }),
  action('create', [rest('file')]),
  action('exec', [rest('shell command')], { acceptsEmptyArgument: true }),
  action('exit', [opt('code')], { acceptsEmptyArgument: true }),
  action('ffi', [req('symbol'), optRest('args...')], { plugin: 'libffi' }),
  action('hostname', [rest('name')], { needsRoot: true }),
  action('log', [rest('text')], { aliasOf: 'print', acceptsEmptyArgument: true }),
  action('mkdir', [rest('path')]),
  action('mount', [req('fstype'), req('source'), req('mountpoint'), opt('flags'), optRest('data')], { needsRoot: true }),
  action('perl', [rest('perl code')], { plugin: 'psgi', versions: ['2.1'], acceptsEmptyArgument: true }),
  action('print', [rest('text')], { acceptsEmptyArgument: true }),
  action('putenv', [rest('NAME=VALUE')], { syntax: 'putenv:<NAME>=<VALUE>' }),
  action('retryrpc', [req('func[@node]'), optRest('args...')], { syntax: 'retryrpc:<func>[@<node>] [args...]' }),
  action('rpc', [req('func[@node]'), optRest('args...')], { syntax: 'rpc:<func>[@<node>] [args...]' }),
  action('safeexec', [rest('shell command')], { acceptsEmptyArgument: true }),
  action('spinningfifo', [req('fifo'), rest('content')]),
  action('sticky', [rest('path')]),
  action('tcc', [rest('C statements')], { plugin: 'libtcc', acceptsEmptyArgument: true }),
  action('umount', [req('mountpoint'), opt('flags')], { needsRoot: true }),
  action('unix_signal', [req('signum'), req('symbol')]),
  action('unlink', [rest('file')]),
  action('wait_for_dir', [rest('path')]),
  action('wait_for_file', [rest('path')]),
  action('wait_for_fs', [rest('path')]),
  action('wait_for_socket', [rest('address')]),
  action('write', [req('file'), rest('content')]),
  action('writefifo', [req('fifo'), rest('content')]),
  action('writen', [req('file'), rest('content')]),
];
