import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureQuery, captureRow, formatFromName, graphElements, importProgress, lineageLines, lineageText, nodeCard, snippetParts } from '../lib/library.js';
import { differentiate, topRows } from '../lib/suggestions.js';

test('a lineage chain reads from what you read to the root', () => {
  const chain = [
    { id: 'capture-12', kind: 'capture', title: 'A', year: 2021 },
    { id: 'work-40', kind: 'work', title: 'B', year: 2014 },
    { id: 'work-7', kind: 'work', title: 'C', year: 1987 },
  ];
  assert.equal(lineageText(chain), 'you read A (2021) → it cites B (2014) → which cites C (1987)');
  assert.equal(lineageText([{ kind: 'work', title: 'X' }, { kind: 'work', title: null }]), 'you have X → it cites an untitled work');
  assert.equal(lineageText([{ kind: 'capture', title: 'A', year: 2021 }, { kind: 'work', title: 'Polchinski 2001 · Int. J. Mod. Phys. A16, 707', year: 2001 }]),
    'you read A (2021) → it cites Polchinski 2001 · Int. J. Mod. Phys. A16, 707');
  assert.equal(lineageText([chain[0]]), '');
  // A person's chain ends at the person, who wrote the work before it: "by", not "which cites".
  assert.equal(lineageText([chain[0], chain[1], { id: 'person-worldbank', kind: 'person', title: 'World Bank', year: null }]),
    'you read A (2021) → it cites B (2014) → by World Bank');
  assert.deepEqual(lineageLines({ lineage: [chain, chain, chain] }, 2).length, 2);
  assert.deepEqual(lineageLines({ reason: 'cited by 2' }), []);
  assert.deepEqual(lineageLines({ lineage: 'nonsense' }), []);
});

test('the search form becomes a query with whole-day dates and no empty fields', () => {
  assert.deepEqual(captureQuery({ q: '  tomatoes ', site: '', author: 'Ann', from: '2024-01-31', to: '2024-02-01' }, { limit: 20, cursor: 's20' }),
    { limit: 20, q: 'tomatoes', author: 'Ann', from: '2024-01-31T00:00:00Z', to: '2024-02-02T00:00:00.000Z', cursor: 's20' });
  assert.deepEqual(captureQuery({ from: 'yesterday' }), { limit: 50 });
});

test('snippets split into matched and plain parts, hostile text staying text', () => {
  assert.deepEqual(snippetParts('a \uE000tomato\uE001 <b>x</b> \uE000pie\uE001'), [
    { text: 'a ', match: false }, { text: 'tomato', match: true }, { text: ' <b>x</b> ', match: false }, { text: 'pie', match: true },
  ]);
  assert.deepEqual(snippetParts(null), []);
  assert.deepEqual(snippetParts('\uE000unclosed'), [{ text: 'unclosed', match: false }]);
});

test('capture rows keep only web links and show the site and day', () => {
  const row = captureRow({ id: 3, url: 'https://www.example.com/a', title: '', capturedAt: '2024-05-06T07:08:09Z', authors: [{ name: 'Ann' }], referenceCount: 4 });
  assert.equal(row.title, 'https://www.example.com/a');
  assert.equal(row.site, 'example.com');
  assert.equal(row.when, '2024-05-06');
  assert.equal(row.authors, 'Ann');
  assert.equal(captureRow({ url: 'javascript:alert(1)' }).href, null);
});

test('import progress follows storing, then fetching, and says what happened', () => {
  const storing = importProgress({ state: 'storing', total: 10, processed: 4, added: 3, merged: 1, skipped: 0 });
  assert.equal(storing.label, 'Adding entries to your graph (4 of 10)');
  assert.equal(storing.value, 4);
  assert.equal(storing.done, false);
  const fetching = importProgress({ state: 'fetching', total: 3, processed: 3, added: 3, fetchTotal: 3, fetched: 1, captured: 1 });
  assert.equal(fetching.label, 'Capturing bookmarked pages (1 of 3)');
  assert.match(fetching.summary, /1 of 3 pages captured/);
  const done = importProgress({ state: 'done', total: 1, processed: 1, added: 1 });
  assert.equal(done.done, true);
  assert.equal(done.summary, '1 entry: 1 added, 0 merged, 0 skipped.');
  assert.equal(formatFromName('My Library.BIB'), 'bibtex');
  assert.equal(formatFromName('bookmarks.html'), 'bookmarks');
  assert.equal(formatFromName('notes.txt'), '');
});

test('graph elements size nodes by evidence within their kind and drop edges to unknown nodes', () => {
  const els = graphElements({
    nodes: [
      { id: 'work-1', kind: 'work', title: 'Big', weight: 4, isSuggested: true, url: 'https://x.example/1', depth: 1, authors: ['Ann'] },
      { id: 'work-2', kind: 'work', title: 'Small', weight: 1, url: 'javascript:x' },
      { id: 'work-3', kind: 'capture', title: 'Mine', weight: 2, depth: 0 },
      { id: 'person-ann', kind: 'person', title: 'Ann', weight: 0 },
    ],
    edges: [{ source: 'work-3', target: 'work-1', kind: 'cites' }, { source: 'work-3', target: 'work-99', kind: 'cites' }, { source: 'person-ann', target: 'work-1', kind: 'wrote' }],
  });
  const node = (id) => els.find((e) => e.data.id === id).data;
  assert.equal(node('work-1').size, 56);
  assert.equal(node('work-2').size, 16 + Math.round(40 * 0.5));
  assert.equal(node('work-3').size, 56);
  assert.equal(node('person-ann').size, 16);
  assert.equal(node('work-2').href, null);
  assert.equal(els.filter((e) => e.group === 'edges').length, 2);
  assert.deepEqual(nodeCard(node('work-1')), { title: 'Big', head: 'Work · 1 step upstream', authors: 'Ann', reason: '' });
});

test('rows that share a reason show it once, and people do not list their works twice', () => {
  const same = 'cited by 1 writer you read (Tim O’Reilly)';
  const { common, rows } = differentiate([
    { kind: 'work', reason: same, evidence: 'in “Post”', meta: 'A · 2001' },
    { kind: 'work', reason: same, evidence: 'in “Post”', meta: 'B · 1999' },
  ]);
  assert.equal(common, `${same} · in “Post”`);
  assert.deepEqual(rows.map((r) => [r.reason, r.evidence, r.meta]), [['', '', 'A · 2001'], ['', '', 'B · 1999']]);
  const people = differentiate([{ kind: 'person', reason: 'wrote Deep learning and Gradient methods', evidence: 'wrote “Deep learning”, “Gradient methods”' }]);
  assert.equal(people.rows[0].evidence, '');
  assert.equal(people.common, null);
  // Clauses every row shares are said once; each row keeps what is its own.
  const ages = differentiate([
    { kind: 'work', reason: 'cited by 1 writer you read (X); 12 years before the works citing it' },
    { kind: 'work', reason: 'cited by 1 writer you read (X); 30 years before the works citing it; 1,234 citations overall' },
  ]);
  assert.equal(ages.common, 'cited by 1 writer you read (X)');
  assert.deepEqual(ages.rows.map((r) => r.reason), ['12 years before the works citing it', '30 years before the works citing it; 1,234 citations overall']);
  const mixed = differentiate([{ kind: 'work', reason: 'a' }, { kind: 'work', reason: 'b' }]);
  assert.equal(mixed.common, null);
  assert.deepEqual(topRows([1, 2, 3], 2), { shown: [1, 2], more: 1 });
});

test('wide levels fold into bands of rows, the bottom level staying at the bottom', async () => {
  const { foldLevels } = await import('../lib/library.js');
  const points = [{ id: 'c', x: 0, y: 100 }, ...Array.from({ length: 25 }, (_, i) => ({ id: `w${i}`, x: i * 10, y: 0 }))];
  const placed = foldLevels(points, { width: 600, gap: 60 });
  assert.equal(placed.get('c').y, 0);
  const ys = new Set(Array.from({ length: 25 }, (_, i) => placed.get(`w${i}`).y));
  assert.equal(ys.size, 3, 'at most ten a row');
  assert.ok([...ys].every((v) => v < 0), 'above the captures');
  assert.ok(placed.get('w0').x < placed.get('w9').x, 'order kept');
  // Filled column by column: neighbours in the order share a column, stacked up from the level's bottom row.
  assert.equal(placed.get('w0').x, placed.get('w2').x);
  assert.ok(placed.get('w0').y > placed.get('w1').y && placed.get('w1').y > placed.get('w2').y);
  assert.ok(placed.get('w2').x < placed.get('w3').x && placed.get('w3').y === placed.get('w0').y);
});

test('a folded level stands in columns over the captures that cite it', async () => {
  const { layeredPositions } = await import('../lib/library.js');
  // Two captures citing 30 works each: the level folds, and each capture's works form columns above it.
  const nodes = [{ id: 'a', kind: 'capture', weight: 1, depth: 0 }, { id: 'b', kind: 'capture', weight: 1, depth: 0 }];
  const edges = [];
  for (let i = 0; i < 60; i++) {
    nodes.push({ id: `w${i}`, kind: 'work', weight: 1, depth: 1 });
    edges.push({ source: i < 30 ? 'a' : 'b', target: `w${i}`, kind: 'cites' });
  }
  const at = layeredPositions(graphElements({ nodes, edges }), { aspect: 1 });
  const xs = (from, to) => Array.from({ length: to - from }, (_, k) => at.get(`w${from + k}`).x);
  const [aWorks, bWorks] = [xs(0, 30), xs(30, 60)];
  assert.ok(new Set(Array.from({ length: 60 }, (_, k) => at.get(`w${k}`).y)).size > 1, 'folded into rows');
  const inside = (x, ws) => x >= Math.min(...ws) && x <= Math.max(...ws);
  assert.ok(inside(at.get('a').x, aWorks) && inside(at.get('b').x, bWorks), 'each capture under its own works');
  // In order: at most the one column where a's works end and b's begin holds both.
  assert.ok(Math.max(...aWorks) <= Math.min(...bWorks) || Math.max(...bWorks) <= Math.min(...aWorks), 'the two sets of columns do not mix');
});

test('the graph is placed in one pass: captures at the bottom, each level above what cites it, people to the side', async () => {
  const { layeredPositions, overviewEdges, fitViewport } = await import('../lib/library.js');
  const els = graphElements({
    nodes: [
      { id: 'c1', kind: 'capture', weight: 1, depth: 0 }, { id: 'c2', kind: 'capture', weight: 5, depth: 0 },
      { id: 'w1', kind: 'work', weight: 1, depth: 1 }, { id: 'w2', kind: 'work', weight: 1, depth: 1 },
      { id: 'r1', kind: 'work', weight: 1, depth: 2 }, { id: 'lost', kind: 'work', weight: 1 },
      { id: 'p1', kind: 'person', weight: 1 },
    ],
    edges: [
      { source: 'c2', target: 'w1', kind: 'cites' }, { source: 'c1', target: 'w2', kind: 'cites' }, { source: 'c1', target: 'w1', kind: 'cites' },
      { source: 'w2', target: 'r1', kind: 'cites' }, { source: 'p1', target: 'r1', kind: 'wrote' },
    ],
  });
  const at = layeredPositions(els, { aspect: 1 });
  assert.equal(at.size, 7);
  assert.ok(at.get('c1').y > at.get('w1').y && at.get('w1').y > at.get('r1').y, 'captures below what they cite, roots on top');
  assert.ok(at.get('r1').y > at.get('lost').y, 'works no capture reaches stand above the roots');
  assert.equal(at.get('w1').y, at.get('w2').y);
  // Barycentre order: w2 is cited only by c1 and w1 by both, so each stands on the side of its citers.
  assert.equal(Math.sign(at.get('w2').x - at.get('w1').x), Math.sign(at.get('c1').x - at.get('c2').x));
  assert.ok([...at.values()].filter((p) => p !== at.get('p1')).every((p) => p.x < at.get('p1').x), 'people to the right');

  // The overview draws each work's strongest citers; with one a target, the weaker citer of w1 is left out.
  const shown = overviewEdges(els, { perTarget: 1 });
  const id = (s, t) => els.find((e) => e.group === 'edges' && e.data.source === s && e.data.target === t).data.id;
  assert.ok(shown.has(id('c2', 'w1')) && !shown.has(id('c1', 'w1')));
  assert.ok(shown.has(id('c1', 'w2')) && shown.has(id('p1', 'r1')));

  const view = fitViewport(new Map([['a', { x: -100, y: 0 }], ['b', { x: 100, y: 50 }]]), { width: 500, height: 300, padding: 10, nodeSize: 20 });
  // 220 × 70 with the nodes' size, into 480 × 280 inside the padding: the width decides.
  assert.ok(Math.abs(view.zoom - 480 / 220) < 1e-9, `zoom ${view.zoom}`);
  assert.ok(Math.abs(view.pan.x - 250) < 1e-9 && Math.abs(view.pan.y - (300 - view.zoom * 50) / 2) < 1e-9, JSON.stringify(view.pan));
});
