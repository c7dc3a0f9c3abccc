// Drives code-server (with the packaged extension installed) in Debian's chromium and checks what a
// user sees in examples/uwsgi.ini: a squiggle, a Problems panel row for the `vaccum` typo with its
// rule id, and the hover on `hook-as-root`. Every wait has a deadline; assertions read the DOM.
// Env: CS_URL, SHOT (screenshot path), RUN_DIR, CHROMIUM.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const URL_ = process.env.CS_URL;
const SHOT = process.env.SHOT;
const RUN_DIR = path.resolve(process.env.RUN_DIR);
const t0 = Date.now();
const log = (...a) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const squash = (s) => s.replace(/\s+/g, ' ').trim();

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
  log('ok:', what);
}

(async () => {
  const udd = fs.mkdtempSync(path.join(RUN_DIR, 'chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let ok = false;
  const page = ctx.pages()[0] || await ctx.newPage();
  try {
    page.on('console', (m) => { if (m.type() === 'error') log('console.error:', m.text().slice(0, 200)); });
    await page.goto(URL_);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    log('workbench loaded');

    // Open examples/uwsgi.ini from the explorer.
    const row = page.locator('.explorer-folders-view .monaco-list-row[aria-label="uwsgi.ini"], .explorer-folders-view .monaco-list-row:has(.label-name:text-is("uwsgi.ini"))');
    await row.first().waitFor({ timeout: 30000 });
    await row.first().dblclick();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'vaccum' }).first().waitFor({ timeout: 30000 });
    log('editor open');

    // The language mode in the status bar.
    const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
    await mode.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => /uWSGI/i.test(document.getElementById('status.editor.mode')?.textContent || ''), null, { timeout: 30000 });
    check(/uWSGI INI/.test(await mode.innerText()), `language mode is "${squash(await mode.innerText())}"`);

    // (a) a squiggle from the language server.
    await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60000 });
    const squiggles = await editor.locator('.squiggly-warning, .squiggly-error, .squiggly-info').count();
    check(squiggles >= 1, `${squiggles} squiggle(s) in the editor`);

    // (b) the Problems panel lists the typo with its rule id.
    await page.keyboard.press('Control+Shift+M');
    const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'vaccum' });
    await marker.first().waitFor({ timeout: 30000 });
    const markerText = squash(await marker.first().innerText());
    log('Problems row:', markerText);
    check(/unknown-option/.test(markerText), 'the Problems row shows the rule id unknown-option');
    check(/uwsgi-ini/.test(markerText), 'the Problems row shows the source uwsgi-ini');
    const rows = await page.locator('.markers-panel .monaco-list-row').count();
    check(rows >= 2, `${rows} rows in the Problems panel`);

    // (c) hover over the hook-as-root key.
    const hookLine = editor.locator('.view-line', { hasText: 'hook-as-root' }).first();
    await hookLine.scrollIntoViewIfNeeded();
    const box = await hookLine.locator('span span').first().boundingBox();
    check(box !== null, 'the hook-as-root key is on screen');
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.mouse.move(box.x + 30, box.y + box.height / 2, { steps: 5 });
    const hover = page.locator('.monaco-hover:visible', { hasText: /as-root/ });
    await hover.first().waitFor({ state: 'visible', timeout: 30000 });
    const hoverText = squash(await hover.first().innerText());
    log('hover:', hoverText.slice(0, 300));
    check(hoverText.length > 20, 'the hover has text');

    await page.screenshot({ path: SHOT });
    log('screenshot', SHOT);
    ok = true;
  } catch (e) {
    log('FAIL', e.message.split('\n')[0]);
    await page.screenshot({ path: SHOT.replace(/\.png$/, '-fail.png') }).catch(() => {});
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
  }
  log(ok ? 'UI-CHECK PASS' : 'UI-CHECK FAIL');
  process.exit(ok ? 0 : 1);
})();
