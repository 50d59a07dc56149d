// Just enough of a DOM for the rendering helpers: elements, text nodes, attributes, listeners.
// It has no HTML parser at all, so anything that shows up as an element was built as one.

class Node {
  constructor(doc) { this.ownerDocument = doc; this.childNodes = []; this.parentNode = null; }
  get firstChild() { return this.childNodes[0] ?? null; }
  appendChild(child) { child.parentNode = this; this.childNodes.push(child); return child; }
  removeChild(child) { this.childNodes = this.childNodes.filter((c) => c !== child); child.parentNode = null; return child; }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
}

class Text extends Node {
  constructor(doc, data) { super(doc); this.data = data; this.nodeType = 3; }
  get textContent() { return this.data; }
}

class Element extends Node {
  constructor(doc, tag) { super(doc); this.tagName = tag.toUpperCase(); this.attributes = new Map(); this.listeners = {}; this.nodeType = 1; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  addEventListener(type, fn) { (this.listeners[type] ??= []).push(fn); }
  dispatch(type, event = {}) { for (const fn of this.listeners[type] ?? []) fn({ currentTarget: this, stopPropagation() {}, ...event }); }
  get hidden() { return this.attributes.has('hidden'); }
  set hidden(v) { if (v) this.attributes.set('hidden', ''); else this.attributes.delete('hidden'); }
  get children() { return this.childNodes.filter((c) => c instanceof Element); }
  get innerHTML() { throw new Error('innerHTML is not used'); }
  set innerHTML(_) { throw new Error('innerHTML must never be set'); }
  /** All descendant elements matching a tag name or ".class". */
  findAll(selector) {
    const out = [];
    const match = (el) => (selector.startsWith('.') ? (el.getAttribute('class') ?? '').split(/\s+/).includes(selector.slice(1)) : el.tagName === selector.toUpperCase());
    const walk = (el) => { for (const c of el.children) { if (match(c)) out.push(c); walk(c); } };
    walk(this);
    return out;
  }
  querySelector(selector) { return this.findAll(selector)[0] ?? null; }
  focus() { this.ownerDocument.activeElement = this; }
}

export function fakeDocument() {
  const doc = {
    activeElement: null,
    createElement: (tag) => new Element(doc, tag),
    createTextNode: (data) => new Text(doc, data),
  };
  return doc;
}
