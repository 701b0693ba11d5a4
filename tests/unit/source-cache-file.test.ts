import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSourceCache, runPreflight } from '../../src/data/preflight.ts';
import { readSourceCache, sourceCheckVersion, writeSourceCache } from '../../src/data/source-cache-file.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-sources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(name: string): string {
  const root = join(work, name);
  mkdirSync(join(root, 'guide'), { recursive: true });
  writeFileSync(join(root, 'README.md'), '# Home\n\nSee [the guide](./guide/README.md).\n');
  writeFileSync(join(root, 'guide', 'README.md'), '---\ntitle: Guide\ntags: [docker, compose]\norder: 2\n---\n\n# Guide\n');
  return root;
}

describe('the source checks a build keeps for the next', () => {
  it('give the next build the same answers, checking again only the pages whose file changed', () => {
    const root = tree('kept');
    const guide = join(root, 'guide', 'README.md');
    // A whole second, which setting the time again gives back exactly.
    const time = new Date('2026-01-02T03:04:05Z');
    utimesSync(guide, time, time);
    const file = join(work, 'kept.bin');
    const version = sourceCheckVersion(process.cwd(), root);
    const first = runPreflight(root, undefined, false, readSourceCache(file, version));
    expect(first.diagnostics).toEqual([]);
    const cache = readSourceCache(file, version);
    runPreflight(root, undefined, false, cache);
    writeSourceCache(file, version, cache);

    // A page changed behind the stamp (same size, same time) is answered from the kept check: proof the cache is read.
    writeFileSync(guide, readFileSync(guide, 'utf8').replace('title: Guide', 'title  Guide'));
    utimesSync(guide, time, time);
    expect(runPreflight(root, undefined, false, readSourceCache(file, version)).diagnostics).toEqual([]);
    expect(runPreflight(root, undefined, false, createSourceCache()).diagnostics.map((d) => d.rule)).toContain('malformed-frontmatter');

    // Saved as an editor saves it (a new time): checked again, and its problem reported.
    utimesSync(guide, time, new Date(time.getTime() + 5000));
    const again = runPreflight(root, undefined, false, readSourceCache(file, version));
    expect(again.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual([`${guide} malformed-frontmatter`]);
  });

  it('keep nothing made under another version of the checks, another content root, or in an unreadable file', () => {
    const root = tree('versions');
    const file = join(work, 'versions.bin');
    const cache = createSourceCache();
    runPreflight(root, undefined, false, cache);
    writeSourceCache(file, 'v1', cache);
    expect(readSourceCache(file, 'v1').pages.size).toBe(2);
    expect(readSourceCache(file, 'v2').pages.size).toBe(0);
    expect(sourceCheckVersion(process.cwd(), root)).not.toBe(sourceCheckVersion(process.cwd(), join(work, 'elsewhere')));
    writeFileSync(file, 'not a cache');
    expect(readSourceCache(file, 'v1').pages.size).toBe(0);
  });

  it('keep each answer as it was made, its problems and parsed fields included', () => {
    const root = tree('values');
    writeFileSync(join(root, 'draft.md'), '---\ntitle: Draft\norder: .inf\nprerequisites: [./guide/README.md]\n---\n\n# Draft\n');
    const file = join(work, 'values.bin');
    const cache = createSourceCache();
    runPreflight(root, undefined, false, cache);
    writeSourceCache(file, 'v', cache);
    const kept = readSourceCache(file, 'v');
    expect(kept.tree).toBe(cache.tree);
    expect([...kept.pages.keys()].sort()).toEqual(['README.md', 'draft.md', 'guide/README.md']);
    for (const [page, entry] of cache.pages) expect(kept.pages.get(page), page).toEqual(entry);
    expect(kept.pages.get('draft.md')?.result.diagnostics.map((d) => d.rule)).toEqual(['invalid-frontmatter']);
    expect(kept.pages.get('guide/README.md')?.result.fields).toEqual({ title: 'Guide', tags: ['docker', 'compose'], order: 2 });
  });
});
