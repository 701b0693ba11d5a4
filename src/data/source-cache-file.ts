import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { INSTALLED_PACKAGES } from '../lib/installed-packages.ts';
import { writeFileWhole } from './atomic-file.ts';
import { sourcesDigest } from './sources-digest.ts';
import { createSourceCache, type SourceCache } from './preflight.ts';

// A build keeps its source checks (preflight.ts) beside its data store, so the next build reads and parses again only
// the pages whose file changed, as the dev server does between saves. The checks' answers depend on the content root,
// the checking code and the installed packages (the YAML parser among them): any change to those and none is reused.
// Node's own serialization keeps every value of a parsed frontmatter as it was (dates, infinities), which JSON would not.

/** Returns what the kept source checks depend on besides each page's file: a digest, the same while none of it changes. */
export function sourceCheckVersion(projectRoot: string, contentRoot: string): string {
  return sourcesDigest(
    projectRoot,
    ['src/lib/**', 'src/data/preflight.ts', 'src/data/scan-content.ts', ...INSTALLED_PACKAGES],
    contentRoot,
  );
}

/** Reads the source checks kept in `file` if they were made under `version`; otherwise an empty cache. */
export function readSourceCache(file: string, version: string): SourceCache {
  try {
    const stored = deserialize(readFileSync(file)) as { version?: unknown; cache?: SourceCache };
    if (stored.version === version && typeof stored.cache?.tree === 'string' && stored.cache.pages instanceof Map) return stored.cache;
  } catch {
    // None kept yet, or unreadable: every page is checked.
  }
  return createSourceCache();
}

/** Keeps the source checks in `file` for the next build. */
export function writeSourceCache(file: string, version: string, cache: SourceCache): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileWhole(file, serialize({ version, cache }));
}
