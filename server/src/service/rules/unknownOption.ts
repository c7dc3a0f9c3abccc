import { Rule, RuleContext } from './rule';
import { EntryLine } from '../../parser/ast';
import { allOptions, editDistance, nearest, parseHookKey, uwsgiconfFinding } from '../../registry/registry';
import { OptionFacts, UwsgiVersion } from '../../registry/types';
import { suggestionFixes } from '../edits';

/** What uWSGI does at a key that is no option when strict is on (`core/config.c:382-385`): no placeholder, no ignoring. */
export const STRICT_REFUSAL = 'in strict mode uWSGI refuses to start (`[strict-mode] unknown config directive`)';

/** `end` closes logic blocks without being an option: accepted, except under strict mode. */
const BARE_END = 'end';

const candidatesByVersion = new Map<UwsgiVersion, string[]>();

function optionNames(version: UwsgiVersion): string[] {
  let names = candidatesByVersion.get(version);
  if (!names) {
    names = allOptions().filter((option) => option.versions.includes(version)).map((option) => option.name);
    candidatesByVersion.set(version, names);
  }
  return names;
}

/** Options the user probably meant: case and `_` slips first, then the nearest names by spelling. */
export function suggestOptions(key: string, version: UwsgiVersion): string[] {
  const names = optionNames(version);
  const normalized = key.toLowerCase().replace(/_/g, '-');
  const suggestions: string[] = [];
  if (normalized !== key && names.includes(normalized)) suggestions.push(normalized);
  for (const name of nearest(normalized, names, 3)) {
    if (!suggestions.includes(name)) suggestions.push(name);
  }
  return suggestions.slice(0, 3);
}

/**
 * True when `key` is most likely `option` mistyped rather than a name of the author's own (`project`,
 * `base_dir`): only then is the key evidently meant as an option that uWSGI now ignores. Short words
 * sit one edit away from many options (`name`/`home`, `app`/`pp`), so short keys need a closer match.
 */
function isPlausibleMisspelling(key: string, option: string): boolean {
  const normalized = key.toLowerCase().replace(/_/g, '-');
  if (normalized === option) return true;
  const distance = editDistance(normalized, option, 3);
  if (distance <= 1 && normalized.length >= 5) return true;
  if (distance <= 2 && normalized.length >= 8) return true;
  // One letter too many: `zuid` for `uid`, `guid` for `gid`.
  if (option.length >= 3 && normalized.length === option.length + 1 && [...normalized].some((_, i) => normalized.slice(0, i) + normalized.slice(i + 1) === option)) return true;
  // Cut short or run on: `process`, `chmod-sock`, `threaded-log`, `log-slower`.
  const [shorter, longer] = normalized.length < option.length ? [normalized, option] : [option, normalized];
  return shorter.length >= 6 && longer.startsWith(shorter) && longer.length - shorter.length <= 4;
}

const sortedWords = (name: string): string => name.split('-').sort().join('-');

/** Option names by their sorted words, per version, in registry order: built once, not per key. */
const namesByWords = new Map<UwsgiVersion, Map<string, string[]>>();

/** An option with the same words in another order: `master-log` for `log-master`. */
function wordsSwapped(key: string, version: UwsgiVersion): string | undefined {
  if (!key.includes('-')) return undefined;
  let index = namesByWords.get(version);
  if (!index) {
    index = new Map();
    for (const name of optionNames(version)) {
      const words = sortedWords(name);
      const list = index.get(words);
      if (list) list.push(name);
      else index.set(words, [name]);
    }
    namesByWords.set(version, index);
  }
  return index.get(sortedWords(key.toLowerCase()))?.find((name) => name !== key);
}

/**
 * A key with a blank or a trailing `:` whose first word is an option: the `=` is missing or comes
 * later (`static-map /static=./s`, `log-maxsize : 200`), so uWSGI took the line's start as the key.
 */
function optionBeforeMissingEquals(key: string, context: RuleContext): string | undefined {
  const first = /^[^\s:]+(?=\s|:)/.exec(key)?.[0];
  if (!first) return undefined;
  return context.options.lookup(first).kind === 'option' ? first : undefined;
}

/** Markers of template tools (Jinja, envsubst...): a line the tool rewrites, never meant for uWSGI. */
const TEMPLATE_KEY = /^(\{.*\}|\$\{.*\}|\$[A-Za-z_]\w*|__\w+__|@\w+@)$/;

/**
 * Keys that uwsgiconf's MainProcess writes wrongly: say where the key comes from, and which key
 * uWSGI understands when renaming is all it takes (a value that needs a new prefix is left to the user).
 */
interface UwsgiconfNote {
  readonly note: string;
  readonly correctKey?: string;
}

function uwsgiconfNote(key: string): UwsgiconfNote {
  const finding = uwsgiconfFinding(key);
  if (!finding) return { note: '' };
  const origin = ` uwsgiconf's \`MainProcess.${finding.method}()\` writes this key`;
  if (finding.problem === 'only-in-2.1') return { note: `${origin} although released uWSGI (2.0) does not have it.` };
  if (!finding.correctKey) return { note: `${origin} by mistake.` };
  if (finding.correctValuePrefix) {
    return { note: `${origin} by mistake: uWSGI understands \`${finding.correctKey}\` with the value prefixed by \`${finding.correctValuePrefix}\`.` };
  }
  return { note: `${origin} by mistake: uWSGI's name is \`${finding.correctKey}\`.`, correctKey: finding.correctKey };
}

/** `set = name=value` adds `name` as if written in the file; strict mode refuses a name that is no option. */
const SET_KEY = 'set';

function checkSetUnderStrict(context: RuleContext, entry: EntryLine): void {
  const equals = entry.value.indexOf('=');
  const name = (equals < 0 ? entry.value : entry.value.slice(0, equals)).trim();
  if (name === '' || name.includes('%') || name.includes('$(') || name.includes('@(')) return;
  const lookup = context.options.lookup(name);
  if (lookup.kind === 'option' || lookup.kind === 'declared') return;
  const start = context.model.text.indexOf(name, entry.valueSpan.start);
  context.report({
    span: { start, end: start + name.length },
    message: `\`set\` adds \`${name}\` as if it were written in the file, and strict mode refuses it: it is no option. Use \`set-placeholder\` for a placeholder.`,
    severity: 'error',
  });
}

/**
 * Strict mode checks a key when the line is read, before a later `plugin =` line has loaded the
 * plugin that defines it (SEMANTICS.md §4); without strict the order does not matter.
 */
function checkPluginOrder(context: RuleContext, entry: EntryLine, facts: OptionFacts): void {
  if (facts.plugin === 'core' || facts.embeddedByDefault) return;
  const loadedAt = context.options.pluginLoadOffset(facts.plugin);
  if (loadedAt === undefined || loadedAt < 0 || loadedAt < entry.start) return;
  const line = context.document.lineNumberAt(loadedAt) + 1;
  context.report({
    span: entry.keySpan,
    message: `\`${entry.key}\` comes before line ${line}, which loads the \`${facts.plugin}\` plugin: strict mode checks the key as soon as it reads it and refuses it. Load the plugin first.`,
    severity: 'error',
  });
}

/** An empty key or a bare `end`: true when the entry is one (reported or not). */
function reportKeyThatIsNoName(context: RuleContext, entry: EntryLine, strict: boolean): boolean {
  const key = entry.key;
  const severity = strict ? 'error' : 'warning';
  if (key === '') {
    context.report({
      span: { start: entry.contentStart, end: entry.equals >= 0 ? entry.equals + 1 : entry.contentEnd },
      message: `Empty key: ${strict ? STRICT_REFUSAL : 'uWSGI ignores this line'}.`,
      severity,
    });
    return true;
  }
  if (key === BARE_END) {
    if (strict) {
      context.report({
        span: entry.keySpan,
        message: '`end` closes the block but is not an option: strict mode refuses it. Use `endif` or `endfor`.',
        severity: 'error',
        data: { suggestions: ['endif', 'endfor'] },
      });
    }
    return true;
  }
  return false;
}

/** A key that is no option anywhere: a misspelling (with suggestions), a missing `=`, or a name of the author's own. */
function reportUnknownKey(context: RuleContext, entry: EntryLine, strict: boolean, uwsgiconf: UwsgiconfNote, suggestionsByKey: Map<string, string[]>): void {
  const { model, options } = context;
  const key = entry.key;
  const severity = strict ? 'error' : 'warning';
  const beforeEquals = optionBeforeMissingEquals(key, context);
  if (beforeEquals) {
    context.report({
      span: entry.keySpan,
      message: `Unknown option \`${key}\`: uWSGI takes everything before the first \`=\` as the key, so \`${beforeEquals}\` is never applied${strict ? `, and ${STRICT_REFUSAL}` : ' and the line is kept as a placeholder'}. Did you mean \`${beforeEquals} = ...\`?`,
      severity,
    });
    return;
  }
  // A template marker is the tool's to replace, however close it is to an option's name.
  const template = TEMPLATE_KEY.test(key);
  // The suggestions depend on the key, the version and the model only: a key repeated on many
  // lines is compared with the option names once per validation (a copy per finding).
  let known = suggestionsByKey.get(key);
  if (!known) {
    const close = suggestOptions(key, options.version);
    const swapped = wordsSwapped(key, options.version);
    const plausible = template ? [] : [...(swapped ? [swapped] : []), ...close.filter((name) => isPlausibleMisspelling(key, name) && name !== swapped)];
    // `uid = a` then `guid = a`: the option the file lacks is the one meant.
    plausible.sort((a, b) => Number(model.lastValue(a) !== undefined) - Number(model.lastValue(b) !== undefined));
    known = uwsgiconf.correctKey
      ? [uwsgiconf.correctKey, ...plausible.filter((name) => name !== uwsgiconf.correctKey)].slice(0, 3)
      : plausible.slice(0, 3);
    suggestionsByKey.set(key, known);
  }
  const suggestions = known.slice();
  if (suggestions.length === 0 && !strict && !uwsgiconf.note) {
    // A name of the author's own that nothing reads: uWSGI applies nothing, and that may be the point.
    const templateNote = template ? ' It looks like a template tool\'s marker, which the tool replaces before uWSGI reads the file.' : '';
    context.report({
      span: entry.keySpan,
      message: `\`${key}\` is no uWSGI option, and neither \`%(${key})\` nor \`if-opt\` reads it: uWSGI keeps it as a placeholder and applies nothing. Harmless if it is a note of your own.${templateNote}`,
      severity: 'information',
      data: { suggestions },
    });
    return;
  }
  const hint = suggestions.length > 0 && !uwsgiconf.correctKey ? ` Did you mean \`${suggestions[0]}\`?` : '';
  context.report({
    span: entry.keySpan,
    message: `Unknown option \`${key}\`: ${strict ? STRICT_REFUSAL : 'uWSGI silently keeps it as a placeholder and ignores it'}.${hint}${uwsgiconf.note}`,
    severity,
    data: { suggestions },
  });
}

function check(context: RuleContext): void {
  const { model, options } = context;
  // Keys are not expanded except for magic variables, which we cannot know for every host.
  // Outside strict mode a known option has nothing to report.
  const suggestionsByKey = new Map<string, string[]>();
  const suspects = model.entriesWhere((key) => !key.includes('%') && (options.everStrict || key === '' || key === BARE_END || options.lookup(key).kind !== 'option'));
  for (const entry of suspects) {
    const key = entry.key;
    const strict = options.strictFor(entry);
    const severity = strict ? 'error' : 'warning';
    if (reportKeyThatIsNoName(context, entry, strict)) continue;
    const lookup = options.lookup(key);
    if (lookup.kind === 'option') {
      if (strict) checkPluginOrder(context, entry, lookup.facts);
      if (strict && key === SET_KEY) checkSetUnderStrict(context, entry);
      continue;
    }
    if (lookup.kind === 'declared') continue;
    if (lookup.kind === 'unknown' && parseHookKey(key)) continue; // unknown-hook-phase reports it
    // An included file's `if-opt` or `%(key)` reads it too: the interpreter saw every file uWSGI reads.
    if (model.readsValueOf(key) || (model.includes.files.length > 0 && context.interpretation().isRead(key))) {
      if (strict) {
        context.report({
          span: entry.keySpan,
          message: `\`${key}\` is used as a placeholder, but strict mode refuses keys that are not options. Define it with \`set-placeholder = ${key}=...\`.`,
          severity: 'error',
          data: { placeholder: key },
        });
      }
      continue;
    }
    if (lookup.kind === 'needs-plugin') {
      context.report({
        span: entry.keySpan,
        message: `\`${key}\` needs the \`${lookup.plugin}\` plugin: without \`plugins = ${lookup.plugin}\` ${strict ? STRICT_REFUSAL : 'uWSGI ignores it'}.`,
        severity,
        data: { plugin: lookup.plugin },
      });
      continue;
    }
    const uwsgiconf = uwsgiconfNote(key);
    if (lookup.kind === 'other-version') {
      const versions = lookup.versions.join(', ');
      context.report({
        span: entry.keySpan,
        message: `\`${key}\` exists only in uWSGI ${versions}, not in ${options.version}: ${strict ? STRICT_REFUSAL : `uWSGI ${options.version} ignores it`}.${uwsgiconf.note}`,
        severity,
      });
      continue;
    }
    reportUnknownKey(context, entry, strict, uwsgiconf, suggestionsByKey);
  }
}

/**
 * **Default severity:** warning for a key that is evidently a misspelt option — information for a
 * key of your own that nothing reads — error for any unknown key when strict mode is on (`strict =
 * true` in the file, the `uwsgi.strict` setting, or `uwsgi-ini-lint --strict`).
 *
 * ## What it catches
 *
 * A key in the checked section that is not an option of the configured uWSGI version and plugins:
 *
 * - typos such as `vaccum`, `proccesses`, `harakari`, `chmod-sock`;
 * - wrong case or underscores: keys are compared exactly, so `Master` and `harakiri_verbose` are
 *   not `master` and `harakiri-verbose`;
 * - options of a plugin the file does not load (`php-docroot` without `plugins = php`): the message
 *   names the plugin;
 * - options that exist only in the other uWSGI version (`reload-on-pss` is 2.1 only);
 * - an empty key (`= value`);
 * - under strict mode, a bare `end` (it closes a logic block but is no option, so strict mode
 *   refuses it) and keys used only as placeholders.
 *
 * Keys used as placeholders somewhere (`%(key)`), keys an `if-opt`/`if-not-opt` tests, and names
 * declared with `declare-option` are not reported: that is how uWSGI placeholders are defined and
 * read. Hook keys with a misspelt phase are left to [unknown-hook-phase](unknown-hook-phase.md).
 *
 * ### Misspelling or a name of your own?
 *
 * A warning, with a suggestion and its quick fix, comes only when the key is a plausible slip for an
 * option:
 *
 * - the same name but for case or `_` (`harakiri_verbose`, `Master`);
 * - one edit away for keys of five characters or more (`proesses`, `pidefile`, `vaccum`), two for
 *   keys of eight or more (`chmod-sock`, `Haharakiri`);
 * - one letter too many (`zuid`, `guid`), or the option cut short or run on (`process`,
 *   `threaded-log`, `log-slower`);
 * - the same words in another order (`master-log` for `log-master`);
 * - an option followed by a blank or a `:` where the `=` is missing (`static-map /static=./s`,
 *   `log-maxsize : 200`): the key then runs up to the first `=`, or over the whole line.
 *
 * When several options fit, the one the file does not set yet comes first: `guid` next to `uid`
 * suggests `gid`.
 *
 * Anything else (`project`, `base_dir`, `name`, `app`) is most likely a name of the author's own,
 * kept for later or for a tool: it is reported as information, without a suggestion, saying that
 * uWSGI applies nothing from it. A line that looks like a template marker (`{virtualenv}`, `__X__`)
 * is information too.
 *
 * ## Why
 *
 * uWSGI does not complain about unknown keys. It stores them as placeholders and never applies
 * them, so a typo silently turns an option off: `vaccum = true` leaves sockets behind,
 * `proccesses = 8` runs one worker. That is what the warning is for. A key that is not meant as an
 * option loses nothing, so it only gets a note. With `--strict`, uWSGI refuses to start on either.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * vaccum = true
 * ```
 *
 * The quick fix "Change to `vacuum`" replaces the key only:
 *
 * ```ini
 * [uwsgi]
 * vacuum = true
 * ```
 *
 * ## Fixes in bulk
 *
 * Renaming to the only close option is **safe** (a typo); with several candidates, or for a bare
 * `end` under strict, it is **unsafe**.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line unknown-option` on the line above.
 * - For the file: `# uwsgi-ini: disable unknown-option` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "unknown-option": "off" }`, or `--rule unknown-option=off`.
 * - For a plugin your binary loads without the file saying so: `"uwsgi.plugins": ["php"]` or
 *   `--plugins php`.
 *
 * See also the official [option reference](https://uwsgi-docs.readthedocs.io/en/latest/Options.html)
 * and [strict mode](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html).
 */
export const unknownOption: Rule = {
  id: 'unknown-option', defaultSeverity: 'warning', order: 10, check, fixes: suggestionFixes,
  title: 'Key that is no option of the configured uWSGI: uWSGI keeps it as a placeholder and ignores it',
  summary: { severity: 'warning for a likely misspelling (information for a key of your own, error under strict)', catches: 'keys uWSGI does not know: typos, wrong case, a missing `=`, options of plugins not loaded, other-version options' },
};
