// Includes read through the real file system (server/src/node/nodeFileSystem.ts) in a temporary
// directory: special files, huge files, cycles and deep chains. Each case must answer promptly
// (the per-test timeouts prove no read blocks) with the diagnostic on the include's value.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToUri } from '../../server/src/analysis/fileSystem';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { getLanguageService } from '../../server/src/service/languageService';
import { SEVERITY_NAME } from '../support/spec';

const INCLUDE_RULES = ['missing-include', 'include-limit'];

let dir: string;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Validates `main.ini` (written to disk, so `%d` and self-includes work) and returns the include findings. */
function includeFindings(text: string, name = 'main.ini'): { code: string; severity: string; covers: string; message: string }[] {
  const file = write(name, text);
  const service = getLanguageService({}, { fileSystem: nodeFileSystem });
  const document = TextDocument.create(pathToUri(file), 'uwsgi-ini', 1, text);
  return service.doValidation(service.parse(document))
    .filter((d) => INCLUDE_RULES.includes(String(d.code)))
    .map((d) => ({ code: String(d.code), severity: SEVERITY_NAME[d.severity ?? 1]!, covers: document.getText(d.range), message: typeof d.message === 'string' ? d.message : d.message.value }));
}

describe('adversarial: includes through the real file system', function () {
  // Every case is a handful of stats and small reads: a second is generous; a blocking open would hang.
  this.timeout(2000);

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-includes-')));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a FIFO is not opened (opening it would wait for a writer forever)', () => {
    const fifo = path.join(dir, 'pipe.ini');
    execFileSync('mkfifo', [fifo]);
    const found = includeFindings(`[uwsgi]\ninclude = ${fifo}\n`);
    assert.deepEqual(found.map(({ code, severity, covers }) => ({ code, severity, covers })), [{ code: 'missing-include', severity: 'warning', covers: fifo }]);
    assert.match(found[0]!.message, /is not a regular file/);
  });

  it('/dev/zero is not read (it never ends)', () => {
    // `include` reads by extension (a path without .ini is another format); `ini` always reads ini.
    assert.deepEqual(includeFindings('[uwsgi]\ninclude = /dev/zero\n'), []);
    const found = includeFindings('[uwsgi]\nini = /dev/zero\n');
    assert.deepEqual(found.map(({ code, severity, covers }) => ({ code, severity, covers })), [{ code: 'missing-include', severity: 'warning', covers: '/dev/zero' }]);
    assert.match(found[0]!.message, /is not a regular file/);
  });

  it('a directory is reported, not read', () => {
    fs.mkdirSync(path.join(dir, 'conf.d.ini'));
    const found = includeFindings(`[uwsgi]\nini = ${dir}/conf.d.ini\n`);
    assert.deepEqual(found.map(({ code, covers }) => ({ code, covers })), [{ code: 'missing-include', covers: `${dir}/conf.d.ini` }]);
    assert.match(found[0]!.message, /is not a regular file/);
  });

  it('a 2 MB file is not read: larger than the 1 MB limit', () => {
    write('big.ini', `[uwsgi]\n${'x = 1\n'.repeat(2 * 1024 * 1024 / 6 + 1)}`);
    const found = includeFindings('[uwsgi]\ninclude = %dbig.ini\n');
    assert.deepEqual(found.map(({ code, severity, covers }) => ({ code, severity, covers })), [{ code: 'include-limit', severity: 'warning', covers: '%dbig.ini' }]);
    assert.match(found[0]!.message, /larger than 1 MB/);
  });

  it('a symbolic link to itself fails to resolve and is reported as missing', () => {
    fs.symlinkSync(path.join(dir, 'loop.ini'), path.join(dir, 'loop.ini'));
    const found = includeFindings(`[uwsgi]\ninclude = ${dir}/loop.ini\n`);
    assert.deepEqual(found.map(({ code, covers }) => ({ code, covers })), [{ code: 'missing-include', covers: `${dir}/loop.ini` }]);
  });

  it('a file that includes itself is a cycle', () => {
    const found = includeFindings('[uwsgi]\ninclude = %dself.ini\n', 'self.ini');
    assert.deepEqual(found.map(({ code, covers }) => ({ code, covers })), [{ code: 'include-limit', covers: '%dself.ini' }]);
    assert.match(found[0]!.message, /leads back to a file that is already being read/);
  });

  it('a -> b -> a is a cycle, reported on the line of the open document', () => {
    write('b.ini', `[uwsgi]\ninclude = ${dir}/a.ini\n`);
    const found = includeFindings(`[uwsgi]\ninclude = ${dir}/b.ini\nmaster = true\n`, 'a.ini');
    assert.deepEqual(found.map(({ code, covers }) => ({ code, covers })), [{ code: 'include-limit', covers: `${dir}/b.ini` }]);
    assert.match(found[0]!.message, /already being read/);
  });

  it('a cycle through a symbolic link is found by real path', () => {
    write('real.ini', `[uwsgi]\ninclude = ${dir}/alias.ini\n`);
    fs.symlinkSync(path.join(dir, 'real.ini'), path.join(dir, 'alias.ini'));
    const found = includeFindings(`[uwsgi]\ninclude = ${dir}/real.ini\n`, 'start.ini');
    assert.deepEqual(found.map(({ code }) => code), ['include-limit']);
    assert.match(found[0]!.message, /already being read/);
  });

  it('a chain 1,000 files deep stops at depth 16', () => {
    fs.mkdirSync(path.join(dir, 'chain'));
    for (let i = 0; i < 1000; i++) write(`chain/c${i}.ini`, `[uwsgi]\ninclude = %dc${i + 1}.ini\nlevel${i} = ${i}\n`);
    write('chain/c1000.ini', '[uwsgi]\nbottom = 1\n');
    const found = includeFindings('[uwsgi]\ninclude = %dchain/c0.ini\n');
    assert.deepEqual(found.map(({ code, covers }) => ({ code, covers })), [{ code: 'include-limit', covers: '%dchain/c0.ini' }]);
    assert.match(found[0]!.message, /deeper than 16 levels/);
  });

  it('a broken symbolic link is reported as missing', () => {
    fs.symlinkSync(path.join(dir, 'nowhere.ini'), path.join(dir, 'dangling.ini'));
    const found = includeFindings(`[uwsgi]\ninclude = ${dir}/dangling.ini\n`);
    assert.deepEqual(found.map(({ code, severity, covers }) => ({ code, severity, covers })), [{ code: 'missing-include', severity: 'warning', covers: `${dir}/dangling.ini` }]);
  });

  it('reads an ordinary include (the control case: the others fail for their own reason)', () => {
    write('base.ini', '[uwsgi]\nbase = /srv/app\n');
    const service = getLanguageService({}, { fileSystem: nodeFileSystem });
    const text = '[uwsgi]\ninclude = %dbase.ini\nchdir = %(base)\n';
    const file = write('uses-base.ini', text);
    const diagnostics = service.doValidation(service.parse(TextDocument.create(pathToUri(file), 'uwsgi-ini', 1, text)));
    assert.deepEqual(diagnostics.filter((d) => ['missing-include', 'include-limit', 'undefined-placeholder'].includes(String(d.code))), []);
  });

  it('the file system port refuses special files itself, whatever the caller checked', () => {
    const fifo = path.join(dir, 'direct.fifo');
    execFileSync('mkfifo', [fifo]);
    assert.equal(nodeFileSystem.stat(fifo)?.type, 'other');
    assert.equal(nodeFileSystem.readFile(fifo, 1024), undefined, 'readFile of a FIFO returns at once, without data');
    assert.equal(nodeFileSystem.readFile('/dev/zero', 1024), undefined, 'readFile of a device returns nothing');
    assert.equal(nodeFileSystem.readFile(dir, 1024), undefined, 'readFile of a directory returns nothing');
    write('long.ini', 'y'.repeat(10_000));
    assert.equal(nodeFileSystem.readFile(path.join(dir, 'long.ini'), 100)?.length, 100, 'reads stop at maxBytes');
  });
});
