import { describe, expect, it } from 'vitest';
import { rehypeRawMarkdown } from '../../../src/plugins/rehype-raw-markdown.ts';
import { pageFile, runMarkdownToHtml } from '../../helpers/unified.ts';

describe('rehype-raw-markdown', () => {
  it('parses raw HTML of a page into elements, so the plugins after it see them', async () => {
    const { html } = await runMarkdownToHtml(
      [rehypeRawMarkdown],
      pageFile('Text <kbd>Ctrl</kbd>\n\n<details><summary>More</summary>\n\nHidden *text*\n\n</details>\n'),
    );
    expect(html).toBe('<p>Text <kbd>Ctrl</kbd></p>\n<details><summary>More</summary>\n<p>Hidden <em>text</em></p>\n</details>');
  });
});
