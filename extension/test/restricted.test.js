import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Refusal, whyNotCapturable, whyNotHtmlDocument } from '../lib/restricted.js';

const code = (url) => whyNotCapturable(url)?.code ?? null;

test('ordinary web pages can be captured', () => {
  for (const url of ['https://example.org/article', 'http://127.0.0.1:8080/x?y=1#z', 'https://arxiv.org/abs/1706.03762', 'https://www.nature.com/articles/s41586-021-03819-2']) {
    assert.equal(whyNotCapturable(url), null, url);
  }
});

test('browser pages, extension pages and viewers are refused with a reason', () => {
  assert.equal(code('chrome://extensions/'), Refusal.BrowserPage);
  assert.equal(code('edge://settings'), Refusal.BrowserPage);
  assert.equal(code('about:blank'), Refusal.BrowserPage);
  assert.equal(code('about:reader?url=https://example.org/'), Refusal.ReaderView);
  assert.equal(code('view-source:https://example.org/'), Refusal.BrowserPage);
  assert.equal(code('moz-extension://abc/popup.html'), Refusal.BrowserPage);
  assert.equal(code('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html'), Refusal.Pdf);
  assert.match(whyNotCapturable('chrome://newtab').message, /browser's own pages/);
});

test('web stores are refused in both browsers', () => {
  assert.equal(code('https://chromewebstore.google.com/detail/x/abc'), Refusal.Store);
  assert.equal(code('https://chrome.google.com/webstore/detail/abc'), Refusal.Store);
  assert.equal(code('https://addons.mozilla.org/en-US/firefox/'), Refusal.Store);
  assert.equal(code('https://microsoftedge.microsoft.com/addons/detail/x'), Refusal.Store);
  assert.equal(code('https://support.mozilla.org/kb/'), Refusal.Store);
  // Only the store part of a shared host is protected.
  assert.equal(code('https://chrome.google.com/intl/en/chrome/'), null);
});

test('PDFs, local files and other schemes are refused', () => {
  assert.equal(code('https://arxiv.org/pdf/1706.03762v7.pdf'), Refusal.Pdf);
  assert.equal(code('file:///home/me/paper.PDF'), Refusal.Pdf);
  assert.equal(code('file:///home/me/notes.html'), Refusal.LocalFile);
  assert.equal(code('data:text/html,<p>hi'), Refusal.NotWeb);
  assert.equal(code('ftp://example.org/x'), Refusal.NotWeb);
  assert.equal(code(''), Refusal.NoUrl);
  assert.equal(code(undefined), Refusal.NoUrl);
  assert.equal(code('not a url'), Refusal.NotWeb);
});

test('the document type read after injection catches PDFs and images behind ordinary URLs', () => {
  assert.equal(whyNotHtmlDocument('text/html'), null);
  assert.equal(whyNotHtmlDocument('application/xhtml+xml'), null);
  assert.equal(whyNotHtmlDocument(undefined), null);
  assert.equal(whyNotHtmlDocument('application/pdf').code, Refusal.Pdf);
  assert.equal(whyNotHtmlDocument('image/png').code, Refusal.NotHtml);
  assert.equal(whyNotHtmlDocument('text/plain').code, Refusal.NotHtml);
});
