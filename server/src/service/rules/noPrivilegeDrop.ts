import { localSectionReference } from '../../analysis/model';
import { socketsBoundBeforeDrop } from '../../registry/registry';
import { isFlagTrue } from '../optionContext';
import { appendToSection, workspaceEdit } from '../edits';
import { Rule, RuleFix } from './rule';
import { dropEntries, selectedHeader } from './privilegeDrop';

/** UWSGI_OPT_* flags that switch the master process on when the option is read. */
const MASTER_FLAGS = new Set(['MASTER', 'LOG_MASTER', 'REQ_LOG_MASTER']);

/** Value kind of `include`, `ini`, `inherit`, `xml`, `json`, ...: options that load another config. */
const CONFIG_LOADER_KIND = 'include';

/**
 * The emperor option makes this file an emperor: it normally stays root on purpose, to spawn
 * vassals that drop to their own users (their `uid`, `emperor-tyrant`, `vassal-set`).
 */
const EMPEROR_OPTION = 'emperor';

export const noPrivilegeDrop: Rule = {
  id: 'no-privilege-drop',
  defaultSeverity: 'information',
  title: 'No uid: an instance started as root keeps running as root',

  check({ model, options, report }) {
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
  },

  fixes({ document, model, settings }) {
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
  },
};
