import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import { linkFileWhole, linkOrCopy, writeFileWhole } from '../data/atomic-file.ts';
import { installedVersion } from '../data/installed-version.ts';
import { metaReferences, reuseProblem, type MetaReferences, type ReuseManifest } from '../lib/search-reuse.ts';

// Pagefind's files are gzip-compressed and start, once decompressed, with this signature.
const SIGNATURE = 'pagefind_dcd';
const FOLDERS = { fragments: ['fragment', '.pf_fragment'], chunks: ['index', '.pf_index'] } as const;
const MANIFEST = 'manifest.json';

/** Returns the content of one of Pagefind's files, decompressed and without its signature. */
export function readPagefindFile(path: string): Buffer {
  let data: Buffer;
  try {
    data = gunzipSync(readFileSync(path));
  } catch (cause) {
    throw new Error(`Cannot read Pagefind's file ${path}: is it a file of Pagefind 1.x?`, { cause });
  }
  if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE)
    throw new Error(`Pagefind's file ${path} lacks its "${SIGNATURE}" signature: is it a file of Pagefind 1.x?`);
  return data.subarray(SIGNATURE.length);
}

/** What a fragment file of Pagefind's says of its page: its address and its title, if any. */
export interface FragmentPage {
  url?: unknown;
  title?: unknown;
}

/** Reads one of Pagefind's fragment files. */
export function readFragment(path: string): FragmentPage {
  const fragment = JSON.parse(readPagefindFile(path).toString('utf8')) as { url?: unknown; meta?: { title?: unknown } };
  return { url: fragment.url, title: fragment.meta?.title };
}

/** Returns the version of Pagefind in use, which the kept files must come from. */
export function pagefindVersion(): string {
  return installedVersion('pagefind');
}

const emptyManifest = (): ReuseManifest => ({ fragments: {}, chunks: {} });
const fileOf = (dir: string, kind: keyof typeof FOLDERS, name: string) => join(dir, FOLDERS[kind][0], `${name}${FOLDERS[kind][1]}`);

function readManifest(cache: string, version: string): ReuseManifest {
  try {
    const stored = JSON.parse(readFileSync(join(cache, MANIFEST), 'utf8')) as Partial<ReuseManifest> & { version?: string };
    const { fragments, chunks } = stored;
    if (stored.version === version && typeof fragments === 'object' && typeof chunks === 'object') return { fragments, chunks };
  } catch {
    // No files kept yet: Pagefind writes them all.
  }
  return emptyManifest();
}

/**
 * Puts the files the last build kept into this build's search folder (before Pagefind runs), as second names of the
 * cache's files (copies where the two folders cannot share a file); returns what it put. Pagefind writes only the files
 * it lacks and never those it finds, which {@link settleSearchFolder} checks.
 */
export function seedSearchFolder(cache: string, searchDir: string, version: string): ReuseManifest {
  const kept = readManifest(cache, version);
  const seeded = emptyManifest();
  for (const kind of ['fragments', 'chunks'] as const) {
    const names = Object.entries(kept[kind]);
    if (names.length > 0) mkdirSync(join(searchDir, FOLDERS[kind][0]), { recursive: true });
    for (const [name, value] of names) {
      try {
        linkOrCopy(fileOf(cache, kind, name), fileOf(searchDir, kind, name));
        seeded[kind][name] = value;
      } catch {
        // Gone from the cache (an interrupted build): Pagefind writes it.
      }
    }
  }
  return seeded;
}

/** What the search folder holds once Pagefind has written it: the files its index names, and each fragment's page. */
export interface SettledFolder {
  refs: MetaReferences;
  fragmentUrls: Map<string, string>;
  /** The fragments read to find their pages (the new ones), by name: the page table need not read them again. */
  read: Map<string, FragmentPage>;
  /** Why the reused files cannot be trusted, if they cannot. */
  problem?: string;
}

/** Returns whether a page Pagefind names by its address (`/guide/docker/`) was written into the output folder. */
function pageWritten(outDir: string, url: string): boolean {
  const path = url.endsWith('/') ? `${url}index.html` : url;
  if (existsSync(join(outDir, path))) return true;
  try {
    return existsSync(join(outDir, decodeURI(path)));
  } catch {
    // Not percent-encoded after all (a `%` of the file's own name).
    return false;
  }
}

/**
 * Deletes the reused files Pagefind's new index does not name, and checks the ones it does, and that Pagefind wrote
 * none of them (`seededAt`: when the folder was seeded): each is another name of a file of the cache.
 */
export function settleSearchFolder(outDir: string, searchDir: string, seeded: ReuseManifest, seededAt = Infinity): SettledFolder {
  const entry = JSON.parse(readFileSync(join(searchDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const refs: MetaReferences = { fragments: [], chunks: [] };
  for (const { hash } of Object.values(entry.languages)) {
    const one = metaReferences(decode(readPagefindFile(join(searchDir, `pagefind.${hash}.pf_meta`))));
    refs.fragments.push(...one.fragments);
    refs.chunks.push(...one.chunks);
  }
  const named = { fragments: new Set(refs.fragments), chunks: new Set(refs.chunks.map((c) => c.hash)) };
  for (const kind of ['fragments', 'chunks'] as const)
    for (const name of Object.keys(seeded[kind]))
      if (statSync(fileOf(searchDir, kind, name)).mtimeMs > seededAt)
        return { refs, fragmentUrls: new Map(), read: new Map(), problem: `Pagefind wrote over ${FOLDERS[kind][0]}/${name}, given to it` };
  for (const kind of ['fragments', 'chunks'] as const)
    for (const name of Object.keys(seeded[kind])) if (!named[kind].has(name)) rmSync(fileOf(searchDir, kind, name));
  const fragmentUrls = new Map<string, string>();
  const read = new Map<string, FragmentPage>();
  for (const name of named.fragments) {
    let url: unknown = seeded.fragments[name];
    if (url === undefined) {
      const page = readFragment(fileOf(searchDir, 'fragments', name));
      read.set(name, page);
      url = page.url;
    }
    if (typeof url === 'string') fragmentUrls.set(name, url);
  }
  return { refs, fragmentUrls, read, problem: reuseProblem(refs, seeded, fragmentUrls, (url) => pageWritten(outDir, url)) };
}

/**
 * Makes the cache hold exactly this build's fragment and index files, with their manifest. The files are linked, not
 * copied: nothing writes them again (Pagefind names each after its content, and the next build copies them before
 * Pagefind runs), and a thousand copies took 0.3 s at the end of a cold build.
 */
export function keepSearchFiles(cache: string, searchDir: string, manifest: ReuseManifest, version: string): void {
  const before = readManifest(cache, version);
  for (const kind of ['fragments', 'chunks'] as const) {
    mkdirSync(join(cache, FOLDERS[kind][0]), { recursive: true });
    for (const name of Object.keys(manifest[kind])) {
      const target = fileOf(cache, kind, name);
      if (before[kind][name] !== undefined && existsSync(target)) continue;
      linkFileWhole(fileOf(searchDir, kind, name), target);
    }
  }
  writeFileWhole(join(cache, MANIFEST), JSON.stringify({ version, ...manifest }));
  // Last: files no manifest names any more.
  for (const kind of ['fragments', 'chunks'] as const) {
    const [folder, extension] = FOLDERS[kind];
    for (const file of readdirSync(join(cache, folder)))
      if (!(file.endsWith(extension) && Object.hasOwn(manifest[kind], file.slice(0, -extension.length))))
        rmSync(join(cache, folder, file), { force: true });
  }
}
