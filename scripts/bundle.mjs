// Bundles the extension client and the language server into single files, so the .vsix ships no node_modules.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  metafile: true,
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] }),
  // The server is minified in every build: less source for node to read and compile at each start
  // (cold start is a budget, see docs/performance.md). Its source map is written in every build
  // too, for the stdio bin (server/bin), which enables source maps so that stack traces name the
  // lines of server/src; without the sources' text in it, node reads and parses a third of the bytes.
  build({ ...common, minify: true, sourcemap: true, sourcesContent: false, entryPoints: ['server/src/node/main.ts'], outfile: 'server/dist/server.js' }),
]);
