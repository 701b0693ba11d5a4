import { describe, expect, it } from 'vitest';
import { rehypeScrollTables } from '../../../src/plugins/rehype-scroll-tables.ts';
import { pageFile, runRehype } from '../../helpers/unified.ts';

describe('rehype-scroll-tables', () => {
  it('wraps each table in a focusable region named by its number and first header cell', async () => {
    const input =
      '<table><thead><tr><th>Command</th><th>Effect</th></tr></thead></table><p>x</p><table><tr><td>no header</td></tr></table>';
    const { html } = await runRehype([rehypeScrollTables], pageFile(input));
    expect(html).toBe(
      '<section class="table-scroll" tabindex="0" aria-label="Table 1: Command"><table><thead><tr><th>Command</th><th>Effect</th></tr></thead></table></section>' +
        '<p>x</p>' +
        '<section class="table-scroll" tabindex="0" aria-label="Table 2"><table><tbody><tr><td>no header</td></tr></tbody></table></section>',
    );
  });
  it('cuts a long first header to 60 characters in the name', async () => {
    const header = 'x'.repeat(80);
    const { html } = await runRehype([rehypeScrollTables], pageFile(`<table><tr><th>${header}</th></tr></table>`));
    expect(html).toBe(
      `<section class="table-scroll" tabindex="0" aria-label="Table 1: ${'x'.repeat(60)}"><table><tbody><tr><th>${header}</th></tr></tbody></table></section>`,
    );
  });
});
