import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { displayPath } from './display-path.ts';

/** Where a linter keeps its answers, and what they depend on besides each page's text (configs, dictionaries, locked packages). */
export interface LintCache {
  cacheFile: string;
  /** Files whose text the answers depend on. */
  inputs: readonly string[];
}

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
};
const readOrEmpty = (file: string) => {
  try {
    return readFileSync(file);
  } catch {
    return '';
  }
};

/**
 * Lints pages (content-relative) with `lint`, which only sees the pages whose text changed since the
 * last run with the same inputs; the other pages' problems come from the cache, which then holds this
 * run's pages. Without a cache, every page is linted.
 */
export async function lintWithCache(
  contentRoot: string,
  files: readonly string[],
  cache: LintCache | undefined,
  lint: (files: string[]) => Promise<Diagnostic[]>,
): Promise<Diagnostic[]> {
  if (!cache) return lint([...files]);
  const version = hash(...cache.inputs.flatMap((f) => [f, readOrEmpty(f)]));
  let cached: Record<string, { hash: string; problems: Diagnostic[] }> = {};
  try {
    const stored = JSON.parse(readFileSync(cache.cacheFile, 'utf8')) as { version: string; files: typeof cached };
    if (stored.version === version) cached = stored.files;
  } catch {
    // No cache yet: every page is linted.
  }
  const hashes = new Map(files.map((f) => [f, hash(readFileSync(join(contentRoot, f)))]));
  const fresh = files.filter((f) => cached[f]?.hash !== hashes.get(f));
  const found = new Map<string, Diagnostic[]>(fresh.map((f) => [displayPath(contentRoot, f), []]));
  // A problem under a name not asked for is still reported, uncached.
  const stray: Diagnostic[] = [];
  for (const problem of fresh.length > 0 ? await lint(fresh) : []) (found.get(problem.file) ?? stray).push(problem);
  const kept: typeof cached = {};
  const problems = files.flatMap((file) => {
    const shown = displayPath(contentRoot, file);
    const list = found.get(shown) ?? cached[file]!.problems.map((d) => ({ ...d, file: shown }));
    kept[file] = { hash: hashes.get(file)!, problems: list };
    return list;
  });
  mkdirSync(dirname(cache.cacheFile), { recursive: true });
  writeFileSync(cache.cacheFile, JSON.stringify({ version, files: kept }));
  return [...problems, ...stray];
}
