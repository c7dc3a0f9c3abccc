import { magicVariable } from '../../analysis/magicVariables';
import { hasRole, optionsWithRole } from '../../registry/registry';
import { EntryLine, Span } from '../../parser/ast';
import { eatsCarriageReturn, findInlineComment, Segment, segmentValue } from '../../parser/values';
import { isFlagTrue } from '../../analysis/optionContext';
import { DocumentModel } from '../../analysis/model';
import { replaceSpan, workspaceEdit } from '../edits';
import { valueLanguage } from '../../analysis/valueLanguage';
import { templateJudgement } from '../../analysis/templateMarkers';
import { code } from '../markup';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/** A byte after `%` that uWSGI's magic table fills (SEMANTICS.md §8): any other one is removed with its `%`. */
const isMagic = (byte: string): boolean => magicVariable(byte) !== undefined;
/** Parsers whose value is a strftime format (`log-date`, `logdate`, `log-prefix`). */
const LOG_DATE_PARSER = 'uwsgi_opt_log_date';
/** Bytes a URL encodes as `%XX`: blanks and punctuation, never letters or digits. */
const URL_ENCODED = /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/;

/** One `%` magic sequence of a value, as uWSGI pairs it. */
interface Magic {
  readonly at: number;
  /** The byte after the `%`. */
  readonly byte: string;
}

/**
 * The magic sequences of the segments, those inside `$(...)`, `@(...)` and `%(...)` included: the
 * magic pass runs over the whole file first (`$(date +%Y)` in a command loses its `%Y` too).
 */
function singles(text: string, segments: readonly Segment[], from: number, to: number): Magic[] {
  const found: Magic[] = [];
  for (const s of segments) {
    if (s.kind === 'text' || s.end <= from || s.start >= to) continue;
    if (s.kind !== 'magic') found.push(...singles(text, segmentValue(text, s.nameSpan.start, s.nameSpan.end), from, to));
    else if (s.name !== '%' && s.name !== '\n' && s.start >= from && s.end <= to) found.push({ at: s.start, byte: s.name });
  }
  return found;
}

/** The parts of a value that are strftime formats: the whole `log-date` value, `${strftime:...}`. */
function strftimeRegions(model: DocumentModel, entry: EntryLine, parser: string | undefined): Span[] {
  const { start, end } = entry.valueSpan;
  if (parser === LOG_DATE_PARSER) return [{ start, end }];
  if (hasRole(entry.key, 'log-template') && [...optionsWithRole('log-template-strftime')].some((k) => isFlagTrue(model.lastValue(k) ?? 'false'))) return [{ start, end }];
  const regions: Span[] = [];
  const raw = model.text.slice(start, end);
  for (const match of raw.matchAll(/\$\{strftime:([^}]*)\}/g)) {
    const at = start + match.index! + '${strftime:'.length;
    regions.push({ start: at, end: at + match[1]!.length });
  }
  return regions;
}

function shown(chars: readonly string[]): string {
  return [...new Set(chars)].map((c) => code(`%${c}`)).join(', ');
}

/**
 * A strftime format written with single `%`: the magic pass eats the conversions it has no
 * variable for and turns `%d`, `%b`... into facts about the file. Reported once for the format,
 * when at least one conversion is one the magic table does not know (the evidence of strftime).
 */
function checkStrftime(context: RuleContext, entry: EntryLine, region: Span, segments: readonly Segment[]): void {
  const text = context.model.text;
  const found = singles(text, segments, region.start, region.end);
  const dropped = found.filter((m) => !isMagic(m.byte)).map((m) => m.byte);
  // A placeholder in a date format makes the format unknown here; in `log-format` `%(uri)` is a log variable.
  if (dropped.length === 0 || (!hasRole(entry.key, 'log-template') && text.slice(region.start, region.end).includes('%('))) return;
  const span = { start: found[0]!.at, end: found[found.length - 1]!.at + 2 };
  // Each single `%` doubled; `%%` and `%(...)` between them stay as they are.
  let replacement = '';
  let from = span.start;
  for (const magic of found) {
    replacement += `${text.slice(from, magic.at)}%`;
    from = magic.at;
  }
  replacement += text.slice(from, span.end);
  const others = found.length > dropped.length ? ' and the others become facts about the file' : '';
  context.report({
    span,
    message: `uWSGI expands \`%\` sequences in the whole file before ${code(entry.key)} reads its strftime format: ${shown(dropped)} ${new Set(dropped).size === 1 ? 'is' : 'are'} removed${others}, so strftime never sees them. Write \`%%\` for each \`%\` of the date format.`,
    data: { replacement, safe: true },
  });
}

function inside(at: number, regions: readonly Span[]): boolean {
  return regions.some((r) => at >= r.start && at < r.end);
}

function checkOthers(context: RuleContext, entry: EntryLine, segments: readonly Segment[], regions: readonly Span[]): void {
  const text = context.model.text;
  const { start, end } = entry.valueSpan;
  // Searched in the value only: one scan to the end of the file per entry would be quadratic.
  const scheme = text.slice(start, end).indexOf('://');
  const url = scheme < 0 ? -1 : start + scheme;
  const shell = valueLanguage(entry, context.options.option(entry.key)) === 'shell';
  for (const magic of singles(text, segments, start, end)) {
    if (inside(magic.at, regions)) continue;
    const encoded = text.slice(magic.at + 1, magic.at + 3);
    if (url >= 0 && url < magic.at && /^[0-9A-Fa-f]{2}$/.test(encoded) && URL_ENCODED.test(String.fromCharCode(parseInt(encoded, 16)))) {
      context.report({
        span: { start: magic.at, end: magic.at + 3 },
        message: `\`%${encoded}\` looks URL-encoded, but uWSGI reads \`%${encoded[0]}\` as a magic variable (${isMagic(encoded[0]!) ? 'a part of this file\'s path, often empty' : 'nothing'}) before anything sees the URL: write \`%%${encoded}\`.`,
        data: { safe: true },
      });
      continue;
    }
    if (isMagic(magic.byte)) continue;
    const blank = magic.byte === ' ' || magic.byte === '\t';
    const byte = blank ? (magic.byte === ' ' ? 'a blank' : 'a tab') : code(magic.byte);
    context.report({
      span: { start: magic.at, end: magic.at + 2 },
      message: `\`%\` followed by ${byte} is no magic variable: uWSGI expands it to nothing, so the \`%\` and the ${blank ? 'blank' : code(magic.byte)} after it vanish from the value of ${code(entry.key)}. Write \`%%\` for a literal percent sign.`,
      // A letter may be a slip for a magic variable; a blank, a sign or a shell's `%` is literal.
      data: { safe: shell || !/[A-Za-z]/.test(magic.byte) },
    });
  }
}

function checkBeforeCarriageReturn(context: RuleContext, entry: EntryLine): void {
  const end = entry.valueSpan.end;
  if (!eatsCarriageReturn(context.model.text, entry)) return;
  context.report({
    span: { start: end - 1, end },
    message: `A \`%\` before the line break of a CRLF file pairs with the carriage return, which has no magic variable: uWSGI expands both to nothing, so the value of ${code(entry.key)} loses its final \`%\`. Write \`%%\` for a literal percent sign.`,
    data: { safe: true },
  });
}

/**
 * True when every `%` of the value is a placeholder, a `%%` or a magic variable, and no URL could
 * hold an encoded byte: nothing here to report, and no need to look closer (most values with `%`).
 */
function onlyMagicUse(value: string): boolean {
  for (let i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i + 2)) {
    const next = value[i + 1];
    if (next === undefined || (next !== '(' && next !== '%' && !isMagic(next))) return false;
  }
  return !value.includes('://');
}

/** The spans of a template file's markers (`{% if x %}`): the template tool reads their `%`, not uWSGI. */
function templateMarkerSpans(context: RuleContext): readonly Span[] {
  const judgement = templateJudgement(context.model, context.options);
  return judgement.isTemplate ? judgement.markers.map((marker) => marker.span) : [];
}

function check(context: RuleContext): void {
  const { model, options } = context;
  let markers: readonly Span[] | undefined;
  for (const entry of model.applied) {
    if (!entry.value.includes('%') || onlyMagicUse(entry.value)) continue;
    checkBeforeCarriageReturn(context, entry);
    markers ??= templateMarkerSpans(context);
    const all = model.segments(entry);
    const segments = markers.length === 0 ? all : all.filter((s) => s.kind !== 'magic' || !inside(s.start, markers!));
    const regions = strftimeRegions(model, entry, options.option(entry.key)?.parser);
    // A join or a would-be comment inside a format: what the format is, is not clear.
    const clear = entry.joins.length === 0 && findInlineComment(model.text, entry.valueSpan) < 0;
    if (clear) for (const region of regions) checkStrftime(context, entry, region, segments);
    checkOthers(context, entry, segments, clear ? regions : []);
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const replacement = typeof data['replacement'] === 'string' ? data['replacement'] : undefined;
  return [{
    title: replacement !== undefined ? `Change to \`${replacement}\`` : 'Write `%%` for a literal percent sign',
    isPreferred: true,
    safety: data['safe'] === true ? 'safe' : 'unsafe',
    // Each such `%` doubled; the rest of the range as it is.
    edit: workspaceEdit(document, [replaceSpan(document, { start, end }, replacement ?? `%${document.text.slice(start, end)}`)]),
  }];
}

/**
 * **Default severity:** warning.
 *
 * ## What it catches
 *
 * `%` sequences that uWSGI expands as magic variables where the text evidently means a literal
 * percent sign:
 *
 * | written | where | what uWSGI makes of it |
 * |---|---|---|
 * | `log-date = %Y-%m-%d %H:%M:%S` | a strftime format: `log-date`, `logdate`, `log-prefix`, `${strftime:...}` in a log encoder, `log-format` with `log-format-strftime` | `%Y`, `%m`, `%H`, `%M`, `%S` vanish and `%d` becomes this file's folder before strftime sees the format |
 * | `postgres://app:p%40ss@db/app` | after `://` in a value: `%` and two hex digits that encode a blank or a sign | `%4` is a part of this file's path (usually empty): the password becomes `p0ss` |
 * | `env = MSG=100% sure` | `%` followed by a byte that has no magic variable | both vanish: `100sure` |
 *
 * The `%` inside a `$(...)` or `@(...)` counts the same, the shell's `$(date +%Y)` in a command
 * included: the magic pass reaches it before the reference is looked at (oracle fixture
 * `magic-percent-literal-in-reference.ini`). The range is the `%` and what it eats (for a
 * strftime format, from its first to its last conversion). A `%` at the end of a line in an LF file joins the next line:
 * [percent-line-join](percent-line-join.md) reports that.
 *
 * In a file that is evidently a template for another tool ([template-file](template-file.md)), the
 * `%` of its markers (`{% if workers %}`) are the tool's and are not reported: the tool replaces
 * them before uWSGI reads the file, and `%%` would break the template.
 *
 * Magic variables used as such are never reported: `%d`, `%n`, `%k`, `%h`, `%[` (the ANSI escape),
 * `%0`...`%9`, `%%`, and `%(name)` placeholders. A strftime format made only of conversions that
 * are also magic variables (`log-date = %d`) is not reported either: nothing shows it is not meant.
 *
 * ## Why
 *
 * uWSGI magic-expands the whole file before it reads any line (SEMANTICS.md §2, §8): `%` followed
 * by any byte is replaced by that byte's entry of the magic table, and every byte without a
 * variable has the entry `""`. Only `%%` gives `%`. No option sees the `%` the author wrote. The
 * oracle fixtures check this against the real binary: in `magic-percent-literal-vanishes.ini`
 * uWSGI accepts `chmod-socket = 66%Y6`, which reaches the setter as `666` (it refuses anything but
 * three octal digits), and in `magic-percent-literal-crlf.ini` it accepts `chmod-socket = 666%`
 * before a CRLF; `magic-percent-literal-log-date.ini` and `magic-percent-literal-url.ini` are
 * compared entry by entry with `--show-config`.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * log-date = %%Y-%%m-%%d %%H:%%M:%%S
 * env = DATABASE_URL=postgres://app:p%%40ss@db/app
 * env = MSG=100%% sure
 * ```
 *
 * ## Fixes in bulk
 *
 * Writing `%%` for each such `%` is **safe** where the literal is evident: a strftime format, a
 * URL-encoded byte, a `%` before a blank, a sign or a carriage return, any `%` in a shell command.
 * Before a letter elsewhere (`%y`) it is **unsafe**: a magic variable may have been meant.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line magic-percent-literal` on the line above.
 * - For the file: `# uwsgi-ini: disable magic-percent-literal` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "magic-percent-literal": "off" }`, or `--rule magic-percent-literal=off`.
 *
 * See also the official [magic variables](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html#magic-variables).
 */
export const magicPercentLiteral: Rule = {
  id: 'magic-percent-literal', defaultSeverity: 'warning', order: 56, check, fixes,
  title: '`%` meant literally (a strftime format, `%40` in a URL, `100% sure`) that uWSGI expands as a magic variable',
  summary: { severity: 'warning', catches: '`log-date = %Y-%m-%d`, `p%40ss` in a URL: uWSGI eats the `%` sequences' },
};
