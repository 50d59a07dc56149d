import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SERVER_URL, hostPermissionPattern, isInsecureRemote, normalizeServerUrl, normalizeToken } from '../lib/settings.js';

test('server addresses are normalised the way people type them', () => {
  assert.deepEqual(normalizeServerUrl(' http://127.0.0.1:5180/ '), { ok: true, url: 'http://127.0.0.1:5180' });
  assert.deepEqual(normalizeServerUrl('localhost:5180'), { ok: true, url: 'http://localhost:5180' });
  assert.deepEqual(normalizeServerUrl('https://me.example/hqt//'), { ok: true, url: 'https://me.example/hqt' });
  assert.equal(normalizeServerUrl(DEFAULT_SERVER_URL).url, DEFAULT_SERVER_URL);
});

test('addresses that cannot work are refused with a reason', () => {
  assert.match(normalizeServerUrl('').error, /Enter the address/);
  assert.match(normalizeServerUrl('ftp://x').error, /http/);
  assert.match(normalizeServerUrl('http://user:pw@host').error, /Token field/);
  assert.match(normalizeServerUrl('http://host/?token=1').error, /query/);
  assert.match(normalizeServerUrl('http://exa mple').error, /not a web address/);
});

test('the host permission covers the server host on any port, nothing wider', () => {
  assert.equal(hostPermissionPattern('http://127.0.0.1:5180'), 'http://127.0.0.1/*');
  assert.equal(hostPermissionPattern('https://me.example/hqt'), 'https://me.example/*');
});

test('plain http off this machine is flagged', () => {
  assert.equal(isInsecureRemote('http://127.0.0.1:5180'), false);
  assert.equal(isInsecureRemote('http://localhost:5180'), false);
  assert.equal(isInsecureRemote('http://[::1]:5180'), false);
  assert.equal(isInsecureRemote('https://me.example'), false);
  assert.equal(isInsecureRemote('http://192.168.1.5:5180'), true);
});

test('a pasted "Bearer …" header value still gives the token', () => {
  assert.equal(normalizeToken('  Bearer abc123 '), 'abc123');
  assert.equal(normalizeToken('abc123'), 'abc123');
});
