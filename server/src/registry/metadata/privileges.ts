/**
 * uid/gid facts: which options decide the privilege drop and when it happens, and which options
 * create files or sockets while the process is still root (so the files end up owned by root)
 * versus after the drop. From core/uwsgi.c, core/utils.c (uwsgi_as_root) and the gateway plugins.
 */

export type PrivilegeRole =
  /** Sets the user the process drops to. */
  | 'set-uid'
  /** Sets the group the process drops to. */
  | 'set-gid'
  /** Adds a supplementary group at the drop. */
  | 'add-gid'
  /** Changes when the drop happens. */
  | 'drop-timing'
  /** Keeps (part of) the instance privileged after the drop. */
  | 'keep-root'
  /** Confines the process (chroot/pivot_root) as part of the root-only set-up. */
  | 'confine';

export interface PrivilegeOption {
  readonly name: string;
  readonly role: PrivilegeRole;
  /** When the option takes effect, relative to the normal drop. */
  readonly when: 'immediately' | 'at-drop' | 'after-init' | 'after-apps' | 'never' | 'gateway';
}

export const PRIVILEGE_OPTIONS: readonly PrivilegeOption[] = [
  { name: 'uid', role: 'set-uid', when: 'at-drop' },
  { name: 'gid', role: 'set-gid', when: 'at-drop' },
  { name: 'add-gid', role: 'add-gid', when: 'at-drop' },
  // Immediate options: applied while the file is read, so everything after them runs unprivileged.
  { name: 'immediate-uid', role: 'set-uid', when: 'immediately' },
  { name: 'immediate-gid', role: 'set-gid', when: 'immediately' },
  { name: 'drop-after-init', role: 'drop-timing', when: 'after-init' },
  { name: 'drop-after-apps', role: 'drop-timing', when: 'after-apps' },
  { name: 'master-as-root', role: 'keep-root', when: 'never' },
  { name: 'chroot', role: 'confine', when: 'at-drop' },
  { name: 'pivot-root', role: 'confine', when: 'at-drop' },
  { name: 'pivot_root', role: 'confine', when: 'at-drop' },
  // Gateways drop on their own, with their own ids.
  { name: 'http-uid', role: 'set-uid', when: 'gateway' },
  { name: 'http-gid', role: 'set-gid', when: 'gateway' },
  { name: 'fastrouter-uid', role: 'set-uid', when: 'gateway' },
  { name: 'fastrouter-gid', role: 'set-gid', when: 'gateway' },
];

/**
 * Options that create a file while still root, mapped to the variant that does the same after the
 * privilege drop (so the file belongs to the unprivileged user).
 */
export const BEFORE_DROP_TO_AFTER_DROP: Readonly<Record<string, string>> = {
  pidfile: 'pidfile2',
  'safe-pidfile': 'safe-pidfile2',
  daemonize: 'daemonize2',
  logto: 'logto2',
};

/**
 * Value kinds of options that bind a listening socket before the drop: privileged ports work, and a
 * UNIX socket file is created by root (fix its owner/mode with `chown-socket` / `chmod-socket`).
 */
export const SOCKET_VALUE_KINDS: readonly string[] = ['socket', 'gateway_socket'];

/** Options that fix ownership or mode of UNIX socket files created before the drop. */
export const SOCKET_PERMISSION_OPTIONS: readonly string[] = ['chown-socket', 'chmod-socket', 'chmod', 'umask'];
