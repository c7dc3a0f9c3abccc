// Property tests of the parser: whatever the text, the parse covers it exactly.
import fc from 'fast-check';
import { parseIni } from '../../server/src/parser/parser';
import { segmentValue, findInlineComment } from '../../server/src/parser/values';
import { LineKind } from '../../server/src/parser/ast';
import { checkParse, SURROGATE_SPLITS } from './harness';
import { announceSeed, anyString, bytesAsUtf8, check, counter, FUZZ_SEED, grammarConfig, lexicalString } from './generators';

const started = Date.now();

before(() => announceSeed());

after(() => {
  // eslint-disable-next-line no-console
  console.log(`  fuzz: ${counter.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${FUZZ_SEED})`);
  if (SURROGATE_SPLITS.size > 0) {
    // eslint-disable-next-line no-console
    console.log(`  positions inside a surrogate pair (editors snap them; worth fixing): ${[...SURROGATE_SPLITS].map(([k, n]) => `${k} x${n}`).join(', ')}`);
  }
});

function parseAndSegment(text: string): void {
  const ast = parseIni(text);
  checkParse(ast, text);
  for (const line of ast.lines) {
    if (line.kind !== LineKind.Entry) continue;
    // The value helpers see every value the services will.
    segmentValue(text, line.valueSpan.start, line.valueSpan.end);
    findInlineComment(text, line.valueSpan);
  }
}

describe('fuzz: the parser round-trips any text', () => {
  it('random UTF-16 strings (lone surrogates included)', () => {
    check('parse/anyString', anyString, 25_000, parseAndSegment);
  });

  it('strings over the lexer\'s own characters', () => {
    check('parse/lexical', lexicalString, 25_000, parseAndSegment);
  });

  it('random bytes decoded as UTF-8', () => {
    check('parse/bytes', bytesAsUtf8, 15_000, parseAndSegment);
  });

  it('grammar-aware configs', () => {
    check('parse/grammar', grammarConfig, 20_000, parseAndSegment);
  });

  it('concatenations keep the round trip at the seams', () => {
    check('parse/concat', fc.tuple(grammarConfig, lexicalString, anyString), 5_000, ([a, b, c]) => parseAndSegment(a + b + c));
  });
});
