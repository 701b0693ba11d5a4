import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { compileTerms, findTerms, readGlossary } from '../../src/lib/glossary.ts';
import { markdownPlugins } from '../../src/plugins/index.ts';
import { remarkGlossary } from '../../src/plugins/remark-glossary.ts';
import type { PageRecord } from '../../src/markdown/page-record.ts';

const root = resolve('tests/fixtures/glossary');

async function render(markdown: string, file = 'guide/page.md', contentRoot = root) {
  const processor = await createMarkdownProcessor({
    ...markdownPlugins({ contentRoot, base: '/', isDir: (p) => p === 'guide' }),
    gfm: false,
    smartypants: false,
    syntaxHighlight: false,
  });
  const result = await processor.render(markdown, { fileURL: pathToFileURL(join(contentRoot, file)), frontmatter: {} });
  return { html: result.code, record: result.metadata.frontmatter.handbook as PageRecord };
}

// The plugin alone: its links stay relative Markdown links, as the link plugins receive them.
async function alone(markdown: string, file = 'guide/page.md') {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGlossary, { contentRoot: root })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true });
  return String(await processor.process(new VFile({ path: join(root, file), value: markdown })));
}

const glossary = (text: string) => readGlossary(unified().use(remarkParse).parse(text));

describe('glossary terms', () => {
  it('reads each ### heading as a term, with its abbreviation and the names of its "Also called" line', () => {
    const terms = glossary(
      '# Glossary\n\n### Service level objective (SLO)\n\nAlso called: reliability target, Objective.\n\nA target.\n\n### GitOps\n\nState in Git.\n',
    );
    expect(terms).toEqual([
      {
        id: 'service-level-objective-slo',
        label: 'Service level objective (SLO)',
        names: [
          { text: 'Service level objective', caseSensitive: false },
          { text: 'SLO', caseSensitive: true },
          { text: 'reliability target', caseSensitive: false },
          { text: 'Objective', caseSensitive: true },
        ],
      },
      { id: 'gitops', label: 'GitOps', names: [{ text: 'GitOps', caseSensitive: true }] },
    ]);
  });

  it('matches words in any case and abbreviations only as written, whole words only, plurals included', () => {
    const matcher = compileTerms(glossary('### Service level objective (SLO)\n\nA target.\n\n### Sidecar\n\nA helper container.\n'))!;
    const found = (text: string) => findTerms(text, matcher, new Set()).map((h) => text.slice(h.start, h.end));
    expect(found('Two SLOs and a SERVICE LEVEL OBJECTIVE')).toEqual(['SLOs']);
    expect(found('the slo, a sidecars, SLOW')).toEqual(['sidecars']);
    expect(found('Service\nlevel objective')).toEqual(['Service\nlevel objective']);
  });
});

describe('remark-glossary', () => {
  it('links the first mention of each term and nothing after it', async () => {
    const { html, record } = await render('An SLO and another SLO. Then a canary deployment.');
    expect(html).toBe(
      '<p>An <a href="/glossary/#service-level-objective-slo">SLO</a> and another SLO. Then a <a href="/glossary/#canary-release">canary deployment</a>.</p>',
    );
    expect(record.glossaryTerms).toEqual(['service-level-objective-slo', 'canary-release']);
  });

  it('never links inside headings, code, existing links or raw HTML, and links the first mention in prose after them', async () => {
    const html = await alone(
      '## SLO basics\n\nUse `GitOps`, [an SLO](https://sre.google/), <a href="https://example.org/">IaC</a> or <code>IaC</code>.\n\n```text\nSLO\n```\n\nThen <b>GitOps</b>, SLO and IaC.',
    );
    expect(html).toBe(
      '<h2>SLO basics</h2>\n<p>Use <code>GitOps</code>, <a href="https://sre.google/">an SLO</a>, <a href="https://example.org/">IaC</a> or <code>IaC</code>.</p>\n<pre><code class="language-text">SLO\n</code></pre>\n<p>Then <b><a href="../GLOSSARY.md#gitops">GitOps</a></b>, <a href="../GLOSSARY.md#service-level-objective-slo">SLO</a> and <a href="../GLOSSARY.md#infrastructure-as-code-iac">IaC</a>.</p>',
    );
  });

  it('links nothing in the glossary itself', async () => {
    expect(await alone('A canary release uses an SLO.', 'GLOSSARY.md')).toBe('<p>A canary release uses an SLO.</p>');
  });

  it('does nothing in a tree without a glossary', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-glossary-'));
    try {
      const { html, record } = await render('An SLO.', 'page.md', empty);
      expect(html).toBe('<p>An SLO.</p>');
      expect(record.glossaryTerms).toBeUndefined();
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});
