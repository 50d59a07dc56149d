// Captures (#captures?q=…&site=…&author=…&from=…&to=…): search your captured pages (full text, title, authors,
// site), filter by site, author and date, delete. The form's state lives in the address, so a search can be reloaded.

import { h, replaceChildren } from '../lib/dom.js';
import { captureQuery, captureRow } from '../lib/library.js';
import { field, messageState } from './ui.js';

const FIELDS = ['q', 'site', 'author', 'from', 'to'];

export async function show(ctx, view, { params }) {
  const doc = ctx.doc;
  const values = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? '']));
  const input = (name, type, label, wide, placeholder) => {
    const el = h(doc, 'input', { type, name, value: values[name] || undefined, placeholder, autocomplete: 'off', spellcheck: 'false' });
    return field(doc, label, el, wide);
  };
  const form = h(doc, 'form', { class: 'form', role: 'search', 'aria-label': 'Search your captures' },
    input('q', 'search', 'Words', true, 'title, author, site or text'),
    input('site', 'text', 'Site', false, 'example.com'),
    input('author', 'text', 'Author', false, ''),
    input('from', 'date', 'Captured from', false),
    input('to', 'date', 'until', false),
    h(doc, 'button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const search = new URLSearchParams();
    for (const f of FIELDS) if (String(data.get(f) ?? '').trim()) search.set(f, String(data.get(f)).trim());
    ctx.navigate(`#captures${search.size ? `?${search}` : ''}`);
  });
  const count = h(doc, 'p', { class: 'count', role: 'status' });
  const list = h(doc, 'ul', { class: 'items', 'aria-label': 'Captures' });
  const more = h(doc, 'button', { type: 'button', class: 'secondary', hidden: true }, 'Show more');
  replaceChildren(doc, view, h(doc, 'h1', {}, 'Captures'),
    h(doc, 'p', { class: 'lead' }, 'Every page you captured. Search finds words anywhere in a page, its title, authors or site; the last word may be the start of one.'),
    form, count, list, more);

  const searching = FIELDS.some((f) => values[f]);
  let shown = 0;
  const load = async (cursor) => {
    more.disabled = true;
    const page = await ctx.client.searchCaptures(captureQuery(values, { limit: 50, cursor }));
    if (!ctx.isCurrent(ctx.token)) return;
    for (const c of page?.items ?? []) list.appendChild(captureItem(ctx, c, () => { shown--; say(); }));
    shown += page?.items?.length ?? 0;
    more.hidden = !page?.nextCursor;
    more.disabled = false;
    more.onclick = () => load(page.nextCursor).catch((e) => ctx.toast(e.message));
    say(page?.nextCursor);
  };
  const say = (hasMore) => {
    count.textContent = shown === 0
      ? (searching ? 'No capture matches.' : 'No captures yet: capture a page from the hqt button, or import your bookmarks.')
      : `${shown}${hasMore ? '+' : ''} capture${shown === 1 ? '' : 's'}${searching ? ' match' + (shown === 1 ? 'es' : '') : ''}.`;
  };
  await load(null);
  if (values.q) view.querySelector('input[name="q"]')?.focus();
}

function captureItem(ctx, capture, onDeleted) {
  const doc = ctx.doc;
  const row = captureRow(capture);
  const title = row.href
    ? h(doc, 'a', { class: 'item-title', href: row.href, target: '_blank', rel: 'noopener noreferrer' }, row.title)
    : h(doc, 'span', { class: 'item-title' }, row.title);
  const del = h(doc, 'button', { type: 'button', class: 'action action-dismiss', 'aria-label': `Delete the capture “${row.title}”` }, 'Delete');
  let armed = false;
  del.addEventListener('click', async () => {
    // Two steps: deleting a capture also removes what only it brought into your graph, and cannot be undone.
    if (!armed) {
      armed = true;
      del.textContent = 'Confirm delete';
      del.classList.add('action-danger');
      setTimeout(() => { armed = false; del.textContent = 'Delete'; del.classList.remove('action-danger'); }, 5000);
      return;
    }
    del.disabled = true;
    try {
      await ctx.client.deleteCapture(row.id);
      li.remove();
      onDeleted();
      ctx.toast(`Deleted “${row.title.slice(0, 60)}”.`);
    } catch (e) {
      del.disabled = false;
      ctx.toast(`Could not delete it: ${e.message}`);
    }
  });
  const li = h(doc, 'li', { class: 'item', 'data-capture': String(row.id) },
    h(doc, 'div', { class: 'item-head' }, h(doc, 'span', { class: 'kind kind-capture', role: 'img', 'aria-label': 'Your capture' }), title),
    h(doc, 'p', { class: 'item-meta' }, [row.site, row.when, row.authors ? `by ${row.authors}` : '', `${row.references} reference${row.references === 1 ? '' : 's'}`].filter(Boolean).join(' · ')),
    row.snippet.length ? h(doc, 'p', { class: 'item-snippet' }, row.snippet.map((p) => (p.match ? h(doc, 'mark', {}, p.text) : p.text))) : null,
    h(doc, 'div', { class: 'item-foot' }, h(doc, 'div', { class: 'item-actions' }, del)));
  return li;
}

export { messageState };
