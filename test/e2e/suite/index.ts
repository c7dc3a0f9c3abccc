// Entry point the extension host loads (`extensionTestsPath`): runs every *.test.js next to this
// file with mocha. Used by both runners (scripts/e2e/e2e.mjs test and test/e2e/runElectron.ts).
import * as fs from 'fs';
import * as path from 'path';

// mocha 12 is an ES module; Node >= 20.19 / 22.12 can require() it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha') as { default?: typeof import('mocha'); Mocha?: typeof import('mocha') };
const Mocha = (mochaModule.default ?? mochaModule.Mocha ?? mochaModule) as typeof import('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.UWSGI_INI_E2E_TIMEOUT_MS) || 60_000,
    grep: process.env.UWSGI_INI_E2E_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.resolve(__dirname, f));
  // Markers the offline runner uses to print only the suite's own output to stdout.
  console.log('E2E BEGIN');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      // A line the runners grep for, whatever the reporter prints.
      console.log(`E2E RESULT: ${failures} failing of ${mocha.suite.total()} tests`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
