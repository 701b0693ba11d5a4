// Pagefind names its fragment and index files after their content (a 7-hex-digit prefix of a SHA-1) and does not
// write such a file again when one of that name is already in its output folder: it skips compressing it too,
// which is half of its time on a rebuild. A build puts the last build's files there first, drops afterwards those
// the new index does not name, and checks that no reused file is another's under the same name.

/** What the last build's search files held, by file name without extension: a fragment's page, an index chunk's first word. */
export interface ReuseManifest {
  /** Fragment name → the address of the page it describes (`/guide/docker/`). */
  fragments: Record<string, string>;
  /** Index chunk name → the first word in it. */
  chunks: Record<string, string>;
}

/** What an index of one language names, from its `pagefind.*.pf_meta` file. */
export interface MetaReferences {
  /** Fragment names, one for each page. */
  fragments: string[];
  chunks: { from: string; hash: string }[];
}

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new Error(`Pagefind's meta index has no ${what}: is it a file of Pagefind 1.x?`);
  return value;
};

/** Returns the fragments and index chunks named by a decoded `pf_meta` file (`[version, pages, chunks, …]`). */
export function metaReferences(meta: unknown): MetaReferences {
  if (!isArray(meta) || !isArray(meta[1]) || !isArray(meta[2]))
    throw new Error("Pagefind's meta index is not the list of pages and chunks of Pagefind 1.x.");
  return {
    fragments: meta[1].map((page) => text(isArray(page) ? page[0] : undefined, "page's fragment")),
    chunks: meta[2].map((chunk) => ({
      from: text(isArray(chunk) ? chunk[0] : undefined, "chunk's first word"),
      hash: text(isArray(chunk) ? chunk[2] : undefined, "chunk's file"),
    })),
  };
}

/**
 * Returns why files reused from the last build cannot be trusted, or undefined when they can: a reused index chunk must
 * start at the word its name starts at now, and every page must have a fragment of its own (a reused fragment of another
 * page under the same name shows as one page with two fragments, or as a fragment of a page that is gone).
 */
export function reuseProblem(
  refs: MetaReferences,
  reused: ReuseManifest,
  fragmentUrls: ReadonlyMap<string, string>,
  pageExists: (url: string) => boolean,
): string | undefined {
  for (const { from, hash } of refs.chunks) {
    const kept = reused.chunks[hash];
    if (kept !== undefined && kept !== from) return `index chunk ${hash} starts at "${kept}", not at "${from}"`;
  }
  const seen = new Map<string, string>();
  for (const name of new Set(refs.fragments)) {
    const url = fragmentUrls.get(name);
    if (url === undefined) return `fragment ${name} has no page`;
    const other = seen.get(url);
    if (other !== undefined) return `fragments ${other} and ${name} both describe ${url}`;
    if (!pageExists(url)) return `fragment ${name} describes ${url}, which was not built`;
    seen.set(url, name);
  }
  return undefined;
}

/** Returns the manifest of this build's search files: each fragment's page and each chunk's first word. */
export function nextManifest(refs: MetaReferences, fragmentUrls: ReadonlyMap<string, string>): ReuseManifest {
  const fragments: Record<string, string> = {};
  for (const name of [...new Set(refs.fragments)].sort()) fragments[name] = fragmentUrls.get(name) ?? '';
  const chunks: Record<string, string> = {};
  for (const { from, hash } of [...refs.chunks].sort((a, b) => (a.hash < b.hash ? -1 : 1))) chunks[hash] = from;
  return { fragments, chunks };
}
