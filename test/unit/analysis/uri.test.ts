import { strict as assert } from 'node:assert';
import { encodeUriPath, pathToUri, uriToPath } from '../../../server/src/analysis/fileSystem';

describe('file: URIs of paths', () => {
  it('encodes every segment, so no character cuts the URI short or reads as a scheme', () => {
    assert.equal(pathToUri('/srv/my app/wsgi#1.py'), 'file:///srv/my%20app/wsgi%231.py');
    assert.equal(pathToUri('/srv/a?b/100%/x:y.ini'), 'file:///srv/a%3Fb/100%25/x%3Ay.ini');
    assert.equal(pathToUri('/srv/back\\slash.ini'), 'file:///srv/back%5Cslash.ini');
  });

  it('keeps the colon of a Windows drive only', () => {
    assert.equal(pathToUri('c:/srv/uwsgi.ini'), 'file:///c:/srv/uwsgi.ini');
    assert.equal(encodeUriPath('c:/srv', false), 'c%3A/srv');
  });

  it('turns a lone surrogate into U+FFFD instead of throwing', () => {
    assert.equal(pathToUri('/srv/\uD800.ini'), 'file:///srv/%EF%BF%BD.ini');
  });

  it('is the inverse of uriToPath', () => {
    for (const path of ['/srv/my app/wsgi#1.py', '/srv/a?b/100%/x:y.ini', 'c:/srv/uwsgi.ini', '/', '/srv/\u00e9t\u00e9.ini']) {
      assert.equal(uriToPath(pathToUri(path)), path);
    }
  });
});
