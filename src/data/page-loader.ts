import { existsSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { markdownProgress } from './progress.ts';
import { htmlFolder, pruneHtmlFolder } from './page-html.ts';
import type { PageRecord } from '../markdown/page-record.ts';
import type { StoredRecords } from './check-content.ts';
import type { RenderedPage } from './render-pool.ts';
import { buildState } from './store.ts';
import { inOrderPerKey } from '../lib/in-order-per-key.ts';
import { createStoreFlusher } from './store-flush.ts';

type GlobOptions = Parameters<typeof glob>[0];

/** Astro's Markdown entry type, as far as the loader replaces it (internal to Astro: the loader checks it is there). */
interface EntryType {
  getRenderFunction?: (
    config: unknown,
  ) => Promise<(entry: { body?: string; data: Record<string, unknown>; filePath?: string }) => Promise<unknown>>;
}

/** Returns a lookup of the record (links, ids, title) the plugins made of a page when it was rendered, if it was rendered from exactly the given text. */
export function storedRecords(context: Pick<LoaderContext, 'store' | 'generateDigest'>): StoredRecords {
  return (file, text) => {
    const entry = context.store.get(file);
    if (!entry?.digest || entry.digest !== context.generateDigest(text)) return undefined;
    const frontmatter = entry.rendered?.metadata?.frontmatter as { handbook?: PageRecord } | undefined;
    return frontmatter?.handbook;
  };
}

/** Returns the HTML file a stored page names, if any. */
export function htmlFileOf(entry: { rendered?: { metadata?: Record<string, unknown> } } | undefined): string | undefined {
  const file = entry?.rendered?.metadata?.htmlFile;
  return typeof file === 'string' ? file : undefined;
}

const LOADER_NAME = 'handbook-pages';
/** Marks the content refresh that only writes the data store (see {@link flushStore}). */
const FLUSH = 'handbookFlushStore';

/** Writes Astro's data store now, through a content refresh of this loader that changes nothing (in `astro dev`). */
async function flushStore(): Promise<void> {
  await buildState().refreshContent?.({ loaders: [LOADER_NAME], context: { [FLUSH]: true } });
}

/** Returns the loader's store, which calls `onChange` after every change. */
function watchedStore(store: LoaderContext['store'], onChange: () => void): LoaderContext['store'] {
  return {
    ...store,
    set: (entry) => {
      const changed = store.set(entry);
      if (changed) onChange();
      return changed;
    },
    delete: (id) => {
      store.delete(id);
      onChange();
    },
  };
}

/**
 * Astro's glob loader, with `.md` pages rendered by the build's rendering threads (`buildState().renderPool`,
 * started by the integration) and their HTML kept in files beside the data store (page-html.ts). Unchanged
 * pages are kept from the last run as the glob loader keeps them (same text, same digest), unless their
 * HTML file is gone. Without a pool (`astro sync`) or on an Astro whose loader context lacks the entry
 * types, it is the glob loader as is. `.mdx` pages are always Astro's: they are compiled as modules. In `astro dev`,
 * a page changed after the first load has the data store written as soon as it is rendered, not 500 ms later.
 */
export function pageLoader(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: LOADER_NAME,
    load: async (context) => {
      // The refresh that writes the store after a change: nothing to load.
      if ((context.refreshContextData as Record<string, unknown> | undefined)?.[FLUSH]) return;
      const state = buildState();
      const pool = state.renderPool;
      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const markdown = entryTypes?.get('.md');
      if (!pool || !entryTypes || !markdown?.getRenderFunction) return inner.load(context);
      const htmlDir = htmlFolder(context.config, state.command);
      for (const [id, entry] of context.store.entries()) {
        const file = htmlFileOf(entry);
        if (file && !existsSync(file)) context.store.delete(id);
      }
      // Two saves of a page in quick succession are two renders, possibly on two threads: the glob loader stores
      // each when it ends, so the older must not end last and leave the page as it was.
      const inOrder = inOrderPerKey();
      // Changes after the first load (the dev server's watcher) have the store written once their renders are done.
      let live = false;
      const flusher = createStoreFlusher(flushStore, (error) =>
        context.logger.warn(`Could not write the content store: ${error instanceof Error ? error.message : String(error)}`),
      );
      const render = async (entry: { body?: string; data: Record<string, unknown>; filePath?: string }): Promise<RenderedPage> => {
        const end = live ? flusher.begin() : undefined;
        try {
          const file = entry.filePath ?? '';
          const page = await inOrder(file, pool.render({ filePath: file, body: entry.body ?? '', data: entry.data, htmlDir }));
          markdownProgress();
          return page;
        } finally {
          end?.();
        }
      };
      const types = new Map(entryTypes);
      types.set('.md', { ...markdown, getRenderFunction: async () => render });
      const store =
        context.watcher && state.refreshContent
          ? watchedStore(context.store, () => {
              if (live) flusher.changed();
            })
          : context.store;
      await inner.load({ ...context, store, entryTypes: types } as LoaderContext);
      live = true;
      // The dev server's checks take each page's links, ids and title from here rather than parse every page again.
      if (context.watcher) state.storedRecords = storedRecords(context);
      // A build renders once: the threads go, and so do the HTML files of pages that changed or left.
      if (!context.watcher) {
        await pool.stop();
        pruneHtmlFolder(htmlDir, new Set([...context.store.values()].flatMap((e) => htmlFileOf(e) ?? [])));
      }
    },
  };
}
