import { describe, expect, it } from 'vitest';
import { validateFrontmatter } from '../../src/lib/frontmatter.ts';
import { parseFrontmatterSource } from '../../src/lib/frontmatter-source.ts';
import { defaultPrerequisites, nextOrder, pageTemplate, planNewPage } from '../../src/lib/new-page.ts';

const existing = ['README.md', '06-infrastructure/README.md', '06-infrastructure/docker/README.md', '06-infrastructure/docker/compose.md'];

describe('planning a new page', () => {
  it('maps a path to its file and route, adding .md when it has no extension', () => {
    expect(planNewPage('06-infrastructure/docker/volumes', existing)).toEqual({
      type: 'ok',
      file: '06-infrastructure/docker/volumes.md',
      route: '/infrastructure/docker/volumes/',
    });
    expect(planNewPage('./06-infrastructure/Docker Tips.md', existing)).toEqual({
      type: 'ok',
      file: '06-infrastructure/Docker Tips.md',
      route: '/infrastructure/docker-tips/',
    });
  });

  it('makes a README of a path ending with a slash', () => {
    expect(planNewPage('13-platform/', existing)).toEqual({ type: 'ok', file: '13-platform/README.md', route: '/platform/' });
  });

  it('refuses an existing file, in any case', () => {
    expect(planNewPage('06-infrastructure/docker/Compose.md', existing)).toEqual({
      type: 'refused',
      message: '`06-infrastructure/docker/compose.md` already exists; edit it instead',
    });
  });

  it('refuses a file that would share the route of another page', () => {
    expect(planNewPage('06-infrastructure/docker.md', existing)).toEqual({
      type: 'refused',
      message:
        '`06-infrastructure/docker.md` would have the route /infrastructure/docker/ of `06-infrastructure/docker/README.md`; choose another name',
    });
  });

  it('refuses paths outside the content root or in folders the site ignores', () => {
    expect(planNewPage('../notes.md', existing).type).toBe('refused');
    expect(planNewPage('a/../../notes.md', existing).type).toBe('refused');
    expect(planNewPage('/etc/notes.md', existing).type).toBe('refused');
    expect(planNewPage('.drafts/notes.md', existing)).toEqual({
      type: 'refused',
      message: '`.drafts/notes.md` is in a hidden or node_modules folder, which the site does not publish',
    });
    expect(planNewPage('  ', existing).type).toBe('refused');
  });
});

describe('the page scaffold', () => {
  const text = pageTemplate({ title: 'Docker  volumes', prerequisites: ['./README.md'], order: 3 });

  it('has valid frontmatter with description, level, prerequisites and order', () => {
    const parsed = parseFrontmatterSource(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(validateFrontmatter(parsed.data)).toEqual({
      ok: true,
      data: {
        description: 'One sentence, at most 160 characters, saying what the reader learns here.',
        level: 'beginner',
        prerequisites: ['./README.md'],
        order: 3,
      },
    });
  });

  it('has the title as H1 and the handbook usual sections in order', () => {
    expect(text).toContain('\n# Docker volumes\n');
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Try it',
      '## Common pitfalls',
      '## Where to go next',
      '## Further reading',
      '## Check your understanding',
    ]);
  });

  it('leaves out prerequisites and order when there are none', () => {
    const plain = pageTemplate({ title: 'Home', prerequisites: [] });
    expect(plain).not.toContain('prerequisites:');
    expect(plain).not.toContain('order:');
  });

  it('starts a page after its folder README and after its ordered siblings', () => {
    expect(defaultPrerequisites('06-infrastructure/docker/volumes.md', existing)).toEqual(['./README.md']);
    expect(defaultPrerequisites('06-infrastructure/docker/README.md', existing)).toEqual([]);
    expect(defaultPrerequisites('13-platform/intro.md', existing)).toEqual([]);
    expect(nextOrder([2, undefined, 5])).toBe(6);
    expect(nextOrder([undefined])).toBeUndefined();
  });
});
