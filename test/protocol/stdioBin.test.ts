// What Neovim, Emacs and Helix start: `uwsgi-ini-language-server` runs the minified bundle the
// extension runs, not the unbundled server/out tree, and maps its stack traces back to server/src.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_BIN } from './lspClient';

const ROOT = path.resolve(__dirname, '../..');
const BUNDLE = path.join(ROOT, 'server/dist/server.js');

/** Runs the bin with `--version` in a node that then reports what it loaded, as JSON on stderr. */
function loaded(): { modules: string[]; sources: string[]; entry: string | undefined; stdout: string } {
  const probe = `
    process.argv = [process.argv[0], ${JSON.stringify(SERVER_BIN)}, '--version'];
    require(${JSON.stringify(SERVER_BIN)});
    const map = require('module').findSourceMap(${JSON.stringify(BUNDLE)});
    // Where the bundle defines the rule unknown-option: in unknownOption.ts.
    const lines = require('fs').readFileSync(${JSON.stringify(BUNDLE)}, 'utf8').split('\\n');
    const line = lines.findIndex((text) => text.includes('id:"unknown-option"'));
    const entry = map && line >= 0 && map.findEntry(line, lines[line].indexOf('id:"unknown-option"'));
    process.stderr.write(JSON.stringify({
      modules: Object.keys(require.cache),
      sources: map ? map.payload.sources : [],
      entry: entry && entry.originalSource,
    }));`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 10_000 });
  assert.equal(result.status, 0, result.stderr);
  return { ...JSON.parse(result.stderr), stdout: result.stdout };
}

describe('the stdio bin', () => {
  const report = loaded();

  it('runs the bundle, and nothing of server/out', () => {
    assert.equal(report.stdout.trim(), '0.1.0');
    assert.ok(report.modules.includes(BUNDLE), report.modules.join('\n'));
    assert.deepEqual(report.modules.filter((m) => m.includes(`${path.sep}server${path.sep}out${path.sep}`)), []);
  });

  it('has the source map enabled, pointing into server/src', () => {
    const source = (file: string): string => pathToFileURL(path.join(ROOT, 'server/src', file)).href;
    assert.ok(report.sources.includes(source('node/main.ts')), report.sources.slice(0, 5).join(', '));
    assert.ok(report.sources.includes(source('server.ts')));
    assert.ok(report.sources.includes(source('service/rules/unknownOption.ts')));
    assert.equal(report.entry, source('service/rules/unknownOption.ts'));
  });

  it('is built by npm ci: `prepare` runs the build, which writes the bundle and its map', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    assert.equal(scripts['prepare'], 'npm run build');
    assert.match(scripts['build']!, /&& node scripts\/bundle\.mjs$/);
    const bundler = fs.readFileSync(path.join(ROOT, 'scripts/bundle.mjs'), 'utf8');
    assert.match(bundler, /sourcemap: true, sourcesContent: false, entryPoints: \['server\/src\/node\/main\.ts'\], outfile: 'server\/dist\/server\.js'/);
    assert.ok(fs.existsSync(`${BUNDLE}.map`));
  });
});
