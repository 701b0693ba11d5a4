import { describe, expect, it } from 'vitest';
import { checkLinks, type LinkedPage, type RecordedLink } from '../../src/lib/check-links.ts';
import { createPageIndex } from '../../src/lib/page-index.ts';
import { resolveLink } from '../../src/lib/resolve-link.ts';

const index = createPageIndex(
  ['README.md', 'infra/README.md', 'infra/docker/README.md', 'infra/docker/compose.md', 'notes/a.md'],
  ['infra/docker/layers.svg'],
);
const dirs = new Set(['infra', 'infra/docker', 'notes']);
const link = (from: string, url: string, line = 1, kind: 'link' | 'image' = 'link'): RecordedLink => ({
  url,
  kind,
  line,
  column: 1,
  target: resolveLink({ from, url, base: '/', isDir: (p) => dirs.has(p) }),
});
const ids: Record<string, string[]> = {
  'infra/docker/README.md': ['docker', 'volumes', '-what-is-docker'],
  'infra/README.md': ['infra', 'topics'],
};
const run = (file: string, urls: (string | RecordedLink)[]) => {
  const pages: LinkedPage[] = Object.entries(ids).map(([f, i]) => ({ file: f, ids: i, links: [] }));
  pages.push({ file, ids: ids[file] ?? ['here'], links: urls.map((u, i) => (typeof u === 'string' ? link(file, u, i + 1) : u)) });
  return checkLinks(pages, index, 'error');
};

describe('checkLinks', () => {
  it('accepts links to pages, folders, anchors and assets that exist', () => {
    const result = run('infra/README.md', [
      './docker/README.md#volumes',
      './docker/',
      './docker',
      '#topics',
      './docker/layers.svg',
      '../README.md',
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.edges).toContainEqual({ from: 'infra/README.md', to: 'infra/docker/README.md' });
  });
  it('accepts an emoji-led heading anchor slugged like GitHub', () => {
    expect(run('infra/README.md', ['./docker/README.md#-what-is-docker']).diagnostics).toEqual([]);
  });
  it('reports a missing page with a did-you-mean suggestion', () => {
    const [d] = run('infra/README.md', ['./docker/compse.md']).diagnostics;
    expect(d).toMatchObject({ rule: 'missing-file', line: 1, message: expect.stringContaining('did you mean `./docker/compose.md`?') });
  });
  it('reports a missing anchor in another page with the closest id', () => {
    const [d] = run('infra/README.md', ['./docker/README.md#volume']).diagnostics;
    expect(d).toMatchObject({ rule: 'missing-heading', message: expect.stringContaining('did you mean `volumes`?') });
  });
  it('reports a missing anchor on the same page', () => {
    expect(run('infra/README.md', ['#nowhere']).diagnostics[0]?.rule).toBe('missing-heading');
  });
  it('reports a missing image', () => {
    const [d] = run('infra/README.md', [link('infra/README.md', './docker/layer.svg', 7, 'image')]).diagnostics;
    expect(d).toMatchObject({ rule: 'missing-file', line: 7, message: expect.stringContaining('image') });
  });
  it('resolves a folder without README to its generated index, with or without a slash, and checks anchors into it', () => {
    const result = run('README.md', ['./notes/', './notes', 'notes/', './notes/#top', './notes/#intro']);
    expect(result.edges).toEqual(Array.from({ length: 5 }, () => ({ from: 'README.md', to: 'notes/' })));
    expect(result.diagnostics.map((d) => [d.line, d.rule, d.message.split(' (fix')[0]])).toEqual([
      [5, 'missing-heading', 'cannot find heading `#intro` in `./notes`, a folder without README that the site lists page by page'],
    ]);
  });
  it('reports a folder that holds no published page, saying what it holds and how to fix it', () => {
    const tree = createPageIndex(['README.md', 'notes/a.md'], ['pictures/a.png'], ['drafts/wip.md']);
    const dirsOf = new Set(['notes', 'pictures', 'drafts', 'empty']);
    const page: LinkedPage = {
      file: 'README.md',
      ids: [],
      links: ['./drafts/', './pictures', './empty/', './nowhere/'].map((url, i) => ({
        url,
        kind: 'link',
        line: i + 3,
        column: 5,
        target: resolveLink({ from: 'README.md', url, base: '/', isDir: (p) => dirsOf.has(p) }),
      })),
    };
    expect(checkLinks([page], tree, 'error').diagnostics.map((d) => [d.line, d.column, d.rule, d.message])).toEqual([
      [
        3,
        5,
        'missing-readme',
        'folder `./drafts/` holds only drafts or empty pages, which are left out of the site, so the site has no page to show for it (fix: add a README.md or another page to the folder, or link a file inside it)',
      ],
      [
        4,
        5,
        'missing-readme',
        'folder `./pictures` holds no page, only other files, so the site has no page to show for it (fix: add a README.md or another page to the folder, or link a file inside it)',
      ],
      [5, 5, 'missing-file', 'cannot find `./empty/` (fix: link the page or file by its path relative to this page)'],
      [6, 5, 'missing-file', 'cannot find `./nowhere/` (fix: link the page or file by its path relative to this page)'],
    ]);
  });
  it('reports links that leave the content root and absolute paths', () => {
    const rules = run('infra/README.md', ['../../../etc/passwd', '/etc/hosts']).diagnostics.map((d) => d.rule);
    expect(rules).toEqual(['outside-root', 'absolute-path']);
  });
  it('downgrades broken links to warnings in warn mode', () => {
    const pages: LinkedPage[] = [{ file: 'README.md', ids: [], links: [link('README.md', './missing.md')] }];
    expect(checkLinks(pages, index, 'warning').diagnostics[0]?.severity).toBe('warning');
  });
});

describe('checkLinks on linked files', () => {
  const files = createPageIndex(
    ['README.md', 'guide/README.md'],
    ['guide/demo.html', 'guide/big.zip', 'guide/ok.png', 'guide/app.mjs'],
    [],
    {
      assetSizes: new Map([
        ['guide/demo.html', 10],
        ['guide/big.zip', 5000],
        ['guide/ok.png', 4000],
        ['guide/app.mjs', 10],
      ]),
      refusedLinks: [
        { path: 'guide/sample.conf', target: '/etc/passwd', reason: 'outside' },
        { path: 'guide/notes', target: '/etc', reason: 'outside' },
        { path: 'guide/up', target: '/repo/content', reason: 'loop' },
      ],
    },
  );
  const check = (urls: string[], severity: 'error' | 'warning' = 'warning') =>
    checkLinks(
      [
        {
          file: 'guide/README.md',
          ids: [],
          links: urls.map((url, i) => ({
            url,
            kind: 'link',
            line: i + 1,
            column: 3,
            target: resolveLink({ from: 'guide/README.md', url, base: '/', isDir: (p) => p === 'guide/notes' || p === 'guide/up' }),
          })),
        },
      ],
      files,
      severity,
      4096,
    );

  it('reports a link through a refused symbolic link where it is written, as an error even in warn mode', () => {
    const { diagnostics, assets } = check(['./sample.conf', './notes/passwd', './notes/', './up/README.md']);
    expect(diagnostics.map((d) => [d.line, d.column, d.rule, d.severity, d.message.split(' (fix')[0]])).toEqual([
      [1, 3, 'symlink-outside-root', 'error', '`./sample.conf` goes through the symbolic link `./sample.conf`, which is not followed'],
      [2, 3, 'symlink-outside-root', 'error', '`./notes/passwd` goes through the symbolic link `./notes`, which is not followed'],
      [3, 3, 'symlink-outside-root', 'error', '`./notes/` goes through the symbolic link `./notes`, which is not followed'],
      [4, 3, 'symlink-loop', 'error', '`./up/README.md` goes through the symbolic link `./up`, which is not followed'],
    ]);
    expect(assets).toEqual(new Set());
  });
  it('refuses linked files of types off the allow-list and above the size limit, and publishes the rest', () => {
    const { diagnostics, assets } = check(['./demo.html', './app.mjs', './big.zip', './ok.png']);
    expect(diagnostics.map((d) => [d.line, d.rule, d.severity])).toEqual([
      [1, 'unpublishable-file', 'error'],
      [2, 'unpublishable-file', 'error'],
      [3, 'file-too-large', 'error'],
    ]);
    expect(diagnostics[0]?.message).toContain(
      '`./demo.html` links a `.html` file, which is not published: an HTML file would run its scripts on the site',
    );
    expect(assets).toEqual(new Set(['guide/ok.png']));
  });
});
