// When to try a waiting capture again. The schedule starts short (the server was probably just
// restarting) and grows to an hour so a laptop left offline for a week costs nothing; jitter keeps
// several browsers from hammering a server that just came back.

export const RETRY_SCHEDULE_MS = [10e3, 30e3, 60e3, 2 * 60e3, 5 * 60e3, 10 * 60e3, 30 * 60e3, 60 * 60e3];
const JITTER = 0.2;

/** Delay before attempt number `attempts + 1`, given `attempts` failed ones (≥ 1). */
export function retryDelayMs(attempts, random = Math.random) {
  const index = Math.min(Math.max(attempts, 1), RETRY_SCHEDULE_MS.length) - 1;
  const base = RETRY_SCHEDULE_MS[index];
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** A Retry-After header (delta seconds or an HTTP date) in milliseconds from `now`, or null. */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null) return null;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** What an HTTP answer to a capture means for the queued item. */
export const Verdict = Object.freeze({
  Delivered: 'delivered', // 201 new, 200 already there (same key or content): done either way
  Retry: 'retry',         // the server is down, slow, overloaded or broken for now
  NeedsToken: 'needs-token', // 401/403: wait until the reader fixes the token, then send
  Rejected: 'rejected',   // the server will never accept this body (too large, not HTML, invalid)
});

export function verdictForStatus(status) {
  if (status === 200 || status === 201) return Verdict.Delivered;
  if (status === 401 || status === 403) return Verdict.NeedsToken;
  // 404/405: a proxy or a wrong server URL, 408 timeout, 409 a key clash we cannot fix by waiting
  // is rejected below; 425/429/5xx are temporary.
  if (status === 404 || status === 405 || status === 408 || status === 425 || status === 429 || status >= 500) return Verdict.Retry;
  return Verdict.Rejected;
}

/** Where a failed attempt leaves the item: its next attempt time, bounded below by Retry-After. */
export function nextAttemptAt(attempts, now, retryAfterMs = null, random = Math.random) {
  const delay = Math.max(retryDelayMs(attempts, random), retryAfterMs ?? 0);
  return now + delay;
}
