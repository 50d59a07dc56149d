// The function injected into the page with scripting.executeScript. It runs in the page's isolated
// world after the page's own scripts, so outerHTML holds what the reader sees (content added by
// JavaScript included). It must be self-contained: the browser serialises its source, not its scope.

export function snapshotPage() {
  const selection = String(globalThis.getSelection?.() ?? '');
  // Form fields keep typed text in properties, not attributes; textareas in a page's comment box do
  // not matter for citations, so the DOM as serialised is enough.
  return {
    url: location.href,
    title: document.title,
    selection,
    html: document.documentElement ? document.documentElement.outerHTML : '',
    contentType: document.contentType,
    capturedAt: new Date().toISOString(),
  };
}
