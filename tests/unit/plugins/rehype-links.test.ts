import { describe, expect, it } from 'vitest';
import { rehypeLinks } from '../../../src/plugins/rehype-links.ts';
import { handledLinks } from '../../../src/markdown/links.ts';
import { pageFile, recordOf, ROOT, runRehype } from '../../helpers/unified.ts';

const options = { contentRoot: ROOT, base: '/', isDir: (dir: string) => dir === 'guide/docker' };

describe('rehype-links', () => {
  it('rewrites and records raw <a href> and <img src>, leaving external URLs and other elements alone', async () => {
    const input =
      '<p><a href="./docker/">Docker</a> <img src="../Über uns/bild.png" alt="x"> <a href="mailto:a@b.c">mail</a> <link href="./x.md"></p>';
    const { html, file } = await runRehype([[rehypeLinks, options]], pageFile(input));
    expect(html).toBe(
      '<p><a href="/guide/docker/">Docker</a> <img src="/über-uns/bild.png" alt="x"> <a href="mailto:a@b.c">mail</a> <link href="./x.md"></p>',
    );
    expect(recordOf(file)?.links).toEqual([
      {
        url: './docker/',
        kind: 'link',
        line: 1,
        column: 4,
        target: { type: 'folder', dir: 'guide/docker', hash: '', href: '/guide/docker/' },
      },
      {
        url: '../Über uns/bild.png',
        kind: 'image',
        line: 1,
        column: 35,
        target: { type: 'asset', file: 'Über uns/bild.png', href: '/über-uns/bild.png' },
      },
    ]);
  });
  it('skips exactly the elements the remark step already rewrote, by source position', async () => {
    const file = pageFile('<a href="/guide/a/">done</a> <a href="./a.md">raw</a>');
    handledLinks(file.data as Record<PropertyKey, unknown>).add('1:1');
    const { html } = await runRehype([[rehypeLinks, options]], file);
    expect(html).toBe('<a href="/guide/a/">done</a> <a href="/guide/a/">raw</a>');
    expect(recordOf(file)?.links.map((l) => l.url)).toEqual(['./a.md']);
  });
});
