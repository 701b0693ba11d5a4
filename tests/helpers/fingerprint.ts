import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

/** Returns path → sha256 of every file under `dir` matching `pattern` (dot files included), in path order. */
export function fingerprint(dir: string, pattern = '**/*'): Record<string, string> {
  return Object.fromEntries(
    globSync(pattern, { cwd: dir, dot: true })
      .sort()
      .map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(join(dir, file)))
          .digest('hex'),
      ]),
  );
}
