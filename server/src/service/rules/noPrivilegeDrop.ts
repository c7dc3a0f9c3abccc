import { localSectionReference } from '../../analysis/model';
import { socketsBoundBeforeDrop } from '../../registry/registry';
import { isFlagTrue } from '../../analysis/optionContext';
import { appendToSection, workspaceEdit } from '../edits';
import { Rule, RuleFix, RuleContext, FixContext } from './rule';
import { dropEntries, selectedHeader } from '../../analysis/privilegeDrop';

/** UWSGI_OPT_* flags that switch the master process on when the option is read. */
const MASTER_FLAGS = new Set(['MASTER', 'LOG_MASTER', 'REQ_LOG_MASTER']);

/** Value kind of `include`, `ini`, `inherit`, `xml`, `json`, ...: options that load another config. */
const CONFIG_LOADER_KIND = 'include';

/**
 * The emperor option makes this file an emperor: it normally stays root on purpose, to spawn
 * vassals that drop to their own users (their `uid`, `emperor-tyrant`, `vassal-set`).
 */
const EMPEROR_OPTION = 'emperor';

function check({ model, options, report }: RuleContext): void {
  // A uid anywhere counts, even inside an if-block: it may well apply where it matters.
  if (dropEntries(model, 'user').length > 0) return;
  // A gid alone is incomplete-privilege-drop's finding.
  if (dropEntries(model, 'group').length > 0) return;
  if (model.has(EMPEROR_OPTION)) return;
  const header = selectedHeader(model);
  if (!header) return;
  const bound = new Set(socketsBoundBeforeDrop());
  // The uid may come from another file this one loads; we cannot see it.
  const loaders = model.entriesWhere((key) => options.option(key)?.valueKind === CONFIG_LOADER_KIND);
  if (loaders.some((entry) => !localSectionReference(entry))) return;
  const listener = model.entriesWhere((key) => bound.has(key))[0]?.key;
  const impliedMaster = model.entriesWhere((key) => options.option(key)?.flags.some((flag) => MASTER_FLAGS.has(flag)) === true)[0]?.key;
  const masterValue = model.lastValue('master');
  const master = masterValue !== undefined ? isFlagTrue(masterValue) : impliedMaster !== undefined;
  if (!listener && !master) return;
  const what = listener ? `binds \`${listener}\`` : 'starts a master process';
  report({
    span: header.header.nameSpan,
    wholeFile: true,
    message: `No \`uid\`: this instance ${what} but never drops privileges, so it keeps running as whoever starts it. Started as root (a systemd unit, an init script, a container), the master and every worker run as root. Set \`uid\` and \`gid\` to an unprivileged user.`,
  });
}

function fixes({ document, model, settings }: FixContext): RuleFix[] {
  const header = selectedHeader(model);
  if (!header) return [];
  const { user, group } = settings.privilegeDrop;
  const action: RuleFix = {
    title: `Add a privilege drop (uid = ${user}, gid = ${group})`,
    isPreferred: true,
    // The processes then run as another user: files and ports they could use may be out of reach.
    safety: 'unsafe',
    edit: workspaceEdit(document, [appendToSection(document, header, [`uid = ${user}`, `gid = ${group}`])]),
  };
  return [action];
}

/**
 * **Default severity:** information
 *
 * ## What it catches
 *
 * A configuration that listens on a socket (`socket`, `http-socket`, `http`, `https`,
 * `shared-socket`, ... — every option whose value is a socket to bind) or runs a master process
 * (`master = true`, or an option that switches the master on, such as `touch-reload`), but sets no
 * `uid` and no `immediate-uid`. It is reported once, on the name of the `[uwsgi]` header.
 *
 * It stays quiet when:
 *
 * - a `uid` (or `immediate-uid`) appears anywhere in the applied entries, even inside an `if-*`
 *   block, since the block may well be true where it matters;
 * - only a `gid` is set: [incomplete-privilege-drop](incomplete-privilege-drop.md) reports that;
 * - the file is an emperor (`emperor = ...`), which normally stays root to start its vassals;
 * - the file loads other configuration files (`include`, `inherit`, `ini = other.ini`, `json`, ...),
 *   which may set the uid; sections of the same file (`ini = :base`) are read and checked.
 *
 * ## Why
 *
 * Without `uid`, uWSGI never drops privileges: it keeps running as whoever started it. Under
 * systemd, an init script or in most containers that is root, so the master, every worker and the
 * application code run with full control of the machine. Binding privileged ports or root-owned
 * socket directories does not require staying root: uWSGI binds its sockets first and drops
 * afterwards.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * master = true
 * socket = /run/app/app.sock
 * module = app:application
 * ```
 *
 * After the quick fix "Add a privilege drop", with the default `uwsgi.privilegeDrop` settings:
 *
 * ```ini
 * [uwsgi]
 * master = true
 * socket = /run/app/app.sock
 * module = app:application
 * uid = www-data
 * gid = www-data
 * ```
 *
 * The lines go after the section's last entry outside a logic block (after the comments below the
 * header when there is none). `uid` and `gid` are applied at the same moment wherever they are
 * written, so their position does not change behaviour; right below the header they would split
 * the file's opening comment from it. The finding is about the whole file, so the only suppression
 * offered is `# uwsgi-ini: disable no-privilege-drop`.
 *
 * ## Fixes in bulk
 *
 * Adding `uid`/`gid` is **unsafe**: the processes then run as another user, and files or ports they
 * used may be out of reach. Only `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * Files run only as an unprivileged user (a developer's machine, a container with `USER app`), and
 * vassals whose emperor sets the user (`emperor-tyrant`, `vassal-set = uid=...`), can silence it
 * for the whole file:
 *
 * ```ini
 * # uwsgi-ini: disable no-privilege-drop
 * [uwsgi]
 * socket = :3031
 * ```
 *
 * or for the workspace with `"uwsgi.diagnostics": { "no-privilege-drop": "off" }`.
 *
 * ## See also
 *
 * - [Things to know](https://uwsgi-docs.readthedocs.io/en/latest/ThingsToKnow.html)
 * - [The Emperor: tyrant mode](https://uwsgi-docs.readthedocs.io/en/latest/Emperor.html#tyrant-mode-secure-multi-user-hosting)
 * - [uWSGI options: uid, gid](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#uid)
 */
export const noPrivilegeDrop: Rule = {
  id: 'no-privilege-drop', defaultSeverity: 'information', order: 210, check, fixes,
  title: 'No uid: an instance started as root keeps running as root',
  summary: { severity: 'information', catches: 'sockets or a master and no `uid` at all' },
};
