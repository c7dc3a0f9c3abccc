import { IniDocument, LineKind } from '../parser/ast';

const DIRECTIVE = /^[#;]\s*uwsgi-ini:\s*(disable-next-line|disable)(?:\s+(.*))?$/;

/**
 * Whole-line comments that silence rules (uWSGI has no inline comments, so these sit on their
 * own line): `# uwsgi-ini: disable-next-line <rule-id>...` and `# uwsgi-ini: disable <rule-id>...`.
 * Without ids they silence every rule.
 */
export class Suppressions {
  private readonly fileWide = new Set<string>();
  private fileWideAll = false;
  private readonly byLine = new Map<number, Set<string> | 'all'>();

  /** False when the file has no directive: most files, and then no finding needs its line looked up. */
  readonly any: boolean;

  constructor(doc: IniDocument) {
    this.any = doc.text.includes('uwsgi-ini:');
    if (!this.any) return;
    for (const line of doc.lines) {
      if (line.kind !== LineKind.Comment) continue;
      const text = doc.text.slice(line.contentStart, line.contentEnd);
      if (!text.includes('uwsgi-ini:')) continue;
      const match = DIRECTIVE.exec(text);
      if (!match) continue;
      const ids = (match[2] ?? '').split(/[\s,]+/).filter((id) => id !== '');
      if (match[1] === 'disable') {
        if (ids.length === 0) this.fileWideAll = true;
        for (const id of ids) this.fileWide.add(id);
      } else {
        this.byLine.set(line.index + 1, ids.length === 0 ? 'all' : new Set(ids));
      }
    }
  }

  isSuppressed(ruleId: string, lineIndex: number | undefined): boolean {
    if (this.fileWideAll || this.fileWide.has(ruleId)) return true;
    if (lineIndex === undefined) return false;
    const entry = this.byLine.get(lineIndex);
    return entry === 'all' || (entry !== undefined && entry.has(ruleId));
  }
}
