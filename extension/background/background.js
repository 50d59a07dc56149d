// The background (a service worker in Chromium, an event page in Firefox): wires the triggers to
// capture() and keeps the outbox moving. Listeners are registered at the top level so a woken
// worker sees the event that woke it.

import { ext, outcomeKey } from '../common/ext.js';
import { capture } from './capture.js';
import { ALARM_NAME, flush, outboxSummary, readQueue, resumeOutbox } from './outbox.js';

const MENU_PAGE = 'hqt-capture-page';
const MENU_SELECTION = 'hqt-capture-selection';
const MENU_LIBRARY = 'hqt-open-library';
const LIBRARY_PAGE = 'library/library.html';

/** The library page: focus its tab when one is open (at the given view), else open one. */
export async function openLibrary(hash = '') {
  const base = ext.runtime.getURL(LIBRARY_PAGE);
  // Filtered here, not with query({url}): without the "tabs" permission Chromium ignores that filter and returns
  // every tab. A tab whose address the browser does not show us is simply not reused.
  const open = (await ext.tabs.query({}).catch(() => [])).find((t) => t.url?.startsWith(base));
  const url = `${base}${hash}`;
  if (open?.id) {
    await ext.tabs.update(open.id, { active: true, ...(hash ? { url } : {}) });
    if (open.windowId != null) await ext.windows?.update?.(open.windowId, { focused: true }).catch(() => {});
    return open.id;
  }
  return (await ext.tabs.create({ url })).id;
}

async function createMenus() {
  await ext.contextMenus.removeAll();
  const pages = ['http://*/*', 'https://*/*'];
  ext.contextMenus.create({ id: MENU_PAGE, title: 'Capture this page', contexts: ['page', 'frame', 'link', 'image'], documentUrlPatterns: pages });
  ext.contextMenus.create({ id: MENU_SELECTION, title: 'Capture selection', contexts: ['selection'], documentUrlPatterns: pages });
  // The toolbar button's own menu (right-click on the hqt icon).
  ext.contextMenus.create({ id: MENU_LIBRARY, title: 'Open your library', contexts: ['action'] });
}

ext.runtime.onInstalled.addListener(() => createMenus().catch(console.error));
ext.runtime.onStartup.addListener(() => {
  createMenus().catch(console.error);
  resumeOutbox().catch(console.error);
});

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_LIBRARY) return void openLibrary().catch(console.error);
  if (!tab?.id || tab.id < 0) return;
  const mode = info.menuItemId === MENU_SELECTION ? 'selection' : 'page';
  capture(tab.id, { mode, selectionText: info.selectionText ?? '' }).catch(console.error);
});

ext.commands.onCommand.addListener(async (command, tab) => {
  if (command === 'open-library') return void openLibrary().catch(console.error);
  if (command !== 'capture-page') return;
  const target = tab?.id ? tab : (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id) capture(target.id).catch(console.error);
});

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM_NAME) flush().catch(console.error);
});

// A new token or server address releases captures held for a bad token, at once.
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes.token || changes.serverUrl)) flush({ force: true, tokenChanged: true }).catch(console.error);
});
ext.permissions.onAdded?.addListener(() => flush({ force: true }).catch(console.error));
ext.tabs.onRemoved.addListener((tabId) => (ext.storage.session ?? ext.storage.local).remove(outcomeKey(tabId)).catch(() => {}));

ext.runtime.onMessage.addListener((message, sender, reply) => {
  const handle = {
    capture: () => capture(message.tabId, { mode: message.mode }),
    flush: async () => {
      await flush({ force: true, tokenChanged: true });
      return outboxSummary();
    },
    outbox: () => outboxSummary(),
    'open-library': () => openLibrary(typeof message.hash === 'string' && message.hash.startsWith('#') ? message.hash : ''),
  }[message?.type];
  if (!handle) return false;
  handle().then(reply, (e) => reply({ state: 'error', message: String(e?.message ?? e) }));
  return true; // answer asynchronously
});

// For debugging from the background console (and the end-to-end tests): hqt.capture(tabId).
globalThis.hqt = { capture, flush, readQueue, outboxSummary, openLibrary };

resumeOutbox().catch(console.error);
