// An in-memory stand-in for the parts of the extension API the background's outbox uses, so its
// real code (not a copy) runs under node. `restart()` gives a fresh module instance over the same
// storage, as a browser does after killing the service worker.

function area() {
  let data = {};
  return {
    async get(keys) {
      const clone = (v) => (v === undefined ? v : structuredClone(v));
      if (keys == null) return clone(data);
      const list = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      const out = {};
      for (const k of list) if (k in data) out[k] = clone(data[k]);
      return out;
    },
    async set(items) { data = { ...data, ...structuredClone(items) }; },
    async remove(keys) { for (const k of [].concat(keys)) delete data[k]; },
    keys: () => Object.keys(data),
    clear: () => { data = {}; },
  };
}

// The modules read the API object once, when first imported, so the fake is installed once and
// every test gets it back emptied.
let installed = null;

export function installFakeBrowser() {
  if (installed) {
    installed.alarms.clear();
    installed.badge.text = '';
    installed.badge.tabs.clear();
    installed.storage.local.clear();
    installed.storage.session.clear();
    return installed;
  }
  const alarms = new Map();
  const badge = { text: '', tabs: new Map() };
  const listeners = () => ({ addListener() {} });
  globalThis.chrome = {
    storage: { local: area(), session: area(), onChanged: listeners() },
    alarms: {
      async create(name, info) { alarms.set(name, info); },
      async clear(name) { return alarms.delete(name); },
      async get(name) { return alarms.get(name); },
      onAlarm: listeners(),
    },
    action: {
      async setBadgeText({ tabId, text }) { if (tabId == null) badge.text = text; else badge.tabs.set(tabId, text); },
      async setBadgeBackgroundColor() {},
      async setTitle() {},
    },
  };
  installed = { alarms, badge, storage: globalThis.chrome.storage };
  return installed;
}

let generation = 0;
/** Import the background's outbox as a freshly started worker would. */
export async function startOutbox() {
  generation += 1;
  return import(`../background/outbox.js?worker=${generation}`);
}
