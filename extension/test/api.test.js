import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, describeError, ErrorKind } from '../lib/api.js';

function recorder(respond) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { calls, fetchImpl };
}
const json = (status, body, headers = {}) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers });

test('suggestions are asked for with the token and no cookies', async () => {
  const { calls, fetchImpl } = recorder(() => json(200, { items: [] }));
  const client = createClient({ serverUrl: 'http://127.0.0.1:5180', token: 'tok', fetchImpl });
  assert.deepEqual(await client.suggestions({ kind: 'all', limit: 20 }), { items: [] });
  assert.equal(calls[0].url, 'http://127.0.0.1:5180/api/suggestions?kind=all&limit=20');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
  assert.equal(calls[0].init.credentials, 'omit');
});

test('dismiss, snooze and read POST; undo DELETEs the same path', async () => {
  const { calls, fetchImpl } = recorder(() => json(204));
  const client = createClient({ serverUrl: 'http://h', token: 't', fetchImpl });
  assert.equal(await client.act('work-12', 'dismiss'), null);
  await client.act('work-12', 'snooze', { until: '2026-01-08T00:00:00.000Z' });
  await client.act('person-7', 'read', { undo: true });
  assert.deepEqual(calls.map((c) => [c.init.method, c.url, c.init.body ?? null]), [
    ['POST', 'http://h/api/suggestions/work-12/dismiss', null],
    ['POST', 'http://h/api/suggestions/work-12/snooze', '{"until":"2026-01-08T00:00:00.000Z"}'],
    ['DELETE', 'http://h/api/suggestions/person-7/read', null],
  ]);
});

test('the page upstream is asked by URL, or from HTML when the page is not captured', async () => {
  const { calls, fetchImpl } = recorder(() => json(200, { url: 'u', references: [], inspirations: [], authors: [] }));
  const client = createClient({ serverUrl: 'http://h', token: 't', fetchImpl });
  await client.pageUpstream('https://a.org/x?q=1');
  await client.pageUpstreamFromHtml('https://a.org/x', '<p>x</p>');
  assert.equal(calls[0].url, 'http://h/api/pages/upstream?url=https%3A%2F%2Fa.org%2Fx%3Fq%3D1');
  assert.equal(calls[1].init.method, 'POST');
  assert.deepEqual(JSON.parse(calls[1].init.body), { url: 'https://a.org/x', html: '<p>x</p>' });
});

test('failures become kinds the popup can explain', async () => {
  const cases = [
    [() => { throw new TypeError('Failed to fetch'); }, ErrorKind.Offline],
    [() => json(401, { title: 'Unauthorized' }), ErrorKind.Unauthorized],
    [() => json(404), ErrorKind.NotFound],
    [() => json(429, { title: 'Too many' }, { 'Retry-After': '3' }), ErrorKind.RateLimited],
    [() => json(500, { title: 'Boom', detail: 'Database locked.' }), ErrorKind.Server],
    [() => json(422, { detail: 'Not HTML.' }), ErrorKind.Rejected],
  ];
  for (const [respond, kind] of cases) {
    const client = createClient({ serverUrl: 'http://h', token: 't', fetchImpl: async () => respond() });
    await assert.rejects(client.suggestions(), (e) => e.kind === kind, kind);
  }
  const client = createClient({ serverUrl: 'http://h', token: 't', fetchImpl: async () => json(500, { detail: 'Database locked.' }) });
  await assert.rejects(client.suggestions(), /Database locked/);
});

test('a missing token fails before any request', async () => {
  const { calls, fetchImpl } = recorder(() => json(200, {}));
  const client = createClient({ serverUrl: 'http://h', token: '', fetchImpl });
  await assert.rejects(client.suggestions(), (e) => e.kind === ErrorKind.NotConfigured);
  assert.deepEqual(await client.health(), {}, '/health needs no token');
  assert.equal(calls.length, 1);
});

test('a server that hangs is reported as slow', async () => {
  const fetchImpl = (url, init) => new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
  const client = createClient({ serverUrl: 'http://h', token: 't', fetchImpl, timeoutMs: 30 });
  // AbortSignal.timeout's timer does not keep node's event loop alive; without a ref'd timer the runner
  // can see an empty loop and cancel the test before the abort fires (it did, on a loaded CI machine).
  const keepAlive = setTimeout(() => {}, 5_000);
  try {
    await assert.rejects(client.suggestions(), (e) => e.kind === ErrorKind.Timeout);
  } finally {
    clearTimeout(keepAlive);
  }
});

test('every error kind says what to do next', () => {
  for (const kind of Object.values(ErrorKind)) {
    const d = describeError({ kind, message: 'm' }, 'http://127.0.0.1:5180');
    assert.ok(d.title.length > 5 && d.action.length > 5, kind);
  }
  assert.match(describeError({ kind: ErrorKind.Offline }, 'http://127.0.0.1:5180').title, /127\.0\.0\.1:5180/);
});
