// Property tests of the whole facade: for any input, every service answers without throwing,
// with ranges inside the document; formatting is idempotent and keeps the text; quick fixes
// apply cleanly and the fixed text validates.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Position } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/languageService';
import { EXERCISED, exerciseDocument, FACADE_WIRING, fuzzService } from './harness';
import { anyString, bytesAsUtf8, check, corpusMutation, corpusTexts, grammarConfig, lexicalString } from './generators';

/** A text with positions to query: some inside, some past the end of a line or of the document. */
function withPositions(text: fc.Arbitrary<string>): fc.Arbitrary<{ text: string; positions: Position[] }> {
  return text.chain((t) => {
    const lines = t.split(/\r\n|\r|\n/);
    const position = fc.oneof(
      { weight: 6, arbitrary: fc.nat({ max: lines.length - 1 }).chain((line) => fc.nat({ max: lines[line]!.length }).map((character) => ({ line, character }))) },
      { weight: 1, arbitrary: fc.record({ line: fc.nat({ max: lines.length + 3 }), character: fc.nat({ max: 400 }) }) },
    );
    return fc.array(position, { minLength: 1, maxLength: 4 }).map((positions) => ({ text: t, positions }));
  });
}

describe('fuzz: every service survives any document', () => {
  const ls = fuzzService();

  it('exercises every document method of the facade', () => {
    const facade = getLanguageService();
    const methods = Object.keys(facade).filter((key) => typeof (facade as unknown as Record<string, unknown>)[key] === 'function');
    const missed = methods.filter((name) => !FACADE_WIRING.has(name) && !EXERCISED.has(name));
    assert.deepEqual(missed, [], 'facade methods the fuzzer does not call yet: add them to exerciseDocument');
  });

  it('grammar-aware configs: all services, fixes applied and re-validated, formatting idempotent', () => {
    check('services/grammar', withPositions(grammarConfig), 18_000, ({ text, positions }) => {
      exerciseDocument(ls, text, { positions, applyFixes: true, checkFormatting: true });
    });
  });

  it('strings over the lexer\'s characters', () => {
    check('services/lexical', withPositions(lexicalString), 16_000, ({ text, positions }) => {
      exerciseDocument(ls, text, { positions, applyFixes: true, checkFormatting: true });
    });
  });

  it('random UTF-16 strings', () => {
    check('services/anyString', withPositions(anyString), 10_000, ({ text, positions }) => {
      exerciseDocument(ls, text, { positions, checkFormatting: true });
    });
  });

  it('random bytes decoded as UTF-8', () => {
    check('services/bytes', withPositions(bytesAsUtf8), 8_000, ({ text, positions }) => {
      exerciseDocument(ls, text, { positions, checkFormatting: true });
    });
  });

  it('grammar-aware configs under strict 2.1 with a section other than [uwsgi]', () => {
    const strict = fuzzService({ strict: true, version: '2.1', section: 'prod', plugins: ['python3', 'http'] });
    check('services/strict', withPositions(grammarConfig), 6_000, ({ text, positions }) => {
      exerciseDocument(strict, text, { positions, applyFixes: true });
    });
  });

  it('odd document uris: untitled buffers, remote hosts, escapes, lone surrogates', () => {
    const uri = fc.oneof(
      fc.constantFrom('untitled:Untitled-1', 'file://server/share/uwsgi.ini', 'file:///c%3A/srv/uwsgi.ini', 'file:///%ZZ/bad.ini', 'file:///', 'file://',
        'vscode-remote://ssh/x.ini', 'file:///srv/a%20b/uwsgi.ini', ''),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `file:///srv/${s}/uwsgi.ini`),
    );
    check('services/uris', fc.tuple(grammarConfig, uri), 4_000, ([text, documentUri]) => {
      exerciseDocument(ls, text, {}, documentUri);
    });
  });

  it('mutated corpus files', () => {
    const texts = corpusTexts();
    assert.ok(texts.length > 0, 'the corpus (../shared/corpus beside the checkout) is needed for this property');
    check('services/corpus', withPositions(corpusMutation(texts)), 6_000, ({ text, positions }) => {
      exerciseDocument(ls, text, { positions, applyFixes: true, checkFormatting: true, maxCodeActionDiagnostics: 20 });
    });
  });
});
