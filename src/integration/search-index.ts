import { join } from 'node:path';
import * as pagefind from 'pagefind';

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
