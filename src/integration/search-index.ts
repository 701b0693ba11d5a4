import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { VOCABULARY_FILE } from '../lib/search-link.ts';
import { PAGES_FILE, pageTable, type IndexedPage } from '../lib/search-pages.ts';
import { buildVocabulary, type VocabularySource } from '../lib/search-terms.ts';

/** Builds the Pagefind index of the built site into `<outDir>/pagefind`; returns the page count. */
export async function writeSearchIndex(outDir: string, language: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index || errors.length > 0) throw new Error(errors.join('\n') || 'no index was created');
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return added.page_count;
  } catch (cause) {
    throw new Error('Failed to build the Pagefind search index.', { cause });
  } finally {
    await pagefind.close();
  }
}

/** Writes the vocabulary for typo suggestions (a JSON array of words, most frequent first); returns its bytes. */
export async function writeSearchVocabulary(outDir: string, pages: readonly VocabularySource[]): Promise<number> {
  const text = JSON.stringify(buildVocabulary(pages));
  await writeFile(join(outDir, VOCABULARY_FILE), text);
  return Buffer.byteLength(text);
}

// Pagefind's files are gzip-compressed and start, once decompressed, with this signature.
const SIGNATURE = 'pagefind_dcd';

/** Returns the page a fragment file of Pagefind's describes, or undefined for a page without a title. */
async function readFragment(path: string, id: string): Promise<IndexedPage | undefined> {
  let text: string;
  try {
    text = gunzipSync(await readFile(path)).toString('utf8');
  } catch (cause) {
    throw new Error(`Cannot read Pagefind's fragment ${path}: is it a file of Pagefind 1.x?`, { cause });
  }
  if (!text.startsWith(SIGNATURE))
    throw new Error(`Pagefind's fragment ${path} lacks its "${SIGNATURE}" signature: is it a file of Pagefind 1.x?`);
  const fragment = JSON.parse(text.slice(SIGNATURE.length)) as { url?: unknown; meta?: { title?: unknown } };
  const { url } = fragment;
  const title = fragment.meta?.title;
  return typeof url === 'string' && typeof title === 'string' ? { id, url, title } : undefined;
}

/**
 * Writes the table of indexed pages (each page's address and title by Pagefind's id for it), so search shows
 * a result's row as soon as Pagefind has found it, before its excerpt is ready; returns the table's bytes.
 */
export async function writeSearchPages(outDir: string): Promise<number> {
  const folder = join(outDir, 'pagefind', 'fragment');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.pf_fragment'));
  const pages = await Promise.all(names.map((name) => readFragment(join(folder, name), name.slice(0, -'.pf_fragment'.length))));
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
