// Bundles the web suite (test/web/suite/) into test/web/out/suite.js for the web worker extension
// host: one CommonJS file, `vscode` left to the host, mocha's browser build inside, and `assert`
// resolved to the suite's own (a worker has no Node). Type-checked by test/web/tsconfig.json.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserOptions } from '../bundleOptions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
await build({
  ...browserOptions(false),
  absWorkingDir: root,
  entryPoints: ['test/web/suite/index.ts'],
  outfile: 'test/web/out/suite.js',
  external: ['vscode'],
  alias: { assert: './test/web/suite/assert.ts' },
  metafile: false,
});
