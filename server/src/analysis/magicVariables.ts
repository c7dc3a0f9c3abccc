// uWSGI's `%X` magic variables (SEMANTICS.md §8): what each one means and, for the variables that
// depend only on where the config file lives, what it expands to for the document being edited.
// Shared by completion, hover and inlay hints so the three always agree. Pure: the file path comes
// from the document uri, never from the file system.
import { uriToPath } from './fileSystem';

/** Where the edited file lives, as uWSGI would see it when started with this path. */
export interface ConfigFileLocation {
  /** Absolute path (`%p`). */
  readonly path: string;
  /** Directory with a trailing slash (`%d`). */
  readonly directory: string;
  /** Last path component (`%s`). */
  readonly fileName: string;
  /** File name without its last extension (`%n`). */
  readonly baseName: string;
  /** Text after the last `.` of the file name, `""` without one (`%e`). */
  readonly extension: string;
  /** Name of the directory holding the file (`%c`). */
  readonly directoryName: string;
  /** Components of the directory path counted from the root (`%0`..`%9`). */
  readonly components: readonly string[];
}

/** Where a `file:` uri points, or undefined for any other scheme (untitled buffers, remote files). */
export function locationOfUri(uri: string): ConfigFileLocation | undefined {
  const path = uriToPath(uri);
  return path === undefined ? undefined : locationOfPath(path);
}

/** The magic-variable view of a config file's absolute path. */
export function locationOfPath(path: string): ConfigFileLocation | undefined {
  const slash = path.lastIndexOf('/');
  if (slash < 0 || slash === path.length - 1) return undefined;
  const directory = path.slice(0, slash + 1);
  const fileName = path.slice(slash + 1);
  const dot = fileName.lastIndexOf('.');
  const components = directory.split('/').filter((part) => part !== '');
  return {
    path,
    directory,
    fileName,
    baseName: dot < 0 ? fileName : fileName.slice(0, dot),
    extension: dot < 0 ? '' : fileName.slice(dot + 1),
    directoryName: components[components.length - 1] ?? '',
    components,
  };
}

export interface MagicVariable {
  /** The character after `%`. */
  readonly name: string;
  /** What it stands for, in a sentence fragment that reads after "`%d` is". */
  readonly meaning: string;
  /** Its value for a file at `location`; undefined when it depends on the machine or the command line. */
  value?(location: ConfigFileLocation): string;
}

const DIGITS = '0123456789';

/**
 * Every variable uWSGI fills in, in the order a completion list shows them: the file-derived
 * ones first, since they are what configs use. Anything else after `%` expands to nothing.
 */
export const MAGIC_VARIABLES: readonly MagicVariable[] = [
  { name: 'd', meaning: 'the directory of this config file, with a trailing slash (so `%dapp` is right and `%d/app` doubles the slash)', value: (l) => l.directory },
  { name: 'p', meaning: 'the absolute path of this config file', value: (l) => l.path },
  { name: 's', meaning: 'the file name of this config file', value: (l) => l.fileName },
  { name: 'n', meaning: 'the file name of this config file without its extension', value: (l) => l.baseName },
  { name: 'e', meaning: 'the extension of this config file (the text after the last `.`), empty without one', value: (l) => l.extension },
  { name: 'c', meaning: 'the name of the directory that holds this config file', value: (l) => l.directoryName },
  ...[...DIGITS].map((digit, index): MagicVariable => ({
    name: digit,
    meaning: `component number ${index} of this file's directory path, counted from the root from 0 (empty when the path is shorter)`,
    value: (l) => l.components[index] ?? '',
  })),
  { name: 'o', meaning: 'the config path exactly as it was given to uWSGI (relative or absolute, without a `:section` suffix)' },
  { name: 'x', meaning: 'the section requested with `file.ini:section`, empty when the command line names none' },
  { name: 'i', meaning: 'the inode number of this config file on the machine running uWSGI' },
  { name: 'j', meaning: 'a hash of the config path: 8 upper-case hex digits' },
  { name: 'v', meaning: 'the working directory uWSGI was started in' },
  { name: 'h', meaning: 'the hostname of the machine running uWSGI' },
  { name: 'k', meaning: 'the number of CPU cores uWSGI detects' },
  { name: 'u', meaning: 'the uid uWSGI runs as while reading the file' },
  { name: 'U', meaning: 'the user name uWSGI runs as while reading the file (the uid when it has no name)' },
  { name: 'g', meaning: 'the gid uWSGI runs as while reading the file' },
  { name: 'G', meaning: 'the group name uWSGI runs as while reading the file (the gid when it has no name)' },
  { name: 't', meaning: 'the Unix time of the start, in seconds' },
  { name: 'T', meaning: 'the Unix time of the start, in microseconds' },
  { name: 'V', meaning: 'the version of the uWSGI binary' },
  { name: 'b', meaning: 'the path of the uwsgi binary' },
  ...['O', 'P', 'S', 'D', 'C', 'E', 'N', 'X', 'I', 'J'].map((upper): MagicVariable => ({
    name: upper,
    meaning: `like \`%${upper.toLowerCase()}\`, but for the first config file given with \`--ini\` (or \`ini =\`, \`--yaml\`...); empty when the files were loaded as bare arguments or with \`include\``,
  })),
  { name: '%', meaning: 'a literal `%`', value: () => '%' },
  { name: '[', meaning: 'the escape character (ESC), to start an ANSI colour sequence', value: () => '\u001b' },
];

const BY_NAME = new Map(MAGIC_VARIABLES.map((v) => [v.name, v]));

export function magicVariable(name: string): MagicVariable | undefined {
  return BY_NAME.get(name);
}

/**
 * `%X` as uWSGI expands it for a file at `location`: a variable that depends on the machine or the
 * command line gives undefined, a character with no variable expands to nothing.
 */
export function magicValue(name: string, location: ConfigFileLocation | undefined): string | undefined {
  if (name === '\n') return '';
  const variable = BY_NAME.get(name);
  if (!variable) return '';
  if (!variable.value) return undefined;
  if (!location && name !== '%' && name !== '[') return undefined;
  return variable.value(location!);
}

/**
 * Expands every `%X` of `text` (leaving `%(` alone, as uWSGI does); undefined as soon as one
 * variable cannot be known here.
 */
export function expandMagic(text: string, location: ConfigFileLocation | undefined): string | undefined {
  if (!text.includes('%')) return text;
  let result = '';
  let from = 0;
  for (let i = text.indexOf('%'); i >= 0 && i < text.length - 1; i = text.indexOf('%', i)) {
    const next = text[i + 1]!;
    if (next === '(') {
      i += 2;
      continue;
    }
    const value = magicValue(next, location);
    if (value === undefined) return undefined;
    result += text.slice(from, i) + value;
    i += 2;
    from = i;
  }
  return result + text.slice(from);
}
