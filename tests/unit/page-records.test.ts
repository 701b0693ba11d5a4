import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRecorder } from '../../src/data/page-records.ts';
import { markdownPlugins, recordPlugins } from '../../src/plugins/index.ts';
import type { PageRecord } from '../../src/markdown/page-record.ts';

const root = '/virtual/content';
const options = { contentRoot: root, base: '/', isDir: (p: string) => p === 'docker' };

// A page with everything that makes ids and links: emoji and repeated headings, raw HTML ids and
// anchors, reserved ids, footnotes, alerts, code blocks, tables, link definitions and images.
const PAGE = [
  '# 🐳 Docker basics',
  '',
  'Intro with a [link](./docker/README.md#volumes), an ![image](./img/a.svg) and a footnote.[^1]',
  '',
  '## Volumes',
  '',
  '## Volumes',
  '',
  '> [!NOTE]',
  '> An alert with a [same-page link](#volumes-1).',
  '',
  '```bash',
  'docker run --rm -it alpine sh',
  '```',
  '',
  '| A | B |',
  '| - | - |',
  '| [cell](../other.md) | <a href="./docker/#x">raw</a> |',
  '',
  '<h3 id="custom">Custom</h3> <a name="legacy"></a> <span id="hb-main">reserved</span>',
  '',
  '[ref]: ./ref.md#part',
  '',
  '[^1]: The footnote.',
  '',
].join('\n');

async function buildRecord(markdown: string): Promise<PageRecord> {
  const processor = await createMarkdownProcessor({ ...markdownPlugins(options), gfm: false, smartypants: false, syntaxHighlight: false });
  const result = await processor.render(markdown, { fileURL: pathToFileURL(`${root}/guide.md`), frontmatter: {} });
  return result.metadata.frontmatter.handbook as PageRecord;
}

describe('recording a page without rendering it', () => {
  it('keeps the build plugins that decide links, ids and titles, in the build order, and drops only markup ones', () => {
    const names = (list: unknown[]) => list.map((p) => (Array.isArray(p) ? p[0] : p).name);
    const full = markdownPlugins(options);
    const subset = recordPlugins(options);
    // remark-code-checks only labels code blocks for rehype-code-blocks, which the subset leaves out.
    expect(names(full.remarkPlugins).filter((n) => n !== 'remarkCodeChecks')).toEqual(names(subset.remarkPlugins));
    expect(names(full.rehypePlugins).filter((n) => names(subset.rehypePlugins).includes(n))).toEqual(names(subset.rehypePlugins));
    expect(names(full.rehypePlugins).filter((n) => !names(subset.rehypePlugins).includes(n))).toEqual([
      'rehypeCodeBlocks',
      'rehypeScrollTables',
      'rehypeHeadingAnchors',
      'rehypeGithubAlerts',
    ]);
  });

  it('records the same links, ids and title as the build pipeline', async () => {
    const built = await buildRecord(PAGE);
    const recorded = createRecorder(options).record(`${root}/guide.md`, PAGE, 0);
    expect(recorded.links).toEqual(built.links);
    expect([...recorded.ids].sort()).toEqual([...built.ids].sort());
    expect({ h1: recorded.h1, titleId: recorded.titleId }).toEqual({ h1: built.h1, titleId: built.titleId });
    expect(recorded.ids).toEqual(expect.arrayContaining(['volumes', 'volumes-1', 'custom', 'legacy', 'user-content-fn-1']));
    expect(recorded.ids).not.toContain('hb-main');
  });

  it('counts link lines from the top of the file when the frontmatter took some', () => {
    const recorded = createRecorder(options).record(`${root}/guide.md`, 'Text\n\n[x](./y.md)\n', 4);
    expect(recorded.links.map((l) => [l.url, l.line, l.column])).toEqual([['./y.md', 7, 1]]);
  });

  it('parses .mdx pages with MDX syntax', () => {
    const recorded = createRecorder(options).record(`${root}/sheet.mdx`, '# Sheet\n\n<Note>hi</Note>\n\n## Part {1}\n\n[x](./y.md)\n', 0);
    expect(recorded.h1).toBe('Sheet');
    expect(recorded.links.map((l) => l.url)).toEqual(['./y.md']);
  });
});
