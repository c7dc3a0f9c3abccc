import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { UwsgiDocument, editorLineStarts } from '../../../server/src/service/uwsgiDocument';

// UwsgiDocument answers positions from its own line table; they must match TextDocument's exactly.
const TEXTS = ['', 'a', '\n', '\r', '\r\n', 'a\nb', 'a\r\nb\r\n', 'a\rb\nc\r\n\r', '[uwsgi]\r\nx = 1 %\r\n  y\n\r\nz', '\n\n\r\r\n\n', 'é😀\r\n😀'];

describe('UwsgiDocument positions', () => {
  it('line starts count \\n, \\r\\n and a lone \\r as line breaks', () => {
    assert.deepEqual(editorLineStarts('a\rb\r\nc\nd'), [0, 2, 5, 7]);
    assert.deepEqual(editorLineStarts('x\r'), [0, 2]);
  });

  for (const text of TEXTS) {
    it(`positionAt, offsetAt and lineNumberAt agree with TextDocument on ${JSON.stringify(text)}`, () => {
      const reference = TextDocument.create('file:///a.ini', 'uwsgi-ini', 1, text);
      const document = new UwsgiDocument(reference);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.deepEqual(document.positionAt(offset), reference.positionAt(offset), `offset ${offset}`);
        assert.equal(document.lineNumberAt(offset), reference.positionAt(offset).line, `line of offset ${offset}`);
      }
      for (let line = -1; line < 7; line++) {
        for (let character = -1; character < 5; character++) {
          assert.equal(document.offsetAt({ line, character }), reference.offsetAt({ line, character }), `${line}:${character}`);
        }
      }
    });
  }
});
