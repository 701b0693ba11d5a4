import { describe, expect, it } from 'vitest';
import { rehypeCollectIds } from '../../../src/plugins/rehype-collect-ids.ts';
import { pageFile, recordOf, runRehype } from '../../helpers/unified.ts';

describe('rehype-collect-ids', () => {
  it('records every id and every <a name> of the page once, in document order, and changes no markup', async () => {
    const input =
      '<h2 id="setup">Setup</h2><p id="note">Text <a name="old-anchor">here</a> <a href="#setup" name="">link</a></p><h2 id="setup">Again</h2><span name="not-a-link">x</span>';
    const { html, file } = await runRehype([rehypeCollectIds], pageFile(input));
    expect(html).toBe(input);
    expect(recordOf(file)).toEqual({ links: [], ids: ['setup', 'note', 'old-anchor'] });
  });
});
