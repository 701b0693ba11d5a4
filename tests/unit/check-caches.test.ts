import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBlocksCached } from '../../src/code-check/cache.ts';
import { checkBlocks, type FileBlock } from '../../src/code-check/check-blocks.ts';
import { lintWithCache } from '../../src/data/lint-cache.ts';
import { cachedReadPages } from '../../src/data/page-cache.ts';
import type { PageJob, PageResult } from '../../src/data/read-pages.ts';
import { extractCodeBlocks } from '../../src/lib/code-blocks.ts';
import { diagnostic } from '../../src/lib/diagnostics.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const temp = () => (dir = mkdtempSync(join(tmpdir(), 'handbook-caches-')));

const blocksOf = (markdown: string): FileBlock[] => extractCodeBlocks(markdown).map((b) => ({ ...b, file: 'content/page.md' }));
const PAGE = [
  '# Page',
  '',
  '```json',
  '{"a": 1,}',
  '```',
  '',
  '```',
  'no language',
  '```',
  '',
  '```python',
  'print(1)',
  '```',
  '',
  '```bash',
  'echo "$@"',
  '```',
].join('\n');

describe('the code-sample cache', { timeout: 60_000 }, () => {
  it('answers exactly as a full check, from the cache for unchanged blocks and afresh for changed ones', async () => {
    const cacheFile = join(temp(), 'code.json');
    const full = await checkBlocks(blocksOf(PAGE));
    expect(full.problems.length).toBeGreaterThan(1);
    const sorted = (list: typeof full.problems) => [...list].sort((a, b) => a.line - b.line || a.message.localeCompare(b.message));
    const first = await checkBlocksCached(blocksOf(PAGE), cacheFile, 'v1');
    expect(sorted(first.problems)).toEqual(sorted(full.problems));
    expect(first.results).toEqual(full.results);
    // A python3 that cannot start would fail a fresh check: these answers come from the cache, moved with the page.
    const moved = `# Page\n\nA new paragraph above.\n\n${PAGE.slice('# Page\n\n'.length)}`;
    const cached = await checkBlocksCached(blocksOf(moved), cacheFile, 'v1', { python: '/nonexistent/python3' });
    expect(sorted(cached.problems)).toEqual(sorted((await checkBlocks(blocksOf(moved))).problems));
    const fixed = PAGE.replace('{"a": 1,}', '{"a": 1}');
    expect((await checkBlocksCached(blocksOf(fixed), cacheFile, 'v1')).problems.map((p) => p.validator)).toEqual(['fence']);
    await expect(checkBlocksCached(blocksOf(fixed), cacheFile, 'v2', { python: '/nonexistent/python3' })).rejects.toThrow();
  });
});

describe('the linters cache', () => {
  it('lints only pages whose text or inputs changed, and gives back the others problems at their path', async () => {
    const root = temp();
    writeFileSync(join(root, 'a.md'), 'teh\n');
    writeFileSync(join(root, 'b.md'), 'fine\n');
    writeFileSync(join(root, 'config'), 'one');
    const cache = { cacheFile: join(root, 'cache/lint.json'), inputs: [join(root, 'config')] };
    const seen: string[][] = [];
    const lint = async (files: string[]) => {
      seen.push(files);
      return files
        .filter((f) => f === 'a.md')
        .map((f) =>
          diagnostic({ file: join(root, f), line: 1, column: 1, rule: 'spelling', severity: 'error', message: 'unknown word `teh`' }),
        );
    };
    const first = await lintWithCache(root, ['a.md', 'b.md'], cache, lint);
    expect(await lintWithCache(root, ['a.md', 'b.md'], cache, lint)).toEqual(first);
    writeFileSync(join(root, 'b.md'), 'changed\n');
    await lintWithCache(root, ['a.md', 'b.md'], cache, lint);
    writeFileSync(join(root, 'config'), 'two');
    await lintWithCache(root, ['a.md', 'b.md'], cache, lint);
    expect(seen).toEqual([['a.md', 'b.md'], ['b.md'], ['a.md', 'b.md']]);
    expect(first.map((d) => d.message.split(' (fix:')[0])).toEqual(['unknown word `teh`']);
  });
});

describe('the page cache', () => {
  it('parses a page again when its text changed or a folder its links asked about appeared', async () => {
    const root = temp();
    writeFileSync(join(root, 'README.md'), '# Home\n\n[Guide](./guide)\n');
    writeFileSync(join(root, 'other.md'), '# Other\n');
    const read: string[] = [];
    const reader = async (jobs: readonly PageJob[]): Promise<PageResult[]> =>
      jobs.map((job) => {
        read.push(job.file);
        return {
          file: job.file,
          stamp: 'now',
          record: { links: [], ids: [job.file] },
          dirs: job.file === 'README.md' ? [['guide', existsSync(join(root, 'guide'))]] : [],
        };
      });
    const jobs: PageJob[] = ['README.md', 'other.md'].map((file) => ({ file, bodyLineOffset: 0, record: true, code: false }));
    const readPages = cachedReadPages(reader, root, join(root, 'cache/pages.json'), 'v1');
    const first = await readPages(jobs);
    expect((await readPages(jobs)).map((r) => r.record)).toEqual(first.map((r) => r.record));
    mkdirSync(join(root, 'guide'));
    await readPages(jobs);
    writeFileSync(join(root, 'other.md'), '# Other page\n');
    await readPages(jobs);
    await cachedReadPages(reader, root, join(root, 'cache/pages.json'), 'v2')(jobs);
    expect(read).toEqual(['README.md', 'other.md', 'README.md', 'other.md', 'README.md', 'other.md']);
  });
});
