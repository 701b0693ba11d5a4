import { describe, expect, it } from 'vitest';
import { viewKey } from '../../src/lib/view-key.ts';

// A page's key for Astro's incremental build: equal only while everything the page shows is equal.
describe('viewKey', () => {
  const view = () => ({
    page: { file: 'a/b.md', title: 'B', htmlFile: '/cache/handbook-html/3f2c.html', Content: undefined as unknown },
    sidebar: [{ label: 'A', href: '/a/', current: false, children: [{ label: 'B', href: '/a/b/', current: true }] }],
    backlinks: [{ label: 'C', href: '/c/' }],
    meta: { readingMinutes: 4, prerequisites: [] },
  });

  it('is the same for equal views, and leaves functions out', () => {
    const withComponent = view();
    withComponent.page.Content = () => 'rendered';
    expect(viewKey(view())).toBe(viewKey(view()));
    expect(viewKey(withComponent)).toBe(viewKey(view()));
  });

  it('changes with the HTML, a nested sidebar label, a backlink or the line under the title', () => {
    const changes = [
      (v: ReturnType<typeof view>) => (v.page.htmlFile = '/cache/handbook-html/9d01.html'),
      (v: ReturnType<typeof view>) => (v.sidebar[0]!.children![0]!.label = 'B, renamed'),
      (v: ReturnType<typeof view>) => v.backlinks.push({ label: 'D', href: '/d/' }),
      (v: ReturnType<typeof view>) => (v.meta.readingMinutes = 5),
    ];
    const keys = changes.map((change) => {
      const v = view();
      change(v);
      return viewKey(v);
    });
    expect(new Set([viewKey(view()), ...keys]).size).toBe(changes.length + 1);
  });
});
