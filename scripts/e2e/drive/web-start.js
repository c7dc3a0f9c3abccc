// Start time of the web worker server, in headless chromium: the page gets the text of
// server/dist/browserServer.js, starts it from a Blob URL as the web extension does, and times
// `new Worker` -> the `initialize` result, then a didOpen of examples/uwsgi.ini -> its
// publishDiagnostics. Prints the median and the spread of RUNS starts (a bench, not a test).
// Env: CHROMIUM, RUN_DIR, RUNS (default 15).
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '../../..');
const RUN_DIR = path.resolve(process.env.RUN_DIR);
const RUNS = +(process.env.RUNS || 15);
const bundle = fs.readFileSync(path.join(ROOT, 'server/dist/browserServer.js'), 'utf8');
const example = fs.readFileSync(path.join(ROOT, 'examples/uwsgi.ini'), 'utf8');

(async () => {
  const udd = fs.mkdtempSync(path.join(RUN_DIR, 'chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  let rc = 1;
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    await page.setContent('<!doctype html><title>uwsgi-ini web server start</title>');
    const times = await page.evaluate(async ({ bundle, example, runs }) => {
      const url = URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' }));
      const once = () => new Promise((resolve, reject) => {
        const t0 = performance.now();
        const worker = new Worker(url);
        let initialized;
        worker.onerror = (e) => reject(new Error(e.message));
        worker.onmessage = ({ data }) => {
          if (data.id === 1) {
            initialized = performance.now() - t0;
            worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
            worker.postMessage({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:bench', languageId: 'uwsgi-ini', version: 1, text: example } } });
          } else if (data.method === 'textDocument/publishDiagnostics' && data.params.diagnostics.length > 0) {
            const diagnosed = performance.now() - t0;
            worker.terminate();
            resolve({ initialized, diagnosed, count: data.params.diagnostics.length });
          }
        };
        worker.postMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      });
      const out = [];
      for (let i = 0; i < runs; i++) out.push(await once());
      return out;
    }, { bundle, example, runs: RUNS });
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
    console.log(`server/dist/browserServer.js: ${bundle.length} bytes`);
    console.log(`new Worker -> initialize result, ${RUNS} starts: ${fmt(times.map((t) => t.initialized))}`);
    console.log(`new Worker -> diagnostics of examples/uwsgi.ini (${times[0].count}): ${fmt(times.map((t) => t.diagnosed))}`);
    rc = 0;
  } catch (e) {
    console.error('web start bench failed:', e.message);
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
  }
  process.exit(rc);
})();
