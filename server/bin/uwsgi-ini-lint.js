#!/usr/bin/env node
// A reader that stops early (`uwsgi-ini-lint --list-options | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { runCli } = require('../out/cli/lint.js');
runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
