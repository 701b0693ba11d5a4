import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileWhole } from './atomic-file.ts';

// A page's rendered HTML is kept in a file of its own beside Astro's data store, not in the store: the
// store is loaded whole by every build (as one JavaScript module, slow to compile at a thousand pages and
// more), and no process then holds every rendered page in memory. Each page reads its HTML when it is written.

/**
 * Returns the folder of the pages' HTML files: in the cache folder, `handbook-html/` for a build (beside its data
 * store), `handbook-html-dev/` for the dev server. Never under the project's `.astro/`, where the dev server's data
 * store is: Vite watches the project, and its watcher re-reads a folder on every file added to it, so a thousand pages
 * written there cost half a million `lstat` calls at start; the cache folder is under `node_modules/`, which it ignores.
 */
export function htmlFolder(config: { cacheDir: URL }, command: string): string {
  return fileURLToPath(new URL(command === 'dev' ? 'handbook-html-dev/' : 'handbook-html/', config.cacheDir));
}

/** Writes a page's HTML into `dir`, named after its content (equal pages share a file); returns the file's path. */
export function writePageHtml(dir: string, html: string): string {
  const file = join(dir, `${createHash('sha256').update(html).digest('hex').slice(0, 32)}.html`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Two threads writing the same page never leave half a file.
    writeFileWhole(file, html);
  }
  return file;
}

/** Returns a page's HTML, from its file. */
export function readPageHtml(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Deletes the HTML files in `dir` that no page names any more. */
export function pruneHtmlFolder(dir: string, kept: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!kept.has(join(dir, name))) rmSync(join(dir, name), { force: true });
}
