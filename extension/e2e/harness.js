// What the end-to-end tests stand on: the REAL hqt server (built if missing or stale, started on a
// free loopback port with a temp data directory), a tiny server of test pages, and Debian's
// chromium with the extension loaded through playwright-core.

import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = join(EXTENSION_DIR, '..');
export const RESULTS_DIR = join(EXTENSION_DIR, 'test-results');
const API_PROJECT = join(REPO_DIR, 'src', 'Hqt.Api');
const API_DLL = join(API_PROJECT, 'bin', 'Debug', 'net10.0', 'Hqt.Api.dll');
const CHROMIUM = process.env.HQT_CHROMIUM ?? '/usr/bin/chromium';
export const TOKEN = 'e2e-token-Jq5Wm8Xz3Kv7Lp2Rn6Tb4Yh';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'bin' || entry.name === 'obj') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Build src/Hqt.Api when its dll is missing or older than any source under src/. */
export function ensureServerBuilt() {
  const sources = Math.max(newestMtime(join(REPO_DIR, 'src')), statSync(join(REPO_DIR, 'Directory.Packages.props')).mtimeMs);
  if (existsSync(API_DLL) && statSync(API_DLL).mtimeMs >= sources) return;
  const build = spawnSync('dotnet', ['build', API_PROJECT, '-nologo', '-v', 'q'], { cwd: REPO_DIR, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('dotnet build src/Hqt.Api failed');
}

/** The real server; `stop()` kills it, `start()` brings it back on the same port and data. */
/** `env` adds server settings (Hqt__… variables) on top of the test defaults. */
export async function hqtServer({ logName = 'hqt-server.log', env = {} } = {}) {
  ensureServerBuilt();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'hqt-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  let log = '';
  const server = {
    url,
    dataDir,
    get log() { return log; },
    async start() {
      child = spawn('dotnet', [API_DLL, '--urls', url], {
        cwd: dataDir,
        // Hqt__Lookups__Enabled=false: tests never reach the internet (no reference lookups).
        env: { ...process.env, Hqt__ApiToken: TOKEN, Hqt__DataDirectory: dataDir, Hqt__Lookups__Enabled: 'false', DOTNET_NOLOGO: '1', ASPNETCORE_ENVIRONMENT: 'Development', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (d) => { log += d; });
      child.stderr.on('data', (d) => { log += d; });
      const started = child;
      child.on('exit', (code, signal) => {
        if (!started.stopping) log += `\n[e2e] hqt server exited on its own: code ${code}, signal ${signal} at ${new Date().toISOString()}\n`;
      });
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`hqt server exited: ${log}`);
        try {
          if ((await fetch(`${url}/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await sleep(100);
      }
      throw new Error(`hqt server did not start: ${log}`);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stopping = true;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      child = null;
    },
    async api(path, init = {}) {
      const response = await fetch(`${url}${path}`, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...init.headers } });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async dispose() {
      await server.stop();
      // Kept for diagnosis: a server that died mid-suite says how here.
      await mkdir(RESULTS_DIR, { recursive: true });
      await writeFile(join(RESULTS_DIR, logName), log);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** Serves the HTML files in e2e/pages/ at /<name>, and `extra` pages ({name: html}) made by a test. */
export async function pageServer({ extra = {} } = {}) {
  const dir = fileURLToPath(new URL('./pages/', import.meta.url));
  const http = createServer(async (req, res) => {
    const name = new URL(req.url, 'http://x').pathname.replace(/^\/+/, '').replace(/[^a-z0-9.-]/gi, '').replace(/^\.+/, '') || 'index';
    const pdf = name.endsWith('.pdf');
    if (Object.hasOwn(extra, name)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(extra[name]);
      return;
    }
    try {
      const body = await readFile(join(dir, pdf ? name : `${name}.html`));
      res.writeHead(200, { 'Content-Type': pdf ? 'application/pdf' : 'text/html; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${http.address().port}`, close: () => new Promise((resolve) => http.close(resolve)) };
}

/**
 * A copy of the extension whose manifest also grants http://127.0.0.1/*: activeTab needs a real
 * click, which a headless test cannot give. Everything else is the shipped code.
 */
async function testCopyOfExtension() {
  const dir = await mkdtemp(join(tmpdir(), 'hqt-e2e-ext-'));
  for (const part of ['manifest.json', 'background', 'common', 'lib', 'popup', 'options', 'library', 'vendor', 'icons']) {
    await cp(join(EXTENSION_DIR, part), join(dir, part), { recursive: true });
  }
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

export async function launchBrowser() {
  const extDir = await testCopyOfExtension();
  const profile = await mkdtemp(join(tmpdir(), 'hqt-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 400, height: 600 },
  });
  const worker = async () => context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  const sw = await worker();
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    /** The current service worker (a new one after the extension reloads). */
    worker,
    async configure(serverUrl) {
      await (await worker()).evaluate(([url, token]) => chrome.storage.local.set({ serverUrl: url, token }), [serverUrl, TOKEN]);
    },
    async openTab(url) {
      const page = await context.newPage();
      await page.goto(url);
      // Pages outside the test host permission (about:blank) hide their URL: take the newest tab.
      const tabId = await (await worker()).evaluate(async (u) => (await chrome.tabs.query({ url: u }).catch(() => []))[0]?.id
        ?? (await chrome.tabs.query({})).reduce((a, b) => (b.id > a.id ? b : a)).id, page.url());
      return { page, tabId };
    },
    async openPopup(tabId, { colorScheme = 'light' } = {}) {
      const popup = await context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?tabId=${tabId}`);
      return popup;
    },
    /** Kill the extension's service worker, as Chrome does to an idle one; an event starts a fresh one. */
    async stopWorker() {
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        const { targetInfos } = await cdp.send('Target.getTargets');
        const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
        if (!target) throw new Error('no service worker target to stop');
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
      } finally {
        await page.close();
      }
    },
    async badge(tabId) {
      return (await worker()).evaluate((id) => chrome.action.getBadgeText(id == null ? {} : { tabId: id }), tabId ?? null);
    },
    async outbox() {
      return (await worker()).evaluate(async () => (await chrome.storage.local.get('outbox')).outbox ?? []);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await rm(extDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll `probe` until it returns something truthy. */
export async function eventually(probe, { timeout = 10_000, interval = 200, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await sleep(interval);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export { dirname };
