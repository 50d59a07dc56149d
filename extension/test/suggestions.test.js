import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionDoneText, formatAuthors, pathsLine, safeHref, snoozeUntil, suggestionRow, upstreamView } from '../lib/suggestions.js';

const work = {
  id: 'work-12', kind: 'work', title: 'Attention Is  All You Need', url: 'https://arxiv.org/abs/1706.03762', year: 2017,
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'], score: 0.8,
  reason: 'Cited by 3 pages you captured', isExploration: false,
  paths: [
    { relation: 'cited-by-capture', id: 'capture-1', title: 'The Illustrated Transformer' },
    { relation: 'cited-by-capture', id: 'capture-2', title: 'BERT explained' },
    { relation: 'cited-by-capture', id: 'capture-3', title: 'GPT notes' },
  ],
};

test('a work row has its title, authors, year, reason and evidence', () => {
  const row = suggestionRow(work);
  assert.equal(row.id, 'work-12');
  assert.equal(row.title, 'Attention Is All You Need');
  assert.equal(row.meta, 'Ashish Vaswani, Noam Shazeer, Niki Parmar and 1 other · 2017');
  assert.equal(row.reason, 'Cited by 3 pages you captured');
  assert.equal(row.evidence, 'in “The Illustrated Transformer”, “BERT explained” +1');
  assert.equal(row.href, 'https://arxiv.org/abs/1706.03762');
});

test('a person row and an exploration pick', () => {
  const row = suggestionRow({ id: 'person-7', kind: 'person', title: 'Yoshua Bengio', authors: [], reason: 'Wrote 2 works your reading cites', isExploration: true,
    paths: [{ relation: 'author-of', id: 'work-3', title: 'A Neural Probabilistic Language Model' }] });
  assert.equal(row.kind, 'person');
  assert.equal(row.isExploration, true);
  assert.equal(row.evidence, 'wrote “A Neural Probabilistic Language Model”');
  assert.equal(row.href, null);
});

test('a work known only by its URL gets a shorter title, and keeps its link', () => {
  const row = suggestionRow({ id: 'work-3', title: 'https://www.doi.org/10.1162/neco.1997.9.8.1735', url: 'https://doi.org/10.1162/neco.1997.9.8.1735' });
  assert.equal(row.title, 'doi.org/10.1162/neco.1997.9.8.1735');
  assert.equal(row.href, 'https://doi.org/10.1162/neco.1997.9.8.1735');
  assert.equal(suggestionRow({ id: 'w', title: 'https://arxiv.org/abs/1409.3215/' }).title, 'arxiv.org/abs/1409.3215');
  assert.equal(suggestionRow({ id: 'w', title: 'Plain title' }).title, 'Plain title');
});

test('only http(s) links survive', () => {
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('data:text/html,<script>'), null);
  assert.equal(safeHref(' https://ok.org/x '), 'https://ok.org/x');
  assert.equal(suggestionRow({ ...work, url: 'javascript:alert(1)' }).href, null);
});

test('missing or odd fields do not break a row', () => {
  const row = suggestionRow({ id: 5, title: null, authors: null, paths: 'x' });
  assert.equal(row.id, '5');
  assert.equal(row.title, 'Untitled work');
  assert.equal(row.meta, '');
  assert.equal(row.evidence, '');
});

test('author lists read naturally', () => {
  assert.equal(formatAuthors([]), '');
  assert.equal(formatAuthors(['A']), 'A');
  assert.equal(formatAuthors(['A', 'B']), 'A and B');
  assert.equal(formatAuthors([{ name: 'A' }, { name: 'B' }, { name: 'C' }]), 'A, B and C');
  assert.equal(formatAuthors(['A', 'B', 'C', 'D', 'E']), 'A, B, C and 2 others');
});

test('evidence groups by relation', () => {
  assert.equal(pathsLine([{ relation: 'cited-by-work', title: 'W' }, { relation: 'author-of', title: 'X' }]), 'cited by “W” · wrote “X”');
  assert.equal(pathsLine([]), '');
});

test('the upstream view keeps the page byline, references and inspirations', () => {
  const view = upstreamView({ url: 'https://a.org', captureId: 4, title: 'A page', authors: [{ name: 'Jane Roe', url: null, kind: 'person' }],
    references: [work, { id: '', title: 'no id, dropped' }], inspirations: [{ id: 'person-1', kind: 'person', title: 'Ada', reason: 'r', paths: [] }] });
  assert.equal(view.captured, true);
  assert.equal(view.byline, 'Jane Roe');
  assert.equal(view.references.length, 1);
  assert.equal(view.inspirations[0].kind, 'person');
  assert.equal(upstreamView({}).captured, false);
});

test('snooze dates and undo texts', () => {
  assert.equal(snoozeUntil(7, new Date('2026-01-01T10:00:00Z')), '2026-01-08T10:00:00.000Z');
  assert.equal(actionDoneText('dismiss', 'X'), 'Dismissed “X”.');
  assert.equal(actionDoneText('read', 'X'), 'Marked as read “X”.');
});

test('the upstream view carries the note that says why no inspirations are listed', () => {
  const view = upstreamView({ captureId: 1, references: [], inspirations: [], inspirationsNote: 'This page cites nothing hqt could read.' });
  assert.deepEqual(view.inspirations, []);
  assert.equal(view.inspirationsNote, 'This page cites nothing hqt could read.');
  assert.equal(upstreamView({}).inspirationsNote, '');
});
