// One capture, from any trigger (popup button, shortcut, context menu): check the tab can be read,
// take the rendered DOM with scripting.executeScript (works on tabs opened before install; no
// content script stays in pages), put it in the outbox, try to send it, and report the outcome on
// the badge and to the popup.

import { ext, outcomeKey } from '../common/ext.js';
import { Verdict } from '../lib/backoff.js';
import { whyNotCapturable, whyNotHtmlDocument } from '../lib/restricted.js';
import { snapshotPage } from '../lib/snapshot.js';
import { formatAuthors } from '../lib/suggestions.js';
import { showTabOutcome } from './badge.js';
import { addToOutbox, flush, outboxSummary } from './outbox.js';

export const Outcome = Object.freeze({
  Delivered: 'delivered', Repeat: 'repeat', Queued: 'queued', NeedsToken: 'needs-token',
  Rejected: 'rejected', Refused: 'refused',
});

const sessionArea = () => ext.storage.session ?? ext.storage.local;

/** Capture a tab. mode 'selection' also sends the context menu's selected text if the page lost it. */
export async function capture(tabId, { mode = 'page', selectionText = '' } = {}) {
  const tab = await ext.tabs.get(tabId).catch(() => null);
  if (!tab) return record(tabId, { state: Outcome.Refused, message: 'That tab is gone.' });
  const refusal = tab.url ? whyNotCapturable(tab.url) : null;
  if (refusal) return record(tabId, { state: Outcome.Refused, message: refusal.message, url: tab.url });

  await showTabOutcome(tabId, 'busy');
  let snapshot;
  try {
    const [injection] = await ext.scripting.executeScript({ target: { tabId }, func: snapshotPage });
    snapshot = injection?.result;
    if (!snapshot) throw new Error('The page returned nothing.');
  } catch (e) {
    return record(tabId, { state: Outcome.Refused, message: injectionFailure(e), url: tab.url });
  }
  const late = whyNotCapturable(snapshot.url) ?? whyNotHtmlDocument(snapshot.contentType);
  if (late) return record(tabId, { state: Outcome.Refused, message: late.message, url: snapshot.url });

  const selection = snapshot.selection || (mode === 'selection' ? selectionText : '');
  const payload = { url: snapshot.url, title: snapshot.title, html: snapshot.html, selection, capturedAt: snapshot.capturedAt };
  const key = await addToOutbox(payload);
  const results = await flush();
  const result = results.find((r) => r.key === key);
  const outcome = await record(tabId, describe(result, payload, await outboxSummary()));
  // It got through, so the server is back: send anything older still waiting for its retry time.
  if (result?.verdict === Verdict.Delivered) flush({ force: true }).catch(() => {});
  return outcome;
}

function describe(result, payload, outbox) {
  const base = { url: payload.url, title: payload.title, waiting: outbox.waiting };
  if (!result) {
    return { ...base, state: Outcome.NeedsToken, message: 'Saved in the outbox. Set your server and token in Options; it is sent then.' };
  }
  switch (result.verdict) {
    case Verdict.Delivered: {
      const c = result.capture ?? {};
      // A busy server stores the page first and reads it moments later; "no author found" would be untrue then.
      const found = c.extraction === 'pending'
        ? 'its authors and references are being read now'
        : [
          c.authors?.length ? `by ${formatAuthors(c.authors.map((a) => a.name))}` : 'no author found',
          `${c.referenceCount ?? 0} reference${c.referenceCount === 1 ? '' : 's'}`,
        ].join(', ');
      return result.status === 200
        ? { ...base, state: Outcome.Repeat, captureId: c.id, message: `Already captured (same page and content): ${found}.` }
        : { ...base, state: Outcome.Delivered, captureId: c.id, message: `Captured: ${found}.` };
    }
    case Verdict.NeedsToken:
      return { ...base, state: Outcome.NeedsToken, message: `Saved in the outbox: ${result.error} Fix the token in Options and it is sent then.` };
    case Verdict.Rejected:
      return { ...base, state: Outcome.Rejected, message: `The server refused this page: ${result.error}` };
    default:
      return { ...base, state: Outcome.Queued, message: `Saved in the outbox: ${result.error} hqt retries on its own, so you can close the tab.` };
  }
}

function injectionFailure(error) {
  const text = String(error?.message ?? error);
  if (/No tab with id|tab was closed/i.test(text)) return 'The tab closed before it could be captured.';
  if (/chrome-error:|error page/i.test(text)) return 'The page did not load. Reload it, then capture again.';
  if (/Cannot access|Missing host permission|permission/i.test(text)) {
    return 'The browser did not let hqt read this page. Use the hqt button, shortcut or menu while the page is in front; browser and store pages can never be read.';
  }
  return `hqt could not read the page: ${text}`;
}

async function record(tabId, outcome) {
  const full = { ...outcome, at: new Date().toISOString() };
  const badge = { [Outcome.Delivered]: 'ok', [Outcome.Repeat]: 'ok', [Outcome.Queued]: 'waiting', [Outcome.NeedsToken]: 'waiting' }[full.state] ?? 'error';
  await showTabOutcome(tabId, badge);
  if (tabId != null) await sessionArea().set({ [outcomeKey(tabId)]: full }).catch(() => {});
  return full;
}
