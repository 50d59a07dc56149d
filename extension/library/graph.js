// The influence graph (#graph?limit=N): your captures at the bottom, what they cite above them, the roots at the
// top (depth from your captures on the vertical axis, by Cytoscape's breadthfirst layout from your captures,
// drawn upside down), node size by your evidence, colour by kind. Zoom and pan with the wheel and drag (or the
// buttons); hover for the reason; click a node for its card (open it, dismiss it, see the person); double-click opens.

import cytoscape from '../vendor/cytoscape.esm.min.js';
import { h, replaceChildren } from '../lib/dom.js';
import { foldLevels, graphElements, KIND_LABEL, nodeCard } from '../lib/library.js';
import { messageState } from './ui.js';

const LIMITS = [100, 200, 500];

export async function show(ctx, view, { params }) {
  const doc = ctx.doc;
  const limit = LIMITS.includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 200;
  const started = performance.now();
  const picture = await ctx.client.graph(limit);
  if (!ctx.isCurrent(ctx.token)) return null;
  const timings = { fetched: performance.now() - started };

  const sizeSelect = h(doc, 'select', { name: 'limit', 'aria-label': 'Nodes to draw' },
    LIMITS.map((n) => h(doc, 'option', { value: String(n), selected: n === limit }, `Top ${n}`)));
  sizeSelect.addEventListener('change', () => ctx.navigate(`#graph?limit=${sizeSelect.value}`));
  const button = (label, title, onclick) => h(doc, 'button', { type: 'button', class: 'secondary', title, 'aria-label': title, onclick }, label);
  const container = h(doc, 'div', { id: 'graph', role: 'img', 'aria-label': `Influence graph of ${picture.nodes.length} works, people and captures; the list beside it describes the selected node.` });
  const card = h(doc, 'div', { class: 'card', hidden: true, 'aria-hidden': 'true' });
  const side = h(doc, 'aside', { class: 'graph-side', 'aria-label': 'Selected node', 'aria-live': 'polite' });
  const counts = countKinds(picture.nodes);
  replaceChildren(doc, view,
    h(doc, 'h1', {}, 'Influence graph'),
    h(doc, 'p', { class: 'lead' }, `Your captures at the bottom, what they cite above, the roots of your reading at the top. ${counts}`),
    h(doc, 'div', { class: 'graph-bar' },
      sizeSelect,
      button('+', 'Zoom in', () => zoom(1.25)), button('−', 'Zoom out', () => zoom(0.8)), button('Fit', 'Fit the whole graph', () => cy.fit(undefined, 30)),
      h(doc, 'div', { class: 'legend', 'aria-hidden': 'true' },
        h(doc, 'span', { class: 'l-capture' }, 'your captures'), h(doc, 'span', { class: 'l-work' }, 'works'), h(doc, 'span', { class: 'l-person' }, 'people'),
        h(doc, 'span', {}, 'size: your evidence'))),
    h(doc, 'div', { class: 'graph-wrap' },
      h(doc, 'div', { class: 'graph-holder' }, container, card,
        h(doc, 'div', { class: 'axis', 'aria-hidden': 'true' }, h(doc, 'span', {}, '↑ roots'), h(doc, 'span', {}, 'your captures ↓'))),
      side));
  view.querySelector('.graph-holder').setAttribute('data-ready', 'false');

  if (!picture.nodes.length) {
    replaceChildren(doc, container, messageState(doc, { title: 'Nothing to draw yet.', action: 'Capture or import a few works; the graph grows with your reading.', tone: 'muted' }));
    return null;
  }
  const colors = getComputedStyle(doc.documentElement);
  const color = (name) => colors.getPropertyValue(name).trim();
  // Built and laid out headless, then mounted: a renderer attached from the start redraws while elements are
  // added and moved, which cost seconds for 500 nodes; mounted once, it draws the finished picture once.
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: graphElements(picture, { minSize: 12, maxSize: 40 }),
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    textureOnViewport: picture.nodes.length > 250,
    hideEdgesOnViewport: picture.nodes.length > 250,
    style: [
      { selector: 'node', style: { width: 'data(size)', height: 'data(size)', 'background-color': color('--work'), label: 'data(label)', 'font-size': 9, color: color('--text'), 'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 70, 'border-width': 1, 'border-color': color('--bg') } },
      { selector: 'node[kind = "capture"]', style: { shape: 'round-rectangle', 'background-color': color('--capture') } },
      { selector: 'node[kind = "person"]', style: { shape: 'diamond', 'background-color': color('--person') } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': color('--focus') } },
      { selector: 'edge', style: { width: 1, 'line-color': color('--edge'), 'target-arrow-color': color('--edge'), 'target-arrow-shape': 'triangle', 'arrow-scale': 0.6, 'curve-style': 'haystack', opacity: 0.55 } },
      { selector: 'edge[kind = "wrote"]', style: { 'line-style': 'dashed', 'line-color': color('--person') } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
  });
  timings.created = performance.now() - started;
  const zoom = (factor) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });

  // Works and captures: breadth first from your captures, each level one step further upstream, then turned upside
  // down so the roots are on top. People stand in a column to the side, next to what they wrote.
  const people = cy.nodes('[kind = "person"]');
  const works = cy.nodes().not(people);
  const captures = cy.nodes('[kind = "capture"]');
  // The layout reads one citation a work, from a citer one step nearer your captures (the breadth-first tree the
  // server's depths describe); the other edges are drawn but do not move anything. Laying out every edge cost
  // about a second of CPU at 500 nodes for the same levels.
  const tree = cy.collection();
  works.forEach((node) => {
    const depth = node.data('depth') ?? Infinity;
    const edge = node.incomers('edge[kind = "cites"]').filter((e) => (e.source().data('depth') ?? Infinity) < depth).first();
    if (edge.length) tree.merge(edge);
  });
  works.union(tree).layout({
    name: 'breadthfirst', directed: true, roots: captures.length ? captures : undefined, spacingFactor: 0.9, avoidOverlap: false, animate: false,
    // Headless, the layout has no container to size itself by: a box tall enough to keep the levels apart (the bands are re-spaced below).
    boundingBox: { x1: 0, y1: 0, w: 4000, h: 2000 },
    transform: (node, position) => ({ x: position.x, y: -position.y }),
  }).run();
  timings.layout = performance.now() - started;
  // A level of hundreds of works is one unreadable row: fold each level into a band of rows, keeping the layout's
  // left-to-right order (which keeps works near what cites them) and its bottom-to-top order of levels.
  const folded = foldLevels(works.map((n) => ({ id: n.id(), ...n.position() })), { width: 70 * Math.ceil(Math.sqrt(works.length) * 1.8), gap: 70, rowGap: 60, levelGap: 140 });
  works.positions((n) => folded.get(n.id()));
  if (people.length) {
    const box = works.boundingBox();
    people.layout({ name: 'grid', cols: Math.ceil(people.length / 12), animate: false, boundingBox: { x1: box.x2 + 80, y1: box.y1, w: 60 * Math.ceil(people.length / 12), h: Math.max(200, box.h) } }).run();
  }
  cy.mount(container);
  cy.fit(undefined, 30);
  timings.placed = performance.now() - started;

  cy.on('mouseover', 'node', (event) => showCard(event.target, event.renderedPosition));
  cy.on('mouseout', 'node', () => { card.hidden = true; });
  cy.on('viewport', () => { card.hidden = true; });
  cy.on('tap', 'node', (event) => select(event.target));
  cy.on('tap', (event) => { if (event.target === cy) select(null); });
  cy.on('dbltap', 'node', (event) => open(event.target));

  function showCard(node, at) {
    const c = nodeCard(node.data());
    replaceChildren(doc, card, h(doc, 'p', { class: 'card-title' }, c.title), h(doc, 'p', { class: 'muted' }, c.head),
      c.authors ? h(doc, 'p', {}, c.authors) : null, c.reason ? h(doc, 'p', {}, c.reason) : null);
    card.style.left = `${Math.min(at.x + 14, container.clientWidth - 330)}px`;
    card.style.top = `${at.y + 14}px`;
    card.hidden = false;
  }

  function open(node) {
    const { kind, id, href } = node.data();
    if (kind === 'person') ctx.navigate(`#people/${encodeURIComponent(id)}`);
    else if (href) window.open(href, '_blank', 'noopener');
  }

  function select(node) {
    cy.elements().removeClass('faded');
    if (!node) { describeNothing(); return; }
    const near = node.closedNeighborhood();
    cy.elements().not(near).addClass('faded');
    const d = node.data();
    const c = nodeCard(d);
    const actions = [];
    if (d.kind === 'person') actions.push(h(doc, 'button', { type: 'button', class: 'secondary', onclick: () => open(node) }, 'Show this person'));
    else if (d.href) actions.push(h(doc, 'button', { type: 'button', class: 'secondary', onclick: () => open(node) }, 'Open'));
    if (d.suggested) actions.push(h(doc, 'button', { type: 'button', class: 'action action-dismiss', onclick: () => dismiss(node) }, 'Dismiss'));
    replaceChildren(doc, side, h(doc, 'h2', {}, c.title), h(doc, 'p', { class: 'muted' }, c.head),
      c.authors ? h(doc, 'p', {}, c.authors) : null, c.reason ? h(doc, 'p', {}, c.reason) : null,
      h(doc, 'p', { class: 'muted' }, `${node.outgoers('node').length} pictured ${d.kind === 'person' ? 'works they wrote' : 'works it cites'}, ${node.incomers('node').length} pictured ${d.kind === 'person' ? '' : 'citing it or who wrote it'}`.trim()),
      h(doc, 'div', { class: 'state-buttons' }, actions));
  }

  async function dismiss(node) {
    const { id, title } = node.data();
    try {
      await ctx.client.act(id, 'dismiss');
    } catch (e) {
      ctx.toast(`Could not dismiss it: ${e.message}`);
      return;
    }
    const removed = node.union(node.connectedEdges()).remove();
    select(null);
    ctx.toast(`Dismissed “${title.slice(0, 60)}”.`, async () => {
      await ctx.client.act(id, 'dismiss', { undo: true });
      removed.restore();
    });
  }

  function describeNothing() {
    replaceChildren(doc, side, h(doc, 'h2', {}, 'Select a node'),
      h(doc, 'p', {}, 'Hover a node for why it is here; click it for its card, where you can open it, dismiss it, or see the person; double-click opens it.'),
      h(doc, 'p', { class: 'muted' }, `Drawn ${picture.nodes.length} nodes and ${picture.edges.length} edges in ${Math.round(performance.now() - started)} ms.`));
  }
  describeNothing();
  view.querySelector('.graph-holder').setAttribute('data-ready', 'true');
  // For the end-to-end tests and the benchmark: the live graph.
  globalThis.hqtGraph = cy;
  globalThis.hqtGraphTimings = timings;
  return { dispose: () => { cy.destroy(); if (globalThis.hqtGraph === cy) delete globalThis.hqtGraph; } };
}

function countKinds(nodes) {
  const n = (kind) => nodes.filter((x) => x.kind === kind).length;
  const parts = [[n('work'), 'works'], [n('person'), 'people'], [n('capture'), 'of your captures']].filter(([c]) => c > 0).map(([c, w]) => `${c} ${w}`);
  return parts.length ? `Showing ${parts.join(', ')}.` : '';
}

export { KIND_LABEL };
