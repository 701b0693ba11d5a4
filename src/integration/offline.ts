import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuiltFile, type OfflineManifest, offlineManifest, SERVICE_WORKER_FILE } from '../lib/offline-files.ts';

const TEMPLATE = fileURLToPath(new URL('./service-worker.js', import.meta.url));

const byPath = (a: BuiltFile, b: BuiltFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Returns every regular file under the output folder (symbolic links are skipped: they may point outside it), sorted;
 * only those under `within`, or all but those under `except` (folders relative to the output folder), when given.
 * The files are read synchronously: nothing else runs meanwhile, and 2,600 awaited reads took four times as long.
 */
export async function listBuiltFiles(outDir: string, folders: { within?: string; except?: string } = {}): Promise<BuiltFile[]> {
  const root = folders.within === undefined ? outDir : join(outDir, folders.within);
  const skipped = folders.except === undefined ? undefined : join(outDir, folders.except);
  // Not readdirSync: with `recursive` it follows symbolic links to folders, and they may lead outside.
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: BuiltFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    if (skipped !== undefined && (absolute.startsWith(`${skipped}/`) || absolute.startsWith(`${skipped}${sep}`))) continue;
    const bytes = readFileSync(absolute);
    files.push({
      path: relative(outDir, absolute).split(sep).join('/'),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return files.sort(byPath);
}

/** Returns the service worker's source for one build: the file list, then the worker itself. */
export function serviceWorkerSource(manifest: OfflineManifest, template: string): string {
  const data = { version: manifest.version, entries: manifest.entries.map((e) => [e.url, e.size, e.hash]) };
  return `const OFFLINE = ${JSON.stringify(data)};\n${template}`;
}

/**
 * Writes `<outDir>/sw.js` keeping every file now in the output folder offline; returns what it keeps. `listed` are the
 * files outside `pagefind/` when they were listed already (while Pagefind ran): only the search folder is listed then.
 */
export async function writeServiceWorker(outDir: string, base: string, listed?: readonly BuiltFile[]): Promise<OfflineManifest> {
  const files = listed ? [...listed, ...(await listBuiltFiles(outDir, { within: 'pagefind' }))].sort(byPath) : await listBuiltFiles(outDir);
  const manifest = offlineManifest(files, base);
  await writeFile(join(outDir, SERVICE_WORKER_FILE), serviceWorkerSource(manifest, await readFile(TEMPLATE, 'utf8')));
  return manifest;
}
