// "Your next reads" (#next) and the whole upstream of one page (#page?url=…, the popup's "see all").

import { h, replaceChildren } from '../lib/dom.js';
import { formatAuthors, text } from '../lib/suggestions.js';
import { feedbackAction, messageState, suggestionItem } from './ui.js';

const personHref = (id) => `#people/${encodeURIComponent(id)}`;

export async function show(ctx, view, { name, params }) {
  return name === 'page' ? showPage(ctx, view, params.get('url')) : showNext(ctx, view);
}

async function showNext(ctx, view) {
  const [works, people] = await Promise.all([
    ctx.client.suggestions({ kind: 'work', limit: 100 }),
    ctx.client.suggestions({ kind: 'person', limit: 30 }),
  ]);
  if (!ctx.isCurrent(ctx.token)) return;
  const onAction = feedbackAction(ctx);
  const items = works?.items ?? [];
  const writers = people?.items ?? [];
  replaceChildren(ctx.doc, view,
    h(ctx.doc, 'h1', {}, 'Your next reads'),
    h(ctx.doc, 'p', { class: 'lead' }, 'Works and people upstream of what you read, strongest evidence first, each with how it reaches you.'),
    works?.isStale ? h(ctx.doc, 'p', { class: 'common' }, 'Ranked on your library as it was a moment ago; reload shortly for your latest captures.') : null,
    items.length || writers.length ? null : messageState(ctx.doc, {
      title: 'Nothing to suggest yet.',
      action: 'Capture a few pages you read, or import your reference manager or bookmarks (Imports); hqt then suggests what they stand on.',
      tone: 'muted',
    }),
    items.length ? [h(ctx.doc, 'h2', {}, `Works (${items.length})`),
      h(ctx.doc, 'ul', { class: 'items', 'aria-label': 'Suggested works' }, items.map((s) => suggestionItem(ctx.doc, s, { onAction, personHref })))] : null,
    writers.length ? [h(ctx.doc, 'h2', {}, `People (${writers.length})`),
      h(ctx.doc, 'ul', { class: 'items', 'aria-label': 'Suggested people' }, writers.map((s) => suggestionItem(ctx.doc, s, { onAction, personHref })))] : null);
}

async function showPage(ctx, view, url) {
  if (!url) return showNext(ctx, view);
  const page = await ctx.client.pageUpstream(url);
  if (!ctx.isCurrent(ctx.token)) return;
  const onAction = feedbackAction(ctx);
  const references = page?.references ?? [];
  const inspirations = page?.inspirations ?? [];
  const byline = formatAuthors(page?.authors ?? [], 4);
  replaceChildren(ctx.doc, view,
    h(ctx.doc, 'h1', {}, text(page?.title, 200) || 'Upstream of a page'),
    h(ctx.doc, 'p', { class: 'lead' }, [byline ? `By ${byline}. ` : '', page?.captureId != null ? 'In your library.' : 'Not captured yet: capture it from the popup to add it to your graph.']),
    references.length ? [h(ctx.doc, 'h2', {}, `What it cites, ranked by your reading (${references.length})`),
      h(ctx.doc, 'ul', { class: 'items', 'aria-label': 'References of this page' }, references.map((s) => suggestionItem(ctx.doc, s, { onAction, personHref })))] : null,
    inspirations.length ? [h(ctx.doc, 'h2', {}, `Who inspired its authors (${inspirations.length})`),
      h(ctx.doc, 'ul', { class: 'items', 'aria-label': 'People upstream of the authors' }, inspirations.map((s) => suggestionItem(ctx.doc, s, { onAction, personHref })))] : null,
    references.length || inspirations.length ? null : messageState(ctx.doc, { title: 'No references found on this page.', tone: 'muted' }));
}
