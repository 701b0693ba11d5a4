import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContentChecker, type StoredRecords } from '../../src/data/check-content.ts';
import { storedRecords } from '../../src/data/page-loader.ts';
import { createSourceCache } from '../../src/data/preflight.ts';
import type { PageRecord } from '../../src/markdown/page-record.ts';
import { formatDiagnostic, sortDiagnostics } from '../../src/lib/diagnostics.ts';

let tree: string | undefined;
afterEach(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
  tree = undefined;
});

function writeTree(files: Record<string, string>): string {
  tree = mkdtempSync(join(tmpdir(), 'handbook-check-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    writeFileSync(join(tree, file), text);
  }
  return tree;
}

const lines = (root: string, only?: string[]) =>
  sortDiagnostics(createContentChecker(root, { strictness: 'default', links: 'error' }).run(only).diagnostics).map((d) =>
    formatDiagnostic({ ...d, file: d.file.replace(`${root}/`, '') }).replace(/ \(fix: .*\)$/, ''),
  );

describe('checking content without rendering it', () => {
  it('reports frontmatter, missing titles, links and anchors with file lines', () => {
    const root = writeTree({
      'README.md': '---\ntitel: Home\n---\n\n# Home\n\n[Guide](./guide.md#setup) and [nothing](./nothing.md).\n',
      'guide.md': '# Guide\n\n## Install\n',
      'notitle.md': 'Only text.\n',
    });
    expect(lines(root)).toEqual([
      'notitle.md missing-title the page has no `title` and no heading; the title `notitle` is made from its file name',
      'README.md:2:1 unknown-frontmatter-key unknown frontmatter key `titel`; did you mean `title`?',
      'README.md:7:1 missing-heading cannot find heading `#setup` in `./guide.md`',
      'README.md:7:31 missing-file cannot find `./nothing.md`',
    ]);
  });

  it('checks only the files given, resolving their links and anchors against the whole tree', () => {
    const root = writeTree({
      'README.md': '# Home\n\n[Install](./guide.md#install) [bad](./guide.md#nope)\n',
      'guide.md': '# Guide\n\n## Install\n\n[broken](./gone.md)\n',
    });
    expect(lines(root, ['README.md'])).toEqual(['README.md:3:31 missing-heading cannot find heading `#nope` in `./guide.md`']);
    expect(lines(root, ['guide.md'])).toEqual(['guide.md:5:1 missing-file cannot find `./gone.md`']);
  });

  it('sees a fixed file on the next run of the same checker', () => {
    const root = writeTree({ 'README.md': '# Home\n\n[x](./x.md)\n' });
    const checker = createContentChecker(root, { strictness: 'default', links: 'warn' });
    const first = checker.run().diagnostics;
    expect(first.map((d) => [d.rule, d.severity])).toEqual([['missing-file', 'warning']]);
    writeFileSync(join(root, 'x.md'), '# X\n');
    expect(checker.run().diagnostics).toEqual([]);
    writeFileSync(join(root, 'README.md'), '# Home\n\n[x](./x.md#y)\n');
    // Same size and a stale mtime would hide the edit from a cache keyed on them alone.
    utimesSync(join(root, 'README.md'), new Date(), new Date(Date.now() + 5000));
    expect(checker.run().diagnostics.map((d) => d.rule)).toEqual(['missing-heading']);
  });

  it('leaves unreadable pages to the source check and out of the linters', () => {
    const root = writeTree({ 'README.md': '# Home\n', 'empty.md': '' });
    writeFileSync(join(root, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    const result = createContentChecker(root, { strictness: 'default', links: 'error' }).run();
    expect(result.diagnostics.map((d) => d.rule).sort()).toEqual(['empty-file', 'invalid-encoding']);
    expect(result.lintable).toEqual(['README.md']);
  });

  it('reports a missing content root and stops', () => {
    const root = writeTree({});
    const result = createContentChecker(join(root, 'missing'), { strictness: 'default', links: 'error' }).run();
    expect(result.fatal).toBe(true);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['missing-content-root']);
  });
});

describe('a checker that lives across changes (the dev server’s)', () => {
  const policy = { strictness: 'default', links: 'error' } as const;
  const rules = (diagnostics: { rule: string; line?: number | undefined }[]) => diagnostics.map((d) => `${d.line ?? '-'} ${d.rule}`);

  it('takes a rendered page’s record for its current text instead of parsing it, moving its link lines below the frontmatter', () => {
    const root = writeTree({ 'README.md': '---\ntitle: Home\n---\n\n# Home\n\nNo links here.\n' });
    // What rendering recorded, lines counted in the body: a link the text itself does not hold, so using it shows.
    const rendered: PageRecord = {
      h1: 'Home',
      ids: [],
      links: [{ url: './gone.md', kind: 'link', line: 3, column: 1, target: { type: 'page', file: 'gone.md', hash: '', href: '/gone/' } }],
    };
    const asked: string[] = [];
    const stored: StoredRecords = (file, text) => {
      asked.push(file);
      return text.includes('No links here.') ? rendered : undefined;
    };
    const checker = createContentChecker(root, policy, { storedRecords: stored });
    const first = checker.run().diagnostics;
    expect(rules(first)).toEqual(['7 missing-file']);
    expect(first[0]!.message).toMatch(/^cannot find `\.\/gone\.md`/);
    expect(asked).toEqual(['README.md']);
    // A text rendering has not seen yet is parsed: the checker never reports from a stale record.
    writeFileSync(join(root, 'README.md'), '---\ntitle: Home\n---\n\n# Home\n\n[x](./x.md)\n');
    utimesSync(join(root, 'README.md'), new Date(), new Date(Date.now() + 5000));
    const second = checker.run().diagnostics;
    expect(rules(second)).toEqual(['7 missing-file']);
    expect(second[0]!.message).toMatch(/^cannot find `\.\/x\.md`/);
  });

  it('finds a stored record by the digest of the page’s whole text, and none for any other text', () => {
    const record: PageRecord = { links: [], ids: ['a'] };
    const entries = new Map([
      [
        'guide.md',
        { id: 'guide.md', data: {}, digest: 'digest of v1', rendered: { html: '', metadata: { frontmatter: { handbook: record } } } },
      ],
    ]);
    const lookup = storedRecords({
      store: { get: (id: string) => entries.get(id) } as never,
      generateDigest: (text) => `digest of ${String(text)}`,
    });
    expect(lookup('guide.md', 'v1')).toBe(record);
    expect(lookup('guide.md', 'v2')).toBeUndefined();
    expect(lookup('other.md', 'v1')).toBeUndefined();
  });

  it('keeps unchanged pages’ source checks but checks them again when a file is added, as prerequisites may now resolve', () => {
    const root = writeTree({
      'README.md': '# Home\n',
      'b.md': '---\nprerequisites: [./a.md]\n---\n\n# B\n',
    });
    const checker = createContentChecker(root, policy, { sources: createSourceCache() });
    expect(rules(checker.run().diagnostics)).toContain('2 missing-prerequisite');
    writeFileSync(join(root, 'a.md'), '# A\n');
    expect(rules(checker.run().diagnostics)).toEqual([]);
    writeFileSync(join(root, 'b.md'), '---\ntitel: B\n---\n\n# B\n');
    utimesSync(join(root, 'b.md'), new Date(), new Date(Date.now() + 5000));
    expect(rules(checker.run().diagnostics)).toEqual(['2 unknown-frontmatter-key']);
  });
});
