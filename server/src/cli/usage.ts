// `uwsgi-ini-lint --help`: the options part is written from the option table (options.ts).
import { LINT_NAME } from '../version';
import { MAX_INPUT_BYTES } from './inputs';
import { OPTION_TABLE, OptionSpec } from './options';

const WIDTH = 96;
/** Where descriptions start: two spaces, the flag, at least two spaces. */
const DESCRIPTION_COLUMN = 29;

/** `-h, --help`, `--format FORMAT`. */
function flagText(spec: OptionSpec): string {
  return `${spec.short ? `-${spec.short}, ` : ''}--${spec.name}${spec.value ? ` ${spec.value}` : ''}`;
}

/** Words in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** One option of the help: its flag, then its description wrapped in the description column. */
export function optionHelp(spec: OptionSpec): string {
  const description = spec.repeatable ? `${spec.description} (repeatable)` : spec.description;
  const head = `  ${flagText(spec)}`;
  const [first = '', ...rest] = wrap(description, WIDTH - DESCRIPTION_COLUMN);
  const indent = ' '.repeat(DESCRIPTION_COLUMN);
  const start = head.length + 2 <= DESCRIPTION_COLUMN ? head.padEnd(DESCRIPTION_COLUMN) : `${head}  `;
  return [`${start}${first}`, ...rest.map((line) => `${indent}${line}`)].join('\n');
}

const megabytes = MAX_INPUT_BYTES / 1024 / 1024;

export const USAGE = `Usage: ${LINT_NAME} [options] <files, directories or globs...>

Checks uWSGI ini files the way uWSGI reads them. Directories are searched for *.ini files that
have the section checked ([uwsgi], or the one --section or a settings file names); "-" reads
standard input.

Options:
${OPTION_TABLE.filter((spec) => !spec.hidden).map(optionHelp).join('\n')}

Settings files: [tool.uwsgi-ini] in pyproject.toml, or the same keys at the top level of a
.uwsgi-ini.toml, in the checked file's folder or above (the nearest wins, key by key; a file
with root = true ends the search), then $XDG_CONFIG_HOME/uwsgi-ini/config.toml. Keys:
uwsgi-version, plugins, strict, section, placeholders, rules (id = severity), exclude (globs),
root, and [[tool.uwsgi-ini.overrides]] tables with files = [globs] and the keys to change for
them. Standard input gets the settings of the current folder. Flags win over settings files.
A settings file with an error is reported on stderr with its line and column, and the status
is 2.

Files and standard input larger than ${megabytes} MB, binary files (with NUL bytes) and file names that
are not valid UTF-8 are reported on stderr and not checked. Control characters in names and
messages are printed escaped (\\x1b, \\n).

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage error, unreadable input or
output that cannot be written. The status is the same when the reader stops early (| head).`;
