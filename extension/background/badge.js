// The toolbar badge: per tab, the outcome of its last capture; everywhere else, how many captures
// wait in the outbox. A tab's own text set to null falls back to the global count.

import { ext } from '../common/ext.js';

const COLORS = { ok: '#1a7f37', error: '#cf222e', busy: '#57606a', waiting: '#9a6700' };

export async function showWaiting(count) {
  await ext.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
  await ext.action.setBadgeBackgroundColor({ color: COLORS.waiting });
  await ext.action.setTitle({ title: count > 0 ? `hqt: ${count} capture${count === 1 ? '' : 's'} waiting to be sent` : 'hqt' });
}

/** state: 'busy' | 'ok' | 'error' | 'waiting' (the tab shows the outbox count) */
export async function showTabOutcome(tabId, state) {
  if (tabId == null) return;
  try {
    if (state === 'waiting') {
      await ext.action.setBadgeText({ tabId, text: null });
      return;
    }
    const text = { busy: '…', ok: 'OK', error: 'ERR' }[state] ?? '';
    await ext.action.setBadgeText({ tabId, text });
    if (COLORS[state]) await ext.action.setBadgeBackgroundColor({ tabId, color: COLORS[state] });
  } catch {
    // The tab closed while we worked; nothing to show it on.
  }
}
