// Shared pieces of the library's views, built with h() only (every string from the server stays text).

import { h } from '../lib/dom.js';
import { lineageLines } from '../lib/library.js';
import { suggestionRow } from '../lib/suggestions.js';
export { loadingState, messageState } from '../popup/render.js';

/** A suggestion row with its lineage chains (or, when the server sent none, its reason and evidence). */
export function suggestionItem(doc, suggestion, { onAction, personHref } = {}) {
  const row = suggestionRow(suggestion);
  const lineage = lineageLines(suggestion);
  const titleHref = row.kind === 'person' && personHref ? personHref(row.id) : row.href;
  const sameTab = row.kind === 'person' && personHref;
  const title = titleHref
    ? h(doc, 'a', { class: 'item-title', href: sameTab ? undefined : titleHref, target: sameTab ? undefined : '_blank', rel: sameTab ? undefined : 'noopener noreferrer' }, row.title)
    : h(doc, 'span', { class: 'item-title' }, row.title);
  if (sameTab) title.setAttribute('href', titleHref); // an in-page link (#people/…), which h() keeps to web addresses
  return h(doc, 'li', { class: `item item-${row.kind}`, 'data-id': row.id },
    h(doc, 'div', { class: 'item-head' }, h(doc, 'span', { class: `kind kind-${row.kind}`, role: 'img', 'aria-label': row.kind === 'person' ? 'Person' : 'Work' }), title),
    row.meta && row.kind === 'work' ? h(doc, 'p', { class: 'item-meta' }, row.meta) : null,
    row.reason ? h(doc, 'p', { class: 'item-reason' }, row.reason) : null,
    lineage.map((line) => h(doc, 'p', { class: 'item-lineage' }, line)),
    h(doc, 'div', { class: 'item-foot' },
      !lineage.length && row.evidence ? h(doc, 'p', { class: 'item-evidence' }, row.evidence) : null,
      onAction ? h(doc, 'div', { class: 'item-actions' },
        h(doc, 'button', { type: 'button', class: 'action', 'aria-label': `Mark “${row.title}” as read`, onclick: () => onAction(row, 'read') }, 'Read'),
        h(doc, 'button', { type: 'button', class: 'action action-dismiss', 'aria-label': `Dismiss “${row.title}”`, onclick: () => onAction(row, 'dismiss') }, 'Dismiss')) : null));
}

/** Read or dismiss with undo, then drop the row(s) from the page. */
export function feedbackAction(ctx, onGone) {
  return async (row, action) => {
    const items = ctx.doc.querySelectorAll(`li.item[data-id="${CSS.escape(row.id)}"]`);
    items.forEach((li) => li.classList.add('leaving'));
    try {
      await ctx.client.act(row.id, action);
    } catch (e) {
      items.forEach((li) => li.classList.remove('leaving'));
      ctx.toast(`Could not ${action === 'read' ? 'mark it read' : 'dismiss it'}: ${e.message}`);
      return;
    }
    items.forEach((li) => li.remove());
    onGone?.(row);
    ctx.toast(`${action === 'read' ? 'Marked as read' : 'Dismissed'} “${row.title.slice(0, 60)}”.`, async () => {
      await ctx.client.act(row.id, action, { undo: true });
      ctx.navigate(location.hash);
    });
  };
}

export function field(doc, label, input, wide = false) {
  return h(doc, 'label', { class: `field${wide ? ' field-wide' : ''}` }, label, input);
}
