#!/usr/bin/env node
// The language server as editors other than VS Code start it (Neovim, Emacs, Helix...): the same
// minified bundle the extension runs (server/dist/server.js, built by `npm run build`, which
// `npm ci` and `npm install` run through `prepare`), so every editor gets the fast start. Its
// source map lies next to it, and is enabled here so that stack traces in the server's log name
// the lines of server/src (about 12 ms of the start, see docs/performance.md).
'use strict';
const path = require('path');

const bundle = path.join(__dirname, '../dist/server.js');
process.setSourceMapsEnabled(true);
try {
  require.resolve(bundle);
} catch {
  process.stderr.write(`uwsgi-ini-language-server: ${bundle} is missing: run \`npm run build\` in the uwsgi-ini checkout first\n`);
  process.exit(1);
}
require(bundle);
