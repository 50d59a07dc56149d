// The reader's server address and token: normalising what they type, and the host permission the
// extension asks for at run time so it never needs access to every site.

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:5180';

/** {ok: true, url} with a trailing-slash-free base URL, or {ok: false, error} saying what is wrong. */
export function normalizeServerUrl(input) {
  let text = String(input ?? '').trim();
  if (text === '') return { ok: false, error: 'Enter the address of your hqt server, e.g. http://127.0.0.1:5180.' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  let url;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `"${String(input).trim()}" is not a web address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'The server address must start with http:// or https://.' };
  if (url.username || url.password) return { ok: false, error: 'Put the token in the Token field, not in the address.' };
  if (url.search || url.hash) return { ok: false, error: 'The server address cannot have a query (?…) or a fragment (#…).' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/** The match pattern for the server's host (match patterns carry no port, so one covers them all). */
export function hostPermissionPattern(serverUrl) {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Plain-http to a host other than this machine sends the token in clear: worth a warning. */
export function isInsecureRemote(serverUrl) {
  const url = new URL(serverUrl);
  if (url.protocol === 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host === '::1' || /^127\./.test(host) || host.endsWith('.localhost'));
}

export function normalizeToken(input) {
  return String(input ?? '').trim().replace(/^Bearer\s+/i, '');
}
