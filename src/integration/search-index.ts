import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { VOCABULARY_FILE } from '../lib/search-link.ts';
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

/** Returns the bytes of every file under the search folder (Pagefind's index and UIs, and the vocabulary). */
export async function searchFolderBytes(outDir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(join(outDir, 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
