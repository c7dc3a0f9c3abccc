// Drives code-server (with the packaged extension installed) in Debian's chromium and checks what a
// user sees: the uWSGI INI file icon in the explorer; in examples/uwsgi.ini a squiggle, a Problems
// panel row for the `vaccum` typo with its rule id, and the hover on `hook-as-root`; then the
// extension's page with the packaged README. Every wait has a deadline; assertions read the DOM.
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
const MANIFEST = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
const README = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');

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
    const explorerRow = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"], .explorer-folders-view .monaco-list-row:has(.label-name:text-is("${name}"))`);
    const row = explorerRow('uwsgi.ini');
    await row.first().waitFor({ timeout: 30000 });

    // The explorer shows the language's own file icon, the one for the theme's kind (light/dark).
    const iconOf = (name) => explorerRow(name).first().locator('.monaco-icon-label').first()
      .evaluate((el) => getComputedStyle(el, '::before').backgroundImage);
    const dark = await page.evaluate(() => !!document.querySelector('.monaco-workbench.vs-dark, .monaco-workbench.hc-black'));
    const languageIcon = MANIFEST.contributes.languages.find((l) => l.id === 'uwsgi-ini').icon;
    const wanted = path.basename(dark ? languageIcon.dark : languageIcon.light);
    // The icon theme's CSS arrives some seconds after the explorer rows.
    let uwsgiIcon = 'none';
    for (const deadline = Date.now() + 30000; Date.now() < deadline && uwsgiIcon === 'none';) {
      uwsgiIcon = await iconOf('uwsgi.ini');
      if (uwsgiIcon === 'none') await page.waitForTimeout(250);
    }
    log('uwsgi.ini icon:', uwsgiIcon.slice(0, 200));
    check(uwsgiIcon.includes(wanted), `the explorer shows ${wanted} for uwsgi.ini (${dark ? 'dark' : 'light'} theme)`);
    await explorerRow('vassals').first().click();
    await explorerRow('api.ini').first().waitFor({ timeout: 30000 });
    check((await iconOf('api.ini')).includes(wanted), `the explorer shows ${wanted} for vassals/api.ini`);
    // legacy.ini is an ini file of another name: the theme's icon, so the icon is the language's.
    check(!(await iconOf('legacy.ini')).includes(wanted), `legacy.ini has another icon than ${wanted}`);
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

    // (d) the extension's page, rendered from the installed .vsix: the README's text, and its
    // image with the https URL vsce gave it. VS Code shows README images from https only (its
    // sanitizer removes any other src), so without a network the image cannot load: what is
    // checked is that it is not an emptied relative src. The image is found by its alt text.
    const [, alt, imagePath] = /!\[([^\]]+)\]\(([^)\s]+)\)/.exec(README);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.keyboard.type('Extensions: Show Installed Extensions');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Installed Extensions' }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: MANIFEST.displayName });
    await item.first().waitFor({ timeout: 30000 });
    await item.first().click();
    await page.locator('.extension-editor .header .name', { hasText: MANIFEST.displayName }).first().waitFor({ timeout: 30000 });
    log('extension page open');
    const firstSentence = squash(README.split('\n\n')[1]).split(':')[0];
    let image = null;
    let text = false;
    for (const deadline = Date.now() + 30000; Date.now() < deadline && !(image && text);) {
      for (const frame of page.frames()) {
        const found = await frame.evaluate(([a, sentence]) => ({
          image: [...document.querySelectorAll('img')].filter((i) => i.alt === a).map((i) => ({ src: i.getAttribute('src'), naturalWidth: i.naturalWidth }))[0] || null,
          text: (document.body?.innerText || '').replace(/\s+/g, ' ').includes(sentence),
        }), [alt, firstSentence]).catch(() => null);
        if (found?.image) image = found.image;
        if (found?.text) text = true;
      }
      if (!(image && text)) await page.waitForTimeout(250);
    }
    log('README image:', JSON.stringify(image));
    check(text, `the extension page shows the README ("${firstSentence.slice(0, 50)}...")`);
    check(image !== null, `the extension page has the README's image "${alt.slice(0, 40)}..."`);
    const repository = MANIFEST.repository.url.replace(/\.git$/, '');
    check(image.src && image.src.startsWith(`${repository}/`) && image.src.endsWith(`/${imagePath}`),
      `the README's image points at ${repository}/.../${imagePath} (naturalWidth ${image.naturalWidth} offline)`);
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
