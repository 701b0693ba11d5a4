import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../../src/markdown/page-record.ts';
import { markdownPlugins } from '../../src/plugins/index.ts';

const root = '/virtual/content';
const dirs = new Set(['06-infrastructure', '06-infrastructure/docker']);

async function render(markdown: string, file = '06-infrastructure/README.md', base = '/') {
  const processor = await createMarkdownProcessor({
    ...markdownPlugins({ contentRoot: root, base, isDir: (p) => dirs.has(p) }),
    gfm: false,
    smartypants: false,
    syntaxHighlight: false,
  });
  const result = await processor.render(markdown, { fileURL: pathToFileURL(`${root}/${file}`), frontmatter: {} });
  return { html: result.code, record: result.metadata.frontmatter.handbook as PageRecord, metadata: result.metadata };
}

describe('markdown plugins', () => {
  it('rewrites Markdown links to routes and keeps anchors', async () => {
    const { html } = await render('[Volumes](./docker/README.md#volumes) and [cloud](../07-cloud/RESOURCES.md)');
    expect(html).toContain('href="/infrastructure/docker/#volumes"');
    expect(html).toContain('href="/cloud/resources/"');
  });
  it('rewrites links under a sub-path base', async () => {
    const { html } = await render('[Docker](./docker/)', '06-infrastructure/README.md', '/handbook/');
    expect(html).toContain('href="/handbook/infrastructure/docker/"');
  });
  it('rewrites raw HTML links and images', async () => {
    const { html } = await render('<p><a href="./docker/README.md">Docker</a> <img src="./docker/layers.svg" alt="Layers" width="40"></p>');
    expect(html).toContain('href="/infrastructure/docker/"');
    expect(html).toContain('src="/infrastructure/docker/layers.svg"');
  });
  it('publishes Markdown images as files instead of sending them to the image pipeline', async () => {
    const { html, metadata } = await render('![Layers](./docker/layers.svg)');
    expect(html).toContain('src="/infrastructure/docker/layers.svg"');
    expect(metadata.localImagePaths).toEqual([]);
  });
  it('rewrites reference-style link definitions', async () => {
    const { html } = await render('[Docker][d]\n\n[d]: ./docker/README.md');
    expect(html).toContain('href="/infrastructure/docker/"');
  });
  it('leaves external links untouched and does not record them', async () => {
    const { html, record } = await render('[k8s](https://kubernetes.io/docs/)');
    expect(html).toContain('href="https://kubernetes.io/docs/"');
    expect(record.links).toEqual([]);
  });
  it('records each local link once with its line and column', async () => {
    const { record } = await render('# T\n\nSee [a](./docker/README.md) and <a href="./x.md">x</a>.\n\n[same](#t)');
    expect(record.links.map((l) => [l.url, l.line, l.column])).toEqual([
      ['./docker/README.md', 3, 5],
      ['#t', 5, 1],
      ['./x.md', 3, 33],
    ]);
  });
  it('gives headings GitHub ids, emoji-led ones included', async () => {
    const { html, record } = await render('# Page\n\n## 🎯 What is Kubernetes?\n\n## Set-up & Tear-down\n\n## Set-up & Tear-down');
    expect(html).toContain('id="-what-is-kubernetes"');
    expect(html).toContain('id="set-up--tear-down"');
    expect(html).toContain('id="set-up--tear-down-1"');
    expect(record.ids).toEqual(expect.arrayContaining(['-what-is-kubernetes', 'set-up--tear-down', 'set-up--tear-down-1']));
  });
  it('takes a page-opening `## Title` out of the body as the title when the page has no h1, keeping its id', async () => {
    const { html, record } = await render('## Exercises\n\nText.\n\n## Misc');
    expect(html).not.toContain('Exercises');
    expect(html).toContain('<h2 id="misc">');
    expect(record).toMatchObject({ titleId: 'exercises', firstHeading: 'Exercises', h1: undefined });
    expect(record.ids).toContain('exercises');
  });
  it('leaves a page-opening `## Heading` in the body when an h1 follows or the frontmatter has a title', async () => {
    expect((await render('## Intro\n\n# Real title')).html).toContain('Intro');
    const processor = await createMarkdownProcessor({
      ...markdownPlugins({ contentRoot: root, base: '/', isDir: () => false }),
      gfm: false,
      smartypants: false,
      syntaxHighlight: false,
    });
    const titled = await processor.render('## Intro\n\nText.', { fileURL: pathToFileURL(`${root}/a.md`), frontmatter: { title: 'A' } });
    expect(titled.code).toContain('Intro');
  });
  it('rewrites links to non-ASCII, spaced and parenthesised names once, without reporting its own output', async () => {
    const { html, record } = await render(
      '# T\n\n[Über uns](<./02 Über uns/README.md>) [Основы](./ru.md#Основы) [p](<./a (b).md>) [r][ref]\n\n[ref]: ./ü.md',
    );
    expect(html).toContain('href="/infrastructure/%C3%BCber-uns/"');
    expect(record.links.map((l) => [l.url, l.target.type])).toEqual([
      ['./02 Über uns/README.md', 'page'],
      ['./ru.md#Основы', 'page'],
      ['./a (b).md', 'page'],
      ['./ü.md', 'page'],
    ]);
  });
  it('still checks a raw <a href> whose text equals a rewritten Markdown link', async () => {
    const { record } = await render('# T\n\n[a](/infrastructure/docker/)\n\n<a href="/infrastructure/docker/">raw</a>');
    expect(record.links.map((l) => [l.url, l.line, l.target.type])).toEqual([
      ['/infrastructure/docker/', 3, 'absolute-path'],
      ['/infrastructure/docker/', 5, 'absolute-path'],
    ]);
  });
  it('turns emoji shortcodes into emoji in text but never in code', async () => {
    const { html } = await render('# T\n\nShip it :rocket: :+1:\n\n`:rocket:`\n\n```text\n:warning:\n```');
    expect(html).toContain('Ship it 🚀 👍');
    expect(html).toContain('<code>:rocket:</code>');
    expect(html).toContain(':warning:');
    expect(html).not.toContain('⚠');
  });
  it('keeps explicit ids and <a name> anchors as link targets', async () => {
    const { record } = await render('<h2 id="custom">Custom</h2>\n\n<a name="legacy"></a>');
    expect(record.ids).toEqual(expect.arrayContaining(['custom', 'legacy']));
  });
  it('appends an accessible permalink to h2 headings', async () => {
    const { html } = await render('# Docker\n\n## Volumes');
    expect(html).toMatch(/<h2 id="volumes">Volumes<a class="heading-anchor" aria-label="Link to this section: Volumes" href="#volumes">/);
  });
  it('highlights code with colour classes for both themes, no inline styles, and adds a label and copy button', async () => {
    const { html } = await render('```bash\necho "hi" # note\n```');
    expect(html).toContain('<span class="code-lang">Bash</span>');
    expect(html).toContain('<button type="button" class="copy-button" data-copy="">Copy</button>');
    expect(html).toMatch(/<span class="l-[0-9a-f]{6} d-[0-9a-f]{6}">echo<\/span>/);
    expect(html).not.toContain('style=');
  });
  it('highlights PromQL with its own grammar', async () => {
    const { html } = await render('```promql\nsum(rate(http_requests_total[5m]))\n```');
    expect(html).toContain('<span class="code-lang">PromQL</span>');
    expect(html).toMatch(/<span class="l-[0-9a-f]{6} d-[0-9a-f]{6}">sum<\/span>/);
  });
  it('keeps a block without a language as plain monospace text, line for line', async () => {
    const { html } = await render('```\n+--+\n|  |\n+--+\n```');
    expect(html).toContain('<pre tabindex="0" class="plain"><code>+--+\n|  |\n+--+\n</code></pre>');
  });
  it('renders GitHub alerts as callouts with icon and title', async () => {
    const { html } = await render('> [!WARNING]\n> Back up first.');
    expect(html).toContain('class="markdown-alert markdown-alert-warning"');
    expect(html).toMatch(/<p class="markdown-alert-title"><svg[^>]*>.*<\/svg>Warning<\/p>/s);
  });
  it('renders task lists, footnotes and tables as GitHub does', async () => {
    const { html } = await render('- [x] done\n- [ ] open\n\nText[^1].\n\n[^1]: A note.\n\n| A | B |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toMatch(/<section class="table-scroll" tabindex="0" aria-label="Table 1: A"><table>/);
  });
  it('takes a leading H1 out of the body and keeps its id for the layout', async () => {
    const { html, record } = await render('# Docker basics\n\nText.');
    expect(html).not.toContain('<h1');
    expect(record.titleId).toBe('docker-basics');
    expect(record.ids).toContain('docker-basics');
  });
  it('records the first H1 and the first paragraph as plain text', async () => {
    const { record } = await render('# Docker *basics*\n\nContainers **package** an app with <em>its</em> dependencies.\n\nMore.');
    expect(record.h1).toBe('Docker basics');
    expect(record.firstParagraph).toBe('Containers package an app with its dependencies.');
  });
  it('records javascript:, vbscript: and data: URLs from Markdown and raw HTML where they are written, and removes them', async () => {
    const markdown = [
      '# T',
      '',
      '[md](javascript:alert(1)) <a href="VBScript:msgbox(1)">vb</a>',
      '',
      '<a href="java\tscript:alert(2)">tab</a> [page](data:text/html,hi) ![pixel](data:image/png;base64,iVBORw0KGgo=)',
    ].join('\n');
    const { html, record } = await render(markdown);
    expect(record.unsafeUrls?.map((u) => [u.scheme, u.line, u.column])).toEqual([
      ['javascript', 3, 1],
      ['vbscript', 3, 27],
      ['javascript', 5, 1],
      ['data', 5, 40],
    ]);
    expect(html).not.toMatch(/javascript|vbscript|data:text/i);
  });
});
