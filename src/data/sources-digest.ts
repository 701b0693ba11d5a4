import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

/**
 * Returns a digest of the files under `root` matching `patterns` (names and contents, in name order), preceded by
 * `extra`: the version of a cache's answers, the same while none of that code changes.
 */
export function sourcesDigest(root: string, patterns: readonly string[], ...extra: string[]): string {
  const hash = createHash('sha256');
  for (const part of extra) hash.update(part).update('\0');
  for (const file of globSync([...patterns], { cwd: root }).sort())
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}
