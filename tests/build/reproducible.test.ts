import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runBuild, type BuildRun } from '../helpers/build.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Returns path → sha256 of every file in a folder. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    globSync('**/*', { cwd: dir, dot: true })
      .sort()
      .map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(join(dir, file)))
          .digest('hex'),
      ]),
  );
}

describe('builds', () => {
  // A copy at a new path has no cache yet: the first build renders everything, the second reuses it.
  const tree = join(work, 'fresh-tree');
  let first: BuildRun;
  let second: BuildRun;
  beforeAll(async () => {
    cpSync(fixture('site'), tree, { recursive: true });
    first = await runBuild(tree, {}, join(work, 'first'));
    second = await runBuild(tree, {}, join(work, 'second'));
  });

  it('are byte-identical for the same content, with a cold and a warm cache', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const a = fingerprint(first.outDir);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(fingerprint(second.outDir)).toEqual(a);
  });

  it('leave the previous output untouched when a later build fails', async () => {
    expect(second.code, second.stderr).toBe(0);
    const before = fingerprint(second.outDir);
    const page = join(tree, '01-guide/README.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('./docker/', './dockerr/'));
    const bad = await runBuild(tree, {}, second.outDir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('missing-file cannot find `./dockerr/`');
    expect(fingerprint(second.outDir)).toEqual(before);
  });
});
