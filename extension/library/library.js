// The library page: one tab, six views chosen by the address's hash (#next, #graph, #people/<id>, #captures?q=…,
// #imports, #exports, #page?url=…), so each view can be bookmarked, reloaded and opened from the popup.

import { ext, loadSettings } from '../common/ext.js';
import { createClient, describeError, ErrorKind } from '../lib/api.js';
import { h, replaceChildren } from '../lib/dom.js';
import { loadingState, messageState } from './ui.js';

const VIEWS = {
  next: () => import('./next.js'),
  page: () => import('./next.js'),
  graph: () => import('./graph.js'),
  people: () => import('./people.js'),
  captures: () => import('./captures.js'),
  imports: () => import('./imports.js'),
  exports: () => import('./exports.js'),
};

const TITLES = { next: 'Your next reads', page: 'Upstream of a page', graph: 'Influence graph', people: 'People', captures: 'Captures', imports: 'Imports', exports: 'Exports' };

const $ = (id) => document.getElementById(id);
let ctx;
let current = null; // the view shown: {dispose?}
let toastTimer = null;

/** "#captures?q=x" → {name: 'captures', arg: null, params}; "#people/person-ada" → {name: 'people', arg: 'person-ada'}. */
export function parseHash(hash) {
  const raw = String(hash ?? '').replace(/^#/, '');
  const [path, search = ''] = raw.split('?');
  const [name, ...rest] = path.split('/');
  return {
    name: VIEWS[name] ? name : 'next',
    arg: rest.length ? decodeURIComponent(rest.join('/')) : null,
    params: new URLSearchParams(search),
  };
}

async function main() {
  const settings = await loadSettings();
  ctx = {
    settings,
    client: createClient(settings),
    doc: document,
    toast: showToast,
    navigate: (hash) => { if (location.hash === hash) route(); else location.hash = hash; },
    showError,
    isCurrent: (token) => token === current,
  };
  $('open-options').addEventListener('click', () => ext.runtime.openOptionsPage());
  window.addEventListener('hashchange', route);
  if (!settings.token) return notSetUp();
  await route();
}

function notSetUp() {
  document.querySelector('.sections').hidden = true;
  replaceChildren(document, $('view'), h(document, 'h1', {}, 'Your library'),
    messageState(document, {
      title: 'hqt is not set up yet',
      action: 'Open Options and enter your server address and token; your library appears here then.',
      tone: 'warn',
      buttons: [{ label: 'Open Options', onClick: () => ext.runtime.openOptionsPage() }],
    }));
}

async function route() {
  const { name, arg, params } = parseHash(location.hash);
  for (const link of document.querySelectorAll('.sections a')) {
    if (link.dataset.view === (name === 'page' ? 'next' : name)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${TITLES[name]} · hqt`;
  current?.dispose?.();
  const token = {};
  current = token;
  const view = $('view');
  view.setAttribute('aria-busy', 'true');
  replaceChildren(document, view, h(document, 'h1', {}, TITLES[name]), loadingState(document, TITLES[name].toLowerCase()));
  try {
    const module = await VIEWS[name]();
    const shown = await module.show({ ...ctx, token }, view, { name, arg, params });
    if (current === token) Object.assign(token, shown ?? {});
  } catch (e) {
    if (current === token) showError(view, e, route, TITLES[name]);
  } finally {
    view.removeAttribute('aria-busy');
  }
}

function showError(container, error, retry, heading) {
  const d = describeError(error, ctx.settings.serverUrl);
  const buttons = [];
  if (d.retry) buttons.push({ label: 'Try again', onClick: retry });
  if (d.options) buttons.push({ label: 'Open Options', onClick: () => ext.runtime.openOptionsPage() });
  const tone = error?.kind === ErrorKind.Offline || error?.kind === ErrorKind.NotConfigured ? 'warn' : 'error';
  replaceChildren(document, container, heading ? h(document, 'h1', {}, heading) : null, messageState(document, { title: d.title, action: d.action, tone, buttons }));
}

function showToast(message, undo) {
  const toast = $('toast');
  clearTimeout(toastTimer);
  replaceChildren(document, toast, h(document, 'span', {}, message),
    undo ? h(document, 'button', {
      type: 'button', class: 'link-button', onclick: async () => {
        toast.hidden = true;
        try { await undo(); } catch (e) { showToast(`Undo failed: ${describeError(e, ctx.settings.serverUrl).title}.`); }
      },
    }, 'Undo') : null);
  toast.hidden = false;
  toastTimer = setTimeout(() => { toast.hidden = true; }, 8000);
}

if (typeof document !== 'undefined' && document.getElementById('view')) {
  main().catch((e) => replaceChildren(document, $('view'), messageState(document, { title: 'The library failed to start', action: String(e?.message ?? e), tone: 'error' })));
}
