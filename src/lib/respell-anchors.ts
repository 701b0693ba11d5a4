/** An href to respell: the value the page was rendered with and the one it should have. */
export interface HrefChange {
  href: string;
  fixed: string;
}

const HREF = /\bhref="([^"]*)"/g;

function decodeAttribute(value: string): string {
  return value.replace(/&(?:#x([\da-f]+)|#(\d+)|(amp|quot|lt|gt|apos));/gi, (entity, hex: string, dec: string, name: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
    return ({ amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? entity;
  });
}

// The HTML step percent-encodes URLs (`#Основы` is written `#%D0%9E…`): compare them decoded.
function decodeUrl(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

function encodeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/** Returns the HTML with every `href` equal to a change's `href` (entities and percent-escapes decoded) replaced by its `fixed`. */
export function respellHrefs(html: string, changes: readonly HrefChange[]): string {
  if (changes.length === 0) return html;
  const byHref = new Map(changes.map((c) => [decodeUrl(c.href), c.fixed]));
  return html.replace(HREF, (attribute, raw: string) => {
    const fixed = byHref.get(decodeUrl(decodeAttribute(raw)));
    return fixed === undefined ? attribute : `href="${encodeAttribute(fixed)}"`;
  });
}
