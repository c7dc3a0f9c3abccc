// Preloaded into a server process by neverExecutes.test.ts: every Node API that starts a
// process, opens a network connection or resolves a host name writes TRIPWIRE to stderr and
// throws instead. The server must never trip it.
'use strict';
const fs = require('fs');

function trip(name) {
  return function tripped() {
    fs.writeSync(2, `TRIPWIRE ${name}\n`);
    throw new Error(`tripwire: ${name}`);
  };
}

const childProcess = require('child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = trip(`child_process.${name}`);
const net = require('net');
for (const name of ['connect', 'createConnection', 'createServer']) net[name] = trip(`net.${name}`);
net.Socket.prototype.connect = trip('net.Socket.connect');
for (const module of ['http', 'https']) {
  const m = require(module);
  for (const name of ['request', 'get', 'createServer']) m[name] = trip(`${module}.${name}`);
}
const dns = require('dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns[name] = trip(`dns.${name}`);
const dgram = require('dgram');
dgram.createSocket = trip('dgram.createSocket');
const vm = require('vm');
for (const name of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']) vm[name] = trip(`vm.${name}`);
vm.Script = trip('vm.Script');
if (typeof globalThis.fetch === 'function') globalThis.fetch = trip('fetch');

if (process.env.TRIPWIRE_SELF_TEST === '1') {
  try {
    childProcess.spawnSync('true');
  } catch {
    // expected
  }
}
