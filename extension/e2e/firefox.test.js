// Firefox smoke: the same extension as a temporary add-on in headless Firefox ESR, against the real
// server. Skipped (saying so) where Firefox ESR is not installed: scripts/firefox-smoke.sh installs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIREFOX, firefoxInstalled, firefoxSmoke } from './firefox-smoke.js';

test('Firefox ESR loads the extension and a capture of a script-rendered page arrives', { timeout: 180_000 }, async (t) => {
  if (!firefoxInstalled() || process.env.HQT_SKIP_FIREFOX === '1') {
    t.skip(process.env.HQT_SKIP_FIREFOX === '1' ? 'SKIPPED: HQT_SKIP_FIREFOX=1' : `SKIPPED: no Firefox at ${FIREFOX} (bash extension/scripts/firefox-smoke.sh installs firefox-esr and runs this)`);
    return;
  }
  const { capture, seconds } = await firefoxSmoke();
  t.diagnostic(`captured in ${seconds.toFixed(1)} s`);
  assert.deepEqual(capture.authors.map((a) => a.name), ['Ravi Kumar'], 'the author added by the page script arrived');
  assert.ok(capture.referenceCount >= 4);
});
