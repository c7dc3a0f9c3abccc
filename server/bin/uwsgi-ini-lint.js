#!/usr/bin/env node
const { runCli } = require('../out/cli/lint.js');
runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
