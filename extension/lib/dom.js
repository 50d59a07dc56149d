// The one way the popup and options page build elements. Strings become text nodes, never markup,
// and only a fixed set of attributes can be set, so nothing from a page or the server can inject
// script or styles. Takes the document as a parameter so tests can pass a tiny fake.

const ATTRIBUTES = new Set(['class', 'href', 'title', 'type', 'role', 'id', 'target', 'rel', 'tabindex', 'hidden', 'disabled', 'for', 'value',
  'name', 'placeholder', 'accept', 'max', 'min', 'autocomplete', 'open', 'selected', 'spellcheck']);

export function h(doc, tag, props = {}, ...children) {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name.startsWith('aria-') || name.startsWith('data-') || ATTRIBUTES.has(name)) {
      if (name === 'href' && !/^https?:/i.test(String(value))) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    } else {
      throw new Error(`h(): attribute "${name}" is not allowed`);
    }
  }
  append(doc, el, children);
  return el;
}

function append(doc, el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === '') continue;
    el.appendChild(typeof child === 'object' ? child : doc.createTextNode(String(child)));
  }
}

/** Replace an element's children (text or elements) in one go. */
export function replaceChildren(doc, el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(doc, el, children);
}
