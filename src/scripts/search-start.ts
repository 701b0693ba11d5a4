import type { Pagefind } from './search-engine.ts';

// A page's other names (frontmatter `aliases`, synonyms of its title) count as much as its title.
const META_WEIGHTS = { title: 5, aliases: 5 };

let starting: Promise<Pagefind> | undefined;

/** Pagefind once its worker has been started, for work only worth doing when it costs no wait (preloading as the reader types). */
export let startedPagefind: Pagefind | undefined;

/**
 * Loads Pagefind's script and starts its worker with the handbook's options, once per page (a failure is
 * forgotten, so the next call tries again). The search trigger calls it on intent, beside loading the search
 * code, so the worker fetches its WebAssembly and index entry while that code still loads.
 */
export function startPagefind(base: string): Promise<Pagefind> {
  if (!starting) {
    starting = (async () => {
      const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await pagefind.options({ baseUrl: base, ranking: { metaWeights: META_WEIGHTS } });
      // Creates the worker, which loads the index entry, then the WebAssembly and the metadata; it answers at once.
      await pagefind.init();
      return (startedPagefind = pagefind);
    })();
    starting.catch(() => (starting = undefined));
  }
  return starting;
}
