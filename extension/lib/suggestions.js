// Turning the server's Suggestion records into what one popup row shows. Everything here is plain
// strings: the popup puts them into the page with textContent only, so a hostile title stays text.

// The reason already says "cited by N of your captures"; the evidence line names them.
const RELATION_LABEL = {
  'cited-by-capture': 'in',
  'cited-by-work': 'cited by',
  'author-of': 'wrote',
};

/** Only http(s) links are ever opened: a javascript: or data: URL from a page is dropped. */
export function safeHref(url) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function text(value, max = 500) {
  if (value == null) return '';
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** "Ada Lovelace, Alan Turing and 3 others" */
export function formatAuthors(authors, max = 3) {
  const names = (Array.isArray(authors) ? authors : [])
    .map((a) => text(typeof a === 'string' ? a : a?.name, 120))
    .filter(Boolean);
  if (names.length === 0) return '';
  if (names.length <= max) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const rest = names.length - max;
  return `${names.slice(0, max).join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
}

/** "cited by: Attention Is All You Need; BERT" from the suggestion's evidence paths. */
export function pathsLine(paths, max = 2) {
  if (!Array.isArray(paths) || paths.length === 0) return '';
  const groups = new Map();
  for (const p of paths) {
    const label = RELATION_LABEL[p?.relation] ?? 'linked to';
    const title = text(p?.title, 60);
    if (!title) continue;
    if (!groups.has(label)) groups.set(label, []);
    const list = groups.get(label);
    if (!list.includes(title)) list.push(title);
  }
  return [...groups].map(([label, titles]) => {
    const shown = titles.slice(0, max).map((t) => `“${t}”`).join(', ');
    return titles.length > max ? `${label} ${shown} +${titles.length - max}` : `${label} ${shown}`;
  }).join(' · ');
}

/** A work known only by its address reads better as "doi.org/10.1/x" than as a full URL. */
export function displayTitle(title) {
  if (!/^https?:\/\//i.test(title)) return title;
  try {
    const url = new URL(title);
    const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
    return `${url.hostname.replace(/^www\./, '')}${path}${url.search}`;
  } catch {
    return title;
  }
}

/** One row: {id, kind, title, href, meta, reason, evidence, isExploration}. */
export function suggestionRow(s) {
  const kind = s?.kind === 'person' ? 'person' : 'work';
  const title = displayTitle(text(s?.title, 300)) || (kind === 'person' ? 'Unnamed person' : 'Untitled work');
  const meta = kind === 'work'
    ? [formatAuthors(s?.authors), Number.isInteger(s?.year) ? String(s.year) : ''].filter(Boolean).join(' · ')
    : 'Person';
  return {
    id: String(s?.id ?? ''),
    kind,
    title,
    href: safeHref(s?.url),
    meta,
    reason: text(s?.reason, 300),
    evidence: pathsLine(s?.paths),
    isExploration: s?.isExploration === true,
  };
}

/** The popup's "Upstream of this page" section from GET/POST /api/pages/upstream. */
export function upstreamView(page) {
  const authors = Array.isArray(page?.authors) ? page.authors : [];
  return {
    captured: page?.captureId != null,
    title: text(page?.title, 300),
    byline: formatAuthors(authors, 4),
    references: (Array.isArray(page?.references) ? page.references : []).map(suggestionRow).filter((r) => r.id),
    inspirations: (Array.isArray(page?.inspirations) ? page.inspirations : []).map(suggestionRow).filter((r) => r.id),
    // Why "Who inspired its authors" is empty, in the server's words (it reads only this page's own references).
    inspirationsNote: text(page?.inspirationsNote, 300),
  };
}

export const SNOOZE_CHOICES = Object.freeze([
  { label: 'Tomorrow', days: 1 },
  { label: 'Next week', days: 7 },
  { label: 'Next month', days: 30 },
]);

export function snoozeUntil(days, now = new Date()) {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** "Dismissed “X”." for the undo bar. */
export function actionDoneText(action, title) {
  const verb = { dismiss: 'Dismissed', read: 'Marked as read', snooze: 'Snoozed' }[action] ?? 'Done';
  return `${verb} “${text(title, 60)}”.`;
}

/**
 * Rows that all say the same thing say nothing: the reason (or evidence line) every row shares is lifted out
 * once, as `common`, and left off the rows, so each row shows what sets it apart (its authors, year, its own
 * evidence). A person's evidence is dropped when the reason already names those works.
 */
export function differentiate(rows) {
  const list = Array.isArray(rows) ? rows.map((r) => ({ ...r })) : [];
  for (const row of list) {
    if (row.kind === 'person' && row.evidence && row.reason) {
      const titles = [...row.evidence.matchAll(/“([^”]+)”/g)].map((m) => m[1].replace(/…$/, ''));
      if (titles.length && titles.every((t) => row.reason.includes(t))) row.evidence = '';
    }
  }
  const shared = (field) => list.length > 1 && list[0][field] && list.every((r) => r[field] === list[0][field]) ? list[0][field] : null;
  // A reason is clauses joined by "; " (who cites it; how far upstream; citations overall): the clauses every row
  // shares are said once too, so "cited by 1 writer you read (X); 12 years before …" leaves each row its own age.
  const clauses = (r) => (r.reason ? r.reason.split('; ') : []);
  const sharedClauses = list.length > 1 && list.every((r) => r.reason)
    ? clauses(list[0]).filter((c) => list.every((r) => clauses(r).includes(c)))
    : [];
  const reason = shared('reason') ?? (sharedClauses.length ? sharedClauses.join('; ') : null);
  const evidence = shared('evidence');
  for (const row of list) {
    if (reason) row.reason = clauses(row).filter((c) => !sharedClauses.includes(c) && c !== reason).join('; ');
    if (evidence) row.evidence = '';
  }
  return { common: [reason, evidence].filter(Boolean).join(' · ') || null, rows: list };
}

/** The first `max` rows and how many more the library page has. */
export function topRows(rows, max = 10) {
  const list = Array.isArray(rows) ? rows : [];
  return { shown: list.slice(0, max), more: Math.max(0, list.length - max) };
}
