import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
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

  // The rebuild reuses the unchanged pages' HTML, sanitized SVGs and search files: none of it may be stale.
  it('after a page, an SVG and a page name changed, rebuild into the same bytes as a cold build of the edited tree', async () => {
    expect(second.code, second.stderr).toBe(0);
    const docker = join(tree, '01-guide/docker/README.md');
    const svg = join(tree, '01-guide/docker/diagram.svg');
    writeFileSync(docker, `${readFileSync(docker, 'utf8')}\nAn edited paragraph about zeppelinfields.\n`);
    writeFileSync(
      svg,
      readFileSync(svg, 'utf8').replace('>diagram<', '>edited diagram<').replace('</svg>', '<script>alert(1)</script></svg>'),
    );
    renameSync(join(tree, '02-reference/cheatsheet.mdx'), join(tree, '02-reference/commands.mdx'));
    const rebuilt = await runBuild(tree, {}, join(work, 'rebuilt'));
    const copy = join(work, 'edited-copy');
    cpSync(tree, copy, { recursive: true });
    const cold = await runBuild(copy, {}, join(work, 'cold'));
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(cold.code, cold.stderr).toBe(0);
    expect(fingerprint(rebuilt.outDir)).toEqual(fingerprint(cold.outDir));
    const published = readFileSync(join(rebuilt.outDir, 'guide/docker/diagram.svg'), 'utf8');
    expect(published).toContain('edited diagram');
    expect(published).not.toContain('script');
    expect(rebuilt.stdout + rebuilt.stderr).toContain('svg-content-removed published without `<script>`');
    const searchText = globSync('pagefind/fragment/*.pf_fragment', { cwd: rebuilt.outDir, absolute: true })
      .map((file) => gunzipSync(readFileSync(file)).toString('utf8'))
      .join('\n');
    expect(searchText).toContain('zeppelinfields');
    expect(searchText).toContain('"url":"/reference/commands/"');
    expect(searchText).not.toContain('"url":"/reference/cheatsheet/"');
  });
});
