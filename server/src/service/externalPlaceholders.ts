import { IniDocument, LineKind } from '../parser/ast';
import { LanguageSettings } from './settings';

const DIRECTIVE = /^[#;]\s*uwsgi-ini:\s*placeholders(?:\s+(.*))?$/;

/**
 * Placeholder names that reach uWSGI from outside the file: the `uwsgi.placeholders` setting and
 * `# uwsgi-ini: placeholders a b c` comments. A vassal template gets them from the emperor
 * (`vassal-set`), others from `--set-ph` on the command line or a `UWSGI_` variable, none of which
 * the file can show.
 */
export function externalPlaceholders(doc: IniDocument, settings: LanguageSettings): ReadonlySet<string> {
  const names = new Set(settings.placeholders);
  if (!doc.text.includes('uwsgi-ini:')) return names;
  for (const line of doc.lines) {
    if (line.kind !== LineKind.Comment) continue;
    const match = DIRECTIVE.exec(doc.text.slice(line.contentStart, line.contentEnd));
    if (!match) continue;
    for (const name of (match[1] ?? '').split(/[\s,]+/)) if (name !== '') names.add(name);
  }
  return names;
}
