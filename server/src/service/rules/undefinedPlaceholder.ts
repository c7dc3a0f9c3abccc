import { CodeAction } from 'vscode-languageserver-types';
import { EntryLine } from '../../parser/ast';
import { isPlaceholderMath } from '../../parser/values';
import { DocumentModel, localSectionReference, PlaceholderUse } from '../../analysis/model';
import { nearest } from '../../registry/registry';
import { OptionContext } from '../optionContext';
import { replaceSpan, replacementFixes, stringList, workspaceEdit } from '../edits';
import { externalPlaceholders } from '../externalPlaceholders';
import { Rule } from './rule';

/**
 * Immediate options whose `%(...)` still gets expanded, just later and elsewhere: `set` adds a
 * new, deferred entry `name=value`; a `set-placeholder` value is pasted as text into each value
 * that uses it, and that value is then scanned again (SEMANTICS.md §9, §10).
 */
const EXPANDED_WHERE_USED = new Set(['set', 'set-placeholder', 'set-ph']);

/**
 * Options whose value is a request log template: `%(method)`, `%(uri)`... are log variables that
 * uWSGI fills for each request, so an undefined name there is what the author wants.
 */
const LOG_TEMPLATE_OPTIONS = new Set(['log-format', 'logformat']);

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

export const undefinedPlaceholder: Rule = {
  id: 'undefined-placeholder',
  defaultSeverity: 'warning',
  title: '`%(name)` that uWSGI cannot expand: the name is never defined, or the option is read before expansion',

  check(context) {
    const { document, model, options } = context;
    const external = externalPlaceholders(document.ast, context.settings);
    const loader = firstUnreadLoader(model, options);
    // `inherit` and `ini = :section` bring keys the author may count on; we read what they bring.
    const expectsLoadedFile = model.applied.some((entry) => entry.key === 'inherit' || ((entry.key === 'ini' || entry.key === 'include') && localSectionReference(entry) !== undefined));
    const includesRead = model.includes.files.length > 0;
    let definedNames: string[] | undefined;
    const reportedImmediate = new Set<PlaceholderUse['segment']>();
    for (const use of model.uses) {
      const { entry, name } = use;
      if (isComputedName(use.segment.name)) continue;
      const facts = options.option(entry.key);
      if (facts?.immediate && !EXPANDED_WHERE_USED.has(entry.key)) {
        // One report per `%(...)`: math operands share their segment.
        if (reportedImmediate.has(use.segment)) continue;
        reportedImmediate.add(use.segment);
        // Inside a block the handler itself replaces `%(_)` before the line is applied.
        if (name === '_' && model.blockOf(entry)) continue;
        const written = model.text.slice(use.segment.start, use.segment.end);
        context.report({
          span: use.segment,
          message: `\`${entry.key}\` is read while the file is parsed, before placeholders are expanded: uWSGI uses \`${written}\` literally.`,
          data: inlineValue(model, use),
        });
        continue;
      }
      if (model.isBlockVariable(use)) continue;
      if (model.isDefined(name)) continue;
      if (model.includes.keys.has(name)) continue;
      // Any file uWSGI reads may define it, sections pulled there included: the interpretation saw them all.
      if (includesRead && context.interpretation().defines(name)) continue;
      if (external.has(name)) continue;
      if (LOG_TEMPLATE_OPTIONS.has(entry.key)) continue;
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
  },

  fixes({ document, diagnostic, data }) {
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const actions: CodeAction[] = [];
    actions.push(...replacementFixes(document, diagnostic, stringList(data['suggestions']), (name) => `Change to \`${name}\``));
    const inline = data['inline'];
    if (typeof inline === 'string') {
      actions.push({
        title: `Write the value \`${inline}\` instead of the placeholder`,
        isPreferred: true,
        edit: workspaceEdit(document, [replaceSpan(document, { start, end }, inline)]),
      });
    }
    return actions;
  },
};

/** For an immediate option: the placeholder's value when this file fully determines it. */
function inlineValue(model: DocumentModel, use: PlaceholderUse): Record<string, unknown> | undefined {
  if (isPlaceholderMath(use.segment)) return undefined;
  const value = model.resolveValue(`%(${use.name})`);
  // An empty or multi-line result would change the line's meaning; leave those to the author.
  if (value === undefined || value === '' || /[\r\n]/.test(value)) return undefined;
  return { inline: value };
}
