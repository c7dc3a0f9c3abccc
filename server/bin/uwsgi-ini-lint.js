#!/usr/bin/env node
require('../out/cli/lint.js').main();
