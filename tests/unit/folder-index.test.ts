import { describe, expect, it } from 'vitest';
import { addFolderIndexes, countPages, describeListing, folderIndexKey, isGeneratedIndex } from '../../src/lib/folder-index.ts';
import { breadcrumbs, buildSidebar, buildTree, prevNext, readingOrder, type FolderNode, type NavPage } from '../../src/lib/navigation.ts';
import { createPageIndex } from '../../src/lib/page-index.ts';
import { resolveLink } from '../../src/lib/resolve-link.ts';
import { toRoute } from '../../src/lib/routes.ts';
import { folderTitle } from '../../src/lib/titles.ts';

const page = (file: string, title: string, description?: string): NavPage => ({ file, route: toRoute(file), title, description });

describe('folderTitle', () => {
  it('strips an order prefix, turns dashes and underscores into spaces and capitalises the first letter', () => {
    expect(folderTitle('02-getting_started')).toBe('Getting started');
    expect(folderTitle('my-exercises')).toBe('My exercises');
    expect(folderTitle('10_ci--cd')).toBe('Ci cd');
  });
  it('keeps non-ASCII letters, spaces and parentheses', () => {
    expect(folderTitle('03 übungen (extra)')).toBe('Übungen (extra)');
    expect(folderTitle('04-éclairs_et_crème')).toBe('Éclairs et crème');
    expect(folderTitle('введение')).toBe('Введение');
    expect(folderTitle('日本語')).toBe('日本語');
  });
  it('keeps a leading character outside the Basic Multilingual Plane whole', () => {
    expect(folderTitle('🚀-launch')).toBe('🚀 launch');
    expect(folderTitle('𐐨-deseret')).toBe('𐐀 deseret');
  });
  it('keeps a name that is nothing but a number or separators', () => {
    expect(folderTitle('2024')).toBe('2024');
    expect(folderTitle('--')).toBe('--');
  });
});

describe('generated index keys', () => {
  it('names a folder index by its folder and a slash, which no file can have', () => {
    expect(folderIndexKey('a/Über uns')).toBe('a/Über uns/');
    expect(folderIndexKey('')).toBe('/');
    expect(isGeneratedIndex('a/Über uns/')).toBe(true);
    expect(isGeneratedIndex('/')).toBe(true);
    expect(isGeneratedIndex('a/README.md')).toBe(false);
  });
});

describe('describeListing', () => {
  it('joins the listed titles into one phrase', () => {
    expect(describeListing([{ title: 'A' }, { title: 'B' }, { title: 'C' }])).toBe('A, B and C');
    expect(describeListing([{ title: 'A' }])).toBe('A');
    expect(describeListing([])).toBeUndefined();
  });
});

// A tree whose folder `03 Übungen (extra)` and its subfolder `mehr` have no README; `werkzeuge` has one.
const pages: NavPage[] = [
  page('README.md', 'Home'),
  page('01-intro.md', 'Intro'),
  page('03 Übungen (extra)/Erste Schritte (Teil 1).md', 'Erste Schritte', 'The first steps.'),
  page('03 Übungen (extra)/b-zweite.md', 'Zweite'),
  page('03 Übungen (extra)/mehr/tiefer.md', 'Tiefer', 'Deeper still.'),
  page('03 Übungen (extra)/werkzeuge/README.md', 'Werkzeuge', 'Tools we use.'),
  page('03 Übungen (extra)/werkzeuge/cli.md', 'CLI'),
];
function folder(node: FolderNode, dir: string): FolderNode {
  if (node.dir === dir) return node;
  const child = node.children.find((c): c is FolderNode => c.type === 'folder' && (dir === c.dir || dir.startsWith(`${c.dir}/`)));
  if (!child) throw new Error(`no folder ${dir}`);
  return folder(child, dir);
}

describe('addFolderIndexes', () => {
  const tree = buildTree(pages);
  const generated = addFolderIndexes(tree);
  const uebungen = folder(tree, '03 Übungen (extra)');

  it('generates an index for each folder without README only, at the folder route, titled after the folder', () => {
    expect(generated.map((g) => g.page)).toEqual([
      { file: '03 Übungen (extra)/mehr/', route: '/übungen-extra/mehr/', title: 'Mehr', description: 'Tiefer' },
      {
        file: '03 Übungen (extra)/',
        route: '/übungen-extra/',
        title: 'Übungen (extra)',
        description: 'Erste Schritte, Mehr, Werkzeuge and Zweite',
      },
    ]);
    expect(uebungen.index).toBe(generated[1]!.page);
    expect(folder(tree, '03 Übungen (extra)/werkzeuge').index?.file).toBe('03 Übungen (extra)/werkzeuge/README.md');
  });
  it('lists the pages and subfolders in sidebar order (by title here), with descriptions and page counts', () => {
    expect(generated[1]!.entries).toEqual([
      { type: 'page', title: 'Erste Schritte', route: '/übungen-extra/erste-schritte-teil-1/', description: 'The first steps.' },
      { type: 'folder', title: 'Mehr', route: '/übungen-extra/mehr/', description: 'Tiefer', pages: 1 },
      { type: 'folder', title: 'Werkzeuge', route: '/übungen-extra/werkzeuge/', description: 'Tools we use.', pages: 2 },
      { type: 'page', title: 'Zweite', route: '/übungen-extra/b-zweite/', description: undefined },
    ]);
  });
  it('routes a generated index where links to the folder lead, however they are written', () => {
    const isDir = (p: string) => p === '03 Übungen (extra)';
    for (const url of ['./03 Übungen (extra)/', './03%20%C3%9Cbungen%20(extra)', '03 Übungen (extra)']) {
      const target = resolveLink({ from: 'README.md', url, base: '/handbook/', isDir });
      expect(target).toMatchObject({ type: 'folder', dir: '03 Übungen (extra)', href: `/handbook${uebungen.route}` });
      expect(createPageIndex(pages.map((p) => p.file)).indexOf.get('03 Übungen (extra)')).toBe(uebungen.index?.file);
    }
  });
  it('counts only page files, not generated indexes', () => {
    expect(countPages(uebungen)).toBe(5);
    expect(countPages(tree)).toBe(7);
  });
  it('puts a generated index in reading order before its pages, and in the breadcrumbs as a link', () => {
    const order = readingOrder(tree).map((p) => p.title);
    expect(order).toEqual(['Home', 'Intro', 'Übungen (extra)', 'Erste Schritte', 'Mehr', 'Tiefer', 'Werkzeuge', 'CLI', 'Zweite']);
    expect(prevNext(readingOrder(tree), '/übungen-extra/').prev?.title).toBe('Intro');
    expect(breadcrumbs(tree, pages[4]!)).toEqual([
      { label: 'Home', route: '/' },
      { label: 'Übungen (extra)', route: '/übungen-extra/' },
      { label: 'Mehr', route: '/übungen-extra/mehr/' },
      { label: 'Tiefer', route: '/übungen-extra/mehr/tiefer/' },
    ]);
    expect(breadcrumbs(tree, uebungen.index!).map((c) => c.label)).toEqual(['Home', 'Übungen (extra)']);
  });
  it('shows a generated index in the sidebar as a linked section, current and open on its own page', () => {
    const item = buildSidebar(tree, '03 Übungen (extra)/').find((i) => i.label === 'Übungen (extra)');
    expect(item).toMatchObject({ route: '/übungen-extra/', current: true, expanded: true });
    expect(item?.children?.map((c) => [c.label, c.route])).toEqual([
      ['Erste Schritte', '/übungen-extra/erste-schritte-teil-1/'],
      ['Mehr', '/übungen-extra/mehr/'],
      ['Werkzeuge', '/übungen-extra/werkzeuge/'],
      ['Zweite', '/übungen-extra/b-zweite/'],
    ]);
  });
  it('generates the home page of a tree without a root README', () => {
    const bare = buildTree([page('a.md', 'A'), page('b/c.md', 'C')]);
    const [home, b] = [...addFolderIndexes(bare)].reverse();
    expect(home?.page).toMatchObject({ file: '/', route: '/', title: 'Home' });
    expect(b?.page).toMatchObject({ file: 'b/', route: '/b/', title: 'B' });
    expect(breadcrumbs(bare, home!.page)).toEqual([{ label: 'Home', route: '/' }]);
  });
});

describe('a folder beside a page of the same route', () => {
  const files = ['README.md', 'guide.md', 'guide/install.md'];
  it('generates no index: the page keeps the route, and links to the folder lead to it', () => {
    const tree = buildTree(files.map((f) => page(f, f)));
    expect(addFolderIndexes(tree)).toEqual([]);
    expect(
      readingOrder(tree)
        .map((p) => p.file)
        .sort(),
    ).toEqual(['README.md', 'guide.md', 'guide/install.md']);
    expect(createPageIndex(files).indexOf.get('guide')).toBe('guide.md');
  });
  it('generates one index for folders that share a route, and none where a README of another folder has it', () => {
    const shared = buildTree(['README.md', 'My Guide/a.md', 'my-guide/b.md', 'Tools/README.md', 'tools_/c.md'].map((f) => page(f, f)));
    expect(addFolderIndexes(shared).map((g) => g.page.route)).toEqual(['/my-guide/']);
  });
});
