import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { apiUrl, buildCaptureRequest, captureBody, GZIP_THRESHOLD_BYTES, problemText, shouldGzip } from '../lib/request.js';

const payload = { url: 'https://example.org/a', html: '<html><body>hi</body></html>', title: 'A', selection: '', capturedAt: '2026-01-01T00:00:00.000Z' };

test('small bodies go as plain JSON with the bearer token and idempotency key', async () => {
  const { url, init, bytes } = await buildCaptureRequest({ serverUrl: 'http://127.0.0.1:5180/', token: 't0k', payload, idempotencyKey: 'k-1' });
  assert.equal(url, 'http://127.0.0.1:5180/api/captures');
  assert.equal(init.method, 'POST');
  assert.equal(init.credentials, 'omit');
  assert.equal(init.headers.Authorization, 'Bearer t0k');
  assert.equal(init.headers['Idempotency-Key'], 'k-1');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(init.headers['Content-Encoding'], undefined);
  assert.equal(bytes.raw, bytes.sent);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(init.body)), { url: payload.url, html: payload.html, title: 'A', capturedAt: payload.capturedAt });
});

test('bodies from the threshold up are gzipped and decompress to the same JSON', async () => {
  const big = { ...payload, html: `<html><body>${'<p>Ünïcödé text, “quoted”.</p>'.repeat(3000)}</body></html>` };
  const { init, bytes } = await buildCaptureRequest({ serverUrl: 'http://h', token: 't', payload: big, idempotencyKey: 'k' });
  assert.equal(init.headers['Content-Encoding'], 'gzip');
  assert.ok(bytes.sent < bytes.raw / 10, `${bytes.sent} vs ${bytes.raw}`);
  assert.equal(JSON.parse(gunzipSync(init.body).toString('utf8')).html, big.html);
});

test('the gzip decision is a byte threshold', () => {
  assert.equal(shouldGzip(GZIP_THRESHOLD_BYTES - 1), false);
  assert.equal(shouldGzip(GZIP_THRESHOLD_BYTES), true);
  assert.equal(shouldGzip(10, 5), true);
});

test('empty optional fields are left out and oversized ones trimmed to the server limits', () => {
  assert.deepEqual(captureBody({ url: 'u', html: 'h', title: '', selection: '' }), { url: 'u', html: 'h' });
  assert.equal(captureBody({ url: 'u', html: 'h', title: 'x'.repeat(5000) }).title.length, 4096);
});

test('API URLs keep a base path and skip empty query values', () => {
  assert.equal(apiUrl('https://me.example/hqt/', '/api/suggestions', { kind: 'all', limit: 20, explore: undefined }), 'https://me.example/hqt/api/suggestions?kind=all&limit=20');
  assert.equal(apiUrl('http://127.0.0.1:5180', '/api/pages/upstream', { url: 'https://a.org/x?y=1&z=2' }),
    'http://127.0.0.1:5180/api/pages/upstream?url=https%3A%2F%2Fa.org%2Fx%3Fy%3D1%26z%3D2');
});

test('problem details become one readable sentence', () => {
  assert.equal(problemText({ title: 'Bad', detail: 'The page is not HTML.' }), 'The page is not HTML.');
  assert.equal(problemText({ title: 'One or more validation errors occurred.', errors: { url: ['The url must be http or https.'] } }), 'The url must be http or https.');
  assert.equal(problemText({ title: 'Unauthorized' }), 'Unauthorized');
  assert.equal(problemText(null), null);
});
