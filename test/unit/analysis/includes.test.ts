import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileSystemPort } from '../../../server/src/analysis/fileSystem';
import { getLanguageService } from '../../../server/src/service/languageService';
import { fakeFileSystem, SEVERITY_NAME } from '../../support/spec';

const URI = 'file:///srv/app/uwsgi.ini';

function check(text: string, fs: FileSystemPort | undefined, ruleIds = ['missing-include', 'include-limit', 'undefined-placeholder']) {
  const service = getLanguageService({}, fs ? { fileSystem: fs } : {});
  const document = TextDocument.create(URI, 'uwsgi-ini', 1, text);
  return service
    .doValidation(service.parse(document))
    .filter((d) => ruleIds.includes(String(d.code)))
    .map((d) => ({ code: String(d.code), severity: SEVERITY_NAME[d.severity ?? 1], covers: document.getText(d.range) }));
}

describe('includes: reading what a config includes, within bounds', () => {
  it('takes placeholders from an included file relative to %d', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/base.ini': '[uwsgi]\nbase = /srv/app\n' });
    assert.deepEqual(check('[uwsgi]\ninclude = %dbase.ini\nchdir = %(base)\n', fs), []);
  });

  it('reads the section named after the colon', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/etc/uwsgi/common.ini': '[uwsgi]\nx = 1\n[prod]\nroot = /srv\n' });
    assert.deepEqual(check('[uwsgi]\nini = /etc/uwsgi/common.ini:prod\nchdir = %(root)\n', fs), []);
  });

  it('reports a missing absolute include as a warning on its value', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '' });
    assert.deepEqual(check('[uwsgi]\ninclude = /etc/uwsgi/missing.ini\n', fs), [
      { code: 'missing-include', severity: 'warning', covers: '/etc/uwsgi/missing.ini' },
    ]);
  });

  it('reports a missing include built from %d as an error: it travels with this file', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '' });
    assert.deepEqual(check('[uwsgi]\ninclude = %dno-such-file.ini\n', fs), [
      { code: 'missing-include', severity: 'error', covers: '%dno-such-file.ini' },
    ]);
  });

  it('names the resolved location of a missing %d path, which need not be next to this file', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '' });
    const service = getLanguageService({}, { fileSystem: fs });
    for (const [text, resolved] of [['[uwsgi]\nini = %d../shared/nope.ini\n', '/srv/shared/nope.ini'], ['[uwsgi]\nini = %dnope.ini\n', '/srv/app/nope.ini']] as const) {
      const [diagnostic] = service.doValidation(service.parse(TextDocument.create(URI, 'uwsgi-ini', 1, text))).filter((d) => d.code === 'missing-include');
      assert.ok(diagnostic, text);
      const message = String(diagnostic.message);
      assert.ok(message.includes(`${resolved} does not exist`), message);
      assert.doesNotMatch(message, /next to this file/);
    }
  });

  it('checks that an @(file) exists without reading it, and never follows schemes or immediate options', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/greeting.txt': 'hello' });
    assert.deepEqual(check('[uwsgi]\nenv = A=@(%dgreeting.txt)\nenv = B=@(%dmissing.txt)\nenv = C=@(exec://ls)\ninclude = @(%dmissing.txt)\n', fs, ['missing-include']), [
      { code: 'missing-include', severity: 'error', covers: '@(%dmissing.txt)' },
    ]);
    assert.deepEqual(fs.reads, []);
  });

  it('only informs about a missing relative include: uWSGI resolves it from its working directory', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '' });
    assert.deepEqual(check('[uwsgi]\ninclude = conf/missing.ini\n', fs), [
      { code: 'missing-include', severity: 'information', covers: 'conf/missing.ini' },
    ]);
  });

  it('refuses to open a FIFO or a directory', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/pipe.ini': 'fifo', '/srv/app/dir.ini': 'directory' });
    assert.deepEqual(check('[uwsgi]\ninclude = %dpipe.ini\ninclude = %ddir.ini\n', fs).map((f) => f.covers), ['%dpipe.ini', '%ddir.ini']);
    assert.deepEqual(fs.reads, []);
  });

  it('finds the cycle a -> b -> a and a self-include, by real path', () => {
    const fs = fakeFileSystem({
      '/srv/app/uwsgi.ini': '[uwsgi]\ninclude = /srv/app/b.ini\n',
      '/srv/app/b.ini': '[uwsgi]\ninclude = /srv/app/link.ini\n',
    }, { '/srv/app/link.ini': '/srv/app/uwsgi.ini' });
    assert.deepEqual(check('[uwsgi]\ninclude = /srv/app/b.ini\n', fs), [{ code: 'include-limit', severity: 'warning', covers: '/srv/app/b.ini' }]);
    assert.deepEqual(check('[uwsgi]\ninclude = %p\n', fakeFileSystem({ '/srv/app/uwsgi.ini': '[uwsgi]\ninclude = %p\n' })).map((f) => f.code), ['include-limit']);
  });

  it('takes ini = %p:name for a section of this very file, no cycle', () => {
    const text = '[uwsgi]\nini = %p:common\nchdir = %(base)\n[common]\nbase = /srv/app\n';
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': text });
    assert.deepEqual(check(text, fs), []);
  });

  it('takes placeholders from a section an included file pulls from itself with %p:name', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/base.ini': '[uwsgi]\nini = %p:paths\n[paths]\nroot = /srv/app\n' });
    assert.deepEqual(check('[uwsgi]\ninclude = %dbase.ini\nchdir = %(root)\n', fs), []);
    assert.deepEqual(check('[uwsgi]\ninclude = %dbase.ini\nchdir = %(rot)\n', fs).map((f) => f.covers), ['rot']);
  });

  it('gives no error for an include uWSGI never reads: inside a false if-exists for the same file', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '' });
    assert.deepEqual(check('[uwsgi]\nif-exists = %dlocal.ini\ninclude = %dlocal.ini\nendif =\n', fs), []);
    // Without the guard the same include stops uWSGI.
    assert.deepEqual(check('[uwsgi]\ninclude = %dlocal.ini\n', fs), [{ code: 'missing-include', severity: 'error', covers: '%dlocal.ini' }]);
  });

  it('only informs about a missing include under a condition the editor cannot test', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '' });
    const text = '[uwsgi]\nif-env = PROD\ninclude = %dprod.ini\nendif =\n';
    assert.deepEqual(check(text, fs), [{ code: 'missing-include', severity: 'information', covers: '%dprod.ini' }]);
    const service = getLanguageService({}, { fileSystem: fs });
    const [diagnostic] = service.doValidation(service.parse(TextDocument.create(URI, 'uwsgi-ini', 1, text)));
    assert.equal(diagnostic?.message, '`include`: /srv/app/prod.ini is not there. uWSGI reads this line only where `if-env = PROD` holds, and stops there with an error.');
  });

  it('stops a 1,000-deep include chain at the depth limit', () => {
    const files: Record<string, string> = { '/srv/app/uwsgi.ini': '' };
    for (let i = 0; i < 1000; i++) files[`/c/${i}.ini`] = `[uwsgi]\ninclude = /c/${i + 1}.ini\n`;
    const fs = fakeFileSystem(files);
    const found = check('[uwsgi]\ninclude = /c/0.ini\n', fs);
    assert.deepEqual(found, [{ code: 'include-limit', severity: 'warning', covers: '/c/0.ini' }]);
    assert.equal(fs.reads.length, 16);
  });

  it('does not read a file larger than 1 MB', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/big.ini': '[uwsgi]\n' + 'x = 1\n'.repeat(200_000) });
    assert.deepEqual(check('[uwsgi]\ninclude = /srv/big.ini\n', fs).map((f) => f.code), ['include-limit']);
    assert.deepEqual(fs.reads, []);
  });

  it('reads nothing without file access (untrusted workspace) and reports nothing about includes', () => {
    assert.deepEqual(check('[uwsgi]\ninclude = /etc/uwsgi/missing.ini\n', undefined), []);
  });

  it('never follows dynamic paths: environment, @() and placeholders in immediate loaders', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '' });
    assert.deepEqual(check('[uwsgi]\ninclude = $(CONF)/a.ini\ninclude = @(exec://ls)\nbase = /x\ninclude = %(base)/a.ini\n', fs, ['missing-include', 'include-limit']), []);
    assert.deepEqual(fs.reads, []);
  });
});

describe('includes: hover on a placeholder an included file defines', () => {
  it('names the included file for a name of a section that file pulls from itself', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/base.ini': '[uwsgi]\nini = %p:paths\n[paths]\nroot = /srv/shop\n' });
    const service = getLanguageService({}, { fileSystem: fs });
    const document = service.parse(TextDocument.create(URI, 'uwsgi-ini', 1, '[uwsgi]\ninclude = %dbase.ini\nchdir = %(root)\n'));
    const hover = service.doHover(document, { line: 2, character: 12 });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /^`%\(root\)` is defined in the included file `\/srv\/app\/base\.ini`: `root = \/srv\/shop`\./);
  });

  it('names the included file and the value', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/base.ini': '[uwsgi]\nbase = /srv/app\n' });
    const service = getLanguageService({}, { fileSystem: fs });
    const text = '[uwsgi]\ninclude = %dbase.ini\nchdir = %(base)\n';
    const document = service.parse(TextDocument.create(URI, 'uwsgi-ini', 1, text));
    const hover = service.doHover(document, { line: 2, character: 12 });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /included file `\/srv\/app\/base\.ini`: `base = \/srv\/app`/);
  });
});
