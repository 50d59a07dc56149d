// A small client for the hqt API shared by the background, the popup and the options page. Every
// failure becomes an ApiError with a `kind` the UI turns into "what to do next".

import { apiUrl, problemText } from './request.js';

export const ErrorKind = Object.freeze({
  NotConfigured: 'not-configured', // no server URL or no token yet
  Offline: 'offline',              // nothing answered (server down, wrong port, no network)
  Timeout: 'timeout',
  Unauthorized: 'unauthorized',    // 401/403: the token is wrong or expired
  NotFound: 'not-found',           // 404: an older server without this endpoint, or a wrong base URL
  RateLimited: 'rate-limited',
  Rejected: 'rejected',            // other 4xx: the server refused this request
  Server: 'server',                // 5xx
});

export class ApiError extends Error {
  constructor(kind, message, { status = null, retryAfter = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export function createClient({ serverUrl, token, fetchImpl = globalThis.fetch.bind(globalThis), timeoutMs = DEFAULT_TIMEOUT_MS }) {
  async function request(method, path, { query, body, raw, contentType, auth = true, timeout = timeoutMs } = {}) {
    if (!serverUrl) throw new ApiError(ErrorKind.NotConfigured, 'No server address is set.');
    if (auth && !token) throw new ApiError(ErrorKind.NotConfigured, 'No token is set.');
    const headers = { Accept: 'application/json, application/problem+json' };
    if (auth) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (raw !== undefined) headers['Content-Type'] = contentType || 'text/plain; charset=utf-8';
    let response;
    try {
      response = await fetchImpl(apiUrl(serverUrl, path, query), {
        method,
        headers,
        body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeout),
      });
    } catch (e) {
      if (e?.name === 'TimeoutError') throw new ApiError(ErrorKind.Timeout, `The server did not answer within ${Math.round(timeout / 1000)} s.`);
      throw new ApiError(ErrorKind.Offline, `Could not reach ${serverUrl}.`);
    }
    if (response.status === 204) return null;
    const data = await readJson(response);
    if (response.ok) return data;
    throw errorFor(response, data);
  }

  return {
    serverUrl,
    health: () => request('GET', '/health', { auth: false }),
    listCaptures: (limit = 20) => request('GET', '/api/captures', { query: { limit } }),
    /** query: the GET /api/captures parameters (lib/library.js captureQuery). */
    searchCaptures: (query) => request('GET', '/api/captures', { query }),
    deleteCapture: (id) => request('DELETE', `/api/captures/${encodeURIComponent(id)}`),
    graph: (limit = 200) => request('GET', '/api/graph', { query: { limit } }),
    person: (id) => request('GET', `/api/people/${encodeURIComponent(id)}`),
    /** The file's text as the body; the server answers 202 with the job. */
    startImport: (fileText, { format, name } = {}) => request('POST', '/api/imports', { query: { format: format || undefined, name: name || undefined }, raw: fileText, timeout: 120_000 }),
    imports: () => request('GET', '/api/imports'),
    importJob: (id) => request('GET', `/api/imports/${encodeURIComponent(id)}`),
    /** An export as text (it needs the token, so it cannot be a plain link). */
    exportText: async (path, query) => {
      if (!serverUrl || !token) throw new ApiError(ErrorKind.NotConfigured, 'No server address or token is set.');
      let response;
      try {
        response = await fetchImpl(apiUrl(serverUrl, path, query), { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
      } catch {
        throw new ApiError(ErrorKind.Offline, `Could not reach ${serverUrl}.`);
      }
      if (!response.ok) throw errorFor(response, await readJson(response));
      return { text: await response.text(), type: response.headers.get('Content-Type') ?? 'text/plain' };
    },
    suggestions: ({ kind = 'all', limit = 20, explore } = {}) => request('GET', '/api/suggestions', { query: { kind, limit, explore } }),
    pageUpstream: (url) => request('GET', '/api/pages/upstream', { query: { url } }),
    pageUpstreamFromHtml: (url, html) => request('POST', '/api/pages/upstream', { body: { url, html } }),
    /** action: 'dismiss' | 'snooze' | 'read'; undo=true sends DELETE to the same path. */
    act: (id, action, { undo = false, until } = {}) => request(undo ? 'DELETE' : 'POST', `/api/suggestions/${encodeURIComponent(id)}/${action}`,
      { body: !undo && action === 'snooze' ? { until } : undefined }),
  };
}

async function readJson(response) {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function errorFor(response, data) {
  const status = response.status;
  const detail = problemText(data);
  const retryAfter = response.headers?.get?.('Retry-After') ?? null;
  if (status === 401 || status === 403) return new ApiError(ErrorKind.Unauthorized, detail ?? 'The server refused the token.', { status });
  if (status === 404) return new ApiError(ErrorKind.NotFound, detail ?? 'The server does not know this address.', { status });
  if (status === 429) return new ApiError(ErrorKind.RateLimited, detail ?? 'Too many requests.', { status, retryAfter });
  if (status >= 500) return new ApiError(ErrorKind.Server, detail ?? `The server failed (HTTP ${status}).`, { status });
  return new ApiError(ErrorKind.Rejected, detail ?? `The server refused the request (HTTP ${status}).`, { status });
}

/** A headline and the next step for the reader, for each kind of failure. */
export function describeError(error, serverUrl) {
  const where = serverUrl || 'your hqt server';
  switch (error?.kind) {
    case ErrorKind.NotConfigured:
      return { title: 'hqt is not set up yet', action: 'Open Options and enter your server address and token.', options: true };
    case ErrorKind.Offline:
      return { title: `Can't reach ${where}`, action: 'Start the hqt server (or check the address in Options), then try again. Captures wait until it is back.', retry: true, options: true };
    case ErrorKind.Timeout:
      return { title: 'The server is slow to answer', action: 'Try again in a moment.', retry: true };
    case ErrorKind.Unauthorized:
      return { title: 'The server refused the token', action: 'Paste a valid token in Options (the server logs where it wrote its token file).', options: true };
    case ErrorKind.NotFound:
      return { title: 'The server does not offer this yet', action: 'Update the hqt server, or check that the address in Options points at hqt.', options: true };
    case ErrorKind.RateLimited:
      return { title: 'The server asks to slow down', action: 'Try again in a few seconds.', retry: true };
    case ErrorKind.Server:
      return { title: 'The server failed', action: `${error.message} Try again; if it keeps failing, check the server's log.`, retry: true };
    case ErrorKind.Rejected:
      return { title: 'The server refused the request', action: `${error.message ?? ''} Reload the popup; if it persists, update the extension or the server.`.trim(), retry: true };
    default:
      return { title: 'Something went wrong', action: error?.message ?? 'Try again.', retry: true };
  }
}
