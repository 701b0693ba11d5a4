import { createRequire } from 'node:module';
import createDOMPurify, { type DOMPurify } from 'dompurify';

// jsdom takes about a second to load: it is loaded when the first SVG is sanitized, not when the generator
// (and with it the dev server) starts.
const require = createRequire(import.meta.url);

/** An SVG made inert, and what was taken out of it. */
export interface SanitizedSvg {
  svg: string;
  /** Elements and attributes removed, as `<script>` or `<svg onload>`, in document order, without repeats. */
  removed: string[];
}

// References a diagram may keep: same-document fragments; raster images embedded as data: URLs.
const LOCAL_FRAGMENT = /^#/;
const EMBEDDED_RASTER = /^data:image\/(?:png|jpeg|gif|webp|avif);/i;
// Links a reader may follow out of a diagram: web pages, mail, relative or same-document addresses.
const SAFE_LINK = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i;
const CSS_COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;
const CSS_ESCAPE = /\\([0-9a-f]{1,6}\s?|[\s\S])/gi;
// Any CSS that fetches something: imports, url() to another document, and the image functions that take strings.
const CSS_FETCH = /@import|\b(?:image-set|image|cross-fade|element|src)\s*\(/;
const CSS_URL = /\burl\(\s*(['"]?)\s*([^'")\s]*)/g;

let purifier: DOMPurify | undefined;
let serializer: { serializeToString(node: Node): string } | undefined;

function setUp(): DOMPurify {
  if (purifier) return purifier;
  const { JSDOM } = require('jsdom') as typeof import('jsdom');
  const { window } = new JSDOM('');
  purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  serializer = new window.XMLSerializer();
  return purifier;
}

function decodeCss(css: string): string {
  return css
    .replace(CSS_COMMENT, '')
    .replace(CSS_ESCAPE, (_, code: string) =>
      /^[0-9a-f]/i.test(code) ? String.fromCodePoint(Number.parseInt(code.trim(), 16) || 0xfffd) : code,
    )
    .toLowerCase();
}

/** Returns whether CSS (a stylesheet, a style attribute or a presentation attribute) refers to anything outside the document. */
export function cssFetchesOutside(css: string): boolean {
  const text = decodeCss(css);
  if (CSS_FETCH.test(text)) return true;
  for (const [, , target] of text.matchAll(CSS_URL)) if (!LOCAL_FRAGMENT.test(target ?? '')) return true;
  return false;
}

function allowedReference(element: Element, value: string): boolean {
  const name = element.localName;
  if (name === 'a') return SAFE_LINK.test(value.trim());
  if ((name === 'image' || name === 'feImage') && EMBEDDED_RASTER.test(value.trim())) return true;
  return LOCAL_FRAGMENT.test(value.trim());
}

/** Removes what DOMPurify's SVG profile keeps but an inert diagram must not have: outside references. */
function removeOutsideReferences(root: Element, removed: string[]): void {
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (element.localName === 'style' && cssFetchesOutside(element.textContent ?? '')) {
      removed.push('<style>');
      element.remove();
      continue;
    }
    for (const attribute of [...element.attributes]) {
      const outside = attribute.localName === 'href' ? !allowedReference(element, attribute.value) : cssFetchesOutside(attribute.value);
      if (!outside) continue;
      removed.push(`<${element.localName} ${attribute.name}>`);
      element.removeAttributeNode(attribute);
    }
  }
}

/**
 * Returns the SVG made inert with DOMPurify's SVG profile (no script, event handler, foreignObject,
 * animation of attributes, javascript:/data: link), then without references outside the document:
 * `<use>`, `<image>` and filters may point only at `#ids`, links only at web pages, and styles
 * may not import or load anything. Shapes, text, titles, gradients, markers and local styles stay.
 */
export function sanitizeSvg(source: string): SanitizedSvg {
  const purify = setUp();
  // `use` is not in the profile because of old data: URL tricks; its references are limited to #ids below.
  // The SVG is a document of its own with no script, so ids cannot clobber a host page's DOM: they stay.
  const fragment = purify.sanitize(source, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ['use'],
    ADD_ATTR: ['role'],
    SANITIZE_DOM: false,
    RETURN_DOM_FRAGMENT: true,
  });
  const removed = purify.removed.flatMap((entry) => {
    if ('element' in entry) {
      const name = entry.element.nodeName.toLowerCase();
      return ['body', '#comment', '#text'].includes(name) ? [] : [`<${entry.element.nodeName}>`];
    }
    return entry.attribute && entry.from ? [`<${entry.from.nodeName} ${entry.attribute.name}>`] : [];
  });
  const root = fragment.querySelector('svg');
  if (!root) return { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>\n', removed: ['<svg>', ...removed] };
  removeOutsideReferences(root, removed);
  return { svg: `${serializer!.serializeToString(root)}\n`, removed: [...new Set(removed)] };
}
