import { readdirSync } from 'node:fs';
import { visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';

// patches/ holds changes to installed packages that `npm ci` applies (postinstall: patch-package).
describe('the patched packages', () => {
  it('patches only what the README explains', () => {
    expect(readdirSync('patches').sort()).toEqual(['unist-util-visit-parents+6.1.0.patch']);
  });

  it('unist-util-visit-parents no longer names each visit after its node (a defineProperty per node visited)', () => {
    let stack = '';
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] };
    visitParents(tree, 'text', () => {
      stack = new Error('where').stack ?? '';
    });
    expect(stack).toContain('visit');
    // Unpatched, the frames above the visitor read `node (paragraph)`, `node (root)`.
    expect(stack).not.toMatch(/node \(/);
  });
});
