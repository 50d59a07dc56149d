// The popup's row builder against a DOM without an HTML parser: hostile strings must arrive as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { h, replaceChildren } from '../lib/dom.js';
import { suggestionRow } from '../lib/suggestions.js';
import { messageState, suggestionItem, suggestionList } from '../popup/render.js';

const hostile = '<img src=x onerror="alert(1)">Title';

test('a hostile title, reason and author stay text', () => {
  const doc = fakeDocument();
  const row = suggestionRow({ id: 'work-1', kind: 'work', title: hostile, url: 'https://ok.org', year: 2001, authors: ['<b>Eve</b>'], reason: '<script>x()</script>', paths: [] });
  const li = suggestionItem(doc, row, () => {});
  assert.equal(li.findAll('img').length, 0);
  assert.equal(li.findAll('script').length, 0);
  assert.equal(li.findAll('b').length, 0);
  assert.equal(li.querySelector('.item-title').textContent, hostile);
  assert.equal(li.querySelector('.item-reason').textContent, '<script>x()</script>');
  assert.match(li.querySelector('.item-meta').textContent, /<b>Eve<\/b> · 2001/);
  assert.equal(li.querySelector('.item-title').getAttribute('rel'), 'noopener noreferrer');
});

test('rows without a safe link show the title without an anchor', () => {
  const doc = fakeDocument();
  const li = suggestionItem(doc, suggestionRow({ id: 'w', title: 'T', url: 'javascript:alert(1)' }), () => {});
  assert.equal(li.findAll('a').length, 0);
});

test('the action buttons report which row and action', () => {
  const doc = fakeDocument();
  const seen = [];
  const row = suggestionRow({ id: 'work-9', kind: 'work', title: 'W', paths: [] });
  const li = suggestionItem(doc, row, (r, action, extra) => seen.push([r.id, action, extra?.days]));
  const buttons = li.findAll('button');
  const byText = (t) => buttons.find((b) => b.textContent === t);
  byText('Read').dispatch('click');
  byText('Dismiss').dispatch('click');
  const later = byText('Later');
  const menu = li.querySelector('.snooze-menu');
  assert.equal(menu.hidden, true);
  later.dispatch('click');
  assert.equal(menu.hidden, false);
  assert.equal(later.getAttribute('aria-expanded'), 'true');
  byText('Next week').dispatch('click');
  assert.deepEqual(seen, [['work-9', 'read', undefined], ['work-9', 'dismiss', undefined], ['work-9', 'snooze', 7]]);
  assert.match(byText('Dismiss').getAttribute('aria-label'), /Dismiss “W”/);
});

test('lists and messages', () => {
  const doc = fakeDocument();
  const list = suggestionList(doc, [suggestionRow({ id: 'a', title: 'A' }), suggestionRow({ id: 'b', title: 'B' })], () => {}, 'Next');
  assert.equal(list.children.length, 2);
  assert.equal(list.getAttribute('aria-label'), 'Next');
  let clicked = 0;
  const msg = messageState(doc, { title: 'Can\'t reach it', action: 'Start the server.', tone: 'warn', buttons: [{ label: 'Try again', onClick: () => clicked++ }] });
  msg.querySelector('button').dispatch('click');
  assert.equal(clicked, 1);
  assert.equal(msg.getAttribute('class'), 'state state-warn');
});

test('h() refuses attributes that could carry script and links that are not http(s)', () => {
  const doc = fakeDocument();
  assert.throws(() => h(doc, 'div', { style: 'x' }), /not allowed/);
  assert.throws(() => h(doc, 'img', { src: 'x' }), /not allowed/);
  assert.equal(h(doc, 'a', { href: 'javascript:alert(1)' }).getAttribute('href'), null);
  const el = h(doc, 'p', {}, 'old');
  replaceChildren(doc, el, 'new ', h(doc, 'b', {}, 'x'));
  assert.equal(el.textContent, 'new x');
});
