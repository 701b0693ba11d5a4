import { rmSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { VOCABULARY_FILE } from '../lib/search-link.ts';
import { PAGES_FILE, pageTable, type IndexedPage } from '../lib/search-pages.ts';
import { buildVocabulary, type VocabularySource } from '../lib/search-terms.ts';
import { nextManifest } from '../lib/search-reuse.ts';
import type { EarlyIndex } from './search-early.ts';
import { addPagesInOrder, htmlFilesInOrder } from './search-feed.ts';
import { keepSearchFiles, pagefindVersion, readFragment, seedSearchFolder, settleSearchFolder, type FragmentPage } from './search-reuse.ts';

/**
 * Builds the index into `<outDir>/pagefind`: from the early index when it can be completed for these pages (a rebuild's
 * reading of the last output, only the changed pages read again; or the pages read as Astro wrote them), otherwise
 * from a fresh reading of the folder's pages in the order of search-feed.ts; returns what the index was built from.
 */
async function runPagefind(outDir: string, language: string, early?: EarlyIndex): Promise<Omit<SearchIndex, 'read'>> {
  const searchDir = join(outDir, 'pagefind');
  // An early reading that cannot be used only means the folder is read afresh; a failure to write the index fails the build.
  const completed = await early?.finish(outDir, searchDir).catch((cause: unknown) => {
    throw new Error('Failed to build the Pagefind search index.', { cause });
  });
  if (completed !== undefined) return completed;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index || errors.length > 0) throw new Error(errors.join('\n') || 'no index was created');
    const files = htmlFilesInOrder(outDir);
    await addPagesInOrder(index, outDir, files);
    const written = await index.writeFiles({ outputPath: searchDir });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return { pages: files.length };
  } catch (cause) {
    throw new Error('Failed to build the Pagefind search index.', { cause });
  } finally {
    await pagefind.close();
  }
}

/** What building the search index gave: the page count, and the fragments already read (for {@link writeSearchPages}). */
export interface SearchIndex {
  pages: number;
  /** When the index started from the early reading of the last build's output: the pages Pagefind read again. */
  readAgain?: number | undefined;
  /** When the pages were given to Pagefind as Astro wrote them: how many were. */
  readAsWritten?: number | undefined;
  read: ReadonlyMap<string, FragmentPage>;
}

/**
 * Builds the Pagefind index of the built site into `<outDir>/pagefind`, from the early index when it can be completed
 * for these pages (search-early.ts). With a cache folder, the last build's fragment and index files are put in
 * first, so Pagefind compresses and writes only those that changed (src/lib/search-reuse.ts); should any reused file
 * be in doubt, the index is built again without them.
 */
export async function writeSearchIndex(outDir: string, language: string, cache?: string, early?: EarlyIndex): Promise<SearchIndex> {
  if (cache === undefined) return { ...(await runPagefind(outDir, language, early)), read: new Map() };
  const searchDir = join(outDir, 'pagefind');
  const version = pagefindVersion();
  const seeded = seedSearchFolder(cache, searchDir, version);
  const seededAt = Date.now();
  let run = await runPagefind(outDir, language, early);
  // Files Pagefind writes in a form this code does not know (a new version) are not reused, and the index is built afresh.
  const settle = (reused: typeof seeded): ReturnType<typeof settleSearchFolder> => {
    try {
      return settleSearchFolder(outDir, searchDir, reused, seededAt);
    } catch (error) {
      return { refs: { fragments: [], chunks: [] }, fragmentUrls: new Map(), read: new Map(), problem: String(error) };
    }
  };
  let settled = settle(seeded);
  if (settled.problem !== undefined && Object.keys(seeded.fragments).length + Object.keys(seeded.chunks).length > 0) {
    rmSync(searchDir, { recursive: true, force: true });
    // The cache's files are those reused: in doubt too.
    rmSync(cache, { recursive: true, force: true });
    run = await runPagefind(outDir, language);
    settled = settle({ fragments: {}, chunks: {} });
  }
  // A folder whose files cannot be told apart by their names (never seen), or cannot be read, is not kept for the next build.
  if (settled.problem === undefined) keepSearchFiles(cache, searchDir, nextManifest(settled.refs, settled.fragmentUrls), version);
  else rmSync(cache, { recursive: true, force: true });
  return { ...run, read: settled.read };
}

/** Writes the vocabulary for typo suggestions (a JSON array of words, most frequent first); returns its bytes. */
export async function writeSearchVocabulary(outDir: string, pages: readonly VocabularySource[]): Promise<number> {
  const text = JSON.stringify(buildVocabulary(pages));
  await writeFile(join(outDir, VOCABULARY_FILE), text);
  return Buffer.byteLength(text);
}

/**
 * Writes the table of indexed pages (each page's address and title by Pagefind's id for it), so search shows
 * a result's row as soon as Pagefind has found it, before its excerpt is ready; returns the table's bytes.
 * Fragments in `read` (by id) are not read again; pages without a title are left out.
 */
export async function writeSearchPages(outDir: string, read: ReadonlyMap<string, FragmentPage> = new Map()): Promise<number> {
  const folder = join(outDir, 'pagefind', 'fragment');
  const ids = (await readdir(folder)).filter((name) => name.endsWith('.pf_fragment')).map((name) => name.slice(0, -'.pf_fragment'.length));
  const pages = ids.map((id): IndexedPage | undefined => {
    const { url, title } = read.get(id) ?? readFragment(join(folder, `${id}.pf_fragment`));
    return typeof url === 'string' && typeof title === 'string' ? { id, url, title } : undefined;
  });
  const text = JSON.stringify(pageTable(pages.filter((page) => page !== undefined)));
  await writeFile(join(outDir, PAGES_FILE), text);
  return Buffer.byteLength(text);
}

/** Returns the bytes of every file under the search folder (Pagefind's index and UIs, and the vocabulary). */
export async function searchFolderBytes(outDir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(join(outDir, 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
