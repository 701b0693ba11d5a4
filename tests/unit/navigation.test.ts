import { describe, expect, it } from 'vitest';
import { breadcrumbs, buildSidebar, buildTree, prevNext, readingOrder, type NavPage } from '../../src/lib/navigation.ts';

const page = (file: string, title: string, order?: number): NavPage => ({ file, route: `/${file}`, title, order });
const pages: NavPage[] = [
  page('README.md', 'Home'),
  page('06-infrastructure/README.md', 'Infrastructure'),
  page('06-infrastructure/RESOURCES.md', 'Resources'),
  page('06-infrastructure/kubernetes/README.md', 'Kubernetes', 2),
  page('06-infrastructure/docker/README.md', 'Docker', 1),
  page('06-infrastructure/docker/compose.md', 'Compose', 2),
  page('06-infrastructure/docker/dockerfiles.md', 'Dockerfiles', 1),
  page('00-foundations/README.md', 'Foundations'),
  page('12-career/README.md', 'Career'),
  page('notes/zeta.md', 'Zeta'),
  page('notes/alpha.md', 'Alpha'),
];
const tree = buildTree(pages);

describe('buildTree and readingOrder', () => {
  it('orders sections by prefix, then order, then title, with each folder index first', () => {
    expect(readingOrder(tree).map((p) => p.title)).toEqual([
      'Home',
      'Foundations',
      'Infrastructure',
      'Docker',
      'Dockerfiles',
      'Compose',
      'Kubernetes',
      'Resources',
      'Career',
      'Alpha',
      'Zeta',
    ]);
  });
  it('names a folder without README after the folder', () => {
    const notes = tree.children.find((c) => c.type === 'folder' && c.dir === 'notes');
    expect(notes).toMatchObject({ title: 'Notes' });
    expect(notes?.type === 'folder' && notes.index).toBeFalsy();
  });
});

describe('prevNext', () => {
  it('returns the neighbours in reading order', () => {
    const order = readingOrder(tree);
    const { prev, next } = prevNext(order, '/06-infrastructure/docker/README.md');
    expect(prev?.title).toBe('Infrastructure');
    expect(next?.title).toBe('Dockerfiles');
  });
  it('has no previous page on the first page', () => {
    expect(prevNext(readingOrder(tree), '/README.md').prev).toBeUndefined();
  });
});

describe('breadcrumbs', () => {
  it('lists home, section and folder before the page', () => {
    const compose = pages.find((p) => p.title === 'Compose')!;
    expect(breadcrumbs(tree, compose).map((c) => c.label)).toEqual(['Home', 'Infrastructure', 'Docker', 'Compose']);
  });
  it('does not repeat a folder index as its own parent', () => {
    const docker = pages.find((p) => p.title === 'Docker')!;
    expect(breadcrumbs(tree, docker).map((c) => c.label)).toEqual(['Home', 'Infrastructure', 'Docker']);
  });
  it('gives the home page no parents', () => {
    expect(breadcrumbs(tree, pages[0]!).map((c) => c.label)).toEqual(['Home']);
  });
});

describe('buildSidebar', () => {
  it('opens only the folders on the path to the current page and marks it current', () => {
    const items = buildSidebar(tree, '06-infrastructure/docker/compose.md');
    const infra = items.find((i) => i.label === 'Infrastructure')!;
    const foundations = items.find((i) => i.label === 'Foundations')!;
    expect(foundations).toMatchObject({ expanded: false, children: undefined });
    expect(infra.expanded).toBe(true);
    const docker = infra.children!.find((i) => i.label === 'Docker')!;
    const kubernetes = infra.children!.find((i) => i.label === 'Kubernetes')!;
    expect(docker.expanded).toBe(true);
    expect(kubernetes.children).toBeUndefined();
    expect(docker.children!.filter((i) => i.current).map((i) => i.label)).toEqual(['Compose']);
  });
  it('marks a folder index as current', () => {
    const infra = buildSidebar(tree, '06-infrastructure/README.md').find((i) => i.label === 'Infrastructure')!;
    expect(infra).toMatchObject({ current: true, expanded: true });
  });
});
