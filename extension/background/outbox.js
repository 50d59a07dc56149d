// The persistent outbox (storage.local with unlimitedStorage): every capture is written here before
// the first attempt and removed only once the server has answered 200/201, so it survives a dead
// server, a killed service worker and a browser restart. An `alarms` alarm wakes the background for
// the next retry. All reads and writes go through one promise chain so a retry from the alarm and one
// from the popup never send the same entry twice at once.

import { ext, loadSettings } from '../common/ext.js';
import { Verdict, verdictForStatus, parseRetryAfter } from '../lib/backoff.js';
import { afterAttempt, bodyKey, dueEntries, enqueue, newEntry, newIdempotencyKey, nextWake, summarize } from '../lib/queue.js';
import { buildCaptureRequest, CAPTURE_TIMEOUT_MS, problemText } from '../lib/request.js';
import { showWaiting } from './badge.js';

const QUEUE_KEY = 'outbox';
export const ALARM_NAME = 'hqt-outbox-retry';

let chain = Promise.resolve();
function serialized(work) {
  const run = chain.then(work, work);
  chain = run.catch(() => {});
  return run;
}

export async function readQueue() {
  const { [QUEUE_KEY]: queue = [] } = await ext.storage.local.get(QUEUE_KEY);
  return queue;
}

async function writeQueue(queue) {
  await ext.storage.local.set({ [QUEUE_KEY]: queue });
  await scheduleAlarm(queue);
  await showWaiting(queue.length);
}

async function scheduleAlarm(queue) {
  const when = nextWake(queue);
  if (when == null) {
    await ext.alarms.clear(ALARM_NAME);
    return;
  }
  await ext.alarms.create(ALARM_NAME, { when: Math.max(when, Date.now() + 1000) });
}

/** Store a capture (body first, then its entry) and return its idempotency key. */
export function addToOutbox(payload) {
  return serialized(async () => {
    const key = newIdempotencyKey();
    await ext.storage.local.set({ [bodyKey(key)]: payload });
    const queue = enqueue(await readQueue(), newEntry({ key, url: payload.url, title: payload.title, now: Date.now() }));
    await writeQueue(queue);
    return key;
  });
}

/**
 * Send what is due. `force` sends every waiting entry now (the reader pressed "Retry now", or a
 * capture just got through); `tokenChanged` also releases entries held for a bad token.
 * Returns one result per due entry: {key, verdict, status, capture, error}; entries not tried
 * because an earlier one found the server down carry that same verdict with `postponed: true`.
 */
export function flush({ force = false, tokenChanged = false } = {}) {
  return serialized(async () => {
    const settings = await loadSettings();
    let queue = await readQueue();
    const results = [];
    if (!settings.token) {
      await writeQueue(queue);
      return results;
    }
    const due = dueEntries(queue, Date.now(), { force, tokenChanged });
    for (let i = 0; i < due.length; i++) {
      const entry = due[i];
      const { [bodyKey(entry.key)]: payload } = await ext.storage.local.get(bodyKey(entry.key));
      if (!payload) {
        queue = queue.filter((e) => e.key !== entry.key);
        continue;
      }
      const result = await send(settings, entry.key, payload);
      results.push(result);
      const step = afterAttempt(queue, entry.key, { ...result, now: Date.now() });
      queue = step.queue;
      if (step.removed) await ext.storage.local.remove(bodyKey(entry.key));
      await writeQueue(queue);
      // The server is down or refusing the token: the rest would fail the same way, so they wait
      // for the same retry instead of each paying a timeout now.
      if (result.verdict === Verdict.Retry || result.verdict === Verdict.NeedsToken) {
        for (const rest of due.slice(i + 1)) {
          queue = afterAttempt(queue, rest.key, { ...result, now: Date.now() }).queue;
          results.push({ key: rest.key, verdict: result.verdict, status: result.status, capture: null, error: result.error, postponed: true });
        }
        await writeQueue(queue);
        break;
      }
    }
    await writeQueue(queue);
    return results;
  });
}

async function send(settings, key, payload) {
  const request = await buildCaptureRequest({ serverUrl: settings.serverUrl, token: settings.token, payload, idempotencyKey: key });
  let response;
  try {
    response = await fetch(request.url, { ...request.init, signal: AbortSignal.timeout(CAPTURE_TIMEOUT_MS) });
  } catch (e) {
    const error = e?.name === 'TimeoutError'
      ? `The server did not answer within ${CAPTURE_TIMEOUT_MS / 1000} s.`
      : `Could not reach ${settings.serverUrl}.`;
    return { key, verdict: Verdict.Retry, status: null, capture: null, error, offline: true };
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    // An empty or non-JSON answer (a proxy's error page): the status says enough.
  }
  const verdict = verdictForStatus(response.status);
  return {
    key,
    verdict,
    status: response.status,
    capture: verdict === Verdict.Delivered ? data : null,
    error: verdict === Verdict.Delivered ? null : (problemText(data) ?? `The server answered HTTP ${response.status}.`),
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    bytes: request.bytes,
  };
}

export async function outboxSummary() {
  return summarize(await readQueue());
}

/** On every background start: show the count, make sure the alarm exists, send what is due. */
export async function resumeOutbox() {
  const queue = await readQueue();
  await scheduleAlarm(queue);
  await showWaiting(queue.length);
  if (queue.length) await flush();
}
