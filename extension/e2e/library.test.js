// End to end: the library page and the short popup, in headless Debian chromium against the real server, in one
// browser session: import a BibTeX file and a bookmarks file (pages served on loopback, fetched by the server's
// guarded web fetcher, which the test allow-lists for 127.0.0.1), watch them to done, search, open a person, open
// the graph and dismiss a work from it, and the popup on a 369-reference page. Every view is screenshot and
// checked with axe-core: no serious or critical violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { eventually, hqtServer, launchBrowser, pageServer, screenshot } from './harness.js';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
let pages;
let browser;
let library;

/** A paper whose reference list has `n` entries, each with a DOI. */
function paperWithReferences(n) {
  const refs = Array.from({ length: n }, (_, i) =>
    `<li>Author${i % 40}, A. and Writer${i % 7}, B. (${1950 + (i % 70)}). A cited study number ${i} of reading. <i>Journal of Tests</i>. <a href="https://doi.org/10.5555/e2e.${i}">doi:10.5555/e2e.${i}</a></li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A survey with ${n} references</title>
    <meta name="citation_title" content="A survey with ${n} references"><meta name="citation_author" content="Sam Surveyor"></head>
    <body><article><h1>A survey with ${n} references</h1><p>Surveys cite everything.</p>
    <h2>References</h2><ol class="references">${refs}</ol></article></body></html>`;
}

const BIBTEX = `
@article{shannon1948, title = {A Mathematical Theory of Communication}, author = {Shannon, Claude E.}, year = {1948}, doi = {10.1002/j.1538-7305.1948.tb01338.x}}
@book{knuth1968, title = {The Art of Computer Programming}, author = {Knuth, Donald E.}, year = 1968, isbn = {0-201-03801-3}}
@inproceedings{vaswani2017, title = {Attention Is All You Need}, author = {Vaswani, Ashish and Shazeer, Noam}, year = {2017}, eprint = {1706.03762}, archivePrefix = {arXiv}}
@misc{broken, note = {an entry with nothing to keep}}
`;

before(async () => {
  pages = await pageServer({ extra: { 'refs-369': paperWithReferences(369) } });
  server = await hqtServer({
    logName: 'hqt-server-library.log',
    env: {
      // Bookmarked pages are fetched from the test's own loopback server: the SSRF guard must allow it here.
      Hqt__Lookups__Enabled: 'true',
      Hqt__Lookups__AllowedNetworks__0: '127.0.0.1',
      Hqt__Lookups__OpenAlexBaseUrl: `${pages.url}/openalex`,
      Hqt__Lookups__CrossrefBaseUrl: `${pages.url}/crossref`,
      Hqt__Lookups__FetchWebPages: 'false',
      Hqt__Imports__FetchInterval: '00:00:00.100',
    },
  });
  browser = await launchBrowser();
  await browser.configure(server.url);
});

after(async () => {
  await library?.close();
  await browser?.close();
  await pages?.close();
  await server?.dispose();
});

/** axe-core in the page (evaluated over CDP, so the extension's CSP does not stop it): serious and critical violations. */
async function axe(page, name) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 1)}`);
}

async function openLibrary(hash) {
  if (!library) {
    library = await browser.context.newPage();
    await library.setViewportSize({ width: 1200, height: 900 });
  }
  await library.goto(`chrome-extension://${browser.extensionId}/library/library.html${hash}`);
  await library.waitForFunction(() => !document.getElementById('view').hasAttribute('aria-busy'));
  return library;
}

test('the popup on a 369-reference page shows at most 10 rows and a way to all of them', async () => {
  const { page, tabId } = await browser.openTab(`${pages.url}/refs-369`);
  const popup = await browser.openPopup(tabId);
  await popup.click('#capture');
  await popup.waitForFunction(() => document.getElementById('status')?.classList.contains('status-ok'), null, { timeout: 30_000 });
  await popup.waitForSelector('#upstream li.item', { timeout: 30_000 });
  const upstreamRows = await popup.locator('#upstream li.item').count();
  const nextRows = await popup.locator('#next li.item').count();
  assert.ok(upstreamRows > 0 && upstreamRows <= 10, `upstream rows: ${upstreamRows}`);
  assert.ok(nextRows <= 10, `next-read rows: ${nextRows}`);
  assert.match(await popup.locator('#upstream .see-all').textContent(), /See all 369 in your library/);
  const height = await popup.evaluate(() => document.body.scrollHeight);
  assert.ok(height < 3000, `the popup stays short (${height} px)`);
  await screenshot(popup, 'popup-369.png');
  await axe(popup, 'popup');
  await popup.close();
  await page.close();
});

test('imports: a BibTeX file and a bookmarks file go in with progress to done, and a report', async () => {
  const page = await openLibrary('#imports');
  await axe(page, 'imports (empty)');
  await page.setInputFiles('input[name="file"]', { name: 'library.bib', mimeType: 'text/plain', buffer: Buffer.from(BIBTEX) });
  assert.equal(await page.inputValue('select[name="format"]'), 'bibtex');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('li.job[data-state="done"]', { timeout: 30_000 });
  const bib = await page.locator('li.job').first().textContent();
  assert.match(bib, /4 entries: 3 added, 0 merged, 1 skipped/);

  const bookmarks = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
<DT><A HREF="${pages.url}/article-2" ADD_DATE="1700000000">Pre-training reading path</A>
<DT><A HREF="${pages.url}/unrelated" ADD_DATE="1700000100">Unrelated page</A>
<DT><A HREF="javascript:void(0)">A bookmarklet</A>
</DL>`;
  await page.setInputFiles('input[name="file"]', { name: 'bookmarks.html', mimeType: 'text/html', buffer: Buffer.from(bookmarks) });
  await page.click('form button[type="submit"]');
  // Progress shows while the pages are fetched, then the job is done.
  await page.waitForSelector('li.job[data-import] progress');
  await eventually(async () => (await page.locator('li.job[data-state="done"]').count()) === 2, { timeout: 60_000, what: 'both imports done' });
  const marks = await page.locator('li.job').first().textContent();
  assert.match(marks, /3 entries: 2 added, 0 merged, 1 skipped/);
  assert.match(marks, /2 of 2 pages captured/);
  await page.locator('li.job').first().locator('summary').click();
  assert.match(await page.locator('li.job').first().textContent(), /A bookmarklet.*skipped.*javascript:/s);
  await screenshot(page, 'library-imports.png');
  await axe(page, 'imports');

  const { body } = await server.api('/api/captures?limit=50');
  assert.ok(body.items.some((c) => c.url.endsWith('/article-2')), 'the bookmarked page is a capture');
});

test('captures: search finds a bookmarked page by its words, and a capture can be deleted', async () => {
  let page = await openLibrary('#captures');
  assert.ok(await page.locator('li.item[data-capture]').count() >= 3);
  await page.fill('input[name="q"]', 'pre-train');
  await page.click('form[role="search"] button[type="submit"]');
  await page.waitForFunction(() => location.hash.startsWith('#captures?q='));
  await page.waitForFunction(() => !document.getElementById('view').hasAttribute('aria-busy'));
  const hits = page.locator('li.item[data-capture]');
  assert.equal(await hits.count(), 1);
  assert.match(await hits.first().textContent(), /A reading path through pre-training/);
  assert.ok(await hits.first().locator('mark').count() >= 1, 'the matched words are marked');
  await screenshot(page, 'library-search.png');
  await axe(page, 'captures search');

  page = await openLibrary('#captures?site=127.0.0.1&q=sourdough');
  const row = page.locator('li.item[data-capture]').first();
  const id = await row.getAttribute('data-capture');
  await row.locator('button.action-dismiss').click();
  await row.locator('button', { hasText: 'Confirm delete' }).click();
  await page.waitForSelector(`li.item[data-capture="${id}"]`, { state: 'detached' });
  assert.equal((await server.api(`/api/captures/${id}`)).status, 404);
});

test('next reads and a person: reasons, and their works, whom they cite and who cites them', async () => {
  let page = await openLibrary('#next');
  assert.ok(await page.locator('li.item').count() > 0, 'next reads are listed');
  assert.ok(await page.locator('li.item .item-reason, li.item .item-lineage').count() > 0, 'each comes with its reason');
  await screenshot(page, 'library-next.png');
  await axe(page, 'next reads');

  page = await openLibrary('#people');
  await screenshot(page, 'library-people.png');
  await axe(page, 'people');
  const person = page.locator('li.item-person a.item-title').first();
  if (await person.count()) {
    await person.click();
  } else {
    await openLibrary('#people/person-samsurveyor');
  }
  await page.waitForFunction(() => location.hash.startsWith('#people/') && document.getElementById('p-works'));
  await page.waitForFunction(() => !document.getElementById('view').hasAttribute('aria-busy'));
  const text = await page.locator('#view').textContent();
  assert.match(text, /Their works in your graph/);
  assert.match(text, /Whom they cite most/);
  assert.match(text, /Who cites them in your graph/);
  await screenshot(page, 'library-person.png');
  await axe(page, 'person');
});

test('the influence graph draws, hovers with a reason, and dismisses a work from the picture', async () => {
  const page = await openLibrary('#graph?limit=100');
  await page.waitForSelector('.graph-holder[data-ready="true"]', { timeout: 20_000 });
  const shape = await page.evaluate(() => {
    const cy = globalThis.hqtGraph;
    const captures = cy.nodes('[kind = "capture"]');
    const upstream = cy.nodes('[kind = "work"]');
    const meanY = (nodes) => nodes.reduce((s, n) => s + n.position('y'), 0) / Math.max(1, nodes.length);
    return { nodes: cy.nodes().length, edges: cy.edges().length, captures: captures.length, works: upstream.length, capturesBelow: meanY(captures) > meanY(upstream) };
  });
  assert.ok(shape.nodes > 10 && shape.edges > 0, JSON.stringify(shape));
  assert.ok(shape.capturesBelow, 'captures are drawn below what they cite');

  // Hover: the card says why the node is there.
  const target = await page.evaluate(() => {
    const node = globalThis.hqtGraph.nodes('[?suggested][kind = "work"]').first();
    const box = document.getElementById('graph').getBoundingClientRect();
    const at = node.renderedPosition();
    return { id: node.id(), title: node.data('title'), x: box.left + at.x, y: box.top + at.y };
  });
  await page.mouse.move(target.x, target.y);
  await page.waitForSelector('.card:not([hidden])');
  assert.match(await page.locator('.card').textContent(), /cited by|cites|captured/i);
  await screenshot(page, 'library-graph.png');
  await axe(page, 'graph');

  // Click selects it; its card offers Dismiss.
  await page.mouse.click(target.x, target.y);
  await page.waitForSelector('.graph-side button.action-dismiss');
  await screenshot(page, 'library-graph-selected.png');
  await page.click('.graph-side button.action-dismiss');
  await page.waitForFunction((id) => globalThis.hqtGraph.getElementById(id).length === 0, target.id);
  const { body } = await server.api('/api/graph?limit=100');
  assert.ok(!body.nodes.some((n) => n.id === target.id), 'dismissed for good: the server leaves it out');
  await axe(page, 'graph after dismiss');
});

test('exports: the next reads download as BibTeX with the token', async () => {
  const page = await openLibrary('#exports');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Next reads as BibTeX' }).click()]);
  assert.equal(download.suggestedFilename(), 'hqt-next-reads.bib');
  assert.match(await readFile(await download.path(), 'utf8'), /@/);
  await screenshot(page, 'library-exports.png');
  await axe(page, 'exports');
});
