// The effective configuration view: the `--show-config` text of a document from the one
// interpretation the other services read, every line with where it came from.
import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../../server/src/service/languageService';
import { EffectiveConfiguration } from '../../../server/src/service/effectiveConfiguration';
import { documentOf, fakeFileSystem, URI } from '../../support/spec';

function effective(text: string, files: Record<string, string> = {}, settings: unknown = {}): EffectiveConfiguration {
  const ls = getLanguageService(settings, { fileSystem: fakeFileSystem({ '/srv/app/uwsgi.ini': text, ...files }) });
  return ls.doEffectiveConfiguration(ls.parse(documentOf(text)));
}

/** `key = value <- uri:line` for each entry: the view's lines and where each links to. */
function linked(result: EffectiveConfiguration): string[] {
  return result.lines.map((l) => `${l.key} = ${l.value}${l.source ? ` <- ${l.source.uri}:${l.source.range.start.line}` : ''}`);
}

describe('effective configuration', () => {
  it('prints what uwsgi --show-config prints, between its header and footer', () => {
    assert.equal(effective('[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\n').text, [
      ';uWSGI instance configuration', '[uwsgi]', 'ini = /srv/app/uwsgi.ini', 'base = /srv/app', 'chdir = /srv/app/src', ';end of configuration', '',
    ].join('\n'));
  });

  it('links each line to its entry in this file, or to the line of the included file', () => {
    const result = effective('[uwsgi]\ninclude = %dbase.ini\nsocket = :3031\n', { '/srv/app/base.ini': '[uwsgi]\n\nmaster = true\n' });
    assert.deepEqual(linked(result), [
      'ini = /srv/app/uwsgi.ini',
      `include = /srv/app/base.ini <- ${URI}:1`,
      'master = true <- file:///srv/app/base.ini:2',
      `socket = :3031 <- ${URI}:2`,
    ]);
    assert.deepEqual(result.lines[2]!.via, ['include = /srv/app/base.ini (/srv/app/uwsgi.ini:2)']);
    // The range of a line of this file covers the entry, so the link lands on it.
    assert.deepEqual(result.lines[3]!.source!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 14 } });
  });

  it('shows a section pulled with ini = %p:name where it is pulled, linked to its lines', () => {
    assert.deepEqual(linked(effective('[uwsgi]\nini = %p:common\nsocket = :1\n[common]\nmaster = true\n')), [
      'ini = /srv/app/uwsgi.ini', `ini = /srv/app/uwsgi.ini:common <- ${URI}:1`, `master = true <- ${URI}:4`, `socket = :1 <- ${URI}:2`,
    ]);
  });

  it('leaves out the lines of a false block and marks those under a condition it cannot test', () => {
    const result = effective('[uwsgi]\nif-exists = %dnope\nskipped = 1\nendif =\nif-env = PROD\nworkers = 8\nendif =\n');
    assert.deepEqual(result.lines.map((l) => `${l.key} = ${l.value}${l.condition ? ` [${l.condition.text}: ${l.condition.state}]` : ''}`), [
      'ini = /srv/app/uwsgi.ini', 'if-exists = /srv/app/nope', 'endif = ', 'if-env = PROD', 'workers = 8 [if-env = PROD: unknown]', 'endif = ',
    ]);
    assert.match(result.text, /\n; some lines depend on a condition the editor cannot test/);
  });

  it('writes unknown parts as uWSGI would read them and says so after the footer', () => {
    const result = effective('[uwsgi]\nlogto = /var/log/%h.log\nenv = HOME=$(HOME)\n');
    assert.deepEqual(result.lines.slice(1).map((l) => [`${l.key} = ${l.value}`, l.unknown]), [['logto = /var/log/%h.log', true], ['env = HOME=$(HOME)', true]]);
    assert.match(result.text, /;end of configuration\n; values written as %h, \$\(VAR\), @\(exec:\/\/\.\.\.\) are known only on the machine uWSGI runs on\n$/);
  });

  it('says where uWSGI would stop, and links there', () => {
    const result = effective('[uwsgi]\nmaster = true\ninclude = %dmissing.ini\nsocket = :1\n');
    assert.deepEqual(linked(result), ['ini = /srv/app/uwsgi.ini', `master = true <- ${URI}:1`, `include = /srv/app/missing.ini <- ${URI}:2`]);
    assert.equal(result.stop?.kind, 'fatal');
    assert.equal(result.stop?.source?.range.start.line, 2);
    assert.match(result.text, /;end of configuration\n; uWSGI stops before this point: open\("\/srv\/app\/missing\.ini"\): No such file or directory \(\/srv\/app\/uwsgi\.ini:3\)\n$/);
  });

  it('escapes control characters, so every line of the view is one entry', () => {
    const result = effective('[uwsgi]\nprocname-prefix = %[[1m\n');
    assert.equal(result.lines[1]!.value, '\\e[1m');
    assert.equal(result.text.split('\n').length, 6);
  });

  it('reads the section the settings name', () => {
    assert.deepEqual(linked(effective('[uwsgi]\na = 1\n[dev]\nb = 2\n', {}, { section: 'dev' })), ['ini = /srv/app/uwsgi.ini:dev', `b = 2 <- ${URI}:3`]);
  });
});
