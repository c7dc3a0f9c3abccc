#!/usr/bin/env node
require('../out/node/main.js');
