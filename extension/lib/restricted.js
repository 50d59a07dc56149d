// Which tabs hqt can capture, and what to tell the reader when it cannot. Browsers refuse script
// injection into their own pages, other extensions' pages, the web stores and their PDF viewers;
// saying so up front beats a silent failure (the most common complaint about clippers).

const BROWSER_SCHEMES = new Set([
  'about:', 'chrome:', 'chrome-untrusted:', 'chrome-search:', 'chrome-native:', 'devtools:', 'edge:',
  'brave:', 'opera:', 'vivaldi:', 'view-source:', 'resource:', 'jar:', 'moz-extension:',
  'chrome-extension:', 'extension:', 'safari-web-extension:',
]);

// Hosts where both Chromium and Firefox block extensions from running scripts.
const STORE_HOSTS = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['microsoftedge.microsoft.com', '/addons'],
  ['addons.mozilla.org', '/'],
  ['addons.opera.com', '/'],
];
// Firefox additionally protects its account and support sites.
const FIREFOX_PROTECTED_HOSTS = new Set([
  'accounts.firefox.com', 'accounts-static.cdn.mozilla.net', 'addons.cdn.mozilla.net', 'api.accounts.firefox.com',
  'content.cdn.mozilla.net', 'discovery.addons.mozilla.org', 'install.mozilla.org', 'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com', 'support.mozilla.org', 'sync.services.mozilla.com',
]);
// Chrome's built-in PDF viewer is an extension page with this fixed id.
const CHROME_PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

export const Refusal = Object.freeze({
  NoUrl: 'no-url', BrowserPage: 'browser-page', ReaderView: 'reader-view', Store: 'store',
  Pdf: 'pdf', LocalFile: 'local-file', NotWeb: 'not-web', NotHtml: 'not-html',
});

const MESSAGES = {
  [Refusal.NoUrl]: 'hqt cannot see this tab\'s address. Click the hqt button while the page is in front.',
  [Refusal.BrowserPage]: 'This is one of the browser\'s own pages; browsers do not let extensions read them. Open a web page to capture it.',
  [Refusal.ReaderView]: 'Reader View hides the page from extensions. Leave Reader View, then capture.',
  [Refusal.Store]: 'Extension stores block all extensions, so this page cannot be captured.',
  [Refusal.Pdf]: 'This is a PDF in the browser\'s viewer; hqt captures web pages. Open the article\'s HTML version (often "Full text" or "HTML") and capture that.',
  [Refusal.LocalFile]: 'This is a file on your computer; hqt captures pages from the web (http or https).',
  [Refusal.NotWeb]: 'hqt captures web pages (http or https) only.',
  [Refusal.NotHtml]: 'This tab does not show an HTML page (it is an image, a text file or a download); hqt captures web pages.',
};

export function refusalMessage(code) {
  return MESSAGES[code] ?? MESSAGES[Refusal.NotWeb];
}

/** Why hqt cannot capture a tab at this URL: a {code, message} pair, or null when it can. */
export function whyNotCapturable(rawUrl) {
  const code = refusalCode(rawUrl);
  return code ? { code, message: refusalMessage(code) } : null;
}

function refusalCode(rawUrl) {
  if (typeof rawUrl !== 'string' || rawUrl.trim() === '') return Refusal.NoUrl;
  let url;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    return Refusal.NotWeb;
  }
  if (url.protocol === 'about:' && url.pathname === 'reader') return Refusal.ReaderView;
  if (url.protocol === 'chrome-extension:' && url.hostname === CHROME_PDF_VIEWER_ID) return Refusal.Pdf;
  if (BROWSER_SCHEMES.has(url.protocol)) return Refusal.BrowserPage;
  if (url.protocol === 'file:') return /\.pdf$/i.test(url.pathname) ? Refusal.Pdf : Refusal.LocalFile;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Refusal.NotWeb;
  const host = url.hostname.toLowerCase();
  if (STORE_HOSTS.some(([h, path]) => host === h && url.pathname.startsWith(path))) return Refusal.Store;
  if (FIREFOX_PROTECTED_HOSTS.has(host)) return Refusal.Store;
  if (/\.pdf$/i.test(url.pathname)) return Refusal.Pdf;
  return null;
}

/** The document's own type, read after injection: catches PDFs and images served without a .pdf path. */
export function whyNotHtmlDocument(contentType) {
  if (!contentType) return null;
  const type = String(contentType).toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return null;
  const code = type === 'application/pdf' ? Refusal.Pdf : Refusal.NotHtml;
  return { code, message: refusalMessage(code) };
}
