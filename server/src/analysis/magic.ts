import { basename, dirname } from './fileSystem';

/**
 * Magic variables (SEMANTICS.md §8) that depend only on the config file's path and the section;
 * the others (`%h` hostname, `%t` time, `%k` cores, `%u` uid...) depend on the machine running
 * uWSGI and stay unknown (undefined).
 */
export function fileMagicVariables(path: string, section: string): Map<string, string> {
  const directory = dirname(path);
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const components = directory.split('/').filter((part) => part !== '');
  const vars = new Map<string, string>([
    ['p', path],
    ['s', name],
    ['d', directory.endsWith('/') ? directory : `${directory}/`],
    ['c', basename(directory)],
    ['e', dot >= 0 ? name.slice(dot + 1) : ''],
    ['n', dot >= 0 ? name.slice(0, dot) : name],
    ['x', section === 'uwsgi' ? '' : section],
    ['o', path],
    ['%', '%'],
  ]);
  for (let i = 0; i <= 9; i++) vars.set(String(i), components[i] ?? '');
  return vars;
}

/**
 * Expands `%X` like uWSGI's magic pass, or returns undefined when the text uses a variable that
 * only the running host knows. `%(` stays, for the placeholder pass.
 */
export function expandMagic(text: string, vars: ReadonlyMap<string, string>): string | undefined {
  if (!text.includes('%')) return text;
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char !== '%' || i + 1 >= text.length) {
      result += char;
      continue;
    }
    const next = text[i + 1]!;
    if (next === '(') {
      result += '%(';
      i++;
      continue;
    }
    const value = vars.get(next);
    if (value === undefined) {
      if (/[A-Za-z0-9[]/.test(next)) return undefined;
      // Any other byte has an empty table entry: uWSGI deletes both characters.
      i++;
      continue;
    }
    result += value;
    i++;
  }
  return result;
}
