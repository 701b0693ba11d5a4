/** Schemes that run script or smuggle a document when a link is followed. */
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/i;
// Browsers ignore ASCII whitespace and control characters around and inside a scheme (`java\tscript:`).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const IGNORED_CHARACTERS = /[\u0000-\u0020\u007f]+/g;

/**
 * Returns the unsafe scheme (`javascript`, `vbscript`, `data`) a URL uses, or undefined. An image's
 * `data:image/…` source is safe (it can only paint pixels).
 */
export function unsafeScheme(url: string, isImage: boolean): string | undefined {
  const squeezed = url.replace(IGNORED_CHARACTERS, '');
  const scheme = UNSAFE_SCHEME.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme === 'data' && isImage && /^data:image\//i.test(squeezed)) return undefined;
  return scheme;
}

/** Returns a URL shortened for a message: at most 40 characters. */
export function shortUrl(url: string): string {
  const flat = url.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
