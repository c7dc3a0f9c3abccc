import { EntryLine } from '../../parser/ast';
import { isPlaceholderMath } from '../../parser/values';
import { DocumentModel, localSectionReference, placeholdersExpandedIn } from '../../analysis/model';
import { hasRole, nearest } from '../../registry/registry';
import { OptionContext } from '../../analysis/optionContext';
import { replacementFixes, stringList } from '../edits';
import { externalPlaceholders } from '../externalPlaceholders';
import { Rule, RuleFix, RuleContext, FixContext } from './rule';

/** A name built from other references (`%(%(x))`, `%($(ENV))`, `%(%n)`) is only known at run time. */
function isComputedName(name: string): boolean {
  return name.includes('%') || name.includes('$(') || name.includes('@(');
}

/**
 * The first loader line whose file we could not read (no file access, a dynamic path, another
 * format, a missing file): that file may define any placeholder. Files we did read contributed
 * their keys to `model.includes.keys`. `inherit` does not count: its options arrive after the
 * placeholder pass (SEMANTICS.md §5), and `ini = :name` loads a section of this very file.
 */
function firstUnreadLoader(model: DocumentModel, options: OptionContext): EntryLine | undefined {
  const unread = [...model.includes.unresolved, ...model.includes.problems.map((problem) => problem.entry)]
    .filter((entry) => options.option(entry.key)?.immediate === true && !localSectionReference(entry))
    .sort((a, b) => a.start - b.start);
  return unread[0];
}

function check(context: RuleContext): void {
  const { document, model, options } = context;
  const external = externalPlaceholders(document.ast, context.settings);
  const loader = firstUnreadLoader(model, options);
  // `inherit` and `ini = :section` bring keys the author may count on; we read what they bring.
  const expectsLoadedFile = model.applied.some((entry) => entry.key === 'inherit' || (hasRole(entry.key, 'section-loader') && localSectionReference(entry) !== undefined));
  const includesRead = model.includes.files.length > 0;
  let definedNames: string[] | undefined;
  for (const use of model.uses) {
    const { entry, name } = use;
    if (isComputedName(use.segment.name)) continue;
    const facts = options.option(entry.key);
    // `set`, `set-placeholder`: read at once, but their `%(...)` is expanded where the value is used.
    // Never expanded at all: unexpanded-reference reports it, whether the name is defined or not.
    if (!placeholdersExpandedIn(entry.key, facts?.immediate === true)) continue;
    if (model.isBlockVariable(use)) continue;
    if (model.isDefined(name)) continue;
    if (model.includes.keys.has(name)) continue;
    // Any file uWSGI reads may define it, sections pulled there included: the interpretation saw them all.
    if (includesRead && context.interpretation().defines(name)) continue;
    if (external.has(name)) continue;
    // `%(method)`, `%(uri)`... in a log template are log variables uWSGI fills per request.
    if (hasRole(entry.key, 'log-template')) continue;
    const math = isPlaceholderMath(use.segment);
    if (name === '_') {
      context.report({
        span: use.nameSpan,
        message: math
          ? '`_` is the loop item only inside a `for` or `if` block; here placeholder math looks for a key named `_` and counts it as 0.'
          : '`%(_)` is the loop item only inside a `for` or `if` block; here uWSGI looks for a key named `_`, finds none and keeps the text literally.',
      });
      continue;
    }
    definedNames ??= model.definedNames();
    const suggestions = nearest(name, definedNames, 3);
    const hint = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : '';
    const effect = math
      ? `placeholder math counts \`${name}\` as 0 (or as an empty string).`
      : `uWSGI keeps \`%(${name})\` literally in the value of \`${entry.key}\`.`;
    if (loader) {
      context.report({
        span: use.nameSpan,
        message: `\`${name}\` is not defined in this file, so unless \`${loader.key}\` on line ${document.lineNumberAt(loader.keySpan.start) + 1} defines it, ${effect}${hint}`,
        severity: 'information',
        data: { suggestions },
      });
    } else {
      const outside = `unless the command line, a \`UWSGI_\` environment variable or an emperor (\`vassal-set\`) sets it, ${effect}${hint}`;
      const declare = ` If one of them does, say so with \`# uwsgi-ini: placeholders ${name}\` or the \`uwsgi.placeholders\` setting.`;
      const message = `\`${name}\` is never defined in this file${includesRead ? ' nor in the files it includes' : ''} (no such key, \`set-placeholder\` or \`declare-option\`): ${outside}${declare}`;
      // A warning needs a sign of what the author meant: a near miss of a defined name, or files
      // loaded that evidently should define it. A name defined nowhere and like nothing here is
      // what a template looks like (a vassal file, a file run with --set-ph) as often as a slip.
      const meantFromHere = suggestions.length > 0 || includesRead || expectsLoadedFile;
      context.report({
        span: use.nameSpan,
        message: meantFromHere ? message : `${message} Nothing in this file suggests a slip, so this is only a note.`,
        ...(meantFromHere ? {} : { severity: 'information' as const }),
        data: { suggestions },
      });
    }
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  return replacementFixes(document, diagnostic, stringList(data['suggestions']), (name) => `Change to \`${name}\``, 'single-candidate');
}

/**
 * **Default severity:** warning when the file shows what was meant (a near miss of a defined name,
 * `%(_)` outside a block, a file `inherit` or `ini = :section` should have brought it from)
 * — information for a name defined nowhere and like nothing
 * defined, and when the file loads another file we could not read.
 *
 * ## What it catches
 *
 * A `%(name)` reference in a line uWSGI applies that cannot be expanded:
 *
 * - **the name is never defined**: no key of that name in the applied sections (the checked
 *   section, sections pulled in with `ini = :name`, and included ini files we could read), no
 *   `set-placeholder`/`set-ph`/`set`/`resolve` and no `declare-option` of that name. The range is
 *   the name inside the parentheses; the message suggests the nearest defined name when there is
 *   one, and the quick fix replaces it.
 * - **`%(_)` outside a `for`/`if` block**: `_` is the loop item or condition value only inside a
 *   block; elsewhere uWSGI looks for a key named `_`.
 * - **an undefined operand of placeholder math** (`%(workers + 1)`): uWSGI counts it as 0 (or as an
 *   empty string). Numbers and the operators `+ - * / ++ --` are not names.
 *
 * Not reported:
 *
 * - a name defined *after* its use: expansion runs once the whole configuration is read;
 * - any `%(...)` in the value of an immediate option (`include`, `ini`, `listen`, `for`, `if-*`,
 *   `declare-option`, ... — the registry's `immediate` flag): uWSGI never expands it there, defined
 *   or not, and [unexpanded-reference](unexpanded-reference.md) reports that;
 * - `%(_)` inside a block (the block fills it in before the line runs);
 * - log variables in `log-format`/`logformat` (`%(method)`, `%(uri)`, `%(status)` ...), which uWSGI
 *   fills for each request;
 * - names built from other references (`%(%(x))`, `%($(ENV))`, `%(%n)`);
 * - `set = k=...` and `set-placeholder = k=...` values: `set` makes a new entry that is expanded
 *   later, and a `set-placeholder` value is copied into each value that uses it, which is then
 *   expanded.
 *
 * Names that reach uWSGI from outside the file are not reported once declared (see below).
 *
 * A name defined nowhere that is no near miss of a defined name is only a note: the file gives no
 * sign that it is a slip, and it is exactly what a vassal template or a file started with `--set-ph`
 * looks like. A near miss (`%(base_dri)` beside `base_dir`) warns on each line it appears, with the
 * suggestion.
 *
 * When the file loads a file we could not read (no file access in an untrusted workspace, a path
 * built from the environment, another format, a missing file), that file may define the name, so
 * the finding is lowered to information and names the loader line. `inherit` does not count: its
 * options arrive after the placeholder pass, so they never define placeholders of this file.
 *
 * ## Why
 *
 * uWSGI expands `%(name)` after reading the configuration, with the first value of the key `name`.
 * An unknown name is left in the value as is: `chdir = %(base_dri)/app` makes uWSGI try to change
 * into a directory literally called `%(base_dri)/app`. Immediate options never see the expansion at
 * all: `include = %(base)/common.ini` looks for a file named `%(base)/common.ini`.
 *
 * Names can also come from outside the file: the command line (`--set-ph name=value`), `UWSGI_*`
 * environment variables (`UWSGI_APP_NAME` becomes the key `app-name`), or an Emperor that passes
 * `vassal-set` or includes this file into each vassal. The file cannot show those, so say which names
 * they supply:
 *
 * - in the file, on a line of its own: `# uwsgi-ini: placeholders app_name vassal_dir` (names
 *   separated by blanks or commas; several such lines add up);
 * - in VS Code: `"uwsgi.placeholders": ["app_name", "vassal_dir"]`;
 * - on the command line: `uwsgi-ini-lint --placeholders app_name,vassal_dir` or
 *   `--placeholder app_name --placeholder vassal_dir`.
 *
 * A declared name is never reported as undefined. It still does not help an immediate option, which
 * uWSGI applies before any expansion.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * base_dir = /srv/app
 * chdir = %(base_dri)/current
 * ```
 *
 * The quick fix "Change to `base_dir`" replaces the name only:
 *
 * ```ini
 * [uwsgi]
 * base_dir = /srv/app
 * chdir = %(base_dir)/current
 * ```
 *
 * ## Fixes in bulk
 *
 * Renaming to the only close name is **safe** (a typo); with several candidates it is **unsafe**.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line undefined-placeholder` on the line above.
 * - For the file: `# uwsgi-ini: disable undefined-placeholder` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "undefined-placeholder": "off" }` (or another severity), or `--rule undefined-placeholder=off`.
 *
 * See also the official [configuration guide](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html) (placeholders,
 * placeholder math, magic variables).
 */
export const undefinedPlaceholder: Rule = {
  id: 'undefined-placeholder', defaultSeverity: 'warning', order: 50, check, fixes,
  title: '`%(name)` that uWSGI cannot expand: the name is never defined',
  summary: { severity: 'warning for a near miss (information for a name defined nowhere)', catches: '`%(name)` that is never defined' },
};

