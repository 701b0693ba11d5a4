import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { remarkPageMeta } from '../../../src/plugins/remark-page-meta.ts';
import { pageFile, recordOf, runRemark } from '../../helpers/unified.ts';

describe('remark-page-meta', () => {
  it('records the first # H1, the first heading and the first paragraph as plain text, leaving the page unchanged', async () => {
    const input = '## Overview\n\nRead   **this**\nfirst, then [that](./x.md).\n\n# Docker `basics`\n\nMore.\n';
    const { markdown, file } = await runRemark([remarkPageMeta], pageFile(input));
    expect(markdown).toBe('## Overview\n\nRead   **this**\nfirst, then [that](./x.md).\n\n# Docker `basics`\n\nMore.\n');
    expect(recordOf(file)).toEqual({
      links: [],
      ids: [],
      h1: 'Docker basics',
      firstHeading: 'Overview',
      firstParagraph: 'Read this first, then that.',
      // Overview | Read this first, then that. | Docker basics | More.
      words: 9,
    });
  });
  it('counts the words of a page of one paragraph for its reading time, and records no heading or paragraph a page lacks', async () => {
    const paragraph = await runRemark([remarkPageMeta], pageFile('Read   **this**\nfirst, then [that](./x.md).\n'));
    expect(recordOf(paragraph.file)?.words).toBe(5);
    const blocks = await runRemark(
      [remarkGfm, remarkPageMeta],
      pageFile('# Title\n\nOne two.\n\n| a | b |\n| - | - |\n| c d | e |\n\n```sh\nls -la\n```\n'),
    );
    expect(recordOf(blocks.file)?.words).toBe(10);
    const list = await runRemark([remarkPageMeta], pageFile('- item\n'));
    expect(recordOf(list.file)).toEqual({
      links: [],
      ids: [],
      h1: undefined,
      firstHeading: undefined,
      firstParagraph: undefined,
      words: 1,
    });
  });
});
