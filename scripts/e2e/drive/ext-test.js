// Runs the e2e mocha suite inside the real VS Code *Node* extension host, headless, and exits with
// its result. The web workbench of the VS Code server (started with --enable-smoke-test-driver)
// accepts a `payload` query parameter with extensionDevelopmentPath / extensionTestsPath as
// vscode-remote:// URIs; when the tests finish it calls window.codeAutomationExit(code), and it
// forwards the extension host's console through window.codeAutomationLog (printed to stdout here,
// so mocha's report shows in CI logs).
// Env: CS_HOST (127.0.0.1:PORT), EXT_DEV, EXT_TESTS, WS_FOLDER, RUN_DIR, TEST_TIMEOUT_MS, VERBOSE.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
const util = require('util');

const HOST = process.env.CS_HOST;
const EXT = path.resolve(process.env.EXT_DEV);
const TESTS = path.resolve(process.env.EXT_TESTS);
const FOLDER = path.resolve(process.env.WS_FOLDER);
const RUN_DIR = path.resolve(process.env.RUN_DIR);
const TIMEOUT = +(process.env.TEST_TIMEOUT_MS || 300000);
const t0 = Date.now();
const log = (...a) => console.error(`[drive ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

(async () => {
  const remote = (p) => `vscode-remote://${HOST}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(EXT)],
    ['extensionTestsPath', remote(TESTS)],
    ['skipWelcome', 'true'],
  ]);
  const url = `http://${HOST}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(payload)}`;
  const udd = fs.mkdtempSync(path.join(RUN_DIR, 'chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const hostLog = fs.createWriteStream(path.join(RUN_DIR, 'host.log'));
  let code = 2;
  /** The suite's own result line: an exit code of 0 counts only with it (tests ran, none failed). */
  let result = '';
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    const done = new Promise((resolve) => {
      // Workbench and extension host console lines all arrive here. Between the suite's markers
      // (E2E BEGIN ... E2E RESULT) they go to stdout as they are (mocha's spec report); the rest
      // goes to host.log in the run directory (or stdout too with VERBOSE=1).
      let inSuite = false;
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = util.format(...(args || []));
        const line = type === 'log' || type === 'info' ? text : `[${type}] ${text}`;
        if (text.startsWith('E2E BEGIN')) inSuite = true;
        // The workbench's own chatter (no gallery offline) is not the suite's.
        const noise = /ENOTFOUND open-vsx\.org|^\[AccountPolicyGate\]/.test(text);
        if ((inSuite && !noise) || process.env.VERBOSE) console.log(line);
        hostLog.write(line + '\n');
        if (text.startsWith('E2E RESULT')) {
          inSuite = false;
          result = text;
        }
      });
      page.exposeFunction('codeAutomationExit', (c) => resolve(c));
    });
    page.on('console', (m) => {
      if (process.env.VERBOSE) log('[page]', m.text().slice(0, 400));
    });
    page.on('pageerror', (e) => log('[pageerror]', e.message));
    log('open', url);
    await page.goto(url);
    code = await Promise.race([done, new Promise((r) => setTimeout(() => { log(`TIMEOUT after ${TIMEOUT} ms`); r(3); }, TIMEOUT))]);
    log('codeAutomationExit code =', code);
    if (code === 0 && !/^E2E RESULT: 0 failing of [1-9]/.test(result)) {
      log(`exit code 0 without a passing result line of the suite (${result || 'none'})`);
      code = 4;
    }
    if (code !== 0) await page.screenshot({ path: path.join(RUN_DIR, 'ext-test-fail.png') }).catch(() => {});
  } catch (e) {
    log('ERROR', e.message);
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
  }
  process.exit(code);
})();
