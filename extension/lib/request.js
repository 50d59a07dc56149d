// Building the HTTP request for one capture. Pages are mostly markup and compress 5-10x, so bodies
// above a few tens of KB go gzipped (the server accepts Content-Encoding: gzip); small ones are not
// worth the CPU.

export const GZIP_THRESHOLD_BYTES = 32 * 1024;
export const CAPTURE_TIMEOUT_MS = 30_000;

export function shouldGzip(byteLength, threshold = GZIP_THRESHOLD_BYTES) {
  return byteLength >= threshold;
}

/** gzip bytes with the platform's CompressionStream (browsers and node ≥ 18). */
export async function gzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The JSON body the server's POST /api/captures takes, with empty optional fields left out. */
export function captureBody(payload) {
  const body = { url: payload.url, html: payload.html };
  if (payload.title) body.title = payload.title.slice(0, 4096);
  if (payload.selection) body.selection = payload.selection.slice(0, 1_000_000);
  if (payload.capturedAt) body.capturedAt = payload.capturedAt;
  return body;
}

export function apiUrl(serverUrl, path, query = {}) {
  const url = new URL(serverUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  return url.toString();
}

/** {url, init} for fetch(): bearer token, idempotency key, JSON, gzip when large. */
export async function buildCaptureRequest({ serverUrl, token, payload, idempotencyKey, threshold = GZIP_THRESHOLD_BYTES }) {
  const json = new TextEncoder().encode(JSON.stringify(captureBody(payload)));
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let body = json;
  if (shouldGzip(json.byteLength, threshold)) {
    body = await gzip(json);
    headers['Content-Encoding'] = 'gzip';
  }
  return {
    url: apiUrl(serverUrl, '/api/captures'),
    init: { method: 'POST', headers, body, credentials: 'omit', cache: 'no-store' },
    bytes: { raw: json.byteLength, sent: body.byteLength },
  };
}

/** The human part of an application/problem+json body, or null. */
export function problemText(body) {
  if (!body || typeof body !== 'object') return null;
  const errors = body.errors && typeof body.errors === 'object'
    ? Object.values(body.errors).flat().filter((m) => typeof m === 'string')
    : [];
  const parts = [body.detail, ...errors].filter((p) => typeof p === 'string' && p.trim() !== '');
  if (parts.length) return parts.join(' ');
  return typeof body.title === 'string' ? body.title : null;
}
