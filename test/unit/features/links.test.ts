import { strict as assert } from 'node:assert';
import { DocumentLink } from 'vscode-languageserver-types';
import { ASSUMED_WORKING_DIRECTORY_TOOLTIP } from '../../../server/src/service/links';
import { FileSystemPort } from '../../../server/src/analysis/fileSystem';
import { getLanguageService } from '../../../server/src/service/languageService';
import { documentOf, EVERY_PATH_IS_A_FILE, fakeFileSystem } from '../../support/spec';

// The documents live at file:///srv/app/uwsgi.ini (see support/spec.ts).
function linksOf(text: string, uri: string | undefined, fileSystem: FileSystemPort | undefined): DocumentLink[] {
  const ls = getLanguageService(undefined, fileSystem ? { fileSystem } : {});
  return ls.findDocumentLinks(ls.parse(documentOf(text, uri)));
}

/** `covered text -> target` per link, `(assumed cwd)` when the tooltip says so. */
function shown(text: string, uri?: string, fileSystem: FileSystemPort | null = EVERY_PATH_IS_A_FILE): string[] {
  const document = documentOf(text, uri);
  return linksOf(text, uri, fileSystem ?? undefined).map((link) => {
    const covered = text.slice(document.offsetAt(link.range.start), document.offsetAt(link.range.end));
    const note = link.tooltip === ASSUMED_WORKING_DIRECTORY_TOOLTIP ? ' (assumed cwd)' : '';
    return `${covered} -> ${link.target}${note}`;
  });
}

describe('document links', () => {
  it('links an absolute path as it is', () => {
    assert.deepEqual(shown('[uwsgi]\nwsgi-file = /srv/app/wsgi.py\n'), ['/srv/app/wsgi.py -> file:///srv/app/wsgi.py']);
  });

  it('expands %d to this file\'s directory, trailing slash included', () => {
    assert.deepEqual(shown('[uwsgi]\nwsgi-file = %dwsgi.py\nchdir = %d../lib\n'), [
      '%dwsgi.py -> file:///srv/app/wsgi.py',
      '%d../lib -> file:///srv/lib',
    ]);
  });

  it('links a plain relative path to this file\'s directory and says that it assumes so', () => {
    assert.deepEqual(shown('[uwsgi]\ntouch-reload = reload.txt\n'), ['reload.txt -> file:///srv/app/reload.txt (assumed cwd)']);
  });

  it('follows what uWSGI reads: a placeholder an included file defines', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/base.ini': '[uwsgi]\napp = /srv/shop\n', '/srv/shop/wsgi.py': '' });
    assert.deepEqual(shown('[uwsgi]\ninclude = %dbase.ini\nwsgi-file = %(app)/wsgi.py\n', undefined, fs), [
      '%dbase.ini -> file:///srv/app/base.ini',
      '%(app)/wsgi.py -> file:///srv/shop/wsgi.py',
    ]);
  });

  it('expands placeholders defined in the file', () => {
    assert.deepEqual(shown('[uwsgi]\nbase = /srv/site\npidfile = %(base)/run/app.pid\n'), ['%(base)/run/app.pid -> file:///srv/site/run/app.pid']);
  });

  it('skips values it cannot know: environment, file contents, unknown placeholders, machine magic', () => {
    assert.deepEqual(shown('[uwsgi]\nchdir = $(HOME)/app\nlogto = @(/etc/logpath)\nhome = %(nope)/venv\npidfile = /run/%h.pid\n'), []);
  });

  it('skips addresses and globs', () => {
    assert.deepEqual(shown('[uwsgi]\nlogto = 127.0.0.1:1717\ndaemonize = 10.0.0.1:514\ntouch-reload = /srv/*.py\n'), []);
  });

  it('links the target of a static-map, not its mountpoint', () => {
    assert.deepEqual(shown('[uwsgi]\nstatic-map = /static=%dstatic\n'), ['%dstatic -> file:///srv/app/static']);
  });

  it('links ini/include/inherit files, without their :section suffix', () => {
    assert.deepEqual(shown('[uwsgi]\nini = base.ini:prod\ninclude = /etc/uwsgi/common.ini\ninherit = %dparent.ini\n'), [
      'base.ini -> file:///srv/app/base.ini (assumed cwd)',
      '/etc/uwsgi/common.ini -> file:///etc/uwsgi/common.ini',
      '%dparent.ini -> file:///srv/app/parent.ini',
    ]);
  });

  it('links ini = :name and ini = %p:name to the section in this file', () => {
    assert.deepEqual(shown('[uwsgi]\nini = :base\nini = %p:base\n\n[base]\nmaster = true\n'), [
      'base -> file:///srv/app/uwsgi.ini#L5',
      'base -> file:///srv/app/uwsgi.ini#L5',
    ]);
  });

  it('no link to a section that does not exist', () => {
    assert.deepEqual(shown('[uwsgi]\nini = :nowhere\n'), []);
  });

  it('links a config loaded over http as the URL', () => {
    assert.deepEqual(shown('[uwsgi]\nini = http://config.local/app.ini\n'), ['http://config.local/app.ini -> http://config.local/app.ini']);
  });

  it('percent-encodes the target', () => {
    assert.deepEqual(shown('[uwsgi]\nwsgi-file = /srv/my app/wsgi#1.py\n'), ['/srv/my app/wsgi#1.py -> file:///srv/my%20app/wsgi%231.py']);
  });

  it('ignores options that take no path', () => {
    assert.deepEqual(shown('[uwsgi]\nmodule = app.wsgi\nsocket = /tmp/app.sock\nmaster = true\n'), []);
  });

  it('gives no links for documents that are not files', () => {
    assert.deepEqual(shown('[uwsgi]\nwsgi-file = /srv/app/wsgi.py\n', 'untitled:Untitled-1'), []);
  });

  it('links a path only when it names a file that exists: Ctrl+click must not offer to create one', () => {
    const fs = fakeFileSystem({ '/srv/shop': 'directory', '/srv/shop/wsgi.py': '', '/srv/shop/static': 'directory', '/run/fifo': 'fifo' });
    const text = '[uwsgi]\nchdir = /srv/shop\nwsgi-file = /srv/shop/wsgi.py\npidfile = /run/shop.pid\nlogto = /var/log/shop.log\n'
      + 'static-map = /s=/srv/shop/static\ntouch-reload = /run/fifo\n';
    assert.deepEqual(shown(text, undefined, fs), ['/srv/shop/wsgi.py -> file:///srv/shop/wsgi.py']);
  });

  it('links an included file that exists, and no missing one', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/etc/uwsgi/common.ini': '[uwsgi]\n' });
    assert.deepEqual(shown('[uwsgi]\ninclude = /etc/uwsgi/common.ini\nini = %dmissing.ini\n', undefined, fs), [
      '/etc/uwsgi/common.ini -> file:///etc/uwsgi/common.ini',
    ]);
  });

  it('without file access (an untrusted workspace) links included files and sections, no other path', () => {
    assert.deepEqual(shown('[uwsgi]\nini = %dbase.ini\nwsgi-file = %dwsgi.py\nchdir = /srv\nini = :b\n[b]\n', undefined, null), [
      '%dbase.ini -> file:///srv/app/base.ini',
      'b -> file:///srv/app/uwsgi.ini#L6',
    ]);
  });

  it('looks each path up once, and at most 1,000 paths per document', () => {
    const asked: string[] = [];
    const counting: FileSystemPort = { stat: (path) => (asked.push(path), EVERY_PATH_IS_A_FILE.stat(path)), readFile: () => '' };
    assert.equal(shown('[uwsgi]\nwsgi-file = /a.py\ntouch-reload = /a.py\n', undefined, counting).length, 2);
    assert.deepEqual(asked, ['/a.py']);
    const many = `[uwsgi]\n${Array.from({ length: 1001 }, (_, i) => `touch-reload = /t${i}\n`).join('')}`;
    const links = shown(many, undefined, counting);
    assert.equal(links.length, 1000);
    assert.equal(links[999], '/t999 -> file:///t999');
  });

  it('ranges are right on CRLF files; an empty document has no links', () => {
    assert.deepEqual(shown('[uwsgi]\r\nchdir = /srv\r\n'), ['/srv -> file:///srv']);
    assert.deepEqual(shown(''), []);
  });
});
