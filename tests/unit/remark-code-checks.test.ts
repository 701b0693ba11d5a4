import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownPlugins } from '../../src/plugins/index.ts';

const root = '/virtual/content';

async function headers(markdown: string): Promise<string[]> {
  const processor = await createMarkdownProcessor({
    ...markdownPlugins({ contentRoot: root, base: '/', isDir: () => false }),
    gfm: false,
    smartypants: false,
    syntaxHighlight: false,
  });
  const { code } = await processor.render(markdown, { fileURL: pathToFileURL(`${root}/page.md`), frontmatter: {} });
  return [...code.matchAll(/<div class="code-header">.*?<\/div>/g)].map((m) => m[0]);
}

const copy = '<button type="button" class="copy-button" data-copy="">Copy</button>';

describe('remark-code-checks with rehype-code-blocks', () => {
  it('marks each checked block with what checks it and leaves unchecked, opted-out and plain blocks unmarked', async () => {
    const markdown = [
      '# Page',
      '',
      '<div>raw HTML before the code moves nothing</div>',
      '',
      '```yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web }',
      '```',
      '',
      '- In a list:',
      '',
      '  ```bash',
      '  echo "$HOME"',
      '  ```',
      '',
      '```yaml skip-check="Helm template, rendered by helm"',
      'name: {{ .Release.Name }}',
      '```',
      '',
      '```javascript',
      'console.log(1);',
      '```',
      '',
      '```text',
      'output',
      '```',
      '',
      '```promql',
      'up == 0',
      '```',
    ].join('\n');
    expect(await headers(markdown)).toEqual([
      `<div class="code-header"><span class="code-lang">YAML</span><span class="code-check"><span class="code-check-mark" aria-hidden="true">✓</span> Checked: Kubernetes API schema (apps/v1 Deployment)</span>${copy}</div>`,
      `<div class="code-header"><span class="code-lang">Bash</span><span class="code-check"><span class="code-check-mark" aria-hidden="true">✓</span> Checked: ShellCheck</span>${copy}</div>`,
      `<div class="code-header"><span class="code-lang">YAML</span>${copy}</div>`,
      `<div class="code-header"><span class="code-lang">JavaScript</span>${copy}</div>`,
      `<div class="code-header"><span class="code-lang">Text</span>${copy}</div>`,
      `<div class="code-header"><span class="code-lang">PromQL</span><span class="code-check"><span class="code-check-mark" aria-hidden="true">✓</span> Checked: PromQL grammar</span>${copy}</div>`,
    ]);
  });
});
