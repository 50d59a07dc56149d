// The popup: capture the page, see what it stands on ("Upstream of this page") and what to read next.
// Opened from the toolbar it works on the active tab; opened as a page with ?tabId=N on that tab.

import { ext, loadSettings, outcomeKey } from '../common/ext.js';
import { createClient, describeError, ErrorKind } from '../lib/api.js';
import { replaceChildren, h } from '../lib/dom.js';
import { whyNotCapturable } from '../lib/restricted.js';
import { snapshotPage } from '../lib/snapshot.js';
import { actionDoneText, differentiate, snoozeUntil, suggestionRow, text, topRows, upstreamView } from '../lib/suggestions.js';
import { loadingState, messageState, suggestionList } from './render.js';

const $ = (id) => document.getElementById(id);
const state = { tab: null, client: null, settings: null, refusal: null, toastTimer: null, upstream: Promise.resolve(), upstreamIds: new Set(), lastOutcome: null };

/** The popup shows this many rows a list; the library page has the rest. */
const POPUP_ROWS = 10;

async function main() {
  state.tab = await targetTab();
  state.settings = await loadSettings();
  state.client = createClient(state.settings);
  $('open-options').addEventListener('click', () => ext.runtime.openOptionsPage());
  $('capture').addEventListener('click', onCapture);
  $('retry').addEventListener('click', onRetry);
  $('open-library').addEventListener('click', () => openLibrary('#next'));
  showShortcut();

  $('page-title').textContent = text(state.tab?.title, 200) || text(state.tab?.url, 200) || 'No page';
  state.refusal = state.tab?.url ? whyNotCapturable(state.tab.url) : null;
  if (state.refusal) {
    $('capture').disabled = true;
    showStatus(state.refusal.message, 'muted');
  }
  if (state.tab) {
    const area = ext.storage.session ?? ext.storage.local;
    const { [outcomeKey(state.tab.id)]: last } = await area.get(outcomeKey(state.tab.id));
    if (last && !state.refusal) showOutcome(last);
  }
  ext.storage.onChanged.addListener(onStorageChanged);
  await refreshOutbox();
  // Not set up: one message, not one per panel.
  if (!state.settings.token) return showNotSetUp();
  await reloadLists();
}

function showNotSetUp() {
  $('upstream').hidden = true;
  $('next').hidden = true;
  const setup = $('setup');
  setup.hidden = false;
  const d = describeError({ kind: ErrorKind.NotConfigured });
  replaceChildren(document, setup, messageState(document, {
    title: d.title, action: d.action, tone: 'warn', buttons: [{ label: 'Open Options', onClick: () => ext.runtime.openOptionsPage() }],
  }));
}

/** The library page (one tab, reused), at a view such as '#next' or '#page?url=…'. */
async function openLibrary(hash) {
  await ext.runtime.sendMessage({ type: 'open-library', hash });
  window.close();
}

/** "See all 369 in your library" under a list cut to the popup's rows. */
function seeAll(more, total, hash) {
  return h(document, 'p', { class: 'see-all' }, h(document, 'button', {
    type: 'button', class: 'link-button', onclick: () => openLibrary(hash),
  }, more > 0 ? `See all ${total} in your library` : 'See all in your library'));
}

/** A list with what all its rows share said once above it. */
function shortList(rows, label) {
  const { common, rows: distinct } = differentiate(rows);
  return [common ? h(document, 'p', { class: 'common-reason' }, `All: ${common}`) : null, suggestionList(document, distinct, onAction, label)];
}

// Both requests start at once; next reads render after the upstream list so they can leave out
// what that list already shows.
function reloadLists() {
  state.upstream = loadUpstream();
  return Promise.all([state.upstream, loadNextReads()]);
}

async function targetTab() {
  const id = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(id) && id > 0) return ext.tabs.get(id).catch(() => null);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

async function showShortcut() {
  const commands = await ext.commands?.getAll?.().catch(() => []) ?? [];
  const shortcut = commands.find((c) => c.name === 'capture-page')?.shortcut;
  $('shortcut').textContent = shortcut ? `or ${shortcut}` : '';
}

// ---- capture ------------------------------------------------------------------------------

async function onCapture() {
  if (!state.tab) return;
  const button = $('capture');
  button.disabled = true;
  button.textContent = 'Capturing…';
  showStatus('Reading the page and sending it to hqt…', 'muted');
  try {
    const outcome = await ext.runtime.sendMessage({ type: 'capture', tabId: state.tab.id });
    showOutcome(outcome);
    if (outcome?.state === 'delivered' || outcome?.state === 'repeat') await reloadLists();
  } catch (e) {
    showStatus(`The capture did not start: ${e?.message ?? e}`, 'error');
  } finally {
    button.disabled = Boolean(state.refusal);
    button.textContent = 'Capture this page';
    await refreshOutbox();
  }
}

function showOutcome(outcome) {
  if (!outcome) return;
  state.lastOutcome = outcome;
  const tone = { delivered: 'ok', repeat: 'ok', queued: 'warn', 'needs-token': 'warn' }[outcome.state] ?? 'error';
  showStatus(outcome.message, tone);
}

function showStatus(message, tone) {
  const status = $('status');
  status.hidden = !message;
  status.className = `status status-${tone}`;
  status.textContent = message ?? '';
}

async function onRetry() {
  $('retry').disabled = true;
  $('outbox-text').textContent = 'Sending…';
  try {
    await ext.runtime.sendMessage({ type: 'flush' });
  } finally {
    $('retry').disabled = false;
    await refreshOutbox();
  }
}

async function refreshOutbox() {
  const summary = await ext.runtime.sendMessage({ type: 'outbox' }).catch(() => null);
  const box = $('outbox');
  if (!summary || summary.waiting === 0) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const n = summary.waiting;
  const when = summary.nextAttemptAt ? ` Next try ${relativeTime(summary.nextAttemptAt)}.` : '';
  const why = summary.needsToken ? ' Waiting for a valid token (Options).' : '';
  $('outbox-text').textContent = `${n} capture${n === 1 ? '' : 's'} waiting to be sent.${why}${when}`;
  $('outbox').title = summary.lastError ?? '';
}

function relativeTime(at) {
  const seconds = Math.max(0, Math.round((at - Date.now()) / 1000));
  if (seconds < 5) return 'now';
  if (seconds < 90) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `in ${minutes} min` : `in ${Math.round(minutes / 60)} h`;
}

function onStorageChanged(changes) {
  if (state.tab && changes[outcomeKey(state.tab.id)]?.newValue) showOutcome(changes[outcomeKey(state.tab.id)].newValue);
  if (changes.outbox) {
    const before = changes.outbox.oldValue ?? [];
    const after = changes.outbox.newValue ?? [];
    refreshOutbox();
    if (after.length >= before.length) return;
    // A waiting capture just got through. This page's, if it was waiting: say so, and show what it stands on now.
    const url = state.tab?.url;
    const wasWaiting = url && before.some((e) => e.url === url) && !after.some((e) => e.url === url);
    if (wasWaiting && ['queued', 'needs-token'].includes(state.lastOutcome?.state)) {
      showOutcome({ state: 'delivered', message: 'Sent from the outbox: captured.' });
    }
    reloadLists();
  }
}

// ---- upstream of this page -------------------------------------------------------------------

const upstreamBody = () => $('upstream').querySelector('.panel-body');
const nextBody = () => $('next').querySelector('.panel-body');

async function loadUpstream() {
  const body = upstreamBody();
  state.upstreamIds = new Set();
  if (!state.tab?.url || state.refusal) {
    replaceChildren(document, body, messageState(document, { title: 'Open a web page to see what it stands on.', tone: 'muted' }));
    return;
  }
  replaceChildren(document, body, loadingState(document, 'this page\'s sources'));
  let page;
  try {
    page = await state.client.pageUpstream(state.tab.url);
    if (page?.captureId == null && !page?.references?.length) page = await upstreamFromPage() ?? page;
  } catch (e) {
    if (e?.kind === ErrorKind.NotFound) {
      try {
        page = await upstreamFromPage();
      } catch (inner) {
        return showError(body, inner, loadUpstream);
      }
    } else {
      return showError(body, e, loadUpstream);
    }
  }
  renderUpstream(page);
}

/** The page is not captured yet: let the server read its HTML without storing it. */
async function upstreamFromPage() {
  let snapshot;
  try {
    const [injection] = await ext.scripting.executeScript({ target: { tabId: state.tab.id }, func: snapshotPage });
    snapshot = injection?.result;
  } catch {
    return null; // no access to the page (e.g. opened without a click): show what the server knows
  }
  if (!snapshot?.html) return null;
  return state.client.pageUpstreamFromHtml(snapshot.url, snapshot.html);
}

function renderUpstream(page) {
  const body = upstreamBody();
  const view = upstreamView(page ?? {});
  state.upstreamIds = new Set([...view.references, ...view.inspirations].map((r) => r.id));
  const parts = [];
  if (view.byline) parts.push(h(document, 'p', { class: 'byline' }, `By ${view.byline}`));
  parts.push(h(document, 'p', { class: 'hint' }, view.captured
    ? 'In your library. Capture again to store the page as it is now.'
    : 'Not captured yet: capture it to add it to your reading graph.'));
  const references = topRows(view.references, POPUP_ROWS);
  const inspirations = topRows(view.inspirations, Math.max(0, POPUP_ROWS - references.shown.length));
  if (references.shown.length) {
    parts.push(h(document, 'h3', {}, `What it cites, ranked by your reading${references.more ? ` (top ${references.shown.length} of ${view.references.length})` : ''}`));
    parts.push(shortList(references.shown, 'References of this page'));
  }
  if (inspirations.shown.length) {
    parts.push(h(document, 'h3', {}, 'Who inspired its authors'));
    parts.push(shortList(inspirations.shown, 'People upstream of the authors'));
  } else if (view.references.length && view.inspirationsNote) {
    parts.push(h(document, 'h3', {}, 'Who inspired its authors'));
    parts.push(h(document, 'p', { class: 'hint' }, view.inspirationsNote));
  }
  if (references.more || inspirations.more) {
    parts.push(seeAll(references.more + inspirations.more, view.references.length + view.inspirations.length,
      `#page?url=${encodeURIComponent(state.tab.url)}`));
  }
  if (!view.references.length && !view.inspirations.length) {
    parts.push(messageState(document, {
      title: 'No references found on this page.',
      action: 'hqt finds references in reference lists, citation metadata and links to papers; this page has none it recognises.',
      tone: 'muted',
    }));
  }
  replaceChildren(document, body, parts);
}

// ---- your next reads -------------------------------------------------------------------------

async function loadNextReads() {
  const body = nextBody();
  if (!body.querySelector('.items')) replaceChildren(document, body, loadingState(document, 'suggestions'));
  let result;
  try {
    result = await state.client.suggestions({ kind: 'all', limit: POPUP_ROWS + 10 });
  } catch (e) {
    return showError(body, e, loadNextReads);
  }
  await state.upstream.catch(() => {});
  const rows = (result?.items ?? []).map(suggestionRow).filter((r) => r.id && !state.upstreamIds.has(r.id));
  if (!rows.length && state.upstreamIds.size && result?.items?.length) {
    replaceChildren(document, body, messageState(document, { title: 'Your next reads are the ones listed above.', tone: 'muted' }));
    return;
  }
  if (!rows.length) {
    replaceChildren(document, body, messageState(document, {
      title: 'Nothing to suggest yet.',
      action: 'Capture a few pages you read; hqt then suggests the works and people they stand on.',
      tone: 'muted',
    }));
    return;
  }
  const { shown } = topRows(rows, POPUP_ROWS);
  replaceChildren(document, body, shortList(shown, 'Suggested next reads'), seeAll(0, 0, '#next'));
}

function showError(body, error, retry) {
  const d = describeError(error, state.settings?.serverUrl);
  const buttons = [];
  if (d.retry) buttons.push({ label: 'Try again', onClick: retry });
  if (d.options) buttons.push({ label: 'Open Options', onClick: () => ext.runtime.openOptionsPage() });
  const tone = error?.kind === ErrorKind.Offline || error?.kind === ErrorKind.NotConfigured ? 'warn' : 'error';
  replaceChildren(document, body, messageState(document, { title: d.title, action: d.action, tone, buttons }));
}

// ---- read / dismiss / snooze, with undo -------------------------------------------------------

async function onAction(row, action, extra = {}) {
  const items = document.querySelectorAll(`li.item[data-id="${CSS.escape(row.id)}"]`);
  items.forEach((li) => li.classList.add('leaving'));
  try {
    await state.client.act(row.id, action, { until: action === 'snooze' ? snoozeUntil(extra.days) : undefined });
  } catch (e) {
    items.forEach((li) => li.classList.remove('leaving'));
    showToast(`${describeError(e, state.settings.serverUrl).title}.`, null);
    return;
  }
  const focusNext = nextFocusTarget(items[0]);
  items.forEach((li) => removeItem(li));
  focusNext?.focus();
  showToast(actionDoneText(action, row.title), async () => {
    await state.client.act(row.id, action, { undo: true });
    await reloadLists();
  });
}

function nextFocusTarget(li) {
  const sibling = li?.nextElementSibling ?? li?.previousElementSibling;
  return sibling?.querySelector('a, button') ?? null;
}

function removeItem(li) {
  const list = li.parentElement;
  li.remove();
  if (list && !list.children.length) {
    const section = list.closest('.panel');
    if (section?.id === 'next') loadNextReads();
    else list.remove();
  }
}

function showToast(message, undo) {
  const toast = $('toast');
  clearTimeout(state.toastTimer);
  replaceChildren(document, toast, h(document, 'span', {}, message),
    undo ? h(document, 'button', {
      type: 'button', class: 'link-button', onclick: async () => {
        toast.hidden = true;
        try {
          await undo();
        } catch (e) {
          showToast(`Undo failed: ${describeError(e, state.settings.serverUrl).title}.`, null);
        }
      },
    }, 'Undo') : null);
  toast.hidden = false;
  state.toastTimer = setTimeout(() => { toast.hidden = true; }, 8000);
}

main().catch((e) => showStatus(`The popup failed to start: ${e?.message ?? e}`, 'error'));
