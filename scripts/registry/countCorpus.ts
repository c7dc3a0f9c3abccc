/**
 * One-off count: in how many files of the reference corpus each known option is set as a key of
 * a `[uwsgi]` section. Completion ranks by it. Run by hand when the corpus changes:
 *
 *   npx tsx scripts/registry/countCorpus.ts [/work/shared/corpus/files]
 *
 * Writes metadata/corpusFrequency.json; nothing at run time reads the corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OptionMeta } from '../../server/src/registry/types';

/** Where the hand-written registry metadata lives. */
const METADATA_DIR = path.resolve(__dirname, '..', '..', 'server', 'src', 'registry', 'metadata');

/** Keys of `[uwsgi]` sections, lexed the way uWSGI does (trim, first `=`, `;`/`#` comments). */
export function uwsgiSectionKeys(text: string): Set<string> {
  const keys = new Set<string>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      // uWSGI drops the last character without checking it is `]`.
      section = line.slice(1, -1);
      continue;
    }
    if (section !== 'uwsgi') continue;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trimEnd();
    if (key !== '') keys.add(key);
  }
  return keys;
}

export function countCorpus(files: readonly string[], knownNames: ReadonlySet<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const text of files) {
    for (const key of uwsgiSectionKeys(text)) {
      if (knownNames.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(sorted);
}

function main(): void {
  const dir = process.argv[2] ?? '/work/shared/corpus/files';
  const options = JSON.parse(fs.readFileSync(path.join(METADATA_DIR, 'uwsgiOptions.json'), 'utf8')) as OptionMeta[];
  const names = new Set(options.map((o) => o.name));
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ini')).sort();
  const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const counts = countCorpus(texts, names);
  const out = path.join(METADATA_DIR, 'corpusFrequency.json');
  const body = Object.entries(counts).map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`).join(',\n');
  fs.writeFileSync(out, `{\n${body}\n}\n`);
  console.log(`${files.length} files, ${Object.keys(counts).length} options seen -> ${out}`);
}

if (require.main === module) main();
