import { EntryLine } from '../../parser/ast';
import { isPlaceholderMath, Segment } from '../../parser/values';
import { logicKindOf } from '../../parser/parser';
import { DocumentModel, placeholdersExpandedIn } from '../../analysis/model';
import { hasRole } from '../../registry/registry';
import { Severity } from '../settings';
import { code } from '../markup';
import { replaceSpan, workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

const NOT_EXPANDED = 'before `$(...)`, `@(...)` and `%(...)` are expanded';
/**
 * The references uWSGI never expands in this entry: every one in an immediate option; in a
 * `set-placeholder` value only `$(...)` and `@(...)`, since its `%(...)` is expanded where the
 * value is used. `%(_)` in a block is filled in by the block before the line runs.
 */
function unexpanded(model: DocumentModel, entry: EntryLine): Segment[] {
  const placeholdersLater = placeholdersExpandedIn(entry.key, true);
  const inBlock = model.blockOf(entry) !== undefined;
  return model.segments(entry).filter((s) => {
    if (s.kind === 'text' || s.kind === 'magic') return false;
    if (s.kind === 'placeholder') return !placeholdersLater && !(inBlock && s.name === '_');
    return true;
  });
}

/** `for = %(list)`: one round over the literal text, whose copies are expanded later. */
function loopMessage(model: DocumentModel, entry: EntryLine, segment: Segment, written: string): { message: string; severity?: Severity } {
  const value = segment.kind === 'placeholder' && !isPlaceholderMath(segment) ? model.resolveValue(`%(${segment.name})`) : undefined;
  const once = `${code(entry.key)} is read while the file is parsed, ${NOT_EXPANDED}: uWSGI loops once, over the literal ${code(written)}, and the lines of the block expand it later.`;
  if (value !== undefined && !/\s/.test(value.trim())) {
    return { message: `${once} Harmless here: its value is one word, so the result is what one round over ${code(value)} gives.`, severity: 'information' };
  }
  return { message: `${once} It is not split into words: write the items in the ${code(entry.key)} line.` };
}

function report(context: RuleContext, entry: EntryLine, segment: Segment): void {
  const { model } = context;
  const written = model.text.slice(segment.start, segment.end);
  const data = segment.kind === 'placeholder' ? inlineValue(model, segment) : undefined;
  if (entry.key === 'for') {
    context.report({ span: segment, ...loopMessage(model, entry, segment, written), ...(data ? { data } : {}) });
    return;
  }
  // `ini = file:section`: a missing section only warns (SEMANTICS.md §3).
  // Searched in the value only: a value without `:` would send the search back to the file's start.
  const { start, end } = entry.valueSpan;
  const colonInValue = model.text.slice(start, end).lastIndexOf(':');
  if (hasRole(entry.key, 'section-loader') && colonInValue >= 0 && segment.start > start + colonInValue) {
    context.report({
      span: segment,
      message: `${code(entry.key)} is read while the file is parsed, ${NOT_EXPANDED}: uWSGI looks for a section literally named with ${code(written)}, finds none and goes on without it (it only warns).`,
      ...(data ? { data } : {}),
    });
    return;
  }
  // A literal reference in the path names no file, and uWSGI stops.
  const loadsFile = context.options.option(entry.key) !== undefined && hasRole(entry.key, 'config-file-loader');
  if (loadsFile || hasRole(entry.key, 'fatal-plugin-loader')) {
    // Inside a block the line may never be read; where it is, uWSGI stops.
    const guarded = model.blockOf(entry) !== undefined;
    context.report({
      span: segment,
      severity: guarded ? 'warning' : 'error',
      message: `${code(entry.key)} is read while the file is parsed, ${NOT_EXPANDED}: uWSGI looks for a ${loadsFile ? 'file' : 'plugin'} literally named with ${code(written)}, finds none and stops${guarded ? ' where the block lets this line through' : ''}.`,
      ...(data ? { data } : {}),
    });
    return;
  }
  const message = hasRole(entry.key, 'deferred-expansion')
    ? `${code(entry.key)} stores its value as written, and it is copied into each ${code(`%(${placeholderName(entry)})`)} after the \`$(...)\` and \`@(...)\` passes have run: ${code(written)} stays literal.`
    : `${code(entry.key)} is read while the file is parsed, ${NOT_EXPANDED}: uWSGI uses ${code(written)} literally${logicKindOf(entry.key) ? ' in the condition' : ''}.`;
  context.report({ span: segment, message, ...(data ? { data } : {}) });
}

/** An option made with `declare-option` above this line: it is immediate too (SEMANTICS.md §10). */
function isDeclaredAbove(model: DocumentModel, entry: EntryLine): boolean {
  const declaration = model.declaredOptions.get(entry.key);
  return declaration !== undefined && declaration.key === 'declare-option' && declaration.start < entry.start;
}

function placeholderName(entry: EntryLine): string {
  const equals = entry.value.indexOf('=');
  return (equals < 0 ? entry.value : entry.value.slice(0, equals)).trim();
}

/** The placeholder's value when this file fully determines it. */
function inlineValue(model: DocumentModel, segment: Segment): Record<string, unknown> | undefined {
  if (isPlaceholderMath(segment)) return undefined;
  const value = model.resolveValue(`%(${segment.name})`);
  // An empty or multi-line result would change the line's meaning; leave those to the author.
  if (value === undefined || value === '' || /[\r\n]/.test(value)) return undefined;
  return { inline: value };
}

function check(context: RuleContext): void {
  const { model, options } = context;
  for (const entry of model.applied) {
    // Few options are immediate: asked first, it spares the scan of most values.
    if (entry.key === 'set' || !(options.option(entry.key)?.immediate === true || isDeclaredAbove(model, entry))) continue;
    if (!/[$@%]\(/.test(entry.value)) continue;
    for (const segment of unexpanded(model, entry)) report(context, entry, segment);
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const inline = data['inline'];
  if (typeof inline !== 'string') return [];
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return [{
    title: `Write the value \`${inline}\` instead of the placeholder`,
    isPreferred: true,
    // The option then gets the value uWSGI would have expanded later, if ever.
    safety: 'unsafe',
    edit: workspaceEdit(document, [replaceSpan(document, { start, end }, inline)]),
  }];
}

/**
 * **Default severity:** warning; error in the file name of a config loader (`include`, `ini`,
 * `xml`, `yaml`, `json`, `config`) and in `need-plugin`, where uWSGI stops (a warning inside a `for`/`if` block, which
 * may never let the line through, and in the section name after `:`, whose absence uWSGI only
 * warns about); information for `for = %(list)` when the list is one word (the result is
 * the same).
 *
 * ## What it catches
 *
 * `$(VAR)`, `@(file)` and `%(name)` in the value of an option uWSGI applies while it reads the
 * file (the registry's immediate options: `include`, `ini`, `for`, `if-*`, `plugin`, `listen`,
 * `declare-option`, `iprint`..., and the options a `declare-option` above makes), and `$(VAR)` or `@(file)` in a `set-placeholder`/`set-ph` value:
 *
 * ```ini
 * [uwsgi]
 * base = /etc/uwsgi
 * include = %(base)/common.ini
 * set-ph = home=$(HOME)
 * ```
 *
 * The range is the reference. Not reported: `set` values (`set` adds an entry that is expanded
 * later), `%(...)` in a `set-placeholder` value (expanded where `%(name)` is used), `%(_)` inside
 * a `for`/`if` block (the block fills it in first), and magic variables (`%d`, `%n`...), which
 * are expanded everywhere.
 *
 * ## Why
 *
 * uWSGI expands references in three passes after the whole configuration is read, and each pass
 * skips entries already applied (SEMANTICS.md §6, §9). An immediate option has been applied by
 * then: it got the literal text. `include = %(base)/common.ini` looks for a file named
 * `%(base)/common.ini` and stops with `realpath() of %(base)/common.ini failed`; `if-env = $(NAME)` tests a variable literally named `$(NAME)`; `for =
 * %(list)` loops once, over the text `%(list)`, and the block's copies expand it later (so a list
 * of one word comes out right). A `set-placeholder` value is marked applied too (§10): it is copied
 * as written into each `%(name)` after the `$` and `@` passes have run, so its `$(HOME)` is never
 * expanded; its `%(...)` is, by the placeholder pass that rescans the copy.
 *
 * The oracle fixtures `unexpanded-reference-include.ini` (uWSGI refuses to include
 * `%(base)/…` although `base` names the folder of the file), `unexpanded-reference-section.ini`
 * (`ini = :$(MODE)` is accepted: the section is only missing), `unexpanded-reference-need-plugin.ini`
 * (`need-plugin = $(PYPLUGIN)` stops uWSGI: it looks for `$(PYPLUGIN)_plugin.so`),
 * `unexpanded-reference-set-placeholder.ini`
 * and `unexpanded-reference-for.ini` (compared with `--show-config`) check this against the real
 * binary.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * include = /etc/uwsgi/common.ini
 * set = home=$(HOME)
 * ```
 *
 * ## Fixes in bulk
 *
 * When this file alone determines a placeholder's value, a quick fix writes the value in its
 * place. It is **unsafe**: the option then gets a value uWSGI never gave it.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line unexpanded-reference` on the line above.
 * - For the file: `# uwsgi-ini: disable unexpanded-reference` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "unexpanded-reference": "off" }`, or `--rule unexpanded-reference=off`.
 */
export const unexpandedReference: Rule = {
  id: 'unexpanded-reference', defaultSeverity: 'warning', order: 59, check, fixes,
  title: '`$(...)`, `@(...)` or `%(...)` in an option applied before they are expanded: uWSGI uses the literal text',
  summary: { severity: 'warning (error in an `include`/`ini` path: uWSGI stops; information for `for = %(list)` with a one-word list)', catches: '`include = %(base)/x.ini`, `set-ph = h=$(HOME)`: never expanded' },
};
