// Pure helpers of the library page: lineage chains, search queries, snippets, import progress and the graph
// picture's elements. Plain data in, plain data out (strings end up in the page as text only).

import { formatAuthors, safeHref, text } from './suggestions.js';

/**
 * "you read A (2021) → it cites B (2014) → which cites C (1987)" from one lineage chain (reader's side first),
 * or '' when the chain is too short to say anything the reason does not.
 */
export function lineageText(chain) {
  if (!Array.isArray(chain) || chain.length < 2) return '';
  const label = (node) => {
    const title = text(node?.title, 80) || 'an untitled work';
    return Number.isInteger(node?.year) ? `${title} (${node.year})` : title;
  };
  return chain.map((node, i) => {
    if (i === 0) return node?.kind === 'capture' ? `you read ${label(node)}` : `you have ${label(node)}`;
    return `${i === 1 ? 'it cites' : 'which cites'} ${label(node)}`;
  }).join(' → ');
}

/** Up to `max` lineage lines of a suggestion, strongest first; [] when the server sent none. */
export function lineageLines(suggestion, max = 2) {
  const chains = Array.isArray(suggestion?.lineage) ? suggestion.lineage : [];
  return chains.map(lineageText).filter(Boolean).slice(0, max);
}

/** The query string of GET /api/captures for the search form; empty fields are left out. */
export function captureQuery({ q, site, author, from, to } = {}, { limit = 50, cursor } = {}) {
  const query = { limit };
  const put = (name, value) => { const v = String(value ?? '').trim(); if (v) query[name] = v; };
  put('q', q);
  put('site', site);
  put('author', author);
  // Dates from <input type=date> are whole days: from the start of `from` to the end of `to`, in UTC.
  if (/^\d{4}-\d{2}-\d{2}$/.test(from ?? '')) query.from = `${from}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(to ?? '')) query.to = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  if (cursor) query.cursor = cursor;
  return query;
}

/** A search snippet as [{text, match}] parts: the server marks matched words with U+E000 … U+E001. */
export function snippetParts(snippet) {
  if (typeof snippet !== 'string' || !snippet) return [];
  const parts = [];
  for (const [i, piece] of snippet.split('\uE000').entries()) {
    if (i === 0) { if (piece) parts.push({ text: piece, match: false }); continue; }
    const end = piece.indexOf('\uE001');
    if (end < 0) { parts.push({ text: piece, match: false }); continue; }
    if (end > 0) parts.push({ text: piece.slice(0, end), match: true });
    if (end + 1 < piece.length) parts.push({ text: piece.slice(end + 1), match: false });
  }
  return parts;
}

/** "example.com" from a capture's URL. */
export function siteOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** One capture row: {id, title, href, site, when, authors, references}. */
export function captureRow(c) {
  const captured = c?.capturedAt ? new Date(c.capturedAt) : null;
  return {
    id: c?.id,
    title: text(c?.title, 300) || text(c?.url, 300) || 'Untitled page',
    href: safeHref(c?.url),
    site: siteOf(c?.url),
    when: captured && !Number.isNaN(captured.getTime()) ? captured.toISOString().slice(0, 10) : '',
    authors: formatAuthors(c?.authors),
    references: Number.isInteger(c?.referenceCount) ? c.referenceCount : 0,
    snippet: snippetParts(c?.snippet),
  };
}

const IMPORT_STATE = {
  queued: 'Waiting to start',
  storing: 'Adding entries to your graph',
  fetching: 'Capturing bookmarked pages',
  done: 'Done',
  failed: 'Stopped',
};

/** What an import job's progress bar and line say: {label, value, max, done, summary}. */
export function importProgress(job) {
  const total = job?.total ?? 0;
  const fetching = job?.state === 'fetching' || (job?.state === 'done' && job?.fetchTotal > 0);
  const [value, max] = fetching ? [job.fetched ?? 0, job.fetchTotal ?? 0] : [job?.processed ?? 0, total];
  const counts = [
    `${job?.added ?? 0} added`, `${job?.merged ?? 0} merged`, `${job?.skipped ?? 0} skipped`,
  ];
  if (job?.fetchTotal > 0) counts.push(`${job.captured ?? 0} of ${job.fetchTotal} pages captured`, `${job.fetchFailed ?? 0} could not be fetched`);
  const label = IMPORT_STATE[job?.state] ?? 'Unknown';
  const step = job?.state === 'done' || job?.state === 'failed' ? '' : ` (${value} of ${max})`;
  return {
    label: `${label}${step}`,
    value,
    max: Math.max(max, 1),
    done: job?.state === 'done' || job?.state === 'failed',
    summary: `${total} entr${total === 1 ? 'y' : 'ies'}: ${counts.join(', ')}.`,
    error: job?.error ? text(job.error, 300) : '',
  };
}

/** The format a file's name suggests (the server also detects it from the contents). */
export function formatFromName(name) {
  const ext = String(name ?? '').toLowerCase().split('.').pop();
  return { bib: 'bibtex', bibtex: 'bibtex', json: 'csljson', ris: 'ris', html: 'bookmarks', htm: 'bookmarks' }[ext] ?? '';
}

export const KIND_LABEL = Object.freeze({ capture: 'Your capture', work: 'Work', person: 'Person' });

/**
 * Cytoscape elements for GET /api/graph: node size by evidence within its kind (a square-root scale, so one
 * heavy node does not dwarf the rest), label shortened, edges only between pictured nodes.
 */
export function graphElements(picture, { minSize = 16, maxSize = 56 } = {}) {
  const nodes = Array.isArray(picture?.nodes) ? picture.nodes : [];
  const heaviest = {};
  for (const n of nodes) heaviest[n.kind] = Math.max(heaviest[n.kind] ?? 0, Number(n.weight) || 0);
  const ids = new Set(nodes.map((n) => n.id));
  const elements = nodes.map((n) => {
    const share = heaviest[n.kind] > 0 ? Math.sqrt(Math.max(0, Number(n.weight) || 0) / heaviest[n.kind]) : 0;
    const title = text(n.title, 200) || n.id;
    return {
      group: 'nodes',
      data: {
        id: n.id,
        kind: ['capture', 'work', 'person'].includes(n.kind) ? n.kind : 'work',
        label: text(title, 40),
        title,
        year: Number.isInteger(n.year) ? n.year : null,
        reason: text(n.reason, 400),
        href: safeHref(n.url),
        depth: Number.isInteger(n.depth) ? n.depth : null,
        authors: formatAuthors(n.authors),
        suggested: n.isSuggested === true,
        size: Math.round(minSize + (maxSize - minSize) * share),
      },
    };
  });
  const edges = (Array.isArray(picture?.edges) ? picture.edges : [])
    .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e, i) => ({ group: 'edges', data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind === 'wrote' ? 'wrote' : 'cites' } }));
  return [...elements, ...edges];
}

/** The hover card's lines for a node's data. */
export function nodeCard(data) {
  const head = [KIND_LABEL[data?.kind] ?? 'Work', data?.year ? String(data.year) : '', data?.depth > 0 ? `${data.depth} step${data.depth === 1 ? '' : 's'} upstream` : '']
    .filter(Boolean).join(' · ');
  return { title: data?.title ?? '', head, authors: data?.authors ?? '', reason: data?.reason ?? '' };
}

/**
 * Folds the levels of a layered layout ([{id, x, y}], one y per level, larger y lower on screen) into bands of
 * rows at most `width` wide, keeping each level's left-to-right order and the levels' order: a level of 300 works
 * becomes a block of rows instead of one line 300 nodes long. Returns Map id → {x, y}.
 */
export function foldLevels(points, { width = 1200, gap = 60, rowGap = 48, levelGap = 110 } = {}) {
  const levels = new Map();
  for (const p of points) {
    const key = Math.round(p.y);
    if (!levels.has(key)) levels.set(key, []);
    levels.get(key).push(p);
  }
  const perRow = Math.max(1, Math.floor(width / gap));
  const placed = new Map();
  let y = 0;
  // From the bottom level (largest y) up: each band is placed above the previous one.
  for (const key of [...levels.keys()].sort((a, b) => b - a)) {
    const level = levels.get(key).sort((a, b) => a.x - b.x);
    const rows = Math.ceil(level.length / perRow);
    level.forEach((p, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, level.length - row * perRow);
      placed.set(p.id, { x: (i % perRow - (inRow - 1) / 2) * gap, y: y - row * rowGap });
    });
    y -= (rows - 1) * rowGap + levelGap;
  }
  return placed;
}
