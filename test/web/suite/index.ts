// Entry point the web worker extension host loads (`extensionTestsPath`, bundled by
// scripts/e2e/build-web-suite.mjs): runs the web suite with mocha's browser build. The markers and
// the result line are the ones the offline runner reads (scripts/e2e/drive/ext-test.js).
interface BrowserMocha {
  setup(options: { ui: string; reporter?: string; color?: boolean; timeout?: number }): void;
  run(done: (failures: number) => void): { total?: number };
  suite: { total(): number };
}

export function run(): Promise<void> {
  // mocha's browser build: loaded as CommonJS it exports nothing and defines the global `mocha`.
  require('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // After setup, which defines describe/it: the spec files register their tests as they load.
  require('./web.test');
  console.log('E2E BEGIN (web worker extension host)');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`E2E RESULT: ${failures} failing of ${mocha.suite.total()} tests`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
