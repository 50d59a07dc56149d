// Exports (#exports): your next reads as BibTeX, CSL-JSON or Markdown, and the graph picture as JSON. Each is a
// download made here with your token (a plain link could not carry it).

import { h, replaceChildren } from '../lib/dom.js';

const EXPORTS = [
  { label: 'Next reads as BibTeX', path: '/api/suggestions/export', query: { format: 'bibtex', limit: 200 }, file: 'hqt-next-reads.bib', hint: 'For Zotero, JabRef or LaTeX.' },
  { label: 'Next reads as CSL-JSON', path: '/api/suggestions/export', query: { format: 'csljson', limit: 200 }, file: 'hqt-next-reads.json', hint: 'For Zotero, pandoc or citeproc.' },
  { label: 'Next reads as Markdown', path: '/api/suggestions/export', query: { format: 'markdown', limit: 200 }, file: 'hqt-next-reads.md', hint: 'A reading list with the reasons.' },
  { label: 'Influence graph as JSON', path: '/api/graph', query: { limit: 500 }, file: 'hqt-graph.json', hint: 'The top 500 nodes and their edges.' },
];

export async function show(ctx, view) {
  const doc = ctx.doc;
  const status = h(doc, 'p', { class: 'count', role: 'status' });
  replaceChildren(doc, view, h(doc, 'h1', {}, 'Exports'),
    h(doc, 'p', { class: 'lead' }, `Downloads from your server (${ctx.settings.serverUrl}).`),
    h(doc, 'ul', { class: 'items' }, EXPORTS.map((e) => h(doc, 'li', { class: 'item' },
      h(doc, 'div', { class: 'item-head' },
        h(doc, 'button', { type: 'button', class: 'secondary', onclick: () => download(ctx, e, status) }, e.label)),
      h(doc, 'p', { class: 'item-meta' }, `${e.hint} Saved as ${e.file}.`)))),
    status);
}

async function download(ctx, e, status) {
  status.textContent = `Preparing ${e.file}…`;
  try {
    const { text, type } = await ctx.client.exportText(e.path, e.query);
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = ctx.doc.createElement('a');
    a.href = url;
    a.download = e.file;
    ctx.doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = `Downloaded ${e.file}.`;
  } catch (error) {
    status.textContent = `${e.file} could not be made: ${error.message}`;
  }
}
