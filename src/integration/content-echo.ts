import { join } from 'node:path';
import { normalizePath, type Plugin } from 'vite';

// Astro's dev server writes its data store and the list of images the content imports into `.astro/`, and on every
// write invalidates their modules itself (its data store's `onFileWritten`) and reloads the browser once, for the
// store. Vite's watcher reports the same write again later (by 50 ms and more: it waits for a file's size to hold,
// handbook.ts), and Astro's `astro:hmr-reload` answers a changed `content-assets.mjs` with a second full reload, which
// hits the page just reloaded. Astro 7.3 changes that file for nothing after a start that cleared its store: with no
// image in the content it writes `export default new Map();` on one sync and an equal map in other words on the next.

/** Astro's generated content modules in `.astro/` that it invalidates itself when it writes them. */
const GENERATED = ['data-store.json', 'content-assets.mjs'];

/**
 * Returns a Vite plugin for `astro dev` that drops the file watcher's report of Astro's own writes to its generated
 * content modules in `dotAstroDir`, so an edit reloads the page once, not twice.
 */
export function contentEchoPlugin(dotAstroDir: string): Plugin {
  const echoes = new Set(GENERATED.map((name) => normalizePath(join(dotAstroDir, name))));
  return {
    name: 'handbook:content-echo',
    apply: 'serve',
    hotUpdate: ({ file }) => (echoes.has(file) ? [] : undefined),
  };
}
