// The influence graph (#graph?limit=N): your captures at the bottom, what they cite above them, the roots at the
// top (depth from your captures on the vertical axis, placed by lib/library.js layeredPositions), node size by your
// evidence, colour by kind. Zoom and pan with the wheel and drag (or the
// buttons); hover for the reason; click a node for its card (open it, dismiss it, see the person); double-click opens.

import { h, replaceChildren } from '../lib/dom.js';
import { fitViewport, graphElements, overviewEdges, KIND_LABEL, layeredPositions, nodeCard } from '../lib/library.js';
import { messageState } from './ui.js';

const LIMITS = [100, 200, 500];

export async function show(ctx, view, { params }) {
  const doc = ctx.doc;
  const limit = LIMITS.includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 200;
  const started = performance.now();
  // Cytoscape (430 KB) is parsed while the picture is on its way, not before asking for it.
  const [{ default: cytoscape }, picture] = await Promise.all([import('../vendor/cytoscape.esm.min.js'), ctx.client.graph(limit)]);
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
      button('+', 'Zoom in', () => zoom(1.25)), button('−', 'Zoom out', () => zoom(0.8)), button('Fit', 'Fit the whole graph', () => cy.viewport(fit())),
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
  // Positions come from a pure function (levels by depth, a barycentre order within each level), so Cytoscape
  // runs no layout of its own: the 'preset' layout places the elements it is given, all added in one go by the
  // constructor, and the picture is drawn once. Labels are not drawn on the overview (measuring and eliding 500
  // labels was most of the first draw); they show on hover, on the selected node and its neighbours, and for
  // every node once you zoom in.
  const elements = graphElements(picture, { minSize: 12, maxSize: 40 });
  const positions = layeredPositions(elements, { aspect: Math.max(0.5, container.clientWidth / Math.max(1, container.clientHeight)) });
  for (const e of elements) if (e.group === 'nodes') e.position = positions.get(e.data.id) ?? { x: 0, y: 0 };
  // A large picture draws each work's strongest citations; the rest appear for the node you point at or select.
  const drawn = picture.edges.length > 600 ? overviewEdges(elements) : null;
  if (drawn) for (const e of elements) if (e.group === 'edges' && !drawn.has(e.data.id)) e.classes = 'extra';
  timings.positioned = performance.now() - started;
  const many = picture.nodes.length > 250;
  const [minZoom, maxZoom] = [0.05, 4];
  const fit = () => fitViewport(positions, { width: container.clientWidth, height: container.clientHeight, padding: 30, nodeSize: 40, minZoom, maxZoom });
  const cy = cytoscape({
    container,
    elements,
    layout: { name: 'preset', fit: false },
    ...fit(),
    minZoom,
    maxZoom,
    wheelSensitivity: 0.3,
    // While zooming or panning a large picture, move a snapshot of it and leave the edges out; redraw when it stops.
    textureOnViewport: many,
    hideEdgesOnViewport: many,
    style: [
      { selector: 'node', style: { width: 'data(size)', height: 'data(size)', 'background-color': color('--work'), 'border-width': 1, 'border-color': color('--bg') } },
      { selector: 'node[kind = "capture"]', style: { shape: 'round-rectangle', 'background-color': color('--capture') } },
      { selector: 'node[kind = "person"]', style: { shape: 'diamond', 'background-color': color('--person') } },
      { selector: 'node.labelled, node.hover, node.near, node:selected', style: { label: 'data(label)', 'font-size': 9, color: color('--text'), 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': 70 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': color('--focus') } },
      { selector: 'edge', style: { width: 1, 'line-color': color('--edge'), 'curve-style': 'haystack', opacity: 0.55 } },
      { selector: 'edge[kind = "wrote"]', style: { 'line-style': 'dashed', 'line-color': color('--person') } },
      { selector: 'edge.extra', style: { display: 'none' } },
      { selector: 'edge.extra.near', style: { display: 'element' } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
  });
  timings.placed = performance.now() - started;
  const zoom = (factor) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  // Every label once zoomed in far enough to read them (checked when a zoom ends, not on every wheel step).
  const LABELS_FROM_ZOOM = 0.9;
  let labelledAll = false;
  const labelForZoom = () => {
    const want = cy.zoom() >= LABELS_FROM_ZOOM;
    if (want === labelledAll) return;
    labelledAll = want;
    cy.batch(() => (want ? cy.nodes().addClass('labelled') : cy.nodes().removeClass('labelled')));
  };
  let zoomTimer = null;
  cy.on('zoom', () => { clearTimeout(zoomTimer); zoomTimer = setTimeout(labelForZoom, 150); });
  labelForZoom();

  cy.on('mouseover', 'node', (event) => { cy.batch(() => event.target.union(event.target.connectedEdges()).addClass('hover near')); showCard(event.target, event.renderedPosition); });
  cy.on('mouseout', 'node', (event) => { cy.batch(() => event.target.union(event.target.connectedEdges()).removeClass('hover').filter((e) => !e.selected() && !selectedNear.has(e.id())).removeClass('near')); card.hidden = true; });
  cy.on('viewport', () => { card.hidden = true; });
  cy.on('tap', 'node', (event) => select(event.target));
  cy.on('tap', (event) => { if (event.target === cy) select(null); });
  cy.on('dbltap', 'node', (event) => open(event.target));

  let selectedNear = new Set(); // ids of the selected node's neighbourhood: stays drawn when the pointer leaves

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
    cy.batch(() => cy.elements().removeClass('faded near'));
    selectedNear = new Set();
    if (!node) { describeNothing(); return; }
    const near = node.closedNeighborhood();
    selectedNear = new Set(near.map((e) => e.id()));
    cy.batch(() => { cy.elements().not(near).addClass('faded'); near.addClass('near'); });
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
  // The side panel's text can change the picture's width: fit to the final size (before the first frame is drawn).
  cy.resize();
  cy.viewport(fit());
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
