// People (#people): the writers hqt suggests, and one person (#people/<id>): their works in your graph, whom they
// cite, and what in your graph cites them (GET /api/people/{id}).

import { h, replaceChildren } from '../lib/dom.js';
import { safeHref, text } from '../lib/suggestions.js';
import { feedbackAction, messageState, suggestionItem } from './ui.js';

const personHref = (id) => `#people/${encodeURIComponent(id)}`;

export async function show(ctx, view, { arg }) {
  return arg ? showPerson(ctx, view, arg) : showPeople(ctx, view);
}

async function showPeople(ctx, view) {
  const people = (await ctx.client.suggestions({ kind: 'person', limit: 100 }))?.items ?? [];
  if (!ctx.isCurrent(ctx.token)) return;
  replaceChildren(ctx.doc, view,
    h(ctx.doc, 'h1', {}, 'People'),
    h(ctx.doc, 'p', { class: 'lead' }, 'The writers upstream of your reading. Open one to see their works in your graph, whom they cite and who cites them.'),
    people.length
      ? h(ctx.doc, 'ul', { class: 'items', 'aria-label': 'People upstream of your reading' },
        people.map((p) => suggestionItem(ctx.doc, p, { onAction: feedbackAction(ctx), personHref })))
      : messageState(ctx.doc, { title: 'No people yet.', action: 'People appear once your captures cite works whose authors hqt knows.', tone: 'muted' }));
}

function workLink(doc, work, extra) {
  const href = safeHref(work?.url);
  // The server's label: the title, else who, when and where a work cited without a title appeared.
  const title = text(work?.label, 200) || text(work?.title, 200) || text(work?.url, 200) || work?.id || 'Untitled';
  return h(doc, 'li', { class: 'item' },
    h(doc, 'div', { class: 'item-head' },
      h(doc, 'span', { class: `kind kind-${work?.isCaptured ? 'capture' : 'work'}`, role: 'img', 'aria-label': work?.isCaptured ? 'Your capture' : 'Work' }),
      href ? h(doc, 'a', { class: 'item-title', href, target: '_blank', rel: 'noopener noreferrer' }, title) : h(doc, 'span', { class: 'item-title' }, title)),
    extra ? h(doc, 'p', { class: 'item-meta' }, extra) : null);
}

async function showPerson(ctx, view, id) {
  const person = await ctx.client.person(id);
  if (!ctx.isCurrent(ctx.token)) return;
  const doc = ctx.doc;
  const works = person?.works ?? [];
  const cites = person?.citesMost ?? [];
  const citedBy = person?.citedBy ?? [];
  const back = h(doc, 'a', {}, '← All people');
  back.setAttribute('href', '#people');
  const profile = safeHref(person?.profileUrl);
  replaceChildren(doc, view,
    h(doc, 'p', {}, back),
    h(doc, 'h1', {}, text(person?.name, 200) || 'Unnamed person'),
    h(doc, 'p', { class: 'lead' }, `${works.length} work${works.length === 1 ? '' : 's'} in your graph`,
      profile ? [' · ', h(doc, 'a', { href: profile, target: '_blank', rel: 'noopener noreferrer' }, 'profile')] : null),
    h(doc, 'div', { class: 'person-grid' },
      h(doc, 'section', { 'aria-labelledby': 'p-works' }, h(doc, 'h2', { id: 'p-works' }, 'Their works in your graph'),
        works.length ? h(doc, 'ul', { class: 'items' }, works.map((w) => workLink(doc, w, [w.year, w.isCaptured ? 'you captured it' : ''].filter(Boolean).join(' · '))))
          : messageState(doc, { title: 'None known yet.', tone: 'muted' })),
      h(doc, 'section', { 'aria-labelledby': 'p-cites' }, h(doc, 'h2', { id: 'p-cites' }, 'Whom they cite most'),
        cites.length ? h(doc, 'ul', { class: 'items' }, cites.map((w) => workLink(doc, w, `cited ${w.count} time${w.count === 1 ? '' : 's'}`)))
          : messageState(doc, { title: 'Nothing they cite is known yet.', tone: 'muted' })),
      h(doc, 'section', { 'aria-labelledby': 'p-cited' }, h(doc, 'h2', { id: 'p-cited' }, 'Who cites them in your graph'),
        citedBy.length ? h(doc, 'ul', { class: 'items' }, citedBy.map((w) => workLink(doc, w, `cites ${w.count} of their works`)))
          : messageState(doc, { title: 'Nothing in your graph cites them yet.', tone: 'muted' }))));
}
