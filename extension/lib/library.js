// Pure helpers of the library page: lineage chains, search queries, snippets, import progress and the graph
// picture's elements. Plain data in, plain data out (strings end up in the page as text only).

import { formatAuthors, safeHref, text } from './suggestions.js';

/**
 * "you read A (2021) → it cites B (2014) → which cites C (1987)" from one lineage chain (reader's side first),
 * or '' when the chain is too short to say anything the reason does not. A person's chain ends at the person, who wrote
 * the work before: "… → it cites World Development Report 2019 (2019) → by World Bank".
 */
export function lineageText(chain) {
  if (!Array.isArray(chain) || chain.length < 2) return '';
  const label = (node) => {
    const title = text(node?.title, 80) || 'an untitled work';
    // A work cited without a title is named by its label, which already says the year ("Polchinski 2001 · Int. J. …").
    return Number.isInteger(node?.year) && !new RegExp(`\\b${node.year}\\b`).test(title) ? `${title} (${node.year})` : title;
  };
  return chain.map((node, i) => {
    if (i === 0) return node?.kind === 'capture' ? `you read ${label(node)}` : `you have ${label(node)}`;
    if (node?.kind === 'person') return `by ${text(node.title, 80) || 'an unnamed writer'}`;
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
 * Where each node of the influence picture stands, computed in one pass instead of by an iterative layout: the
 * level is the citation depth from your captures (captures at the bottom, roots on top; works no capture reaches
 * stand above the roots), and within a level works are ordered by the mean position of what cites them below
 * (the barycentre heuristic: a sweep up, one down, one up), which keeps a work near its citers and crosses few
 * edges. Wide levels are then folded into bands of rows (foldLevels). People stand in columns to the right, each
 * beside the mean height of what they wrote. Nodes and edges as graphElements makes them; returns Map id → {x, y}.
 * Linear in nodes + edges: about a millisecond for 500 nodes and 3,000 edges, where Cytoscape's breadthfirst took
 * about a second of CPU.
 */
export function layeredPositions(elements, { gap = 70, rowGap = 60, levelGap = 140, peoplePerColumn = 12, aspect = 1.5 } = {}) {
  const nodes = elements.filter((e) => e.group === 'nodes').map((e) => e.data);
  const edges = elements.filter((e) => e.group === 'edges').map((e) => e.data);
  const people = nodes.filter((n) => n.kind === 'person');
  const works = nodes.filter((n) => n.kind !== 'person');
  const deepest = works.reduce((m, n) => (Number.isInteger(n.depth) ? Math.max(m, n.depth) : m), 0);
  const level = new Map(works.map((n) => [n.id, n.kind === 'capture' ? 0 : Number.isInteger(n.depth) ? n.depth : deepest + 1]));
  const levels = [];
  for (const n of works) (levels[level.get(n.id)] ??= []).push(n.id);
  const rank = new Map(); // id → index within its level
  const order = () => levels.forEach((ids) => ids?.forEach((id, i) => rank.set(id, i)));
  order();
  // Neighbours one level apart along a citation: below (citers) and above (cited).
  const below = new Map(), above = new Map();
  for (const e of edges) {
    if (e.kind !== 'cites' || !level.has(e.source) || !level.has(e.target)) continue;
    if (level.get(e.source) >= level.get(e.target)) continue;
    (below.get(e.target) ?? below.set(e.target, []).get(e.target)).push(e.source);
    (above.get(e.source) ?? above.set(e.source, []).get(e.source)).push(e.target);
  }
  const sweep = (from, to, step, neighbours) => {
    for (let l = from; l !== to; l += step) {
      const ids = levels[l];
      if (!ids) continue;
      const key = new Map(ids.map((id, i) => {
        const near = neighbours.get(id);
        // Relative positions (0…1) so levels of different widths line up; no neighbours: keep its place.
        const span = (other) => Math.max(1, (levels[level.get(other)]?.length ?? 1) - 1);
        return [id, near?.length ? near.reduce((s, o) => s + rank.get(o) / span(o), 0) / near.length : i / Math.max(1, ids.length - 1)];
      }));
      ids.sort((a, b) => key.get(a) - key.get(b));
      ids.forEach((id, i) => rank.set(id, i));
    }
  };
  sweep(1, levels.length, 1, below);
  sweep(levels.length - 2, -1, -1, above);
  sweep(1, levels.length, 1, below);
  // Bands as wide as makes the whole picture about `aspect` times wider than tall (the view's shape): with r rows
  // in all, height ≈ r·rowGap + levels·levelGap and r ≈ works·gap / width, so width solves a quadratic.
  const b = aspect * levels.filter(Boolean).length * levelGap;
  const width = Math.max(gap * 4, (b + Math.sqrt(b * b + 4 * aspect * works.length * gap * rowGap)) / 2);
  const placed = foldLevels(works.map((n) => ({ id: n.id, x: rank.get(n.id), y: -level.get(n.id) })), { width, gap, rowGap, levelGap });
  // Each capture under what it cites: a folded level of works is wider than the captures below it, so each capture
  // moves to the middle of its citations (in its order, a gap apart) and its lines rise instead of fanning out.
  let previous = -Infinity;
  for (const id of levels[0] ?? []) {
    const xs = (above.get(id) ?? []).map((t) => placed.get(t)?.x).filter(Number.isFinite);
    const at = placed.get(id);
    at.x = Math.max(xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : at.x, previous + gap);
    previous = at.x;
  }
  if (people.length) {
    let right = -Infinity, top = Infinity, bottom = -Infinity;
    for (const p of placed.values()) { right = Math.max(right, p.x); top = Math.min(top, p.y); bottom = Math.max(bottom, p.y); }
    if (!placed.size) [right, top, bottom] = [0, 0, 0];
    const wrote = new Map();
    for (const e of edges) if (e.kind === 'wrote' && placed.has(e.target)) (wrote.get(e.source) ?? wrote.set(e.source, []).get(e.source)).push(placed.get(e.target).y);
    const height = (id) => { const ys = wrote.get(id); return ys?.length ? ys.reduce((a, b) => a + b, 0) / ys.length : bottom; };
    const sorted = [...people].sort((a, b) => height(a.id) - height(b.id));
    const rows = Math.min(peoplePerColumn, sorted.length);
    const step = rows > 1 ? Math.max(rowGap, (bottom - top) / (rows - 1)) : 0;
    sorted.forEach((p, i) => placed.set(p.id, { x: right + gap * 1.5 + Math.floor(i / rows) * gap, y: top + (i % rows) * step }));
  }
  return placed;
}

/**
 * The citations the overview draws: for each cited node its `perTarget` strongest citers (by their weight, the
 * evidence they carry), every "wrote" edge, and one citation of any citer left without one. Returns a Set of edge
 * ids; the others stay in the graph (hover and selection show them) but are not drawn until asked for. A 500-node
 * picture of a large library carries some 3,000 citations, which drew as one grey mass and cost more than half of
 * the first draw.
 */
export function overviewEdges(elements, { perTarget = 3 } = {}) {
  const weight = new Map(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id, e.data.size ?? 0]));
  const byTarget = new Map();
  const shown = new Set();
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    if (e.data.kind !== 'cites') { shown.add(e.data.id); continue; }
    (byTarget.get(e.data.target) ?? byTarget.set(e.data.target, []).get(e.data.target)).push(e.data);
  }
  const covered = new Set();
  for (const list of byTarget.values()) {
    list.sort((a, b) => (weight.get(b.source) ?? 0) - (weight.get(a.source) ?? 0));
    for (const e of list.slice(0, perTarget)) { shown.add(e.id); covered.add(e.source); }
  }
  for (const list of byTarget.values())
    for (const e of list) if (!covered.has(e.source)) { shown.add(e.id); covered.add(e.source); }
  return shown;
}

/**
 * The zoom and pan that fit points (Map id → {x, y}, nodes up to `nodeSize` across) into a width × height view
 * with `padding` around, as Cytoscape's fit would, but from the positions alone: Cytoscape's own fit measures every
 * element's rendered bounding box (edges included), which cost more than the rest of building the picture.
 */
export function fitViewport(points, { width, height, padding = 30, nodeSize = 40, minZoom = 0.05, maxZoom = 4 } = {}) {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const p of points.values()) { x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y); }
  if (x1 > x2) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  [x1, y1, x2, y2] = [x1 - nodeSize / 2, y1 - nodeSize / 2, x2 + nodeSize / 2, y2 + nodeSize / 2];
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min((width - 2 * padding) / (x2 - x1), (height - 2 * padding) / (y2 - y1))));
  return { zoom, pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 } };
}

/**
 * Folds the levels of a layered layout ([{id, x, y}], one y per level, larger y lower on screen) into bands of
 * rows at most `width` wide, keeping each level's left-to-right order and the levels' order: a level of 300 works
 * becomes a block of rows instead of one line 300 nodes long. A band is filled column by column, so the works that
 * sit together in the order (those the same captures cite) stand in a column above them; filled row by row they were
 * spread over every row, and each capture's citations crossed the whole band. Returns Map id → {x, y}.
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
    const columns = Math.ceil(level.length / rows);
    level.forEach((p, i) => {
      const column = Math.floor(i / rows);
      placed.set(p.id, { x: (column - (columns - 1) / 2) * gap, y: y - (i % rows) * rowGap });
    });
    y -= (rows - 1) * rowGap + levelGap;
  }
  return placed;
}
