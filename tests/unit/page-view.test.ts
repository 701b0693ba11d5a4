import { describe, expect, it } from 'vitest';
import { buildBacklinks } from '../../src/lib/backlinks.ts';
import { validFields } from '../../src/lib/frontmatter.ts';
import { buildTree, readingOrder } from '../../src/lib/navigation.ts';
import { createPageIndex } from '../../src/lib/page-index.ts';
import { toRoute } from '../../src/lib/routes.ts';
import type { Heading } from '../../src/lib/toc.ts';
import { pageView, sidebarFor, type ViewConfig } from '../../src/data/page-view.ts';
import type { Site, SitePage } from '../../src/data/site.ts';

function page(file: string, title: string, extra: Partial<SitePage> & { fm?: Record<string, unknown> } = {}): SitePage {
  const { fm = {}, ...rest } = extra;
  return {
    file,
    route: toRoute(file),
    title,
    frontmatter: validFields(fm),
    headings: [],
    searchAliases: { strong: [], weak: [] },
    printTitle: true,
    readingMinutes: 3,
    Content: (() => '') as unknown as SitePage['Content'],
    ...rest,
  };
}

const homeHeadings: Heading[] = [
  { depth: 2, slug: 'where-to-begin', text: 'Where to begin' },
  { depth: 2, slug: 'the-path', text: 'The path' },
  { depth: 3, slug: 'step-one', text: 'Step one' },
];

function site(): Site {
  const pages = [
    page('README.md', 'Home', { headings: homeHeadings }),
    page('01-basics/README.md', 'Basics', { description: 'Start here.', fm: { level: 'beginner' } }),
    page('01-basics/shell.md', 'Shell', {
      lastUpdated: '2026-11-20T10:00:00+00:00',
      fm: { level: 'intermediate', prerequisites: ['./README.md', './missing.md'] },
    }),
    page('02-ops/README.md', 'Ops'),
  ];
  const tree = buildTree(pages);
  const order = readingOrder(tree);
  return {
    pages,
    byFile: new Map(pages.map((p) => [p.file, p])),
    published: createPageIndex(pages.map((p) => p.file)),
    tree,
    order,
    backlinks: buildBacklinks(
      [{ from: '02-ops/README.md', to: '01-basics/shell.md' }],
      order.map((p) => p.file),
    ),
    learningPath: { stages: [], unplaced: [] },
    glossaryUsage: new Map(),
    diagnostics: [],
  };
}

const config: ViewConfig = {
  title: 'Ops Notes',
  base: '/notes/',
  site: 'https://example.org',
  repoUrl: 'https://github.com/o/r',
  repoBranch: 'main',
  repoContentPath: 'docs',
  downloadUrl: '/notes.zip',
  learningPath: 'the-path',
};

describe('the page view', () => {
  it('gives a chapter page its navigation, table of contents, metadata and links, all under the base path', () => {
    const s = site();
    const { page: shown, ...view } = pageView(s, '01-basics/shell.md', config);
    expect(shown).toBe(s.byFile.get('01-basics/shell.md'));
    expect(view).toEqual({
      siteTitle: 'Ops Notes',
      search: { section: 'Basics', level: 'intermediate', aliases: { strong: [], weak: [] } },
      homeHref: '/notes/',
      canonical: 'https://example.org/notes/basics/shell/',
      section: 'Basics',
      sidebar: [
        {
          label: 'Basics',
          href: '/notes/basics/',
          current: false,
          expanded: true,
          children: [{ label: 'Shell', href: '/notes/basics/shell/', current: true, expanded: undefined, children: undefined }],
        },
        { label: 'Ops', href: '/notes/ops/', current: false, expanded: false, children: undefined },
      ],
      breadcrumbs: [
        { label: 'Home', href: '/notes/' },
        { label: 'Basics', href: '/notes/basics/' },
        { label: 'Shell', href: '/notes/basics/shell/' },
      ],
      toc: [],
      prev: { label: 'Basics', href: '/notes/basics/', description: 'Start here.' },
      next: { label: 'Ops', href: '/notes/ops/', description: undefined },
      backlinks: [{ label: 'Ops', href: '/notes/ops/', description: undefined }],
      meta: {
        level: 'intermediate',
        readingMinutes: 3,
        updated: { iso: '2026-11-20T10:00:00+00:00', label: '20 November 2026' },
        prerequisites: [{ label: 'Basics', href: '/notes/basics/', description: 'Start here.' }],
      },
      home: undefined,
      editHref: 'https://github.com/o/r/edit/main/docs/01-basics/shell.md',
    });
  });

  it('gives the home page where to start, the configured learning path, the sections as cards and the download', () => {
    const view = pageView(site(), 'README.md', config);
    expect(view.home).toEqual({
      start: { label: 'Basics', href: '/notes/basics/', description: 'Start here.' },
      learningPath: '#the-path',
      download: '/notes.zip',
      sections: [
        { label: 'Basics', href: '/notes/basics/', description: 'Start here.', level: 'beginner', pages: 2 },
        { label: 'Ops', href: '/notes/ops/', description: undefined, level: undefined, pages: 1 },
      ],
    });
    expect(view.toc).toEqual([
      { slug: 'where-to-begin', text: 'Where to begin', children: [] },
      { slug: 'the-path', text: 'The path', children: [{ slug: 'step-one', text: 'Step one', children: [] }] },
    ]);
    expect(view.section).toBeUndefined();
  });

  it('shows no learning-path button when none is configured or the home page has no such heading, and leaves out what is not set', () => {
    const bare: ViewConfig = { title: 'T', base: '/', repoBranch: 'main', repoContentPath: 'content' };
    const view = pageView(site(), 'README.md', bare);
    expect(view.home?.learningPath).toBeUndefined();
    expect(view.home?.download).toBeUndefined();
    expect(view.canonical).toBeUndefined();
    expect(view.editHref).toBeUndefined();
    expect(pageView(site(), 'README.md', { ...bare, learningPath: 'no-such-heading' }).home?.learningPath).toBeUndefined();
  });

  it('says which page is missing when asked for one the site does not have', () => {
    expect(() => pageView(site(), 'nope.md', config)).toThrow('No page for nope.md');
  });

  it('gives the 404 page the sidebar with every section closed', () => {
    expect(sidebarFor(site(), '', '/')).toEqual([
      { label: 'Basics', href: '/basics/', current: false, expanded: false, children: undefined },
      { label: 'Ops', href: '/ops/', current: false, expanded: false, children: undefined },
    ]);
  });
});
