import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIni } from '../../server/src/parser/parser';
import { tokens } from '../../server/src/parser/tokens';
import { CORPUS_DIR, corpusFiles } from './corpus';

describe('corpus: the parser on 502 real configs', () => {
  it('finds the whole corpus', () => {
    assert.equal(corpusFiles().length, 502);
  });

  it('round-trips every file byte for byte', () => {
    for (const file of corpusFiles()) {
      const bytes = fs.readFileSync(path.join(CORPUS_DIR, file.name));
      const doc = parseIni(file.text);
      let rebuilt = '';
      let last = 0;
      for (const token of tokens(doc)) {
        assert.equal(token.start, last, `${file.name}: gap before offset ${token.start}`);
        rebuilt += file.text.slice(token.start, token.end);
        last = token.end;
      }
      assert.equal(rebuilt, file.text, file.name);
      assert.ok(Buffer.from(rebuilt, 'utf8').equals(bytes), `${file.name}: bytes differ`);
    }
  });

  it('finds a [uwsgi] section in nearly every file', () => {
    const without = corpusFiles().filter((file) => !parseIni(file.text).sections.some((s) => s.name === 'uwsgi'));
    // Files named for another section (vassal templates, `--ini file:app`) are real and legal.
    assert.ok(without.length < 25, `${without.length} files without [uwsgi]: ${without.map((f) => f.name).join(', ')}`);
  });
});
