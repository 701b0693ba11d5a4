import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
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

/** A stand-in for the dev server's file watcher, which the loader registers its folder with. */
const newWatcher = () => Object.assign(new EventEmitter(), { add: () => undefined });
/** The content loader over the `.md` pages of a folder, each page's id its path. */
const loaderOf = (base: string) => pageLoader({ base, pattern: '**/*.md', generateId: ({ entry }) => entry });

/** Sets the build state as the dev server does (this file's pool, a mock `refreshContent`); returns it with a watcher and a loader of `base`. */
function devLoader(base: string) {
  const refreshContent = vi.fn(async () => undefined);
  buildState().renderPool = pool;
  buildState().refreshContent = refreshContent;
  return { refreshContent, watcher: newWatcher(), loader: loaderOf(base) };
}

/** Loads the pages of `folder` as the dev server does; `written` gets the store's ids at each store write after that. */
async function loadRecordingWrites(folder: string) {
  buildState().renderPool = pool;
  const written: string[][] = [];
  const { context, store } = devContext(newWatcher());
  buildState().refreshContent = vi.fn(async () => void written.push(store.keys().sort()));
  await loaderOf(folder).load(context);
  return { context, written };
}

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
    const { refreshContent, watcher, loader } = devLoader(content);
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
    const { refreshContent, watcher, loader } = devLoader(content);
    await loader.load(devContext(watcher).context);
    watcher.emit('change', join(content, 'page.md'));
    await new Promise((done) => setTimeout(done, 100));
    expect(refreshContent).not.toHaveBeenCalled();
  });

  /** Loads a page, then holds the renders of later saves until the test finishes them; `written` gets the page's digest at each store write. */
  async function withHeldRenders(name: string) {
    const folder = mkdtempSync(join(root, `${name}-`));
    const file = join(folder, 'page.md');
    writeFileSync(file, 'First text.');
    const held: (() => void)[] = [];
    let hold = false;
    buildState().renderPool = {
      ...pool,
      render: (job) => {
        renders.push(job);
        const page = { html: `<p>${job.body}</p>`, metadata: { imagePaths: [] } };
        return hold ? new Promise((resolve) => held.push(() => resolve(page))) : Promise.resolve(page);
      },
    };
    const written: (string | undefined)[] = [];
    const { context, store } = devContext(newWatcher());
    buildState().refreshContent = vi.fn(async () => void written.push(store.get('page.md')?.digest));
    await loaderOf(folder).load(context);
    hold = true;
    const save = async (text: string) => {
      const before = held.length;
      writeFileSync(file, text);
      (context.watcher as unknown as EventEmitter).emit('change', file);
      await vi.waitFor(() => expect(held).toHaveLength(before + 1));
    };
    return { held, written, store, save };
  }

  it('stores two overlapping saves in order and writes the store once, with the later text, though the later render ends first', async () => {
    const { held, written, store, save } = await withHeldRenders('overlap');
    await save('Second text.');
    await save('Third text.');
    held[1]!();
    await new Promise((done) => setTimeout(done, 60));
    expect(written).toEqual([]);
    expect(store.get('page.md')?.digest).toBe('digest of First text.');
    held[0]!();
    await vi.waitFor(() => expect(written).toHaveLength(1));
    await new Promise((done) => setTimeout(done, 60));
    expect(written).toEqual(['digest of Third text.']);
  });

  it('writes no store while a later save is still rendering, and once after it', async () => {
    const { held, written, store, save } = await withHeldRenders('in-flight');
    await save('Second text.');
    await save('Third text.');
    held[0]!();
    await new Promise((done) => setTimeout(done, 60));
    // The first save is stored, but not written while the second renders.
    expect(store.get('page.md')?.digest).toBe('digest of Second text.');
    expect(written).toEqual([]);
    held[1]!();
    await vi.waitFor(() => expect(written).toEqual(['digest of Third text.']));
  });

  it('has the store written without a deleted page', async () => {
    const folder = mkdtempSync(join(root, 'delete-'));
    writeFileSync(join(folder, 'page.md'), 'Kept.');
    writeFileSync(join(folder, 'gone.md'), 'Deleted.');
    const { context, written } = await loadRecordingWrites(folder);
    unlinkSync(join(folder, 'gone.md'));
    (context.watcher as unknown as EventEmitter).emit('unlink', join(folder, 'gone.md'));
    await vi.waitFor(() => expect(written).toEqual([['page.md']]));
  });

  it('has the store written with a renamed page under its new id only', async () => {
    const folder = mkdtempSync(join(root, 'rename-'));
    writeFileSync(join(folder, 'old.md'), 'Moving.');
    const { context, written } = await loadRecordingWrites(folder);
    renameSync(join(folder, 'old.md'), join(folder, 'new.md'));
    const watcher = context.watcher as unknown as EventEmitter;
    watcher.emit('unlink', join(folder, 'old.md'));
    watcher.emit('add', join(folder, 'new.md'));
    await vi.waitFor(() => expect(written.at(-1)).toEqual(['new.md']));
    expect(renders.map((r) => r.body)).toEqual(['Moving.', 'Moving.']);
  });
});
