// Imports (#imports): upload a BibTeX, CSL-JSON, RIS or browser bookmarks file and watch it go in: entries into
// your graph, then bookmarked pages fetched and captured; each job ends with what was added, merged or skipped.

import { h, replaceChildren } from '../lib/dom.js';
import { formatFromName, importProgress } from '../lib/library.js';
import { text } from '../lib/suggestions.js';
import { field } from './ui.js';

const FORMATS = [['', 'Detect from the file'], ['bibtex', 'BibTeX / BibLaTeX (.bib)'], ['csljson', 'CSL-JSON (.json)'], ['ris', 'RIS (.ris)'], ['bookmarks', 'Browser bookmarks (.html)']];

export async function show(ctx, view) {
  const doc = ctx.doc;
  const file = h(doc, 'input', { type: 'file', name: 'file', accept: '.bib,.bibtex,.json,.ris,.html,.htm,.txt' });
  const format = h(doc, 'select', { name: 'format' }, FORMATS.map(([value, label]) => h(doc, 'option', { value }, label)));
  file.addEventListener('change', () => { format.value = formatFromName(file.files?.[0]?.name); });
  const status = h(doc, 'p', { class: 'count', role: 'status' });
  const submit = h(doc, 'button', { type: 'submit', class: 'primary' }, 'Import');
  const form = h(doc, 'form', { class: 'form', 'aria-label': 'Import a file' },
    field(doc, 'File', file, true), field(doc, 'Format', format), submit);
  const jobs = h(doc, 'ul', { class: 'jobs', 'aria-label': 'Your imports' });
  replaceChildren(doc, view, h(doc, 'h1', {}, 'Imports'),
    h(doc, 'p', { class: 'lead' }, 'Start from what you already have: a Zotero, Mendeley, EndNote or JabRef export, or the bookmarks file every browser exports. Works join your library as read, those with a DOI or arXiv id are looked up for what they cite, and bookmarked pages are fetched politely and captured.'),
    form, status, h(doc, 'h2', {}, 'Your imports'), jobs);

  let timer = null;
  let disposed = false;
  const refresh = async () => {
    clearTimeout(timer);
    const list = (await ctx.client.imports())?.items ?? [];
    if (disposed) return;
    // The open jobs' reports are read in full; the rest show their counts.
    const detailed = await Promise.all(list.map((j) => (j.state === 'done' || j.state === 'failed') && j.merged + j.skipped + j.fetchFailed === 0 ? j : ctx.client.importJob(j.id)));
    if (disposed) return;
    replaceChildren(doc, jobs, detailed.length ? detailed.map((j) => jobItem(doc, j)) : h(doc, 'li', { class: 'muted' }, 'No imports yet.'));
    if (detailed.some((j) => !importProgress(j).done)) timer = setTimeout(() => refresh().catch(() => {}), 700);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) { status.textContent = 'Choose a file first.'; file.focus(); return; }
    submit.disabled = true;
    status.textContent = `Uploading ${chosen.name}…`;
    try {
      const job = await ctx.client.startImport(await chosen.text(), { format: format.value, name: chosen.name });
      status.textContent = `${chosen.name}: ${job.total} entries read, importing now.`;
      form.reset();
      await refresh();
    } catch (e) {
      status.textContent = `${chosen.name} was not imported: ${e.message}`;
    } finally {
      submit.disabled = false;
    }
  });
  await refresh();
  return { dispose: () => { disposed = true; clearTimeout(timer); } };
}

function jobItem(doc, job) {
  const p = importProgress(job);
  const name = text(job.fileName, 120) || `Import ${job.id}`;
  const problems = (job.items ?? []).filter((i) => i.outcome !== 'added' || i.fetch === 'failed');
  return h(doc, 'li', { class: 'job', 'data-import': String(job.id), 'data-state': job.state },
    h(doc, 'div', { class: 'job-head' }, h(doc, 'span', { class: 'job-name' }, name),
      h(doc, 'span', { class: 'job-state' }, `${formatName(job.format)} · ${p.label}`)),
    h(doc, 'progress', { max: String(p.max), value: String(p.value), 'aria-label': `${name}: ${p.label}` }),
    h(doc, 'p', { class: 'job-summary' }, p.summary),
    p.error ? h(doc, 'p', { class: 'job-error' }, p.error) : null,
    problems.length ? h(doc, 'details', {},
      h(doc, 'summary', {}, `Merged, skipped or not fetched (${problems.length})`),
      h(doc, 'ul', {}, problems.map((i) => h(doc, 'li', {},
        h(doc, 'strong', {}, text(i.label, 120) || `Entry ${i.position + 1}`), ': ',
        i.fetch === 'failed' ? `not captured: ${text(i.fetchDetail, 200)}` : `${i.outcome}${i.reason ? ` (${text(i.reason, 200)})` : ''}`)))) : null);
}

const formatName = (format) => ({ bibtex: 'BibTeX', csljson: 'CSL-JSON', ris: 'RIS', bookmarks: 'Bookmarks' }[format] ?? format);
