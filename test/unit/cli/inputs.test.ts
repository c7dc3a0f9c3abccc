// What the names on the command line stand for (server/src/cli/inputs.ts): a directory holds the
// *.ini files that have the section checked, as the parser reads their headers; a file is read
// through the node file system port, up to the size the language service validates.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_INPUT_BYTES } from '../../../server/src/cli/inputs';
import { MAX_VALIDATED_LENGTH } from '../../../server/src/service/languageService';
import { workdirPerTest } from '../../support/cli';

const files = (stdout: string): string[] => (JSON.parse(stdout) as { file: string }[]).map((result) => result.file);

describe('uwsgi-ini-lint inputs', () => {
  const work = workdirPerTest();

  it('searches a directory for the files that have the --section named', async () => {
    work.write('conf/app.ini', '[app]\nuid = app\ngid = app\nvaccum = 1\n');
    work.write('conf/both.ini', '[uwsgi]\nuid = app\n[app]\nuid = app\ngid = app\n');
    work.write('conf/plain.ini', '[uwsgi]\nuid = app\ngid = app\n');
    const app = await work.lint(['--format', 'json', '--section', 'app', 'conf']);
    assert.equal(app.code, 0, app.stderr);
    assert.deepEqual(files(app.stdout), [path.join('conf', 'app.ini'), path.join('conf', 'both.ini')]);
    const uwsgi = await work.lint(['--format', 'json', 'conf']);
    assert.deepEqual(files(uwsgi.stdout), [path.join('conf', 'both.ini'), path.join('conf', 'plain.ini')]);
  });

  it('names the section looked for when a directory has no file with it', async () => {
    work.write('conf/plain.ini', '[uwsgi]\n');
    const run = await work.lint(['--section', 'app', 'conf']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'uwsgi-ini-lint: conf: is a directory with no uWSGI ini files (*.ini with a [app] section) in it\n');
  });

  it('takes the section from the settings file of the folder searched', async () => {
    work.write('site/.uwsgi-ini.toml', 'section = "app"\n');
    work.write('site/app.ini', '[app]\nuid = app\ngid = app\n');
    work.write('site/plain.ini', '[uwsgi]\nuid = app\ngid = app\n');
    const run = await work.lint(['--format', 'json', 'site']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(files(run.stdout), [path.join('site', 'app.ini')]);
  });

  it('reads headers as uWSGI names sections, not as a pattern: the last character dropped, `%` joins, comments', async () => {
    // uWSGI takes everything after `[` with the last character dropped: `[uwsgi}` is the uwsgi section.
    work.write('conf/brace.ini', '[uwsgi}\nuid = app\ngid = app\n');
    // A `%` at the end of a line joins it with the next before the header is read.
    work.write('conf/joined.ini', '[uw%\nsgi]\nuid = app\ngid = app\n');
    work.write('conf/commented.ini', '; [uwsgi]\n[other]\n');
    work.write('conf/trailing.ini', '[uwsgi] ; the app\n');
    const run = await work.lint(['--format', 'json', 'conf']);
    assert.deepEqual(files(run.stdout), [path.join('conf', 'brace.ini'), path.join('conf', 'joined.ini')]);
  });

  it('reports a file larger than the language service validates, without reading it', async () => {
    assert.equal(MAX_INPUT_BYTES, MAX_VALIDATED_LENGTH);
    const big = path.join(work.dir, 'big.ini');
    fs.writeFileSync(big, '[uwsgi]\n');
    // Sparse: the size is there, the bytes are not, and nothing would be fast to read if it read them.
    fs.truncateSync(big, MAX_INPUT_BYTES + 1);
    const run = await work.lint(['big.ini']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'uwsgi-ini-lint: big.ini: larger than 16 MB, not checked\n');
    assert.equal(run.stdout, '');
    const stdin = await work.lint(['-'], Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    assert.equal(stdin.stderr, 'uwsgi-ini-lint: standard input: larger than 16 MB, not checked\n');
  });

  it('reports a directory and a missing file named as inputs, and checks the rest', async () => {
    work.write('good.ini', '[uwsgi]\nuid = app\ngid = app\n');
    fs.mkdirSync(path.join(work.dir, 'empty'));
    const run = await work.lint(['--format', 'json', 'empty', 'gone.ini', 'good.ini']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'uwsgi-ini-lint: empty: is a directory with no uWSGI ini files (*.ini with a [uwsgi] section) in it\nuwsgi-ini-lint: gone.ini: no such file or directory\n');
    assert.deepEqual(files(run.stdout), ['good.ini']);
  });

  it('expands globs with the same matcher as the settings files: classes, and ** over no folder', async () => {
    work.write('conf/a1.ini', '[uwsgi]\n');
    work.write('conf/a2.ini', '[uwsgi]\n');
    work.write('conf/b1.ini', '[uwsgi]\n');
    work.write('conf/deep/a3.ini', '[other]\n');
    assert.deepEqual(files((await work.lint(['--format', 'json', 'conf/a[12].ini'])).stdout), ['conf/a1.ini', 'conf/a2.ini']);
    assert.deepEqual(files((await work.lint(['--format', 'json', 'conf/**/a*.ini'])).stdout), ['conf/a1.ini', 'conf/a2.ini', 'conf/deep/a3.ini']);
  });
});
