// The floor for a language server's cold start: a vscode-languageserver connection that answers
// `initialize` with no capabilities and does nothing else. test/bench/coldStart.ts times it
// beside our servers, in the same run, so the difference is what our code costs.
'use strict';
const { createConnection } = require('vscode-languageserver/node');

const connection = createConnection();
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
