// Firefox smoke run: the extension as a temporary add-on in headless Firefox ESR (through web-ext),
// against the real hqt server; passes when a capture of a script-rendered test page arrives.
// Firefox offers no automation channel to an add-on, so this copy of the extension gets a
// TEST-ONLY background hook that captures a tab whose URL carries #hqt-smoke=<settings>.
// Used by e2e/firefox.test.js and scripts/firefox-smoke.mjs. Needs /usr/bin/firefox-esr; fetches
// the pinned web-ext through npx (not in the lock file, so machines without Firefox skip it).
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { EXTENSION_DIR, TOKEN, eventually, hqtServer, pageServer } from './harness.js';

const WEB_EXT = 'web-ext@10.7.0';
export const FIREFOX = process.env.HQT_FIREFOX ?? '/usr/bin/firefox-esr';
export const firefoxInstalled = () => existsSync(FIREFOX);

const hook = `// TEST-ONLY (firefox-smoke.mjs): never shipped.
import './background.js';
import { capture } from './capture.js';
import { ext } from '../common/ext.js';

const done = new Set();
async function maybeCapture(tab) {
  const match = /#hqt-smoke=([^&]+)/.exec(tab?.url ?? '');
  if (!match || done.has(tab.id) || tab.status !== 'complete') return;
  done.add(tab.id);
  await ext.storage.local.set(JSON.parse(decodeURIComponent(match[1])));
  console.log('hqt smoke capture', JSON.stringify(await capture(tab.id)));
}
ext.tabs.onUpdated.addListener((id, change, tab) => { maybeCapture(tab).catch(console.error); });
// The start page can finish loading before the add-on is installed.
ext.tabs.query({}).then((tabs) => tabs.forEach((t) => maybeCapture(t).catch(console.error)));
`;

/** Resolves to {capture, seconds} once the capture is on the server; rejects after two minutes. */
export async function firefoxSmoke() {
  const [server, pages] = await Promise.all([hqtServer({ logName: 'hqt-server-firefox.log' }), pageServer()]);
  const dir = await mkdtemp(join(tmpdir(), 'hqt-ff-ext-'));
  let child;
  try {
    for (const part of ['manifest.json', 'background', 'common', 'lib', 'popup', 'options', 'library', 'vendor', 'icons']) {
      await cp(join(EXTENSION_DIR, part), join(dir, part), { recursive: true });
    }
    await writeFile(join(dir, 'background', 'smoke-hook.js'), hook);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    manifest.host_permissions = ['http://127.0.0.1/*'];
    manifest.background = { scripts: ['background/smoke-hook.js'], type: 'module' };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));

    const page = `${pages.url}/article-2`;
    const settings = encodeURIComponent(JSON.stringify({ serverUrl: server.url, token: TOKEN }));
    const started = Date.now();
    child = spawn('npx', ['--yes', '--prefer-offline', WEB_EXT, 'run', '--source-dir', dir, '--firefox', FIREFOX, '--arg=-headless',
      '--no-reload', '--no-input', '--start-url', `${page}#hqt-smoke=${settings}`], {
      env: { ...process.env, MOZ_HEADLESS: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    try {
      const capture = await eventually(async () => {
        const { body } = await server.api('/api/captures?limit=10');
        return body.items.find((c) => c.url.startsWith(page));
      }, { timeout: 120_000, interval: 500, what: 'a capture from Firefox' });
      return { capture, seconds: (Date.now() - started) / 1000 };
    } catch (e) {
      const tail = log.split('\n').filter((l) => /hqt|error/i.test(l)).slice(-30).join('\n');
      throw new Error(`${e.message}\n${tail}`);
    }
  } finally {
    if (child?.pid) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
    await pages.close();
    await server.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}
