import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { pageLoader } from '../../src/data/page-loader.ts';
import type { RenderJob, RenderPool } from '../../src/data/render-pool.ts';
import { buildState } from '../../src/data/store.ts';

const root = mkdtempSync(join(tmpdir(), 'handbook-page-loader-'));
const content = join(root, 'content');
mkdirSync(content);
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Entry = { id: string; digest?: string; rendered?: unknown };

/** A content loader's context as Astro's dev server gives it, with an in-memory store and a watcher the test drives. */
function devContext(watcher: EventEmitter | undefined, refreshContextData?: Record<string, unknown>) {
  const entries = new Map<string, Entry>();
  const store = {
    get: (id: string) => entries.get(id),
    entries: () => [...entries.entries()],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    has: (id: string) => entries.has(id),
    set: vi.fn((entry: Entry) => {
      if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    }),
    delete: vi.fn((id: string) => entries.delete(id)),
    clear: () => entries.clear(),
    addAssetImport: () => undefined,
    addAssetImports: () => undefined,
    addModuleImport: () => undefined,
  };
  const markdown = {
    getEntryInfo: ({ contents }: { contents: string }) => ({ body: contents, data: {} }),
    getRenderFunction: async () => async () => ({ html: '', metadata: {} }),
  };
  const context = {
    collection: 'pages',
    store,
    meta: new Map(),
    logger: { warn: vi.fn(), info: () => undefined, error: () => undefined, debug: () => undefined },
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(join(root, 'src/')), cacheDir: pathToFileURL(join(root, 'cache/')) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => `digest of ${text}`,
    watcher,
    entryTypes: new Map([['.md', markdown]]),
    refreshContextData,
  };
  return { context: context as unknown as LoaderContext, store };
}

const renders: RenderJob[] = [];
const pool: RenderPool = {
  render: async (job) => {
    renders.push(job);
    return { html: `<p>${job.body}</p>`, metadata: { imagePaths: [] } };
  },
  stop: async () => undefined,
  size: () => 1,
};

afterEach(() => {
  buildState().renderPool = undefined;
  buildState().refreshContent = undefined;
  // The loader hands the dev server's checks its records: other files share this process's build state.
  buildState().storedRecords = undefined;
  renders.length = 0;
});

describe('the content loader in the dev server', () => {
  it('has the data store written through a refresh of its own once an edited page is rendered, and that refresh loads nothing', async () => {
    writeFileSync(join(content, 'page.md'), 'First text.');
    const refreshContent = vi.fn(async () => undefined);
    buildState().renderPool = pool;
    buildState().refreshContent = refreshContent;
    const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
    const loader = pageLoader({ base: content, pattern: '**/*.md', generateId: ({ entry }) => entry });
    const { context, store } = devContext(watcher);
    await loader.load(context);
    expect(renders.map((r) => r.body)).toEqual(['First text.']);
    await new Promise((done) => setTimeout(done, 60));
    // The first load is written by Astro's own sync.
    expect(refreshContent).not.toHaveBeenCalled();

    writeFileSync(join(content, 'page.md'), 'Second text.');
    watcher.emit('change', join(content, 'page.md'));
    await vi.waitFor(() => expect(refreshContent).toHaveBeenCalledTimes(1));
    expect(renders.map((r) => r.body)).toEqual(['First text.', 'Second text.']);
    expect(refreshContent).toHaveBeenCalledWith({ loaders: ['handbook-pages'], context: { handbookFlushStore: true } });

    const refresh = devContext(watcher, { handbookFlushStore: true });
    await loader.load(refresh.context);
    expect(refresh.store.set).not.toHaveBeenCalled();
    expect(renders).toHaveLength(2);
    expect(store.get('page.md')?.digest).toBe('digest of Second text.');
  });

  it('asks for no write when a saved page is unchanged', async () => {
    writeFileSync(join(content, 'page.md'), 'Same text.');
    const refreshContent = vi.fn(async () => undefined);
    buildState().renderPool = pool;
    buildState().refreshContent = refreshContent;
    const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
    const loader = pageLoader({ base: content, pattern: '**/*.md', generateId: ({ entry }) => entry });
    await loader.load(devContext(watcher).context);
    watcher.emit('change', join(content, 'page.md'));
    await new Promise((done) => setTimeout(done, 100));
    expect(refreshContent).not.toHaveBeenCalled();
  });
});
