// Bundles the extension client and the language server into single files, so the .vsix ships no
// node_modules: for the desktop (Node) and for the web (a web worker extension host and a web
// worker server, no Node built-ins: test/unit/security/bundleImports.test.ts scans them).
import { build } from 'esbuild';
import { browserOptions, nodeOptions } from './bundleOptions.mjs';

const production = process.argv.includes('--production');
const common = nodeOptions(production);
const browser = browserOptions(production);

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] }),
  // The server is minified in every build: less source for node to read and compile at each start
  // (cold start is a budget, see docs/performance.md). Its source map is written in every build
  // too, for the stdio bin (server/bin), which enables source maps so that stack traces name the
  // lines of server/src; without the sources' text in it, node reads and parses a third of the bytes.
  build({ ...common, minify: true, sourcemap: true, sourcesContent: false, entryPoints: ['server/src/node/main.ts'], outfile: 'server/dist/server.js' }),
  build({ ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'client/dist/browserExtension.js', external: ['vscode'] }),
  build({ ...browser, minify: true, format: 'iife', entryPoints: ['server/src/browser/main.ts'], outfile: 'server/dist/browserServer.js' }),
]);
