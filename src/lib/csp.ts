import { createHash } from 'node:crypto';

/** Returns the CSP source for an inline script: `'sha256-…'` of its exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * Returns the page's Content-Security-Policy: only the site's own scripts, styles, images and
 * fetches; inline scripts only by hash; WebAssembly compilation for Pagefind; workers (Pagefind's
 * and the offline service worker) and the web app manifest from the site only; no plugins, frames
 * or foreign form targets.
 */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.map(scriptHash).join(' ')} 'wasm-unsafe-eval'`.replace(/\s+/g, ' '),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
