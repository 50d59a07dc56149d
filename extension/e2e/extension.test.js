// End to end: the shipped extension in headless Debian chromium against the real hqt server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TOKEN, eventually, hqtServer, launchBrowser, pageServer, screenshot } from './harness.js';

let server;
let pages;
let browser;

before(async () => {
  [server, pages] = await Promise.all([hqtServer(), pageServer()]);
  browser = await launchBrowser();
  await browser.configure(server.url);
});

after(async () => {
  await browser?.close();
  await pages?.close();
  await server?.dispose();
});

/** Open the popup for a tab, press "Capture this page", return the popup and its final status. */
async function captureViaPopup(tabId) {
  const popup = await browser.openPopup(tabId);
  await popup.click('#capture');
  await popup.waitForFunction(() => {
    const s = document.getElementById('status');
    return s && !s.hidden && !s.classList.contains('status-muted') && document.getElementById('capture').textContent === 'Capture this page';
  });
  return { popup, status: await popup.locator('#status').textContent(), tone: await popup.locator('#status').getAttribute('class') };
}

async function capturesOf(url) {
  const { status, body } = await server.api('/api/captures?limit=200');
  assert.equal(status, 200);
  return body.items.filter((c) => c.url === url);
}

async function suggestionsAvailable(t) {
  const { status } = await server.api('/api/suggestions?kind=all&limit=1');
  if (status === 404) {
    t.skip('SKIPPED: this server has no /api/suggestions yet (lands with the upstream endpoints on main)');
    return false;
  }
  return true;
}

test('a page rendered by script is captured from the popup, with what its scripts added', async () => {
  const { page, tabId } = await browser.openTab(`${pages.url}/article-1`);
  await page.waitForSelector('#js-rendered');
  const { popup, status, tone } = await captureViaPopup(tabId);
  assert.match(tone, /status-ok/, status);
  assert.match(status, /^Captured: by Jane Roe, [1-9]\d* references?\.$/);
  assert.equal(await browser.badge(tabId), 'OK');

  const [capture, ...more] = await capturesOf(page.url());
  assert.equal(more.length, 0);
  assert.equal(capture.title, 'Why transformers replaced recurrence');
  assert.deepEqual(capture.authors.map((a) => a.name), ['Jane Roe'], 'the author meta exists only in the rendered DOM');
  assert.ok(capture.referenceCount >= 4, `the script-built reference list arrived (${capture.referenceCount})`);

  // Capturing the same rendered page again is recognised, not duplicated.
  await popup.close();
  const again = await captureViaPopup(tabId);
  assert.match(again.status, /Already captured/);
  assert.equal((await capturesOf(page.url())).length, 1);
  await again.popup.close();
  await page.close();
});

test('a large page goes gzipped and arrives whole', async () => {
  const { page, tabId } = await browser.openTab(`${pages.url}/long`);
  const worker = await browser.worker();
  // Record what the background sends (the outbox calls the global fetch at send time).
  await worker.evaluate(() => {
    const realFetch = globalThis.fetch;
    globalThis.realFetch = realFetch;
    globalThis.sentEncodings = [];
    globalThis.fetch = (url, init) => {
      if (String(url).endsWith('/api/captures')) globalThis.sentEncodings.push([init.headers['Content-Encoding'] ?? null, init.body.byteLength]);
      return realFetch(url, init);
    };
  });
  const outcome = await worker.evaluate((id) => globalThis.hqt.capture(id), tabId);
  const sent = await worker.evaluate(() => {
    globalThis.fetch = globalThis.realFetch;
    return globalThis.sentEncodings;
  });
  assert.equal(outcome.state, 'delivered', outcome.message);
  assert.equal(sent.length, 1);
  assert.equal(sent[0][0], 'gzip');
  assert.ok(sent[0][1] < 60_000, `${sent[0][1]} bytes on the wire for ~300 KB of page`);
  const [capture] = await capturesOf(page.url());
  assert.deepEqual(capture.authors.map((a) => a.name), ['Ana Lima']);
  assert.ok(capture.referenceCount >= 1);
  await page.close();
});

test('browser pages and PDFs are refused with a message saying why', async () => {
  const pdf = await browser.openTab(`${pages.url}/paper.pdf`);
  const popup = await browser.openPopup(pdf.tabId);
  assert.equal(await popup.locator('#capture').isDisabled(), true);
  assert.match(await popup.locator('#status').textContent(), /This is a PDF in the browser's viewer/);
  assert.match(await popup.locator('#upstream').textContent(), /Open a web page/);
  await popup.close();
  await pdf.page.close();

  // Asked directly (as the context menu or the shortcut would), the background refuses a browser page.
  const blank = await browser.openTab('about:blank');
  const outcome = await (await browser.worker()).evaluate((id) => globalThis.hqt.capture(id), blank.tabId);
  assert.equal(outcome.state, 'refused');
  assert.ok(outcome.message.length > 20, outcome.message);
  assert.equal(await browser.badge(blank.tabId), 'ERR');
  await blank.page.close();
});

test('the popup shows what a page stands on and what to read next, with reasons; a dismissed one never comes back', async (t) => {
  for (const name of ['article-2', 'article-3']) {
    const { page, tabId } = await browser.openTab(`${pages.url}/${name}`);
    const { popup, tone, status } = await captureViaPopup(tabId);
    assert.match(tone, /status-ok/, status);
    await popup.close();
    await page.close();
  }
  const settled = (popup) => Promise.all(['#upstream', '#next'].map((s) => popup.waitForSelector(`${s} .panel-body > :not(.state-loading)`)));
  const article = await browser.openTab(`${pages.url}/article-1`);
  let popup = await browser.openPopup(article.tabId);
  await settled(popup);
  if (!(await suggestionsAvailable(t))) {
    await screenshot(popup, 'popup-before-suggestions.png');
    await popup.close();
    await article.page.close();
    return;
  }
  // A captured page: its references, ranked by the reader's graph, each with a reason.
  const upstream = popup.locator('#upstream li.item');
  assert.ok(await upstream.count() >= 1, 'the page\'s references are listed upstream');
  await assertReasons(upstream);
  await screenshot(popup, 'popup.png');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await screenshot(popup, 'popup-dark.png');
  await popup.close();
  await article.page.close();

  // A page with no references: "Your next reads" holds the suggestions.
  const other = await browser.openTab(`${pages.url}/unrelated`);
  popup = await browser.openPopup(other.tabId);
  await settled(popup);
  const rows = popup.locator('#next li.item');
  assert.ok(await rows.count() >= 1, 'at least one next read');
  await assertReasons(rows);
  await screenshot(popup, 'popup-next-reads.png');

  const first = rows.first();
  const id = await first.getAttribute('data-id');
  await first.getByRole('button', { name: /^Dismiss/ }).click();
  await popup.waitForSelector(`#next li.item[data-id="${id}"]`, { state: 'detached' });
  assert.match(await popup.locator('#toast').textContent(), /Dismissed/);
  const after = await server.api('/api/suggestions?kind=all&limit=50');
  assert.equal(after.body.items.some((s) => s.id === id), false, 'the server no longer suggests it');
  await popup.reload();
  await settled(popup);
  assert.equal(await popup.locator(`li.item[data-id="${id}"]`).count(), 0);
  await popup.close();
  await other.page.close();
});

// Every row has a reason: its own, or the one said once above the list for what all rows share (or both).
async function assertReasons(rows) {
  const count = await rows.count();
  const common = rows.first().locator('xpath=ancestor::ul[1]/preceding-sibling::p[contains(@class, "common-reason")]');
  const shared = (await common.count()) ? (await common.first().textContent()).trim() : '';
  for (let i = 0; i < count; i++) {
    const own = rows.nth(i).locator('.item-reason');
    const reason = (await own.count()) ? (await own.textContent()).trim() : '';
    assert.ok(reason.length > 3 || shared.length > 8, `row ${i} has a reason (own: "${reason}", shared: "${shared}")`);
  }
}

test('markup in a page title, author or reference is shown as text', async () => {
  const { page, tabId } = await browser.openTab(`${pages.url}/hostile`);
  const title = await page.title();
  assert.match(title, /^<img src=x onerror=/);
  const { popup, status } = await captureViaPopup(tabId);
  const dialogs = [];
  popup.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  assert.equal(await popup.locator('#page-title').textContent(), title);
  // The extractor drops markup posing as an author name, so the status may name no author; whatever it
  // shows must be text (the element counts below prove nothing was injected).
  assert.doesNotMatch(await popup.locator('#status').innerHTML(), /<b[\s>]/, 'the status holds no markup');
  await popup.waitForSelector('#next .panel-body > :not(.state-loading)');
  await popup.waitForSelector('#upstream .panel-body > :not(.state-loading)');
  const injected = await popup.evaluate(() => ({
    imgs: document.querySelectorAll('img:not(.brand img)').length,
    bolds: document.querySelectorAll('#status b, .item b').length,
    scripts: document.querySelectorAll('body script:not([src])').length,
    xss: window.__xss ?? null,
    title: document.title,
  }));
  assert.deepEqual(injected, { imgs: 0, bolds: 0, scripts: 0, xss: null, title: 'hqt' });
  assert.deepEqual(dialogs, []);
  await screenshot(popup, 'popup-hostile.png');
  await popup.close();
  await page.close();
});

test('options: saving checks the server and the token, and says what is wrong', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  assert.equal(await options.inputValue('#server-url'), server.url, 'shows the saved address');
  await options.fill('#token', 'not-the-token');
  await options.click('#test');
  await options.waitForSelector('#result.status-error');
  assert.match(await options.locator('#result').textContent(), /refused the token/);

  await options.fill('#server-url', server.url.replace('http://', '') + '/');
  await options.fill('#token', `Bearer ${TOKEN}`);
  await options.click('#save');
  await options.waitForSelector('#result.status-ok');
  assert.match(await options.locator('#result').textContent(), /^Connected: the server answers and accepts the token\. Your captures are there\.$/);
  assert.equal(await options.inputValue('#server-url'), server.url, 'normalised');
  const saved = await (await browser.worker()).evaluate(() => chrome.storage.local.get(['serverUrl', 'token']));
  assert.deepEqual(saved, { serverUrl: server.url, token: TOKEN });
  await screenshot(options, 'options.png');

  await options.fill('#server-url', 'ftp://nope');
  await options.click('#test');
  assert.match(await options.locator('#result').textContent(), /must start with http/);
  await options.close();
});

test('server down: the capture waits in the outbox, survives an extension restart, and arrives exactly once', async () => {
  const { page, tabId } = await browser.openTab(`${pages.url}/offline`);
  const url = page.url();
  await server.stop();

  const { popup, status, tone } = await captureViaPopup(tabId);
  assert.match(tone, /status-warn/, status);
  assert.match(status, /Saved in the outbox: Could not reach/);
  await popup.waitForSelector('#outbox:not([hidden])');
  assert.match(await popup.locator('#outbox-text').textContent(), /1 capture waiting/);
  assert.equal(await browser.badge(tabId), '1');
  assert.equal(await browser.badge(), '1');
  await screenshot(popup, 'popup-offline.png');

  // Kill the service worker, as the browser does to an idle one: the outbox is in storage.local and
  // the alarm must wake a fresh worker to deliver it.
  await popup.close();
  await browser.stopWorker();
  await server.start();
  const arrived = await eventually(async () => (await capturesOf(url)).length > 0, { timeout: 45_000, interval: 500, what: 'the queued capture to arrive' });
  assert.ok(arrived);
  const worker = await browser.worker();
  await eventually(async () => (await worker.evaluate(async () => ((await chrome.storage.local.get('outbox')).outbox ?? []).length)) === 0, { what: 'an empty outbox' });
  // Another forced retry has nothing left to send.
  await worker.evaluate(() => globalThis.hqt.flush({ force: true, tokenChanged: true }));
  const delivered = await capturesOf(url);
  assert.equal(delivered.length, 1, 'exactly once');
  assert.deepEqual(delivered[0].authors.map((a) => a.name), ['Ola Nordmann']);
  assert.equal(await worker.evaluate(() => chrome.action.getBadgeText({})), '');
  await page.close();
});
