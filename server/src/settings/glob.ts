/**
 * The globs of `exclude` and `overrides.files`, matched against a path relative to the folder of
 * the settings file that wrote them, gitignore-style: a pattern without `/` matches a file or
 * folder name at any depth, one with `/` matches from that folder; a pattern matching a folder
 * matches everything in it. `*` and `?` stay within one name, `**` crosses folders.
 */
export function matchesGlob(pattern: string, relativePath: string): boolean {
  const cleaned = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  if (cleaned === '') return false;
  const names = relativePath.split('/').filter((name) => name !== '');
  const expression = globExpression(cleaned);
  if (!cleaned.includes('/')) return names.some((name) => expression.test(name));
  for (let end = names.length; end > 0; end--) {
    if (expression.test(names.slice(0, end).join('/'))) return true;
  }
  return false;
}

const cache = new Map<string, RegExp>();

/**
 * A glob as a regular expression over a whole `/`-separated path: `*` and `?` within one name,
 * `**` across any number of folders, none included; `[...]` a class of characters.
 */
export function globExpression(glob: string): RegExp {
  let expression = cache.get(glob);
  if (expression) return expression;
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      // `a/**/b` also matches `a/b`: the folders in between may be none.
      if (glob[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[' && glob.indexOf(']', i + 2) > 0) {
      const close = glob.indexOf(']', i + 2);
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      source += `[${body}]`;
      i = close;
    } else {
      source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  expression = new RegExp(`^${source}$`);
  cache.set(glob, expression);
  return expression;
}

/** `child` relative to `folder` (both absolute, `/`-separated), or undefined when it is not below it. */
export function relativeTo(folder: string, child: string): string | undefined {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return child.startsWith(prefix) ? child.slice(prefix.length) : undefined;
}
