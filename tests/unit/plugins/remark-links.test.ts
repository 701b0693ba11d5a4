import { describe, expect, it } from 'vitest';
import { remarkLinks } from '../../../src/plugins/remark-links.ts';
import { pageFile, recordOf, ROOT, runRemark } from '../../helpers/unified.ts';

const dirs = new Set(['guide', 'guide/docker', 'ops']);
const options = { contentRoot: ROOT, base: '/handbook/', isDir: (dir: string) => dirs.has(dir) };

describe('remark-links', () => {
  it('rewrites links, images and definitions to site URLs under the base, keeping anchors and queries, and records each one', async () => {
    const input =
      '[Volumes](./docker/README.md#volumes) [ops](../ops) ![Layers](./docker/layers.svg) [ref][d] [top](#intro) [web](https://example.org/)\n\n[d]: ./setup.md?x=1\n';
    const { markdown, file } = await runRemark([[remarkLinks, options]], pageFile(input));
    expect(markdown).toBe(
      '[Volumes](/handbook/guide/docker/#volumes) [ops](/handbook/ops/) ![Layers](/handbook/guide/docker/layers.svg) [ref][d] [top](#intro) [web](https://example.org/)\n\n[d]: /handbook/guide/setup/?x=1\n',
    );
    expect(recordOf(file)?.links).toEqual([
      {
        url: './docker/README.md#volumes',
        kind: 'link',
        line: 1,
        column: 1,
        target: { type: 'page', file: 'guide/docker/README.md', hash: 'volumes', href: '/handbook/guide/docker/#volumes' },
      },
      { url: '../ops', kind: 'link', line: 1, column: 39, target: { type: 'folder', dir: 'ops', hash: '', href: '/handbook/ops/' } },
      {
        url: './docker/layers.svg',
        kind: 'image',
        line: 1,
        column: 53,
        target: { type: 'asset', file: 'guide/docker/layers.svg', href: '/handbook/guide/docker/layers.svg' },
      },
      { url: '#intro', kind: 'link', line: 1, column: 93, target: { type: 'same-page', hash: 'intro' } },
      {
        url: './setup.md?x=1',
        kind: 'link',
        line: 3,
        column: 1,
        target: { type: 'page', file: 'guide/setup.md', hash: '', href: '/handbook/guide/setup/?x=1' },
      },
    ]);
  });
  it('leaves a file outside the content root alone and records nothing', async () => {
    const file = pageFile('[a](./a.md)\n');
    file.path = '/elsewhere/page.md';
    const { markdown } = await runRemark([[remarkLinks, options]], file);
    expect(markdown).toBe('[a](./a.md)\n');
    expect(recordOf(file)).toBeUndefined();
  });
});
