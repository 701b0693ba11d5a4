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

  // One failing build shows both: it re-checks an unchanged page against an edited one, and it leaves the output alone.
  it('re-check the links into a page edited since the last build (the unchanged page linking to a removed heading is reported), and leave the previous output untouched when the build fails', async () => {
    expect(second.code, second.stderr).toBe(0);
    const before = fingerprint(second.outDir);
    const docker = join(tree, '01-guide/docker/README.md');
    const guide = join(tree, '01-guide/README.md');
    const originals = [docker, guide].map((page) => [page, readFileSync(page, 'utf8')] as const);
    writeFileSync(docker, originals[0][1].replace('## Images', '## Container images'));
    writeFileSync(guide, originals[1][1].replace('./docker/', './dockerr/'));
    try {
      const bad = await runBuild(tree, {}, second.outDir);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/02-reference\/GLOSSARY_TERMS\.md:9:\d+ missing-heading cannot find heading `#images`/);
      expect(bad.stderr).toContain('missing-file cannot find `./dockerr/`');
      expect(fingerprint(second.outDir)).toEqual(before);
    } finally {
      for (const [page, text] of originals) writeFileSync(page, text);
    }
  });
});
