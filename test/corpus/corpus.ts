// Access to ../shared/corpus: 502 real-world uwsgi.ini files from public repositories. The corpus
// suites need it; a user's clone has no ../shared, so `npm test` never reads it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus/files');

export interface CorpusFile {
  /** Path below the corpus directory. */
  readonly name: string;
  readonly text: string;
}

let cached: CorpusFile[] | undefined;

export function corpusFiles(): CorpusFile[] {
  if (cached) return cached;
  if (!fs.existsSync(CORPUS_DIR)) {
    throw new Error(`The corpus suites need ${CORPUS_DIR} (../shared beside the checkout); it is not there.`);
  }
  const files: CorpusFile[] = [];
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push({ name: path.relative(CORPUS_DIR, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(CORPUS_DIR);
  cached = files.sort((a, b) => a.name.localeCompare(b.name));
  return cached;
}
