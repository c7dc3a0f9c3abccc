import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../service/languageService';
import { SEVERITIES, SeveritySetting } from '../service/settings';
import { errorText } from '../service/errors';
import { listActions, listOptions, listPhases } from '../registry/listing';
import { fileUri } from './sarif';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { CliSettings } from './projectSettings';
import { runShowConfig, SHOW_CONFIG_USAGE } from './showConfig';
import { FixLevel } from '../service/fixAll';
import { unifiedDiff } from './diff';
import { BaselineFile, baselineName, buildBaseline, parseBaseline, serializeBaseline, subtractBaseline } from './baseline';
import { FORMATTERS } from './formats';
import { countSeverities } from './text';
import { LintResult, plural, visible } from './result';
import { rulePage, unknownRuleMessage } from './explain';
import { VERSION } from '../version';

export { visible, severityLabel } from './result';

const USAGE = `Usage: uwsgi-ini-lint [options] <files, directories or globs...>

Checks uWSGI ini files the way uWSGI reads them. Directories are searched for *.ini files that
have a [uwsgi] section; "-" reads standard input.

Options:
  --format FORMAT            text (default), json, sarif or github; json gives 1-based
                             line/column and the 0-based LSP range of each diagnostic;
                             github prints GitHub Actions workflow commands (annotations)
  --fix                      apply the safe fixes (the preferred fix of each finding that
                             cannot change what uWSGI does beyond the evident intent) and
                             report what is left; standard input is written to stdout
  --unsafe-fixes             with --fix or --diff: apply the unsafe fixes too (they change
                             behaviour: vacuum, a privilege drop, a "2" variant...)
  --diff                     print the fixes as a unified diff instead of writing them;
                             exit 1 when a file would change
  --baseline FILE            report only findings that FILE does not list (JSON, see README)
  --update-baseline          write the current findings to the --baseline FILE, then exit
  --strict                   check as 'uwsgi --strict' would: unknown options are errors
  --plugins a,b              plugins the uWSGI binary loads besides those the files name
  --uwsgi-version 2.0|2.1    uWSGI version to check against (default: 2.0)
  --section NAME             section to check (default: uwsgi)
  --placeholders a,b         placeholder names the command line, environment or emperor supplies
  --placeholder NAME         the same for one name (repeatable)
  --rule ID=SEVERITY         off|hint|information|warning|error for one rule (repeatable)
  --print-settings FILE      print the settings FILE is checked with and where each comes
                             from (with --format json: as JSON), then exit
  --max-warnings N           exit 1 when there are more than N warnings
  --no-color                 plain text output
${SHOW_CONFIG_USAGE}
  --list-options             print every option uWSGI knows, then exit
  --list-phases              print every hook phase, then exit
  --list-actions             print every hook action, then exit
  --list-rules               print every rule with its default severity, then exit
  --explain RULE             print the documentation page of a rule, then exit
  -h, --help                 show this help
  -v, --version              show the version

Settings files: [tool.uwsgi-ini] in pyproject.toml, or the same keys at the top level of a
.uwsgi-ini.toml, in the checked file's folder or above (the nearest wins, key by key; a file
with root = true ends the search), then $XDG_CONFIG_HOME/uwsgi-ini/config.toml. Keys:
uwsgi-version, plugins, strict, section, placeholders, rules (id = severity), exclude (globs),
root, and [[tool.uwsgi-ini.overrides]] tables with files = [globs] and the keys to change for
them. Standard input gets the settings of the current folder. Flags win over settings files.
A settings file with an error is reported on stderr with its line and column, and the status
is 2.

Files and standard input larger than 64 MB, binary files (with NUL bytes) and file names that
are not valid UTF-8 are reported on stderr and not checked. Control characters in names and
messages are printed escaped (\\x1b, \\n).

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage error, unreadable input or
output that cannot be written. The status is the same when the reader stops early (| head).`;

/** Bigger files are reported instead of read: nobody writes a 64 MB ini file on purpose. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Rejects once more than maxBytes arrive, without keeping them. */
  readStdin: (maxBytes: number) => Promise<string | Buffer>;
  isTTY: boolean;
  cwd: string;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: (maxBytes) =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let length = 0;
      const onData = (chunk: Buffer): void => {
        length += chunk.length;
        if (length <= maxBytes) {
          chunks.push(chunk);
          return;
        }
        // An endless stream (/dev/zero) must not grow the heap: stop reading and let the chunks go.
        chunks.length = 0;
        process.stdin.off('data', onData);
        process.stdin.destroy();
        reject(new NotChecked(tooLarge()));
      };
      process.stdin.on('data', onData);
      process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
      process.stdin.on('error', reject);
    }),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
};

interface CliOptions {
  format: 'text' | 'json' | 'sarif' | 'github';
  fix: FixLevel | undefined;
  unsafeFixes: boolean;
  diff: boolean;
  baseline: string | undefined;
  updateBaseline: boolean;
  explain: string | undefined;
  strict: boolean | undefined;
  plugins: string[] | undefined;
  version: '2.0' | '2.1' | undefined;
  section: string | undefined;
  placeholders: string[];
  rules: Record<string, SeveritySetting>;
  maxWarnings: number | undefined;
  color: boolean;
  inputs: string[];
  list: 'options' | 'phases' | 'actions' | 'rules' | undefined;
  printSettings: string | undefined;
  help: boolean;
  showVersion: boolean;
}

class UsageError extends Error {}

/** Input that was read, or could have been, but is not something to check. */
class NotChecked extends Error {}

const tooLarge = (): string => `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, not checked`;

/** The text of an input, unless it is too big or binary: an executable would give pages of "warnings". */
function inputText(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (bytes.length > MAX_FILE_BYTES) throw new NotChecked(tooLarge());
  if (bytes.includes(0)) throw new NotChecked('binary file, not checked');
  return bytes.toString('utf8');
}

/** `a, b,,c` as `['a', 'b', 'c']`. */
function commaList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function parseArguments(argv: string[], io: CliIo): CliOptions {
  const options: CliOptions = {
    format: 'text', fix: undefined, unsafeFixes: false, diff: false, baseline: undefined, updateBaseline: false, explain: undefined, strict: undefined, plugins: undefined, version: undefined, section: undefined, placeholders: [], rules: {},
    maxWarnings: undefined, color: io.isTTY && !process.env['NO_COLOR'], inputs: [], list: undefined, printSettings: undefined, help: false, showVersion: false,
  };
  const valueOf = (flag: string, inline: string | undefined, index: number): [string, number] => {
    if (inline !== undefined) return [inline, index];
    const next = argv[index + 1];
    if (next === undefined) throw new UsageError(`${flag} needs a value`);
    return [next, index + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      options.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    let value: string;
    switch (flag) {
      case '--format':
        [value, i] = valueOf(flag, inline, i);
        if (value !== 'text' && value !== 'json' && value !== 'sarif' && value !== 'github') throw new UsageError(`--format must be text, json, sarif or github, not "${value}"`);
        options.format = value;
        break;
      case '--strict':
        options.strict = true;
        break;
      case '--fix':
        options.fix = 'safe';
        break;
      case '--unsafe-fixes':
        options.unsafeFixes = true;
        break;
      case '--diff':
        options.diff = true;
        break;
      case '--baseline':
        [value, i] = valueOf(flag, inline, i);
        if (value === '') throw new UsageError('--baseline needs a file name');
        options.baseline = value;
        break;
      case '--update-baseline':
        options.updateBaseline = true;
        break;
      case '--explain':
        [value, i] = valueOf(flag, inline, i);
        options.explain = value;
        break;
      case '--plugins':
        [value, i] = valueOf(flag, inline, i);
        (options.plugins ??= []).push(...commaList(value));
        break;
      case '--uwsgi-version':
        [value, i] = valueOf(flag, inline, i);
        if (value !== '2.0' && value !== '2.1') throw new UsageError(`--uwsgi-version must be 2.0 or 2.1, not "${value}"`);
        options.version = value;
        break;
      case '--section':
        [value, i] = valueOf(flag, inline, i);
        if (value === '') throw new UsageError('--section needs a name');
        options.section = value;
        break;
      case '--placeholders':
        [value, i] = valueOf(flag, inline, i);
        options.placeholders.push(...commaList(value));
        break;
      case '--placeholder':
        [value, i] = valueOf(flag, inline, i);
        if (value.trim() === '') throw new UsageError('--placeholder needs a name');
        options.placeholders.push(value.trim());
        break;
      case '--rule': {
        [value, i] = valueOf(flag, inline, i);
        const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(value);
        if (!match || !(SEVERITIES as readonly string[]).includes(match[2]!)) throw new UsageError(`--rule takes ID=SEVERITY with SEVERITY one of ${SEVERITIES.join('|')}, not "${value}"`);
        options.rules[match[1]!] = match[2] as SeveritySetting;
        break;
      }
      case '--max-warnings': {
        [value, i] = valueOf(flag, inline, i);
        const count = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(count)) throw new UsageError(`--max-warnings takes a whole number, not "${value}"`);
        options.maxWarnings = count;
        break;
      }
      case '--print-settings':
        [options.printSettings, i] = valueOf(flag, inline, i);
        break;
      case '--no-color':
        options.color = false;
        break;
      case '--color':
        options.color = true;
        break;
      case '--list-options':
        options.list = 'options';
        break;
      case '--list-phases':
        options.list = 'phases';
        break;
      case '--list-actions':
        options.list = 'actions';
        break;
      case '--list-rules':
        options.list = 'rules';
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.showVersion = true;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (options.unsafeFixes && !options.diff) options.fix = 'unsafe';
  if (options.diff) options.fix = options.unsafeFixes ? 'unsafe' : 'safe';
  if (options.updateBaseline && options.baseline === undefined) throw new UsageError('--update-baseline needs --baseline FILE');
  if (options.diff && options.updateBaseline) throw new UsageError('--diff and --update-baseline do not go together');
  return options;
}

/** Runs the linter; resolves to the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const say = (line: string): void => io.stderr(`uwsgi-ini-lint: ${visible(line)}\n`);
  if (argv.some((arg) => arg === '--show-config' || arg.startsWith('--show-config='))) {
    return runShowConfig(argv, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd, env: process.env });
  }
  let options: CliOptions;
  try {
    options = parseArguments(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      say(`${error.message} (see --help)`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.showVersion) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const settings = new CliSettings({
    version: options.version,
    plugins: options.plugins,
    strict: options.strict,
    section: options.section,
    placeholders: options.placeholders.length > 0 ? options.placeholders : undefined,
    diagnostics: options.rules,
  }, io.cwd);
  const service = getLanguageService(undefined, { fileSystem: nodeFileSystem, documentSettings: settings });
  if (options.explain !== undefined) {
    const page = rulePage(options.explain);
    if (page === undefined) {
      say(unknownRuleMessage(options.explain, service.rules.map((rule) => rule.id)));
      return 2;
    }
    io.stdout(page);
    return 0;
  }
  if (options.list) {
    const lines =
      options.list === 'options' ? listOptions()
        : options.list === 'phases' ? listPhases()
          : options.list === 'actions' ? listActions()
            : service.rules.map((rule) => `${rule.id}\t${rule.defaultSeverity}\t${rule.title}`);
    io.stdout(lines.map((line) => `${line}\n`).join(''));
    return 0;
  }
  if (options.printSettings !== undefined) {
    io.stdout(settings.print(options.printSettings, options.format));
    return settings.reportProblems(say) ? 2 : 0;
  }
  if (options.inputs.length === 0) {
    say('no input files (see --help)');
    return 2;
  }
  const unknownRules = Object.keys(options.rules).filter((id) => !service.rules.some((rule) => rule.id === id));
  if (unknownRules.length > 0) {
    say(`unknown rule ${unknownRules.join(', ')} (see --list-rules)`);
    return 2;
  }

  let baseline: BaselineFile | undefined;
  if (options.baseline !== undefined && !options.updateBaseline) {
    try {
      baseline = parseBaseline(fs.readFileSync(path.resolve(io.cwd, options.baseline), 'utf8'));
    } catch (error) {
      say(`baseline ${options.baseline}: ${describeError(error)}`);
      return 2;
    }
  }

  let inputProblem = false;
  const results: LintResult[] = [];
  let diffs = '';
  let fixedText: string | undefined;
  const fixLevel = options.fix;
  const lint = (file: string, content: string | Buffer, uri: string, write?: (text: string) => void): void => {
    const text = inputText(content);
    const parsed = service.parse(TextDocument.create(uri, 'uwsgi-ini', 1, text));
    if (fixLevel === undefined) {
      results.push({ file, text, diagnostics: service.doValidation(parsed), fixed: 0 });
      return;
    }
    const result = service.fixAll(parsed, fixLevel);
    // Bytes that are not UTF-8 would be written back as U+FFFD: such a file is checked, never fixed.
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    if (result.text === text || !isUtf8(bytes)) {
      if (result.text !== text) {
        say(`${file}: not valid UTF-8, not fixed`);
        // Standard input would come back changed, or not at all: a failure, said as one.
        if (!write && !options.diff) inputProblem = true;
      } else if (!write && !options.diff) {
        // Fixed standard input is the output even when nothing needed fixing.
        fixedText = text;
      }
      results.push({ file, text, diagnostics: result.text === text && result.diagnostics ? result.diagnostics : service.doValidation(parsed), fixed: 0 });
      return;
    }
    if (!result.converged) say(`${file}: fixes did not settle after ${result.rounds} rounds; the file is written as the last round left it`);
    const fixed = result.applied.length;
    if (options.diff) {
      // The diff is the whole output: the findings are not reported.
      diffs += unifiedDiff(text, result.text, file, visible);
      results.push({ file, text, diagnostics: [], fixed });
      return;
    }
    if (write) write(result.text);
    else fixedText = result.text;
    const diagnostics = result.diagnostics ?? service.doValidation(service.parse(TextDocument.create(uri, 'uwsgi-ini', 2, result.text)));
    results.push({ file, text: result.text, diagnostics, fixed });
  };
  const problem = (subject: string, error: unknown): void => {
    say(`${subject}: ${describeError(error)}`);
    inputProblem = true;
  };
  for (const input of options.inputs) {
    if (input === '-') {
      try {
        lint('-', await io.readStdin(MAX_FILE_BYTES), 'untitled:stdin');
      } catch (error) {
        problem('standard input', error);
      }
      continue;
    }
    let files: string[];
    try {
      files = expandInput(input, io.cwd, (name, reason) => problem(name, new Error(reason)));
    } catch (error) {
      problem(input, error);
      continue;
    }
    for (const file of files) {
      const absolute = path.resolve(io.cwd, file);
      try {
        const stat = fs.statSync(absolute);
        if (!stat.isFile()) throw new Error(stat.isDirectory() ? 'is a directory' : 'not a regular file');
        if (stat.size > MAX_FILE_BYTES) throw new NotChecked(tooLarge());
        if (settings.isExcluded(absolute)) continue;
        lint(file, fs.readFileSync(absolute), fileUri(absolute), (text) => fs.writeFileSync(absolute, text, 'utf8'));
      } catch (error) {
        problem(file, error);
      }
    }
  }

  if (settings.reportProblems(say)) inputProblem = true;
  if (options.diff) {
    io.stdout(diffs);
    if (inputProblem) return 2;
    return diffs === '' ? 0 : 1;
  }
  if (options.updateBaseline && options.baseline !== undefined) {
    const name = (file: string): string => baselineName(file, io.cwd, options.baseline!);
    const written = buildBaseline(results, name);
    try {
      fs.writeFileSync(path.resolve(io.cwd, options.baseline), serializeBaseline(written));
    } catch (error) {
      say(`baseline ${options.baseline}: ${describeError(error)}`);
      return 2;
    }
    const total = written.findings.reduce((sum, entry) => sum + entry.count, 0);
    io.stderr(`uwsgi-ini-lint: ${visible(options.baseline)}: wrote ${plural(total, 'finding')} of ${plural(results.length, 'file')}\n`);
    return inputProblem ? 2 : 0;
  }
  let known = 0;
  let shown = results;
  if (baseline) {
    const name = (file: string): string => baselineName(file, io.cwd, options.baseline!);
    ({ results: shown, known } = subtractBaseline(results, baseline, name));
  }
  // Standard input fixed goes to stdout as the fixed text: the report goes to stderr.
  const report = fixedText !== undefined ? io.stderr : io.stdout;
  if (fixedText !== undefined) io.stdout(fixedText);
  const counts = countSeverities(shown);
  // Nothing checked: a summary of zero files would only hide the messages above it.
  if (options.format !== 'text' || results.length > 0 || !inputProblem) {
    report(FORMATTERS[options.format](shown, { all: results, rules: service.rules, cwd: io.cwd, color: options.color, fixing: fixLevel !== undefined, known }));
  }
  if (inputProblem) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    if (options.format === 'text') say(`${plural(counts.warning, 'warning')}, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'ELOOP') return 'too many symbolic links';
    if (code === 'ENOSPC') return 'no space left on device';
  }
  return errorText(error, false);
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_DIRECTORY_DEPTH = 32;

/** Reports a name found while searching that could not be looked at; the search goes on. */
type Unreadable = (name: string, reason: string) => void;

/** A file, the uWSGI ini files below a directory, or the files a glob matches; sorted for stable output. */
function expandInput(input: string, cwd: string, unreadable: Unreadable): string[] {
  if (/[*?[]/.test(input) && !fs.existsSync(path.resolve(cwd, input))) return expandGlob(input, cwd, unreadable);
  const absolute = path.resolve(cwd, input);
  const stat = fs.statSync(absolute);
  if (!stat.isDirectory()) return [input];
  const found: string[] = [];
  let reported = false;
  const shown = (file: string): string => path.join(input, path.relative(absolute, file));
  walk(absolute, {
    maxDepth: MAX_DIRECTORY_DEPTH,
    visit: (file) => {
      if (file.endsWith('.ini') && hasUwsgiSection(file)) found.push(shown(file));
    },
    skipped: (file, reason, wanted) => {
      if (wanted !== undefined && !wanted.endsWith('.ini')) return;
      reported = true;
      unreadable(shown(file), reason);
    },
  });
  // A directory named on the command line that yields nothing is almost surely a wrong argument.
  if (found.length === 0 && !reported) throw new Error('is a directory with no uWSGI ini files (*.ini with a [uwsgi] section) in it');
  return found.sort();
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Buffer): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A name as the bytes it is made of: every byte outside ASCII as \xNN. */
function bytesShown(name: Buffer): string {
  return Array.from(name, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`)).join('');
}

interface Walk {
  /** How many directories down files may be wanted: a glob without `**` has a fixed depth. */
  readonly maxDepth: number;
  readonly visit: (file: string) => void;
  /**
   * What could not be looked at, with `wanted` (the name with U+FFFD for the bytes that are not
   * UTF-8) for a file the caller may want, undefined for a directory that could not be searched.
   */
  readonly skipped: (file: string, reason: string, wanted?: string) => void;
}

/** Calls `visit` for each regular file below `directory`, down to `maxDepth`. */
function walk(directory: string, walker: Walk, depth = 0): void {
  if (depth > walker.maxDepth) return;
  const { visit, skipped } = walker;
  const descend = depth < walker.maxDepth;
  let entries: fs.Dirent<Buffer>[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    skipped(directory, `cannot search this directory: ${describeError(error)}`);
    return;
  }
  for (const entry of entries) {
    let name: string;
    try {
      name = STRICT_UTF8.decode(entry.name);
    } catch {
      // Node would decode it lossily and then fail to open the file under the changed name.
      const shown = path.join(directory, bytesShown(entry.name));
      if (entry.isDirectory() && descend) skipped(shown, 'directory name is not valid UTF-8, not searched');
      else if (entry.isFile()) skipped(shown, 'file name is not valid UTF-8, not checked', path.join(directory, entry.name.toString('utf8')));
      continue;
    }
    const full = path.join(directory, name);
    if (entry.isDirectory()) {
      if (descend && !SKIPPED_DIRECTORIES.has(name)) walk(full, walker, depth + 1);
    } else if (entry.isFile()) {
      visit(full);
    }
  }
}

function hasUwsgiSection(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return false;
    return /^[ \t]*\[uwsgi\][ \t\r]*$/m.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        pattern += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else {
        pattern += '[^/]*';
      }
    } else if (char === '?') {
      pattern += '[^/]';
    } else {
      pattern += char.replace(/[.+^${}()|\\\]\[]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}

function expandGlob(glob: string, cwd: string, unreadable: Unreadable): string[] {
  const normalized = glob.split(path.sep).join('/');
  const parts = normalized.split('/');
  const staticParts: string[] = [];
  for (const part of parts) {
    if (/[*?[]/.test(part)) break;
    staticParts.push(part);
  }
  const base = staticParts.join('/') || '.';
  const absoluteBase = path.resolve(cwd, base);
  const matcher = globToRegExp(normalized.startsWith('./') ? normalized.slice(2) : normalized);
  // Matched and shown with forward slashes when relative, as the user wrote the glob.
  const candidate = (file: string): string => (path.isAbsolute(glob) ? file.split(path.sep).join('/') : path.relative(cwd, file).split(path.sep).join('/'));
  const shown = (file: string): string => (path.isAbsolute(glob) ? file : candidate(file));
  const found: string[] = [];
  let reported = false;
  // Directories below the base that a glob without `**` can reach: one per wildcard segment but the last.
  const below = parts.length - staticParts.length - 1;
  walk(absoluteBase, {
    maxDepth: parts.some((part) => part.includes('**')) ? MAX_DIRECTORY_DEPTH : Math.min(below, MAX_DIRECTORY_DEPTH),
    visit: (file) => {
      if (matcher.test(candidate(file))) found.push(shown(file));
    },
    skipped: (file, reason, wanted) => {
      if (wanted !== undefined && !matcher.test(candidate(wanted))) return;
      reported = true;
      unreadable(shown(file), reason);
    },
  });
  if (found.length === 0 && !reported) throw new Error('no files match');
  return found.sort();
}

/** The process entry point: whatever happens to the output, the run ends with a status, not a stack trace. */
export function main(argv: string[] = process.argv.slice(2)): void {
  let output: 'open' | 'closed' | 'failed' = 'open';
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (output !== 'open') return;
    // A reader that stops early (`| head`) is not an error: the status still reports the findings.
    if (error.code === 'EPIPE') {
      output = 'closed';
      return;
    }
    output = 'failed';
    process.stderr.write(`uwsgi-ini-lint: cannot write the output: ${describeError(error)}\n`);
    process.exitCode = 2;
  });
  // Nowhere is left to say anything when stderr fails too.
  process.stderr.on('error', () => undefined);
  const io: CliIo = {
    ...defaultIo,
    stdout: (text) => {
      if (output === 'open') process.stdout.write(text);
    },
  };
  void runCli(argv, io).then((code) => {
    process.exitCode = output === 'failed' ? 2 : code;
  });
}
