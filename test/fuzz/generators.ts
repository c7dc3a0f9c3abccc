// Input generators for the property tests, and the seed they all derive from.
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allActions, allOptions, allPhases } from '../../server/src/registry/registry';

// ---------------------------------------------------------------- seed and budget

/** FUZZ_SEED replays a run; otherwise the date picks one, so each day explores new inputs. */
export const FUZZ_SEED: number = (() => {
  const fromEnv = process.env['FUZZ_SEED'];
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${fromEnv}`);
    return seed;
  }
  const today = new Date();
  return today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
})();

/** FUZZ_SCALE multiplies every property's run count (0.1 for a quick local run, 10 for a soak). */
export const FUZZ_SCALE: number = (() => {
  const value = Number(process.env['FUZZ_SCALE'] ?? '1');
  return Number.isFinite(value) && value > 0 ? value : 1;
})();

let announced = false;
export function announceSeed(): void {
  if (announced) return;
  announced = true;
  // eslint-disable-next-line no-console
  console.log(`  fuzz seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED}), scale ${FUZZ_SCALE}`);
}

/** Cases run so far, over all properties, for the summary line. */
export const counter = { cases: 0 };

/** Runs one property with a seed derived from the run seed and the property's name. */
export function check<T>(name: string, arbitrary: fc.Arbitrary<T>, runs: number, predicate: (value: T) => void): void {
  const seed = deriveSeed(name);
  const numRuns = Math.max(1, Math.round(runs * FUZZ_SCALE));
  try {
    fc.assert(fc.property(arbitrary, (value) => {
      counter.cases++;
      predicate(value);
    }), { seed, numRuns, endOnFailure: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.stack ?? error.cause.message}` : '';
    throw new Error(`property "${name}" failed with FUZZ_SEED=${FUZZ_SEED} (property seed ${seed}); replay: FUZZ_SEED=${FUZZ_SEED} npm run test:fuzz\n${message}${cause}`);
  }
}

function deriveSeed(name: string): number {
  let hash = FUZZ_SEED | 0;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x9e3779b1) | 0;
  return hash;
}

// ---------------------------------------------------------------- raw text

/** Any UTF-16 string, lone surrogates included; short, since cost grows with length. */
export const anyString = fc.string({ unit: 'binary', maxLength: 200 });

/** Strings over the characters that matter to the lexer, so structure appears by chance. */
const LEXICAL_CHARS = ['[', ']', '=', '%', '(', ')', '$', '@', '#', ';', ' ', '\t', '\n', '\r', '\r\n', ':', '/', 'a', 'k', 'x', '-', '_', '0', '1', '\0', '\uFEFF', '😀', 'é'];
export const lexicalString = fc.array(fc.constantFrom(...LEXICAL_CHARS), { maxLength: 160 }).map((parts) => parts.join(''));

/** Random bytes decoded as UTF-8: invalid sequences become U+FFFD, as an editor would show them. */
export const bytesAsUtf8 = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('utf8'));

// ---------------------------------------------------------------- grammar-aware configs

const OPTION_NAMES = allOptions('2.1').map((o) => o.name);
const PHASE_NAMES = allPhases().map((p) => p.name);
const ACTION_NAMES = allActions().map((a) => a.name);
const LOGIC_KEYS = ['if-env', 'if-not-env', 'if-exists', 'if-not-exists', 'if-file', 'if-not-file', 'if-dir', 'if-not-dir', 'if-opt', 'if-not-opt',
  'if-reload', 'if-hostname', 'for', 'for-glob', 'for-times', 'for-readline', 'endif', 'endfor', 'end', 'endif-env', 'endfor-glob'];
const HOOK_FAMILIES = ['hook', 'exec', 'call', 'mount', 'umount'];
const SECTION_NAMES = ['uwsgi', 'uwsgi', 'uwsgi', 'prod', 'dev', 'common', '', 'a b', 'uwsgi:x', '😀'];
const WORDS = ['true', 'false', '1', '0', '/srv/app', 'app.wsgi:application', '127.0.0.1:8000', ':9090', 'www-data', 'python3', '%d', '%n', '%p',
  '%%', '%x', '%', '%k', 'a,b', '-1', '99999999999999999999', '0o777', '777', '', ' ', 'é', '𝄞', '\t', 'x y', '"quoted"', "'single'", '\\'];
const IDENTIFIERS = ['name', 'base', 'port', 'home', 'app', '_', 'x', 'PATH', 'HOME', 'a+1', 'port+1', 'a*b', 'x.y', ''];

const placeholder = fc.constantFrom(...IDENTIFIERS).map((name) => `%(${name})`);
const environment = fc.constantFrom(...IDENTIFIERS).map((name) => `$(${name})`);
const reference = fc.constantFrom('exec://touch /tmp/uwsgi-fuzz', 'sym://x', 'http://127.0.0.1:1/x', 'file.txt', '', 'fd://3', 'data://0', 'call://f')
  .map((target) => `@(${target})`);
const unclosed = fc.constantFrom('%(', '$(', '@(', '%(name', '$(HOME', '@(exec://x', '(', ')', '%()', '%)');
const hookAction = fc.tuple(fc.constantFrom(...ACTION_NAMES, 'exec', 'mkdir', 'nope', ''), fc.constantFrom(...WORDS)).map(([a, w]) => `${a}:${w}`);
const comment = fc.constantFrom(' # comment', ' ; note', '#', ';', ' #', '');

export const valueText: fc.Arbitrary<string> = fc
  .array(fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: placeholder },
    { weight: 1, arbitrary: environment },
    { weight: 1, arbitrary: reference },
    { weight: 1, arbitrary: unclosed },
    { weight: 1, arbitrary: hookAction },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  ), { maxLength: 5 })
  .chain((parts) => fc.tuple(fc.constant(parts.join('')), comment).map(([v, c]) => v + c));

const optionKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...OPTION_NAMES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOOK_FAMILIES), fc.constantFrom(...PHASE_NAMES, 'nowhere')).map(([f, p]) => `${f}-${p}`) },
  { weight: 2, arbitrary: fc.constantFrom(...LOGIC_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...IDENTIFIERS) },
  { weight: 1, arbitrary: fc.constantFrom('vaccum', 'mastr', 'socket ', ' module', '', 'ini', 'include', 'inherit', 'set', 'set-ph', 'set-placeholder', 'declare-option') },
);

const spaces = fc.constantFrom('', ' ', '  ', '\t', ' \t');

const entryLine = fc.tuple(spaces, optionKey, spaces, fc.constantFrom('=', '=', '=', '', '==', ' = '), spaces, valueText, spaces)
  .map(([a, key, b, eq, c, value, d]) => `${a}${key}${b}${eq}${c}${value}${d}`);
const hookLine = fc.tuple(fc.constantFrom(...PHASE_NAMES), hookAction).map(([phase, action]) => `hook-${phase} = ${action}`);
const sectionLine = fc.tuple(spaces, fc.constantFrom(...SECTION_NAMES), fc.constantFrom(']', ']', '', ' ]', ']x', ']]'))
  .map(([a, name, close]) => `${a}[${name}${close}`);
const commentLine = fc.tuple(spaces, fc.constantFrom('#', ';', '# uwsgi-ini: disable-next-line unknown-option', '#!', '##'), fc.constantFrom('', ' text', ' = x', ' [uwsgi]'))
  .map(([a, m, t]) => `${a}${m}${t}`);
const oddLine = fc.oneof(
  fc.constantFrom('', ' ', '\t', '[', ']', '=', '%', '%(', '\0', '\uFEFF', '😀', '\uD800', 'a\0=b', '= value only', 'key only', '%(name)=x'),
  fc.string({ maxLength: 12 }),
);

const line = fc.oneof(
  { weight: 8, arbitrary: entryLine },
  { weight: 2, arbitrary: hookLine },
  { weight: 2, arbitrary: sectionLine },
  { weight: 1, arbitrary: commentLine },
  { weight: 1, arbitrary: oddLine },
);

const lineEnding = fc.oneof({ weight: 8, arbitrary: fc.constant('\n') }, { weight: 3, arbitrary: fc.constant('\r\n') },
  { weight: 1, arbitrary: fc.constant('\r') }, { weight: 1, arbitrary: fc.constant('%\n') }, { weight: 1, arbitrary: fc.constant('%\r\n') });

/** A uWSGI-ish config: sections, registry keys, hooks, placeholders, logic blocks, mixed line endings. */
export const grammarConfig: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.boolean(),
    fc.array(fc.tuple(line, lineEnding), { minLength: 0, maxLength: 30 }),
    fc.constantFrom('', '\n', '\r\n', '%'),
  )
  .map(([bom, header, lines, tail]) => (bom ? '\uFEFF' : '') + (header ? '[uwsgi]\n' : '') + lines.map(([l, e]) => l + e).join('') + tail);

// ---------------------------------------------------------------- corpus mutations

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus/files');

let corpusCache: string[] | undefined;

/** The corpus texts, or none when ../shared is not beside the checkout (a user's clone). */
export function corpusTexts(): string[] {
  if (corpusCache) return corpusCache;
  corpusCache = [];
  if (!fs.existsSync(CORPUS_DIR)) return corpusCache;
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && fs.statSync(full).size < 64 * 1024) corpusCache!.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(CORPUS_DIR);
  return corpusCache;
}

type Mutation = (lines: string[], index: number, other: number) => string[];

const INSERTS = ['%(', '[', '=', '\0', '\r', '%', '@(', '$(', '[uwsgi]', 'endif', 'if-env = X', 'for = a b', '\uFEFF', '😀', '\uDC00'];

const MUTATIONS: Mutation[] = [
  (lines, i) => lines.filter((_, j) => j !== i),
  (lines, i) => [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)],
  (lines, i, j) => {
    const copy = [...lines];
    [copy[i], copy[j]] = [copy[j] ?? '', copy[i] ?? ''];
    return copy;
  },
];

/** A corpus file with a few line edits and character insertions. */
export function corpusMutation(texts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat({ max: texts.length - 1 }),
      fc.array(fc.tuple(fc.nat({ max: MUTATIONS.length + INSERTS.length - 1 }), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
    )
    .map(([fileIndex, edits]) => {
      let lines = texts[fileIndex]!.split('\n');
      for (const [kind, a, b, c] of edits) {
        if (lines.length === 0) lines = [''];
        const i = a % lines.length;
        const j = b % lines.length;
        if (kind < MUTATIONS.length) {
          lines = MUTATIONS[kind]!(lines, i, j);
        } else {
          const insert = INSERTS[kind - MUTATIONS.length]!;
          const target = lines[i]!;
          const at = c % (target.length + 1);
          lines[i] = target.slice(0, at) + insert + target.slice(at);
        }
      }
      return lines.join('\n');
    });
}

// ---------------------------------------------------------------- amplification

const AMPLIFIED_NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];
const amplifiedUse = fc.constantFrom(...AMPLIFIED_NAMES).map((name) => `%(${name})`);
const amplifiedValue = fc.tuple(fc.array(amplifiedUse, { minLength: 1, maxLength: 12 }), fc.constantFrom('', 'x', '/srv', 'yyyyyyyyyyyyyyyy'))
  .map(([uses, literal]) => uses.join('') + literal);
const amplifiedLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...AMPLIFIED_NAMES), amplifiedValue).map(([name, value]) => `${name} = ${value}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('socket', 'chdir', 'uid', 'pidfile', 'logto', 'set-ph = z'), amplifiedValue).map(([key, value]) => `${key} = ${value}`) },
  { weight: 3, arbitrary: fc.constantFrom(...AMPLIFIED_NAMES).map((name) => `ini = :${name}`) },
  { weight: 2, arbitrary: fc.constantFrom(...AMPLIFIED_NAMES, 'uwsgi').map((name) => `[${name}]`) },
);

/**
 * Small documents built to multiply work: placeholders that use each other many times and
 * sections that pull each other, at most 4 KB (issue 13).
 */
export const amplifyingConfig: fc.Arbitrary<string> = fc
  .array(amplifiedLine, { minLength: 1, maxLength: 120 })
  .map((lines) => `[uwsgi]\n${lines.join('\n')}\n`.slice(0, 4096));
