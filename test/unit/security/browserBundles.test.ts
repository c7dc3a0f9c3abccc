// The web bundles (client/dist/browserExtension.js, server/dist/browserServer.js) run in web
// workers, where no Node built-in exists: built as scripts/bundle.mjs builds them, they reach none,
// neither from our code nor from the libraries, and the written files require nothing but `vscode`.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { build, Metafile } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

interface BundleOptions {
  [key: string]: unknown;
}

async function browserOptions(): Promise<BundleOptions> {
  // An ES module of the build scripts: loaded as the build loads it.
  const options = (await import(path.join(ROOT, 'scripts/bundleOptions.mjs'))) as { browserOptions(production: boolean): BundleOptions };
  return options.browserOptions(true);
}

async function metafileOf(entry: string, extra: BundleOptions): Promise<Metafile> {
  const result = await build({
    ...(await browserOptions()), ...extra, absWorkingDir: ROOT, entryPoints: [entry], outfile: 'bundle.js', write: false, logLevel: 'silent',
  });
  return result.metafile!;
}

/**
 * Every import the bundle leaves outside (external), with its importer. esbuild lists type-only
 * imports as external too (it drops them): a relative one, or one of a package whose code is
 * bundled all the same, is such an import and is left out here.
 */
function externalImports(metafile: Metafile): string[] {
  const bundled = new Set(inputs(metafile).map((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]).filter(Boolean));
  const found = new Set<string>();
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || imported.path.startsWith('.') || bundled.has(imported.path)) continue;
      found.add(`${imported.path} <- ${importer}`);
    }
  }
  return [...found].sort();
}

/** Every input file of the bundle: a Node built-in that esbuild replaced with an empty module shows here. */
function inputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs);
}

describe('security: the web bundles reach no Node built-in', function () {
  this.timeout(120_000);
  let server: Metafile;
  let client: Metafile;

  before(async () => {
    [server, client] = await Promise.all([
      metafileOf('server/src/browser/main.ts', { format: 'iife' }),
      metafileOf('client/src/browserExtension.ts', { external: ['vscode'] }),
    ]);
  });

  it('finds the language server and the protocol library in the server bundle', () => {
    assert.ok(inputs(server).includes('server/src/server.ts'));
    assert.ok(inputs(server).some((file) => file.startsWith('node_modules/vscode-languageserver/lib/browser/')));
    assert.ok(!inputs(server).some((file) => file.includes('/lib/node/')), 'no Node flavour of the LSP libraries');
  });

  it('server bundle: imports nothing from outside', () => {
    assert.deepEqual(externalImports(server), []);
  });

  it('client bundle: imports only vscode, from our own code', () => {
    const imports = externalImports(client);
    assert.ok(imports.every((pair) => pair.startsWith('vscode <- ')), imports.join('\n'));
    assert.ok(imports.includes('vscode <- client/src/browserExtension.ts'));
  });

  it('neither bundle takes a Node built-in in, even as an empty stand-in', () => {
    for (const metafile of [server, client]) {
      const external = Object.values(metafile.inputs).flatMap((input) => input.imports).filter((i) => BUILTINS.has(i.path)).map((i) => i.path);
      assert.deepEqual(external, []);
      const builtins = inputs(metafile).filter((file) => BUILTINS.has(file.replace(/^\(disabled\):/, '')) || file.startsWith('(disabled):'));
      assert.deepEqual(builtins, []);
      const libraryNodeFiles = inputs(metafile).filter((file) => /node_modules\/vscode-[a-z-]+\/lib\/node\//.test(file));
      assert.deepEqual(libraryNodeFiles, []);
    }
  });

  it('the written bundles require nothing but vscode', function () {
    const files = ['server/dist/browserServer.js', 'client/dist/browserExtension.js'].map((file) => path.join(ROOT, file));
    if (!files.every((file) => fs.existsSync(file))) execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, stdio: 'pipe' });
    const required = (file: string): string[] => [...new Set([...fs.readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))].sort();
    assert.deepEqual(required(files[0]!), []);
    assert.deepEqual(required(files[1]!), ['vscode']);
  });
});
