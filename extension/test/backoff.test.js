import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextAttemptAt, parseRetryAfter, RETRY_SCHEDULE_MS, retryDelayMs, Verdict, verdictForStatus } from '../lib/backoff.js';

test('retry delays grow along the schedule and stop growing at an hour', () => {
  const mid = () => 0.5; // no jitter
  assert.equal(retryDelayMs(1, mid), 10_000);
  assert.equal(retryDelayMs(2, mid), 30_000);
  assert.equal(retryDelayMs(5, mid), 5 * 60_000);
  assert.equal(retryDelayMs(8, mid), 60 * 60_000);
  assert.equal(retryDelayMs(50, mid), 60 * 60_000);
  for (let a = 2; a <= RETRY_SCHEDULE_MS.length; a++) assert.ok(retryDelayMs(a, mid) > retryDelayMs(a - 1, mid));
});

test('jitter stays within ±20 %', () => {
  assert.equal(retryDelayMs(1, () => 0), 8_000);
  assert.equal(retryDelayMs(1, () => 0.999999), 12_000);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('7', now), 7000);
  assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now), 60_000);
  assert.equal(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter('soon', now), null);
});

test('a Retry-After longer than the backoff wins', () => {
  const now = 1_000_000;
  assert.equal(nextAttemptAt(1, now, null, () => 0.5), now + 10_000);
  assert.equal(nextAttemptAt(1, now, 120_000, () => 0.5), now + 120_000);
  assert.equal(nextAttemptAt(1, now, 1_000, () => 0.5), now + 10_000);
});

test('HTTP statuses map to delivered, retry, wait-for-token or rejected', () => {
  assert.equal(verdictForStatus(201), Verdict.Delivered);
  assert.equal(verdictForStatus(200), Verdict.Delivered);
  for (const s of [429, 500, 502, 503, 504, 408, 404]) assert.equal(verdictForStatus(s), Verdict.Retry, String(s));
  assert.equal(verdictForStatus(401), Verdict.NeedsToken);
  assert.equal(verdictForStatus(403), Verdict.NeedsToken);
  for (const s of [400, 409, 413, 415, 422]) assert.equal(verdictForStatus(s), Verdict.Rejected, String(s));
});
