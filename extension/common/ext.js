// The browser's extension API and the reader's settings, shared by the background, popup and options.
// Firefox offers promise-based `browser`; Chromium's `chrome` returns promises in MV3 too.

import { DEFAULT_SERVER_URL } from '../lib/settings.js';

export const ext = globalThis.browser ?? globalThis.chrome;

/** {serverUrl, token}; the server URL defaults to the local server's standard port. */
export async function loadSettings() {
  const { serverUrl, token } = await ext.storage.local.get(['serverUrl', 'token']);
  return { serverUrl: serverUrl || DEFAULT_SERVER_URL, token: token || '' };
}

export async function saveSettings({ serverUrl, token }) {
  await ext.storage.local.set({ serverUrl, token });
}

/** The per-tab outcome the popup shows: kept in session storage, gone when the browser closes. */
export function outcomeKey(tabId) {
  return `outcome:${tabId}`;
}
