// `npm start` is the first thing run on a fresh machine, often piped into a log: its output must
// read well there (no colour escapes, one list of the packaged files) and end by saying what the
// linter's exit status was and what to do next.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../..');

interface Output {
  colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean;
  childEnv(color: boolean, env: Record<string, string | undefined>): Record<string, string | undefined>;
  startExitCode(result: { status: number | null }): number;
}
const output = (): Promise<Output> => import(pathToFileURL(path.join(ROOT, 'scripts/output.mjs')).href);
interface Vsix {
  vsixEntries(file: string): { name: string; size: number }[];
  vsixRead(file: string, name: string): Buffer | undefined;
}
const vsixModule = (): Promise<Vsix> => import(pathToFileURL(path.join(ROOT, 'scripts/vsix.mjs')).href);
const images = (markdown: string) => [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

describe('npm start: output', () => {
  describe('colour', () => {
    const tty = { isTTY: true };
    const pipe = {};

    it('colours a terminal and not a pipe', async () => {
      const { colorEnabled } = await output();
      assert.equal(colorEnabled(tty, {}), true);
      assert.equal(colorEnabled(pipe, {}), false);
    });

    it('NO_COLOR turns colour off on a terminal, even with FORCE_COLOR', async () => {
      const { colorEnabled } = await output();
      assert.equal(colorEnabled(tty, { NO_COLOR: '1' }), false);
      assert.equal(colorEnabled(tty, { NO_COLOR: '1', FORCE_COLOR: '1' }), false);
      // no-color.org: an empty NO_COLOR does not count.
      assert.equal(colorEnabled(tty, { NO_COLOR: '' }), true);
    });

    it('FORCE_COLOR colours a pipe, unless it is 0 or false', async () => {
      const { colorEnabled } = await output();
      assert.equal(colorEnabled(pipe, { FORCE_COLOR: '1' }), true);
      assert.equal(colorEnabled(pipe, { FORCE_COLOR: '' }), true);
      assert.equal(colorEnabled(tty, { FORCE_COLOR: '0' }), false);
      assert.equal(colorEnabled(tty, { FORCE_COLOR: 'false' }), false);
    });

    it('children get the same decision and never both variables', async () => {
      const { childEnv, colorEnabled } = await output();
      for (const color of [true, false]) {
        const env = childEnv(color, { NO_COLOR: '1', FORCE_COLOR: '1', PATH: '/bin' });
        assert.equal(colorEnabled(pipe, env), color);
        assert.equal(colorEnabled(tty, env), color);
        assert.ok(!('NO_COLOR' in env && 'FORCE_COLOR' in env), JSON.stringify(env));
        assert.equal(env['PATH'], '/bin');
      }
    });
  });

  it('exits 0 when the linter found the deliberate errors, and fails when it could not run', async () => {
    const { startExitCode } = await output();
    assert.equal(startExitCode({ status: 0 }), 0);
    assert.equal(startExitCode({ status: 1 }), 0);
    assert.equal(startExitCode({ status: 2 }), 2);
    assert.equal(startExitCode({ status: null }), 1);
  });

  describe('node scripts/start.mjs into a pipe', function () {
    // Packages for real (production bundles and vsce): seconds, not milliseconds.
    this.timeout(120_000);
    let dir: string;
    let vsix: string;
    let run: ReturnType<typeof spawnSync>;
    let text: string;

    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-start-'));
      vsix = path.join(dir, 'out.vsix');
      const env: Record<string, string | undefined> = { ...process.env };
      delete env['NO_COLOR'];
      delete env['FORCE_COLOR'];
      run = spawnSync(process.execPath, ['scripts/start.mjs', '--out', vsix], { cwd: ROOT, env, encoding: 'utf8', timeout: 110_000 });
      text = `${run.stdout}${run.stderr}`;
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('succeeds and writes the .vsix', () => {
      assert.equal(run.status, 0, text);
      assert.ok(fs.statSync(vsix).size > 0);
    });

    it('prints no colour escapes', () => {
      assert.ok(!text.includes('\u001b['), JSON.stringify(text.slice(text.indexOf('\u001b[') - 40, text.indexOf('\u001b[') + 40)));
    });

    it('lists each packaged file once', () => {
      // Files the .vscodeignore allow-list ships; each used to appear in vsce's tree and in ours.
      for (const file of ['extension.js', 'server.js', 'uwsgi-ini.tmLanguage.json', 'language-configuration.json', 'icon.png']) {
        const lines = text.split('\n').filter((line) => line.includes(file));
        assert.equal(lines.length, 1, `${file}:\n${lines.join('\n')}`);
      }
    });

    // VS Code's extension page shows README images only from https URLs (its sanitizer drops
    // other sources, its CSP is img-src https: data:), so a relative image is an empty frame.
    it('the packaged README shows the README\'s images from https URLs in the repository', async () => {
      const { vsixRead } = await vsixModule();
      const readme = vsixRead(vsix, 'extension/readme.md')!.toString('utf8');
      const source = images(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
      assert.ok(source.length > 0, 'the README shows no image');
      const repository = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');
      const packaged = images(readme);
      assert.equal(packaged.length, source.length, JSON.stringify(packaged));
      source.forEach((src, i) => {
        assert.ok(packaged[i]!.startsWith(`${repository}/`) && packaged[i]!.endsWith(`/${src}`), `${src} became ${packaged[i]}`);
        assert.match(packaged[i]!, /^https:\/\//);
      });
    });

    it('every image the README shows is in the .vsix, byte for byte', async () => {
      const { vsixRead } = await vsixModule();
      const source = images(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).filter((src) => !/^[a-z]+:/i.test(src));
      assert.ok(source.length > 0, 'the README shows no packaged image');
      for (const src of source) {
        const packaged = vsixRead(vsix, `extension/${src}`);
        assert.ok(packaged, `${src} is not in the .vsix`);
        assert.ok(packaged.equals(fs.readFileSync(path.join(ROOT, src))), `${src} differs from the checkout's copy`);
      }
    });

    it('the file icons of the uWSGI INI language are in the .vsix, one per theme kind', async () => {
      const { vsixRead } = await vsixModule();
      const manifest = JSON.parse(vsixRead(vsix, 'extension/package.json')!.toString('utf8'));
      const icon = manifest.contributes.languages.find((l: { id: string }) => l.id === 'uwsgi-ini').icon as { light: string; dark: string };
      assert.notEqual(icon.light, icon.dark);
      for (const file of [icon.light, icon.dark]) {
        const svg = vsixRead(vsix, `extension/${file.replace(/^\.\//, '')}`);
        assert.ok(svg, `${file} is not in the .vsix`);
        assert.match(svg.toString('utf8'), /^<svg [^>]*viewBox="0 0 16 16"/);
      }
    });

    it('ships both entries the manifest names (desktop `main`, web `browser`) and the server each starts', async () => {
      const { vsixRead } = await vsixModule();
      const manifest = JSON.parse(vsixRead(vsix, 'extension/package.json')!.toString('utf8')) as { main: string; browser: string };
      for (const entry of [manifest.main, manifest.browser, './server/dist/server.js', './server/dist/browserServer.js']) {
        const bundle = vsixRead(vsix, `extension/${entry.replace(/^\.\//, '')}`);
        assert.ok(bundle && bundle.length > 10_000, `${entry} is not in the .vsix`);
      }
      // Each client starts the bundle of its own kind, by the path the .vsix holds it at.
      assert.match(vsixRead(vsix, `extension/${manifest.browser.replace(/^\.\//, '')}`)!.toString('utf8'), /browserServer\.js/);
      assert.match(vsixRead(vsix, `extension/${manifest.main.replace(/^\.\//, '')}`)!.toString('utf8'), /server\.js/);
    });

    it('stays under the 1 MB budget', () => {
      assert.ok(fs.statSync(vsix).size < 1024 * 1024);
    });

    it("ends with the linter's real exit status and the next step", () => {
      const lint = spawnSync(process.execPath, ['server/bin/uwsgi-ini-lint.js', '--no-color', 'examples'], { cwd: ROOT, encoding: 'utf8' });
      const last = text.trimEnd().split('\n').pop()!;
      assert.ok(last.includes(`status ${lint.status}`), last);
      assert.ok(last.includes(`code --install-extension ${vsix}`), last);
    });
  });
});
