// The real background/outbox.js against a fake browser and a fake server that, like hqt, answers
// 200 to a repeated Idempotency-Key. Checks the promise the extension makes: every capture arrives,
// and arrives once.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { installFakeBrowser, startOutbox } from './fake-browser.js';

let env;
let server;

function fakeServer() {
  const stored = new Map(); // idempotency key → capture
  const s = {
    mode: 'up', // 'up' | 'down' | 'lose-answer' (stores, then the connection drops) | 'overloaded' | 'bad-token'
    requests: [],
    stored,
    async fetch(url, init) {
      s.requests.push({ url, init });
      if (s.mode === 'down') throw new TypeError('Failed to fetch');
      if (s.mode === 'bad-token') return json(401, { title: 'Unauthorized' });
      if (s.mode === 'overloaded') return json(429, { title: 'Too many' }, { 'Retry-After': '120' });
      const raw = init.headers['Content-Encoding'] === 'gzip' ? gunzipSync(init.body) : Buffer.from(init.body);
      const body = JSON.parse(raw.toString('utf8'));
      const key = init.headers['Idempotency-Key'];
      const repeat = stored.has(key);
      if (!repeat) stored.set(key, { id: stored.size + 1, url: body.url, title: body.title, authors: [], referenceCount: 0, html: body.html });
      if (s.mode === 'lose-answer') throw new TypeError('network error after the server stored it');
      return json(repeat ? 200 : 201, stored.get(key));
    },
  };
  return s;
}

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

beforeEach(async () => {
  env = installFakeBrowser();
  server = fakeServer();
  globalThis.fetch = (url, init) => server.fetch(url, init);
  await env.storage.local.set({ serverUrl: 'http://127.0.0.1:5180', token: 'secret' });
});

const page = (n, html = `<html><body><p>page ${n}</p></body></html>`) => ({ url: `https://example.org/${n}`, title: `Page ${n}`, html, selection: '', capturedAt: '2026-01-01T00:00:00Z' });

test('a capture is stored before it is sent, then removed with its body once delivered', async () => {
  const outbox = await startOutbox();
  const key = await outbox.addToOutbox(page(1));
  assert.equal((await outbox.readQueue()).length, 1);
  assert.equal(env.badge.text, '1');
  const [result] = await outbox.flush();
  assert.equal(result.key, key);
  assert.equal(result.status, 201);
  assert.deepEqual(await outbox.readQueue(), []);
  assert.deepEqual(env.storage.local.keys().filter((k) => k.startsWith('outbox-body:')), []);
  assert.equal(env.badge.text, '');
  assert.equal(server.requests[0].init.headers.Authorization, 'Bearer secret');
  assert.equal(server.requests[0].init.headers['Idempotency-Key'], key);
});

test('server down: the capture waits with an alarm, survives a worker restart and arrives once', async () => {
  server.mode = 'down';
  let outbox = await startOutbox();
  await outbox.addToOutbox(page(1));
  const [failed] = await outbox.flush();
  assert.equal(failed.verdict, 'retry');
  const [entry] = await outbox.readQueue();
  assert.equal(entry.attempts, 1);
  assert.match(entry.lastError, /Could not reach/);
  const alarm = env.alarms.get(outbox.ALARM_NAME);
  assert.ok(alarm && alarm.when >= Date.now() + 7_000, 'an alarm is set for the first retry');
  assert.equal(env.badge.text, '1');

  // Not due yet: an alarm tick that comes early sends nothing.
  await outbox.flush();
  assert.equal(server.requests.length, 1);

  // The worker is killed; a new one starts, the server is back and the alarm fires.
  server.mode = 'up';
  outbox = await startOutbox();
  const [queued] = await outbox.readQueue();
  await env.storage.local.set({ outbox: [{ ...queued, nextAttemptAt: Date.now() - 1 }] });
  const [delivered] = await outbox.flush();
  assert.equal(delivered.status, 201);
  assert.equal(server.stored.size, 1);
  assert.deepEqual(await outbox.readQueue(), []);
  assert.equal(env.alarms.has(outbox.ALARM_NAME), false, 'no alarm once the outbox is empty');
});

test('an answer lost after the server stored the capture does not make a duplicate', async () => {
  server.mode = 'lose-answer';
  const outbox = await startOutbox();
  await outbox.addToOutbox(page(1));
  await outbox.flush();
  assert.equal((await outbox.readQueue()).length, 1, 'the extension cannot know it arrived, so it keeps it');
  server.mode = 'up';
  const [again] = await outbox.flush({ force: true });
  assert.equal(again.status, 200, 'the server recognises the idempotency key');
  assert.equal(server.stored.size, 1);
  assert.deepEqual(await outbox.readQueue(), []);
});

test('concurrent flushes (alarm and popup at once) send each capture once', async () => {
  const outbox = await startOutbox();
  await outbox.addToOutbox(page(1));
  await outbox.addToOutbox(page(2));
  await Promise.all([outbox.flush(), outbox.flush({ force: true }), outbox.flush()]);
  assert.equal(server.requests.length, 2);
  assert.equal(server.stored.size, 2);
});

test('429 honours Retry-After, and a down server postpones the whole queue after one try', async () => {
  const outbox = await startOutbox();
  await outbox.addToOutbox(page(1));
  await outbox.addToOutbox(page(2));
  server.mode = 'overloaded';
  const before = Date.now();
  const flushed = await outbox.flush();
  assert.deepEqual(flushed.map((r) => [r.verdict, r.postponed ?? false]), [['retry', false], ['retry', true]], 'each capture learns why it waits');
  assert.equal(server.requests.length, 1, 'the second is not tried against an overloaded server');
  const results = await outbox.readQueue();
  assert.equal(results.length, 2);
  for (const e of await outbox.readQueue()) assert.ok(e.nextAttemptAt >= before + 120_000, 'waits at least Retry-After');
});

test('a refused token holds captures until the token changes', async () => {
  server.mode = 'bad-token';
  const outbox = await startOutbox();
  await outbox.addToOutbox(page(1));
  await outbox.flush();
  const [held] = await outbox.readQueue();
  assert.equal(held.state, 'needs-token');
  await outbox.flush({ force: true });
  await outbox.flush();
  assert.equal(server.requests.length, 1, 'neither an alarm tick nor a capture resends with the refused token');
  server.mode = 'up';
  await outbox.flush({ force: true, tokenChanged: true });
  assert.equal(server.stored.size, 1);
  assert.deepEqual(await outbox.readQueue(), []);
});

test('large pages go gzipped and arrive intact', async () => {
  const outbox = await startOutbox();
  const html = `<html><body>${'<p>a paragraph of text that repeats</p>'.repeat(5000)}</body></html>`;
  await outbox.addToOutbox(page(1, html));
  const [result] = await outbox.flush();
  assert.equal(server.requests[0].init.headers['Content-Encoding'], 'gzip');
  assert.ok(result.bytes.sent < result.bytes.raw / 5);
  assert.equal(server.stored.get(result.key).html, html);
});

test('no token yet: captures wait and nothing is sent', async () => {
  await env.storage.local.set({ token: '' });
  const outbox = await startOutbox();
  await outbox.addToOutbox(page(1));
  assert.deepEqual(await outbox.flush(), []);
  assert.equal(server.requests.length, 0);
  assert.equal((await outbox.readQueue()).length, 1);
});
