import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanContent } from '../../src/data/scan-content.ts';
import { isIgnoredPath, refusedLinkMessage, refusedLinkOf, symlinkProblem, type RefusedLink } from '../../src/lib/symlinks.ts';

describe('symlinkProblem', () => {
  it('accepts real paths inside the root, the root itself included', () => {
    expect(symlinkProblem('/repo/content', '/repo/content/docker/layers.svg')).toBeUndefined();
    expect(symlinkProblem('/repo/content', '/repo/content')).toBeUndefined();
    expect(symlinkProblem('/repo/content', '/repo/content/..notes/x.txt')).toBe('hidden');
  });
  it('refuses real paths outside the root, siblings with a shared prefix included', () => {
    expect(symlinkProblem('/repo/content', '/etc/passwd')).toBe('outside');
    expect(symlinkProblem('/repo/content', '/repo/.git/config')).toBe('outside');
    expect(symlinkProblem('/repo/content', '/repo/content-secrets/key')).toBe('outside');
    expect(symlinkProblem('/repo/content', '/repo')).toBe('outside');
  });
  it('refuses real paths in folders a build never publishes', () => {
    expect(symlinkProblem('/repo', '/repo/.git/config')).toBe('hidden');
    expect(symlinkProblem('/repo', '/repo/docs/node_modules/pkg/index.js')).toBe('hidden');
    expect(isIgnoredPath('docs/.env')).toBe(true);
    expect(isIgnoredPath('docs/env.txt')).toBe(false);
  });
});

describe('refusedLinkOf', () => {
  const refused = new Map<string, RefusedLink>([['guide/notes', { path: 'guide/notes', target: '/etc', reason: 'outside' }]]);
  it('finds the refused link a path is or lies under', () => {
    expect(refusedLinkOf(refused, 'guide/notes')?.target).toBe('/etc');
    expect(refusedLinkOf(refused, 'guide/notes/passwd')?.target).toBe('/etc');
    expect(refusedLinkOf(refused, 'guide/notes-2/passwd')).toBeUndefined();
    expect(refusedLinkOf(refused, 'guide')).toBeUndefined();
  });
  it('says where the link leads and that it is not followed', () => {
    expect(refusedLinkMessage({ path: 'a', target: '/etc/passwd', reason: 'outside' })).toBe(
      'is a symbolic link to `/etc/passwd`, outside the content root; it is not followed or published',
    );
    expect(refusedLinkMessage({ path: 'a', target: '/r/.git/config', reason: 'hidden' })).toBe(
      'is a symbolic link to `/r/.git/config`, inside a folder that is never published; it is not followed or published',
    );
    expect(refusedLinkMessage({ path: 'a/up', target: '/r', reason: 'loop' })).toBe(
      'is a symbolic link to `/r`, a folder that contains it; it is not followed',
    );
  });
});

describe('scanContent', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'handbook-scan-'));
    root = join(dir, 'content');
    mkdirSync(join(root, 'guide', 'img'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'secret.txt'), 'secret');
    writeFileSync(join(dir, 'outside', 'secret.md'), '# Secret');
    writeFileSync(join(root, 'README.md'), '# Home');
    writeFileSync(join(root, 'guide', 'README.md'), '# Guide');
    writeFileSync(join(root, 'guide', 'img', 'a b.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, '.git', 'config'), '[core]');
    symlinkSync('../outside/secret.txt', join(root, 'sample.conf'));
    symlinkSync('../outside/secret.md', join(root, 'stolen.md'));
    symlinkSync('../outside', join(root, 'notes'));
    symlinkSync('.git/config', join(root, 'settings.txt'));
    symlinkSync('img/a b.svg', join(root, 'guide', 'same.svg'));
    symlinkSync('guide/img', join(root, 'pictures'));
    symlinkSync('..', join(root, 'guide', 'up'));
    symlinkSync('missing.txt', join(root, 'dangling.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows links that stay inside the root and lists the files they lead to under the link path', () => {
    const tree = scanContent(root);
    expect(tree.pageFiles).toEqual(['README.md', 'guide/README.md']);
    expect(tree.assetFiles).toEqual(['guide/img/a b.svg', 'guide/same.svg', 'pictures/a b.svg']);
    expect(tree.assetSizes.get('pictures/a b.svg')).toBe(41);
  });
  it('refuses links out of the root, into hidden folders and into their own parents, without reading them', () => {
    const tree = scanContent(root);
    expect(tree.refusedLinks.map((l) => [l.path, l.reason])).toEqual([
      ['guide/up', 'loop'],
      ['notes', 'outside'],
      ['sample.conf', 'outside'],
      ['settings.txt', 'hidden'],
      ['stolen.md', 'outside'],
    ]);
    expect(tree.refusedLinks.find((l) => l.path === 'notes')?.target).toBe(join(dir, 'outside'));
  });
  it('judges links by the real path of a root that is itself reached through a link', () => {
    const alias = join(dir, 'alias');
    symlinkSync(root, alias);
    const tree = scanContent(alias);
    expect(tree.assetFiles).toContain('pictures/a b.svg');
    expect(tree.refusedLinks.map((l) => l.path)).toContain('sample.conf');
  });
});
