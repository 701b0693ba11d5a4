import { describe, expect, it } from 'vitest';
import { resolveLink } from '../../src/lib/resolve-link.ts';

const dirs = new Set(['06-infrastructure/docker', '06-infrastructure']);
const resolve = (from: string, url: string, base = '/') => resolveLink({ from, url, base, isDir: (p) => dirs.has(p) });

describe('resolveLink', () => {
  it('rewrites ./docker/README.md#volumes to /infrastructure/docker/#volumes', () => {
    expect(resolve('06-infrastructure/README.md', './docker/README.md#volumes')).toMatchObject({
      type: 'page',
      file: '06-infrastructure/docker/README.md',
      hash: 'volumes',
      href: '/infrastructure/docker/#volumes',
    });
  });
  it('rewrites a link into a sibling section', () => {
    expect(resolve('06-infrastructure/README.md', '../07-cloud/RESOURCES.md')).toMatchObject({ type: 'page', href: '/cloud/resources/' });
  });
  it('rewrites folder links with and without a trailing slash', () => {
    expect(resolve('06-infrastructure/README.md', './docker/')).toMatchObject({
      type: 'folder',
      dir: '06-infrastructure/docker',
      href: '/infrastructure/docker/',
    });
    expect(resolve('06-infrastructure/README.md', './docker')).toMatchObject({ type: 'folder', href: '/infrastructure/docker/' });
  });
  it('resolves links written without ./', () => {
    expect(resolve('06-infrastructure/README.md', 'docker/README.md')).toMatchObject({ type: 'page', href: '/infrastructure/docker/' });
  });
  it('keeps query strings and anchors', () => {
    expect(resolve('README.md', './06-infrastructure/README.md?tab=1#top')).toMatchObject({ href: '/infrastructure/?tab=1#top' });
  });
  it('applies the base path', () => {
    expect(resolve('README.md', './06-infrastructure/docker/README.md', '/handbook/')).toMatchObject({
      href: '/handbook/infrastructure/docker/',
    });
  });
  it('publishes other files under their folder route', () => {
    expect(resolve('06-infrastructure/docker/README.md', './layers.svg')).toEqual({
      type: 'asset',
      file: '06-infrastructure/docker/layers.svg',
      href: '/infrastructure/docker/layers.svg',
    });
  });
  it('leaves external links alone', () => {
    for (const url of ['https://kubernetes.io/docs/', 'mailto:team@example.org', '//cdn.example.org/x.js']) {
      expect(resolve('README.md', url)).toEqual({ type: 'external' });
    }
  });
  it('reports a same-page anchor with its decoded hash', () => {
    expect(resolve('README.md', '#-what-is-kubernetes')).toEqual({ type: 'same-page', hash: '-what-is-kubernetes' });
    expect(resolve('README.md', '#caf%C3%A9')).toEqual({ type: 'same-page', hash: 'café' });
  });
  it('flags paths that leave the content root', () => {
    expect(resolve('a/README.md', '../../../etc/passwd')).toMatchObject({ type: 'outside-root' });
  });
  it('flags absolute filesystem paths', () => {
    expect(resolve('a/README.md', '/home/me/notes.md')).toEqual({ type: 'absolute-path', path: '/home/me/notes.md' });
  });
  it('decodes percent-encoded file names', () => {
    expect(resolve('README.md', './My%20Notes.md')).toMatchObject({ type: 'page', file: 'My Notes.md', href: '/my-notes/' });
  });
  it('resolves a link to the root folder to the home page', () => {
    expect(resolve('a/b.md', '../')).toMatchObject({ type: 'folder', dir: '', href: '/' });
  });
});
