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
const ids: Record<string, string[]> = { 'infra/docker/README.md': ['docker', 'volumes', '-what-is-docker'], 'infra/README.md': ['infra', 'topics'] };
const run = (file: string, urls: (string | RecordedLink)[]) => {
  const pages: LinkedPage[] = Object.entries(ids).map(([f, i]) => ({ file: f, ids: i, links: [] }));
  pages.push({ file, ids: ids[file] ?? ['here'], links: urls.map((u, i) => (typeof u === 'string' ? link(file, u, i + 1) : u)) });
  return checkLinks(pages, index, 'error');
};

describe('checkLinks', () => {
  it('accepts links to pages, folders, anchors and assets that exist', () => {
    const result = run('infra/README.md', ['./docker/README.md#volumes', './docker/', './docker', '#topics', './docker/layers.svg', '../README.md']);
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
  it('reports a folder without README', () => {
    expect(run('README.md', ['./notes/']).diagnostics[0]?.rule).toBe('missing-readme');
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
