// Building the popup's rows and states from view data. Only h() touches the DOM, so every string
// (titles, reasons, author names: all untrusted) ends up as a text node.

import { h } from '../lib/dom.js';
import { SNOOZE_CHOICES } from '../lib/suggestions.js';

/** One suggestion row; `onAction(row, action, extra)` is called for read / dismiss / snooze. */
export function suggestionItem(doc, row, onAction) {
  const title = row.href
    ? h(doc, 'a', { class: 'item-title', href: row.href, target: '_blank', rel: 'noopener noreferrer' }, row.title)
    : h(doc, 'span', { class: 'item-title' }, row.title);
  const snoozeMenu = h(doc, 'div', { class: 'snooze-menu', role: 'group', 'aria-label': `Snooze “${row.title}” until`, hidden: true },
    SNOOZE_CHOICES.map((choice) => h(doc, 'button', {
      type: 'button', class: 'chip', onclick: () => onAction(row, 'snooze', { days: choice.days }),
    }, choice.label)));
  const laterButton = h(doc, 'button', {
    type: 'button', class: 'action', title: 'Snooze: hide it for a while', 'aria-label': `Later: snooze “${row.title}”`, 'aria-expanded': 'false',
    onclick: (event) => {
      const open = snoozeMenu.hidden;
      snoozeMenu.hidden = !open;
      event.currentTarget.setAttribute('aria-expanded', String(open));
      if (open) snoozeMenu.querySelector('button')?.focus();
    },
  }, 'Later');
  snoozeMenu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    snoozeMenu.hidden = true;
    laterButton.setAttribute('aria-expanded', 'false');
    laterButton.focus();
  });
  return h(doc, 'li', { class: `item item-${row.kind}`, 'data-id': row.id },
    h(doc, 'div', { class: 'item-head' },
      h(doc, 'span', { class: `kind kind-${row.kind}`, role: 'img', 'aria-label': row.kind === 'person' ? 'Person' : 'Work', title: row.kind === 'person' ? 'Person' : 'Work' }),
      title,
      row.isExploration ? h(doc, 'span', { class: 'tag', title: 'A wider pick, outside your strongest links' }, 'explore') : null),
    row.meta && row.kind === 'work' ? h(doc, 'p', { class: 'item-meta' }, row.meta) : null,
    row.reason ? h(doc, 'p', { class: 'item-reason' }, row.reason) : null,
    h(doc, 'div', { class: 'item-foot' },
      h(doc, 'p', { class: 'item-evidence' }, row.evidence),
      h(doc, 'div', { class: 'item-actions' },
      h(doc, 'button', { type: 'button', class: 'action', title: 'I have read it', 'aria-label': `Mark “${row.title}” as read`, onclick: () => onAction(row, 'read') }, 'Read'),
      laterButton,
      h(doc, 'button', { type: 'button', class: 'action action-dismiss', title: 'Never suggest it again', 'aria-label': `Dismiss “${row.title}”`, onclick: () => onAction(row, 'dismiss') }, 'Dismiss'))),
    snoozeMenu);
}

export function suggestionList(doc, rows, onAction, label) {
  return h(doc, 'ul', { class: 'items', 'aria-label': label }, rows.map((row) => suggestionItem(doc, row, onAction)));
}

export function loadingState(doc, what) {
  return h(doc, 'div', { class: 'state state-loading', 'aria-busy': 'true' },
    h(doc, 'span', { class: 'spinner', 'aria-hidden': 'true' }),
    `Loading ${what}…`);
}

/** A message with what to do next; `buttons` is [{label, onClick}]. */
export function messageState(doc, { title, action, tone = 'info', buttons = [] }) {
  return h(doc, 'div', { class: `state state-${tone}` },
    h(doc, 'p', { class: 'state-title' }, title),
    action ? h(doc, 'p', { class: 'state-action' }, action) : null,
    buttons.length ? h(doc, 'div', { class: 'state-buttons' },
      buttons.map((b) => h(doc, 'button', { type: 'button', class: 'secondary', onclick: b.onClick }, b.label))) : null);
}
