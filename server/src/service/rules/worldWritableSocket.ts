import { hasRole } from '../../registry/registry';
import { replacementFixes } from '../edits';
import { DocumentModel } from '../../analysis/model';
import { OptionContext } from '../../analysis/optionContext';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/** The bit of the last octal digit that lets other users write, which is what connect() needs. */
const OTHER_WRITE = 2;

/** Value kinds of the options that bind a socket, the gateways' included. */
const LISTENER_KINDS = new Set(['socket', 'gateway_socket']);

/** `host:port`, `:port`, `[::]:port`: a TCP address, on which a file mode means nothing. */
function isTcpAddress(value: string): boolean {
  const address = value.split(',')[0]!.trim();
  return address.includes(':') && !address.includes('/') && !address.startsWith('@');
}

/**
 * False when every listener this file binds is a TCP address (the mode then applies to nothing);
 * true when one is a UNIX socket, or when the file binds none itself (they may come from elsewhere).
 */
function mayBindUnixSocket(model: DocumentModel, options: OptionContext): boolean {
  const listeners = model.entriesWhere((key) => LISTENER_KINDS.has(options.option(key)?.valueKind ?? ''));
  if (listeners.length === 0) return true;
  return listeners.some((entry) => {
    const value = model.resolveValue(entry.value, undefined, entry);
    return value === undefined || !isTcpAddress(value);
  });
}

/** The mode uWSGI gives the socket for this value: `1` means 666; otherwise three octal digits, or undefined. */
function socketMode(value: string): string | undefined {
  if (value === '1') return '666';
  return /^[0-7]{3}$/.test(value) ? value : undefined;
}

function check(context: RuleContext): void {
  const { model, options } = context;
  const entries = model.entriesWhere((key) => options.option(key) !== undefined && hasRole(key, 'socket-mode'));
  const last = entries[entries.length - 1];
  if (!last || !model.isLiteralValue(last)) return;
  // Anything but `1` or three octal digits (a comment after it included) makes uWSGI exit: invalid-value's error.
  const text = last.value;
  const mode = socketMode(text);
  if (!mode || (Number(mode[2]) & OTHER_WRITE) === 0) return;
  if (!mayBindUnixSocket(model, options)) return;
  const safer = `${mode.slice(0, 2)}0`;
  const owner = model.has('chown-socket') ? '' : ' with `chown-socket = <user>:<web server group>`';
  const read = text === '1' ? ' (`1` means 666)' : '';
  context.report({
    span: last.valueSpan,
    message: `Socket mode ${mode}${read} lets every local user write to the socket, and so send requests straight to the application, past the web server. Unless that is what you want, give the socket to the web server's group${owner} and use \`${safer}\`.`,
    data: { replacement: safer },
  });
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const replacement = data['replacement'];
  if (typeof replacement !== 'string') return [];
  // Unsafe: the web server must then own the socket or be in its group.
  return replacementFixes(document, diagnostic, [replacement], () => `Change to \`${replacement}\``, 'unsafe', false);
}

/**
 * **Default severity:** information
 *
 * ## What it catches
 *
 * A socket mode that lets every local user write to the socket:
 *
 * ```ini
 * [uwsgi]
 * socket = /run/app/app.sock
 * chmod-socket = 666
 * ```
 *
 * Any mode whose last digit has the write bit (`666`, `777`, `662`...) is reported, and so is
 * `chmod-socket = 1`, which uWSGI reads as 666. Only the last `chmod-socket` line counts: repeated
 * lines accumulate, but the rwx bits of the last one win (SEMANTICS.md §5). The range is the value.
 *
 * ## Why
 *
 * Connecting to a UNIX socket needs write permission on it. With the other-write bit set, any user
 * on the machine (any compromised service, any shell account) can send requests straight to the
 * application, past the web server and whatever it checks (TLS, authentication, rate limits), and
 * with a `uwsgi` socket it can set any request variable, `SCRIPT_NAME` and `UWSGI_*` included.
 * This is advice, not a mistake uWSGI makes: the mode is applied as written, and on a
 * single-purpose machine or in a container it may be fine, hence information.
 *
 * The usual safer setup gives the socket to the web server's group and drops the other bits:
 *
 * ```ini
 * [uwsgi]
 * socket = /run/app/app.sock
 * chown-socket = app:www-data
 * chmod-socket = 660
 * ```
 *
 * The mode applies to UNIX sockets only: a file whose every socket is a TCP address (`:8000`,
 * `127.0.0.1:3031`) is not reported. A file that binds no socket itself is, since its sockets
 * come from elsewhere (the command line, an included file, the Emperor). The oracle fixture
 * `world-writable-socket-666.ini` shows that the real binary accepts these values.
 *
 * ## Fixes in bulk
 *
 * "Change to `660`" (the other bits cleared) is **unsafe**: the web server must then be the
 * socket's owner or in its group (`chown-socket`), or it can no longer connect.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line world-writable-socket` on the line above.
 * - For the file: `# uwsgi-ini: disable world-writable-socket` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "world-writable-socket": "off" }`, or `--rule world-writable-socket=off`.
 *
 * See also [Things to know](https://uwsgi-docs.readthedocs.io/en/latest/ThingsToKnow.html).
 */
export const worldWritableSocket: Rule = {
  id: 'world-writable-socket', defaultSeverity: 'information', order: 163, check, fixes,
  title: 'World-writable socket mode (`chmod-socket = 666`): any local user can connect',
  summary: { severity: 'information', catches: '`chmod-socket = 666` or `777`: any local user can talk to the application; prefer `660` with `chown-socket`' },
};
