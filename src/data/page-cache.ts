import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stampOf } from './file-stamp.ts';
import type { PageJob, PageResult, ReadPages } from './read-pages.ts';
import { INSTALLED_PACKAGES } from '../lib/installed-packages.ts';
import { sourcesDigest } from './sources-digest.ts';

interface Entry {
  /** What the answer depends on: the page's text and the job. */
  key: string;
  /** Every folder question the page's links asked, with the answer then. */
  dirs: [string, boolean][];
  result: PageResult;
}

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
};

/** Returns the version of the Markdown pipeline: the generator's plugins and libraries, the locked packages and their patches, as the build's cache key uses. */
export function pipelineVersion(root: string): string {
  return sourcesDigest(root, ['src/plugins/**', 'src/lib/**', 'src/data/page-records.ts', 'src/data/read-pages.ts', ...INSTALLED_PACKAGES]);
}

const isDirNow = (contentRoot: string, rel: string) => statSync(join(contentRoot, rel), { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * Wraps a page reader with a cache file: a page whose text, job and folder answers are those of the
 * last run with the same pipeline `version` is not parsed again. The file then holds this run's pages.
 */
export function cachedReadPages(readPages: ReadPages, contentRoot: string, cacheFile: string, version: string): ReadPages {
  return async (jobs) => {
    let cached: Record<string, Entry> = {};
    try {
      const file = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version: string; pages: Record<string, Entry> };
      if (file.version === version) cached = file.pages;
    } catch {
      // No cache yet, or an unreadable one: every page is parsed.
    }
    const keyOf = (job: PageJob) =>
      hash(readFileSync(join(contentRoot, job.file)), JSON.stringify([job.bodyLineOffset, job.record, job.code]));
    const keys = new Map(jobs.map((job) => [job.file, keyOf(job)]));
    const hit = (job: PageJob) => {
      const entry = cached[job.file];
      return entry?.key === keys.get(job.file) && entry.dirs.every(([rel, dir]) => isDirNow(contentRoot, rel) === dir) ? entry : undefined;
    };
    const misses = jobs.filter((job) => !hit(job));
    const fresh = new Map((misses.length > 0 ? await readPages(misses) : []).map((r) => [r.file, r]));
    const pages: Record<string, Entry> = {};
    const results = jobs.map((job) => {
      const result = fresh.get(job.file);
      const entry = result ? { key: keys.get(job.file)!, dirs: result.dirs ?? [], result: { ...result, dirs: undefined } } : hit(job)!;
      pages[job.file] = entry;
      // The stamp is today's: the page is as it was when its answer was cached.
      return { ...entry.result, stamp: result?.stamp ?? stampOf(join(contentRoot, job.file)) };
    });
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ version, pages }));
    return results;
  };
}
