// The outbox of captures as plain data: every capture is written here first and leaves only when the
// server has acknowledged it (201 or 200), so a crash, a closed browser or a dead server never loses
// one. Each entry carries an idempotency key made once, at capture time, and sent with every attempt:
// if an answer is lost after the server stored the capture, the retry gets 200, not a duplicate.
// These functions are pure; background/outbox.js keeps the state in storage.local.

import { Verdict, nextAttemptAt } from './backoff.js';

export const QueueState = Object.freeze({ Waiting: 'waiting', NeedsToken: 'needs-token' });

/** A new queue entry (metadata only; the body is stored beside it under bodyKey(key)). */
export function newEntry({ key, url, title, now }) {
  return { key, url, title: title ?? '', enqueuedAt: now, attempts: 0, nextAttemptAt: now, state: QueueState.Waiting, lastError: null };
}

export function bodyKey(key) {
  return `outbox-body:${key}`;
}

export function enqueue(queue, entry) {
  if (queue.some((e) => e.key === entry.key)) return queue;
  return [...queue, entry];
}

/** Entries to send now, oldest first. Entries waiting for a token go only when `tokenChanged`. */
export function dueEntries(queue, now, { tokenChanged = false, force = false } = {}) {
  return queue
    .filter((e) => (e.state === QueueState.NeedsToken ? tokenChanged : force || e.nextAttemptAt <= now))
    .sort((a, b) => a.enqueuedAt - b.enqueuedAt);
}

/**
 * The queue after one attempt at `key`: removed when delivered or rejected for good, rescheduled
 * otherwise. Returns {queue, removed} so the caller knows to drop the stored body too.
 */
export function afterAttempt(queue, key, { verdict, now, retryAfterMs = null, error = null, random = Math.random }) {
  const entry = queue.find((e) => e.key === key);
  if (!entry) return { queue, removed: false };
  if (verdict === Verdict.Delivered || verdict === Verdict.Rejected) {
    return { queue: queue.filter((e) => e.key !== key), removed: true };
  }
  const attempts = entry.attempts + 1;
  const updated = verdict === Verdict.NeedsToken
    ? { ...entry, attempts, state: QueueState.NeedsToken, lastError: error, nextAttemptAt: Number.MAX_SAFE_INTEGER }
    : { ...entry, attempts, state: QueueState.Waiting, lastError: error, nextAttemptAt: nextAttemptAt(attempts, now, retryAfterMs, random) };
  return { queue: queue.map((e) => (e.key === key ? updated : e)), removed: false };
}

/** When the alarm should next wake the background to retry, or null when nothing is scheduled. */
export function nextWake(queue) {
  const times = queue.filter((e) => e.state === QueueState.Waiting).map((e) => e.nextAttemptAt);
  return times.length ? Math.min(...times) : null;
}

/** What the badge and the popup say about the outbox. */
export function summarize(queue) {
  const needsToken = queue.filter((e) => e.state === QueueState.NeedsToken).length;
  const lastError = [...queue].sort((a, b) => b.enqueuedAt - a.enqueuedAt).find((e) => e.lastError)?.lastError ?? null;
  return { waiting: queue.length, needsToken, nextAttemptAt: nextWake(queue), lastError };
}

/** An idempotency key unique to one capture action (not to the URL: recapturing later is a new capture). */
export function newIdempotencyKey(cryptoImpl = globalThis.crypto) {
  return `hqt-ext-${cryptoImpl.randomUUID()}`;
}
