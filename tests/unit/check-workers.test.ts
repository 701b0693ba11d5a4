import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContentChecker } from '../../src/data/check-content.ts';
import { lintStyle } from '../../src/data/lint-style.ts';
import { startPageWorkers } from '../../src/data/page-workers.ts';
import { createPageReader } from '../../src/data/read-pages.ts';
import { bodyHasFileCodeBlocks, extractCodeBlocks } from '../../src/lib/code-blocks.ts';

const policy = { strictness: 'default', links: 'error' } as const;
const made: string[] = [];
afterAll(() => {
  for (const tree of made) rmSync(tree, { recursive: true, force: true });
});

function writeTree(files: Record<string, string | Buffer>): string {
  const tree = mkdtempSync(join(tmpdir(), 'handbook-workers-'));
  made.push(tree);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    writeFileSync(join(tree, file), text);
  }
  return tree;
}

// Pages whose code blocks one parse of the body could get wrong, beside ordinary ones.
const edgeTree = () =>
  writeTree({
    'README.md': '---\ntitle: Home\n---\n\n# Home\n\n```bash\necho hi\n```\n\n[Guide](./guide.md#install)\n',
    'guide.md': '# Guide\n\n## Install\n\n- step\n\n  ~~~yaml\n  a: 1\n  ~~~\n\n> ```\n> quoted\n> ```\n',
    'fence-in-frontmatter.md': '---\ndescription: |\n  ```bash\n  not code\n---\n\n# Fence in frontmatter\n\n```json\n{}\n```\n',
    'html-in-frontmatter.md': '---\nsummary: <!-- open\n---\n\n# HTML\n\n```sh\nls\n```\n-->\n',
    'indented.md': '---\ntitle: Indented\n---\n   ```python\n   print(1)\n   ```\n',
    'unclosed.md': '# Unclosed\n\n```text\nrest of the file   \n\n\n',
    'bom.md': '\uFEFF# BOM\n\n```yaml\na: 1\n```\n',
    'draft.md': '---\ndraft: true\n---\n\n# Draft\n\n```bash\necho draft\n```\n',
    'broken.md': '---\ntitle: [unclosed\n---\n\n```bash\necho broken\n```\n',
    'sheet.mdx': '# Sheet\n\n<Note>hi</Note>\n\n```bash\necho mdx\n```\n',
    'latin1.md': Buffer.from('# Caf\xe9\n\n```text\nx\n```\n', 'latin1'),
  });

// Trees with drafts, MDX, unreadable pages, broken frontmatter, hostile HTML and GitHub quirks.
const fixtureTrees = () =>
  ['github-tree', 'hostile', 'bad/many-problems', 'bad/mdx-code', 'bad/invalid-utf8', 'bad/no-pages'].map((name) =>
    resolve('tests/fixtures', name),
  );

describe('the content check on worker threads', () => {
  it(
    'finds exactly the problems of the one-thread check, and the code blocks npm run check:code finds by parsing each whole file',
    { timeout: 300_000 },
    async () => {
      for (const root of [...fixtureTrees(), edgeTree(), resolve('content')]) {
        const alone = createContentChecker(root, policy).run();
        const workers = startPageWorkers(root, { count: root.endsWith('content') ? 2 : 1 });
        try {
          const spread = await createContentChecker(root, policy).runAll(workers.readPages, true);
          expect(
            { diagnostics: spread.diagnostics, checked: spread.checked, lintable: spread.lintable, fatal: spread.fatal },
            root,
          ).toEqual({
            diagnostics: alone.diagnostics,
            checked: alone.checked,
            lintable: alone.lintable,
            fatal: alone.fatal,
          });
          for (const file of spread.checked)
            expect(spread.codeBlocks.get(file), join(root, file)).toEqual(extractCodeBlocks(readFileSync(join(root, file), 'utf8')));
        } finally {
          await workers.stop();
        }
      }
    },
  );

  it(
    'lets the calling thread parse pages from the same queue, and says once when the last page was handed out',
    { timeout: 120_000 },
    async () => {
      const root = resolve('tests/fixtures/github-tree');
      const alone = createContentChecker(root, policy).run();
      const read = createPageReader(root);
      const readHere: string[] = [];
      const workers = startPageWorkers(root, { count: 1, local: (job) => (readHere.push(job.file), read(job)) });
      let handedOut = 0;
      try {
        const spread = await createContentChecker(root, policy).runAll((jobs) => workers.readPages(jobs, () => handedOut++), false);
        expect(spread.diagnostics).toEqual(alone.diagnostics);
        expect(spread.checked).toEqual(alone.checked);
        // Batches shrink towards the end of the queue, so the calling thread gets pages even of a small tree.
        expect(readHere.length).toBeGreaterThan(0);
        expect(handedOut).toBe(1);
        // With nothing to parse, it is said at once.
        await workers.readPages([], () => handedOut++);
        expect(handedOut).toBe(2);
      } finally {
        await workers.stop();
      }
    },
  );
});

describe('the style check on a parsing thread', () => {
  it(
    'reports what markdownlint reports on the calling thread, after the pages handed to that thread, and is not offered before a thread starts',
    { timeout: 120_000 },
    async () => {
      const root = writeTree({
        'README.md': '# Home\n\n#No space\n\n[Guide](./guide.md)\n',
        'guide.md': '# Guide\n\n\n\nToo many blank lines above.\n',
        'clean.md': '# Clean\n\nNothing to say.\n',
      });
      const files = ['README.md', 'clean.md', 'guide.md'];
      const task = { files, configFile: resolve('.markdownlint-cli2.mjs') };
      const here = await lintStyle(root, files, task.configFile);
      expect(here.map((d) => `${d.file.replace(`${root}/`, '')}:${d.line} ${d.message.split(':')[0]}`)).toEqual([
        'guide.md:3 MD012/no-multiple-blanks',
        'guide.md:4 MD012/no-multiple-blanks',
        'README.md:3 MD018/no-missing-space-atx',
      ]);
      const lazy = startPageWorkers(root, { count: 1, lazy: true });
      expect(lazy.lintStyle(task)).toBeUndefined();
      await lazy.stop();
      const workers = startPageWorkers(root, { count: 1 });
      try {
        const jobs = files.map((file) => ({ file, bodyLineOffset: 0, record: true, code: false }));
        let style: Promise<unknown> | undefined;
        // Asked for as soon as the last page is handed out, while the thread still parses: the pages' answers come first.
        const parsed = await workers.readPages(jobs, () => (style = workers.lintStyle(task)));
        expect(parsed.map((p) => p.file)).toEqual(files);
        expect(await style).toEqual(here);
      } finally {
        await workers.stop();
      }
    },
  );
});

describe('bodyHasFileCodeBlocks', () => {
  it('accepts a page whose frontmatter and trimmed edges cannot change its code blocks', () => {
    expect(bodyHasFileCodeBlocks('---\ntitle: x\n---\n\n# X\n\n```bash\nls\n```\n', 4)).toBe(true);
    expect(bodyHasFileCodeBlocks('# X\n\n```bash\nls\n```', 0)).toBe(true);
  });

  it('refuses frontmatter that could open a fence or an HTML block, a byte-order mark, and whitespace trimming would take', () => {
    expect(bodyHasFileCodeBlocks('---\nd: |\n  ```\n---\n# X\n', 4)).toBe(false);
    expect(bodyHasFileCodeBlocks('---\nd: ~~~\n---\n# X\n', 3)).toBe(false);
    expect(bodyHasFileCodeBlocks('---\nd: <div>\n---\n# X\n', 3)).toBe(false);
    expect(bodyHasFileCodeBlocks('\uFEFF# X\n', 0)).toBe(false);
    expect(bodyHasFileCodeBlocks('   ```\n   x\n   ```\n', 0)).toBe(false);
    expect(bodyHasFileCodeBlocks('```\nx  \n', 0)).toBe(false);
    expect(bodyHasFileCodeBlocks('```\nx\n\n\n', 0)).toBe(false);
  });
});
