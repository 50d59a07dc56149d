// The library page's browser-side bars (issue 18) on a large library, in Debian chromium through the e2e harness:
// first content of the page (#next), a search (#captures?q=), and the influence graph of the top 500 nodes laid out
// and interactive. Runs against a library made by bench/Hqt.Bench.Library (--data DIR keeps it):
//
//   dotnet run -c Release --project bench/Hqt.Bench.Library -- --captures 10000 --data /tmp/hqt-lib10k
//   node extension/scripts/bench-library.mjs --data /tmp/hqt-lib10k [--port 5442] [--runs 5]
//
// Starts its own server (Release build) on that data, loopback only.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, REPO_DIR, sleep } from '../e2e/harness.js';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const data = arg('--data');
const port = Number(arg('--port', '5442'));
const runs = Number(arg('--runs', '5'));
if (!data) { console.error('--data DIR (a library made by bench/Hqt.Bench.Library) is required'); process.exit(2); }
const url = `http://127.0.0.1:${port}`;
const token = 'bench-token-Pz4Kx9Mq2Wv7Ln3Rb8Tc'; // the server refuses tokens under 32 characters
const dll = join(REPO_DIR, 'src/Hqt.Api/bin/Release/net10.0/Hqt.Api.dll');
const server = spawn('dotnet', [dll, '--urls', url], {
  env: { ...process.env, Hqt__ApiToken: token, Hqt__DataDirectory: data, Hqt__Lookups__Enabled: 'false', Logging__LogLevel__Default: 'Warning' },
  stdio: 'ignore',
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let browser;
try {
  for (let i = 0; i < 150; i++) { try { if ((await fetch(`${url}/health`)).ok) break; } catch { /* starting */ } await sleep(200); }
  browser = await launchBrowser();
  await (await browser.worker()).evaluate(([u, t]) => chrome.storage.local.set({ serverUrl: u, token: t }), [url, token]);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const base = `chrome-extension://${browser.extensionId}/library/library.html`;

  const firstContent = async (hash, selector) => {
    await page.goto('about:blank');
    await page.goto(`${base}${hash}`);
    await page.waitForSelector(selector, { timeout: 60_000 });
    return page.evaluate(() => performance.now());
  };
  const cold = await firstContent('#next', '#view li.item');
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await firstContent('#next', '#view li.item'));
  const search = [];
  for (let i = 0; i < runs; i++) search.push(await firstContent(`#captures?q=post%20${1000 + i * 77}`, '#view li.item[data-capture]'));

  const graph = [];
  let drawn = '';
  for (let i = 0; i < runs; i++) {
    await page.goto('about:blank');
    await page.goto(`${base}#graph?limit=500`);
    await page.waitForSelector('.graph-holder[data-ready="true"]', { timeout: 60_000 });
    // Interactive: a zoom and a pan answered within a frame after the layout.
    const ready = await page.evaluate(() => new Promise((resolve) => {
      const cy = globalThis.hqtGraph;
      cy.zoom(cy.zoom() * 1.2);
      cy.panBy({ x: 40, y: 20 });
      requestAnimationFrame(() => resolve({ at: performance.now(), nodes: cy.nodes().length, edges: cy.edges().length }));
    }));
    graph.push(ready.at);
    drawn = `${ready.nodes} nodes, ${ready.edges} edges`;
  }
  console.log(`| Library page in Chromium (${data}) | value |`);
  console.log('| --- | --- |');
  console.log(`| first content of #next, first open after the server started (graph load included) | ${cold.toFixed(0)} ms |`);
  console.log(`| first content of #next, median of ${runs} | ${median(warm).toFixed(0)} ms |`);
  console.log(`| #captures search results shown, median of ${runs} | ${median(search).toFixed(0)} ms |`);
  console.log(`| #graph?limit=500 laid out and interactive (zoom + pan + a frame), median of ${runs} | ${median(graph).toFixed(0)} ms (${drawn}) |`);
  console.log(`| same, worst | ${Math.max(...graph).toFixed(0)} ms |`);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}
