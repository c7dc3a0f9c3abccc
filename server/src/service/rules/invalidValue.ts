import { Rule, RuleContext, RuleFix, FixContext } from './rule';
import { EntryLine } from '../../parser/ast';
import { findInlineComment, eatsCarriageReturn } from '../../parser/values';
import { nearest, hasRole } from '../../registry/registry';
import type { OptionFacts } from '../../registry/types';
import { deleteLine, replacementFixes, stringList, workspaceEdit } from '../edits';
import { isFlagTrue, meansOff } from '../../analysis/optionContext';
import { isWhollyQuoted } from '../../analysis/valueLanguage';
import { isShellVariableValue, isTemplateMarkerValue, templateJudgement } from '../../analysis/templateMarkers';
import { Severity } from '../settings';

// How uWSGI's setters read a value (SEMANTICS.md §7, core/uwsgi.c): what each parser refuses,
// and what it silently reads instead of what was written.

/** atoi(); a negative result is fatal ("must be > 0"). */
const POSITIVE_INT_PARSERS = new Set(['uwsgi_opt_set_int', 'uwsgi_opt_setup_gevent']);
/** atoi(); negatives allowed. */
const RAW_INT_PARSERS = new Set([
  'uwsgi_opt_set_rawint', 'uwsgi_opt_max_vars', 'uwsgi_opt_setup_asyncio', 'uwsgi_opt_setup_coroae',
  'uwsgi_opt_setup_goroutines', 'uwsgi_opt_setup_tornado', 'uwsgi_opt_corerouter_use_socket',
]);
/** strtoul(base 10): no validation, a minus sign wraps around. */
const UNSIGNED_PARSERS = new Set(['uwsgi_opt_set_64bit', 'uwsgi_opt_set_16bit']);
const CLAMP_16BIT_PARSER = 'uwsgi_opt_set_16bit';
const MEGABYTES_PARSER = 'uwsgi_opt_set_megabytes';
const FLAG_PARSERS = new Set(['uwsgi_opt_true', 'uwsgi_opt_false']);

/** Parsers that read only the leading number of the value (atoi, strtoul, atof): trailing text never changes it. */
export function readsLeadingNumber(parser: string): boolean {
  return POSITIVE_INT_PARSERS.has(parser) || RAW_INT_PARSERS.has(parser) || UNSIGNED_PARSERS.has(parser) || parser === MEGABYTES_PARSER;
}

/** Parsers that turn the value into on/off (SEMANTICS.md §7). */
export function isFlagParser(parser: string): boolean {
  return FLAG_PARSERS.has(parser);
}
/** Exactly three octal digits or exit(1); chmod-socket also takes `1` (mode 666). */
const THREE_DIGIT_MODE_PARSERS: Readonly<Record<string, { acceptsOne: boolean }>> = {
  uwsgi_opt_chmod_socket: { acceptsOne: true },
  uwsgi_opt_logfile_chmod: { acceptsOne: false },
};
const LOG_DATE_PARSER = 'uwsgi_opt_log_date';
/** Words uwsgi_opt_log_date takes as "on"; anything else becomes the strftime format. */
const LOG_DATE_ON = new Set(['true', '1', 'on', 'yes']);
/** uwsgi_opt_fileserve_mode compares case-insensitively and ignores anything else. */
const FILESERVE_MODES: Readonly<Record<string, readonly string[]>> = {
  uwsgi_opt_fileserve_mode: ['x-sendfile', 'xsendfile', 'x-accel-redirect', 'xaccelredirect', 'nginx'],
};
/** Options passed to setpriority(): Linux clamps nice values to this range. */
const NICE_RANGE: Readonly<Record<string, readonly [number, number]>> = { prio: [-20, 19] };
const UINT16_MAX = 65535;
const UINT64_WRAP = 1n << 64n;

/** Flag values that plainly mean "on"; other words also mean on, which is worth a note. */
const FLAG_ON_WORDS = new Set(['', 'true', 'yes', 'on', '1', 'enable', 'enabled']);
const SECONDS_UNIT = /^(s|sec|secs|second|seconds)$/i;
const MEGABYTES_UNIT = /^(m|mb|mib)$/i;
const GIGABYTES_UNIT = /^(g|gb|gib)$/i;

interface LeadingInteger {
  readonly text: string;
  readonly value: bigint;
  /** What follows the number. */
  readonly rest: string;
}

/** The number atoi()/strtoul() read from the start of a value, if any. */
function leadingInteger(value: string): LeadingInteger | undefined {
  const match = /^[+-]?\d+/.exec(value);
  if (!match) return undefined;
  return { text: match[0], value: BigInt(match[0]), rest: value.slice(match[0].length) };
}

interface Judged {
  readonly entry: EntryLine;
  readonly facts: OptionFacts;
  /** The value uWSGI parses (references left literal for immediate options). */
  readonly value: string;
  /** Explains why references were not expanded, for immediate options. */
  readonly note: string;
  /** The value without what looks like an inline comment, when there is one. */
  readonly intended?: string;
  /** The finding repeats unexpanded-reference's about a reference an immediate option keeps literal. */
  readonly echo?: boolean;
}

function report(context: RuleContext, judged: Judged, severity: Severity, message: string, data?: Record<string, unknown>): void {
  const quieter = judged.echo && severity === 'warning' ? 'information' : severity;
  context.report({ span: judged.entry.valueSpan, message: `${message}${judged.note}`, severity: quieter, ...(data ? { data } : {}) });
}

function checkInteger(context: RuleContext, judged: Judged): void {
  const { facts, value } = judged;
  const key = facts.name;
  // With a `.` the megabytes setter switches to atof(): fractions are meant.
  if (facts.parser === MEGABYTES_PARSER && value.includes('.')) return;
  const number = leadingInteger(value);
  const intended = judged.intended !== undefined ? leadingInteger(judged.intended) : undefined;
  if (POSITIVE_INT_PARSERS.has(facts.parser) && number && number.value < 0n) {
    report(context, judged, 'error', `\`${key}\` cannot be negative: uWSGI stops with "invalid value for option \\"${key}\\": must be > 0".`);
    return;
  }
  if (UNSIGNED_PARSERS.has(facts.parser) && number && number.value < 0n) {
    const wrapped = number.value + UINT64_WRAP;
    const read = facts.parser === CLAMP_16BIT_PARSER ? BigInt(UINT16_MAX) : wrapped;
    report(context, judged, 'warning', `\`${key}\` is unsigned: uWSGI reads \`${number.text}\` as ${read}.`);
    return;
  }
  if (!number) {
    // A template tool's marker says the file is not meant for uWSGI as it stands.
    if (isTemplateMarkerValue(value)) {
      // Said elsewhere, once: `${X}` by shell-style-variable, a template file's markers by template-file.
      if (isShellVariableValue(value) || templateJudgement(context.model, context.options).isTemplate) return;
      report(context, judged, 'information', `\`${key}\` takes a number: if uWSGI read \`${value}\` itself it would use 0. Expected when a template tool fills this in before uWSGI reads the file.`);
      return;
    }
    report(context, judged, 'warning', `\`${key}\` takes a number: uWSGI reads \`${value}\` as 0.`);
    return;
  }
  // An inline comment after a clean number: the number is read as meant (another rule speaks of the comment).
  const cleanRest = intended && intended.rest.trim() === '' && intended.text === number.text;
  if (number.rest !== '' && !cleanRest) {
    const unit = number.rest.trim();
    if (facts.parser === MEGABYTES_PARSER) {
      checkMegabytesUnit(context, judged, number, unit);
      return;
    }
    const data = SECONDS_UNIT.test(unit) ? { replacement: number.text } : undefined;
    report(context, judged, 'warning', `uWSGI reads \`${value}\` as ${number.value} for \`${key}\`: it ignores everything after the leading number.`, data);
    return;
  }
  if (facts.parser === CLAMP_16BIT_PARSER && number.value > BigInt(UINT16_MAX)) {
    // 65536 for 65535 is one byte of buffer: nobody can tell. A quarter megabyte cut to 64 KB is felt.
    if (number.value * 100n <= BigInt(UINT16_MAX) * 101n) {
      report(context, judged, 'hint', `\`${key}\` is a 16-bit value in uWSGI ${context.options.version}: uWSGI uses ${UINT16_MAX}, not ${number.value}. Harmless here: the difference is under 1%.`, { replacement: String(UINT16_MAX) });
      return;
    }
    report(context, judged, 'warning', `\`${key}\` is a 16-bit value in uWSGI ${context.options.version}: uWSGI uses ${UINT16_MAX}, not ${number.value}.`, { replacement: String(UINT16_MAX) });
    return;
  }
  const range = NICE_RANGE[key];
  if (range && (number.value < BigInt(range[0]) || number.value > BigInt(range[1]))) {
    const clamped = number.value < BigInt(range[0]) ? range[0] : range[1];
    report(context, judged, 'warning', `\`${key}\` is a nice value: Linux only knows ${range[0]} to ${range[1]} and uses ${clamped} for ${number.value}.`, { replacement: String(clamped) });
  }
}

function checkMegabytesUnit(context: RuleContext, judged: Judged, number: LeadingInteger, unit: string): void {
  const key = judged.facts.name;
  if (MEGABYTES_UNIT.test(unit)) {
    report(context, judged, 'information', `\`${key}\` is already in megabytes: uWSGI ignores \`${unit}\` and reads ${number.value} MB.`, { replacement: number.text });
    return;
  }
  if (GIGABYTES_UNIT.test(unit)) {
    const megabytes = number.value * 1024n;
    report(context, judged, 'warning', `\`${key}\` is in megabytes and uWSGI ignores \`${unit}\`: \`${judged.value}\` means ${number.value} MB, not ${megabytes} MB.`, { replacement: String(megabytes), replacementChanges: true });
    return;
  }
  report(context, judged, 'warning', `\`${key}\` is in megabytes and uWSGI ignores everything after the leading number: \`${judged.value}\` means ${number.value} MB.`);
}

function checkFlag(context: RuleContext, judged: Judged): void {
  const { facts, value, intended } = judged;
  const key = facts.name;
  // A comment that flips the flag (`false # x` is true) is inline-comment's to report.
  if (intended !== undefined && isFlagTrue(intended) !== isFlagTrue(value)) return;
  const lower = (intended ?? value).toLowerCase();
  // A word that means off (`disabled`, `none`) is off-word-flag's warning.
  if (!isFlagTrue(lower) || FLAG_ON_WORDS.has(lower) || meansOff(lower)) return;
  report(
    context, judged, 'information',
    `uWSGI turns \`${key}\` on for any value except false, off, no and 0: \`${intended ?? value}\` turns it on.`,
    // `true` keeps what uWSGI does today; `false` would change it, and nothing says it is meant.
    { suggestions: ['true', 'false'], preferred: false, keeps: 'true' },
  );
}

function checkMode(context: RuleContext, judged: Judged, acceptsOne: boolean): void {
  const { facts, value } = judged;
  if (/^[0-7]{3}$/.test(value) || (acceptsOne && value === '1')) return;
  const accepted = acceptsOne ? '`1` or exactly three octal digits' : 'exactly three octal digits';
  const stripped = /^0[0-7]{3}$/.test(value) ? value.slice(1) : undefined;
  report(context, judged, 'error', `\`${facts.name}\` takes ${accepted}: uWSGI stops with "invalid chmod value: ${value}".`, stripped ? { replacement: stripped } : undefined);
}

function checkLogDate(context: RuleContext, judged: Judged): void {
  const { facts, value } = judged;
  const lower = value.toLowerCase();
  if (LOG_DATE_ON.has(lower) || value === '') return;
  // A template file's marker (`log-date = {{ log_date }}`) is template-file's to speak of, once.
  if (isTemplateMarkerValue(value) && templateJudgement(context.model, context.options).isTemplate) return;
  if (!isFlagTrue(value)) {
    report(context, judged, 'warning', `\`${facts.name}\` cannot be switched off with \`${value}\`: uWSGI turns date logging on and uses \`${value}\` as the date format. Remove the line to log without dates.`, { removeLine: true });
    return;
  }
  report(context, judged, 'warning', `uWSGI uses \`${value}\` as the strftime format of \`${facts.name}\`: every log line starts with that literal text. Write \`true\` for the default date, or a format with \`%%\` escapes.`);
}

function checkEnum(context: RuleContext, judged: Judged, choices: readonly string[]): void {
  const { facts, value } = judged;
  if (choices.includes(value.toLowerCase())) return;
  const suggestions = nearest(value.toLowerCase(), choices, 2);
  report(context, judged, 'warning', `uWSGI ignores \`${facts.name} = ${value}\` and keeps its default: it takes ${choices.map((c) => `\`${c}\``).join(', ')}.`, { suggestions });
}

function checkPlaceholderName(context: RuleContext, judged: Judged): void {
  const { entry } = judged;
  const equals = entry.value.indexOf('=');
  const name = (equals < 0 ? entry.value : entry.value.slice(0, equals)).trim();
  if (name === '' || !context.options.option(name)) return;
  const start = context.model.text.indexOf(name, entry.valueSpan.start);
  context.report({
    span: { start, end: start + name.length },
    severity: 'error',
    message: `\`${name}\` is an option, and uWSGI refuses to start when \`${entry.key}\` gives a placeholder an option's name. Choose another name.`,
  });
}

/**
 * The values most lines have (`true`, `4`, `1024`): nothing to report, decided without building
 * anything. A short run of digits fits every integer parser, even the 16-bit ones, unless the
 * option has a range of its own.
 */
function isPlainlyFine(parser: string, key: string, value: string): boolean {
  if (FLAG_PARSERS.has(parser)) return FLAG_ON_WORDS.has(value);
  if (!(POSITIVE_INT_PARSERS.has(parser) || RAW_INT_PARSERS.has(parser) || UNSIGNED_PARSERS.has(parser) || parser === MEGABYTES_PARSER)) return false;
  if (value.length === 0 || value.length > 4 || NICE_RANGE[key] !== undefined) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Parsers this rule knows how to judge. */
function isJudgedParser(parser: string): boolean {
  return POSITIVE_INT_PARSERS.has(parser) || RAW_INT_PARSERS.has(parser) || UNSIGNED_PARSERS.has(parser) || parser === MEGABYTES_PARSER
    || FLAG_PARSERS.has(parser) || THREE_DIGIT_MODE_PARSERS[parser] !== undefined || parser === LOG_DATE_PARSER || FILESERVE_MODES[parser] !== undefined;
}

function check(context: RuleContext): void {
  const { model, options } = context;
  const text = model.text;
  const checked = model.entriesWhere((key) => {
    if (key.includes('%')) return false;
    const facts = options.option(key);
    return facts !== undefined && (isJudgedParser(facts.parser) || hasRole(key, 'placeholder-only-setter'));
  });
  for (const entry of checked) {
    const facts = options.option(entry.key)!;
    if (isPlainlyFine(facts.parser, entry.key, entry.value)) continue;
    let hasReference = false;
    if (!model.isLiteralValue(entry)) {
      const segments = model.segments(entry);
      // Magic variables are filled in per file; a strftime format eaten by them is magic-percent-literal's.
      if (segments.some((s) => s.kind === 'magic') || eatsCarriageReturn(text, entry)) continue;
      hasReference = segments.some((s) => s.kind !== 'text');
    }
    let note = '';
    let echo = false;
    if (hasReference) {
      // Deferred options get the reference expanded later: nothing to judge here.
      if (!facts.immediate) continue;
      note = ` (\`${facts.name}\` is applied while the file is read, before \`$(...)\`, \`@(...)\` and \`%(...)\` are expanded.)`;
      // unexpanded-reference already warns that the reference stays literal: one warning per mistake.
      echo = true;
    }
    const commentAt = findInlineComment(text, entry.valueSpan);
    const intended = commentAt >= 0 ? text.slice(entry.valueSpan.start, commentAt) : undefined;
    const judged: Judged = { entry, facts, value: entry.value, note, echo, ...(intended !== undefined ? { intended } : {}) };
    const parser = facts.parser;
    // Quotes kept in the value are quoted-value's finding; a mode uWSGI refuses stays an error here.
    if (isWhollyQuoted(intended ?? entry.value) && !THREE_DIGIT_MODE_PARSERS[parser]) continue;
    if (POSITIVE_INT_PARSERS.has(parser) || RAW_INT_PARSERS.has(parser) || UNSIGNED_PARSERS.has(parser) || parser === MEGABYTES_PARSER) {
      if (entry.value !== '') checkInteger(context, judged);
    } else if (FLAG_PARSERS.has(parser)) {
      checkFlag(context, judged);
    } else if (THREE_DIGIT_MODE_PARSERS[parser]) {
      checkMode(context, judged, THREE_DIGIT_MODE_PARSERS[parser]!.acceptsOne);
    } else if (parser === LOG_DATE_PARSER) {
      checkLogDate(context, judged);
    } else if (FILESERVE_MODES[parser]) {
      checkEnum(context, judged, FILESERVE_MODES[parser]!);
    } else if (hasRole(entry.key, 'placeholder-only-setter')) {
      checkPlaceholderName(context, judged);
    }
  }
}

function fixes({ document, model, diagnostic, data }: FixContext): RuleFix[] {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const changeTo = (value: string): string => `Change to \`${value}\``;
  // A replacement writes what uWSGI reads anyway (`30` for `30s`, the clamped number), unless the
  // rule says it changes the value (`1G` in megabytes is 1 MB today, 1024 with the fix).
  const actions: RuleFix[] = replacementFixes(document, diagnostic, stringList([data['replacement']]), changeTo, data['replacementChanges'] === true ? 'unsafe' : 'safe');
  const suggestions = stringList(data['suggestions']);
  const keeps = data['keeps'];
  const suggested = replacementFixes(document, diagnostic, suggestions, changeTo, 'single-candidate', data['preferred'] !== false);
  // A flag's suggestions: the one that keeps what uWSGI does is safe, the other changes it.
  actions.push(...(typeof keeps === 'string' ? suggested.map((fix, i) => ({ ...fix, safety: suggestions[i] === keeps ? 'safe' as const : 'unsafe' as const })) : suggested));
  if (data['removeLine'] === true) {
    const entry = model.applied.find((e) => e.valueSpan.start === start && e.valueSpan.end === end);
    if (entry) {
      actions.push({
        title: `Remove \`${entry.key}\``,
        isPreferred: true,
        // Dates are then no longer logged.
        safety: 'unsafe',
        edit: workspaceEdit(document, [deleteLine(document, entry)]),
      });
    }
  }
  return actions;
}

/**
 * **Default severity:** error where uWSGI refuses the value, warning where it silently reads
 * something the author evidently did not mean, information or hint where the difference has no
 * visible effect (an unusual flag word, a one-byte clamp, a template marker)
 *
 * ## What it catches
 *
 * An ini value is always text, and each option's setter reads it its own way, mostly without a word
 * of complaint:
 *
 * | option kind | value | what uWSGI does | severity |
 * |---|---|---|---|
 * | positive int (`processes`, `harakiri`...) | `-1` | "invalid value ... must be > 0" and exit | error |
 * | int | `four`, `true` | reads 0 (`processes = four`: no workers) | warning |
 * | int | `__WORKERS__`, `{{ workers }}`, `@WORKERS@` | a template tool's marker: the tool fills it in; uWSGI itself would read 0 | information |
 * | int | `30s`, `0x10`, `2.5` | reads the leading digits only (30, 0, 2) | warning, fix for seconds |
 * | unsigned (`max-requests`...) | `-1` | wraps around to a huge number | warning |
 * | `buffer-size` on 2.0 | above 65535 by more than 1% (`262144`) | uses 65535: requests with bigger headers are refused | warning |
 * | `buffer-size` on 2.0 | up to 1% above (`65536`) | uses 65535: one byte less, nothing anyone notices | hint |
 * | megabytes (`reload-on-rss`, `limit-as`...) | `512M` / `2G` | ignores the unit: 512 MB / 2 MB | information / warning |
 * | `prio` | outside -20..19 | Linux clamps the nice value | warning |
 * | `chmod-socket`, `logfile-chmod` | anything but three octal digits (or `1` for chmod-socket) | "invalid chmod value" and exit | error |
 * | flag (`vacuum`, `master`...) | `maybe`, `yes please` | anything except false/off/no/0 turns it on | information |
 * | `log-date` | `false`, `no` | turns date logging on with that text as the date format | warning, fix: remove the line |
 * | `fileserve-mode` | not one of its names | ignored, the default stays | warning |
 *
 * Values containing `%(...)`, `$(...)` or `@(...)` are expanded later and are skipped, as are values
 * with magic variables (`%k`); a `log-date` strftime format written with single `%`, which the
 * magic pass eats, is [magic-percent-literal](magic-percent-literal.md)'s. Immediate options
 * (`listen`, `strict`...) are the exception: they are applied while the file is read, before those
 * references are expanded, so their literal text is judged. When such a value holds a reference,
 * [unexpanded-reference](unexpanded-reference.md) warns that it stays literal, and this rule only
 * adds, as information, what the setter reads from it.
 *
 * Some cases are another rule's, so that one mistake gives one finding: a flag word that means off
 * (`vacuum = disabled`) is [off-word-flag](off-word-flag.md)'s warning; a value in quotes
 * (`processes = "4"`) is [quoted-value](quoted-value.md)'s, except a quoted socket mode, which uWSGI
 * refuses (an error here); `${WORKERS}` is [shell-style-variable](shell-style-variable.md)'s; and in
 * a file that is evidently a template, [template-file](template-file.md) speaks once for all its
 * markers.
 *
 * A comment after the value (`harakiri = 30 # seconds`) is [inline-comment](inline-comment.md)'s
 * business: a clean number before it is judged as it stands, and a flag the comment turns on
 * (`vacuum = false # x`) is reported there, once.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * processes = four
 * harakiri = 30s
 * chmod-socket = 0666
 * log-date = false
 * ```
 *
 * After the quick fixes:
 *
 * ```ini
 * [uwsgi]
 * processes = four
 * harakiri = 30
 * chmod-socket = 666
 * ```
 *
 * `processes = four` has no fix: only you know the number.
 *
 * ## Fixes in bulk
 *
 * Writing what uWSGI reads anyway is **safe**: `30s` → `30`, `512M` → `512`, a clamped number, `0660` → `660`.
 * A fix that changes the value is **unsafe**: `1G` → `1024` (uWSGI reads 1 MB today), `false` for a
 * flag a word like `maybe` turns on, removing `log-date`. Of two enum candidates neither is
 * applied in bulk; of one, it is **safe**.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line invalid-value
 * threads = __THREADS__
 * ```
 *
 * or set `"uwsgi.diagnostics": { "invalid-value": "off" }`.
 *
 * ## See also
 *
 * - [uWSGI options reference](https://uwsgi-docs.readthedocs.io/en/latest/Options.html)
 * - [Configuration: ini files](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html)
 */
export const invalidValue: Rule = {
  id: 'invalid-value', defaultSeverity: 'warning', order: 160, check, fixes,
  title: 'Value that does not fit the option: uWSGI refuses it or silently reads something else',
  summary: { severity: 'warning (error where uWSGI exits, information or hint where nothing visible changes)', catches: 'values uWSGI refuses (`chmod-socket = 0777`, negative numbers) or misreads (`harakiri = 30s`, `processes = four`)' },
};
