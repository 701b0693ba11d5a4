import { describe, expect, it } from 'vitest';
import { rehypeHeadingAnchors } from '../../../src/plugins/rehype-heading-anchors.ts';
import { pageFile, runRehype } from '../../helpers/unified.ts';

const ICON =
  '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M7.8 4.6 9.4 3a3.2 3.2 0 0 1 4.6 4.6l-2.3 2.3a3.2 3.2 0 0 1-4.6 0l-.5-.5 1.1-1.1.5.5a1.6 1.6 0 0 0 2.3 0l2.3-2.3a1.6 1.6 0 0 0-2.3-2.3L8.9 5.7ZM8.2 11.4 6.6 13A3.2 3.2 0 0 1 2 8.4l2.3-2.3a3.2 3.2 0 0 1 4.6 0l.5.5-1.1 1.1-.5-.5a1.6 1.6 0 0 0-2.3 0L3.2 9.5a1.6 1.6 0 0 0 2.3 2.3l1.6-1.6Z"></path></svg>';

describe('rehype-heading-anchors', () => {
  it('appends a permalink labelled with the heading text to h2–h6 with an id, and leaves h1 and id-less headings alone', async () => {
    const input = '<h1 id="t">Title</h1><h2 id="setup">Set <em>up</em></h2><h6 id="deep">Deep</h6><h3>No id</h3>';
    const { html } = await runRehype([rehypeHeadingAnchors], pageFile(input));
    expect(html).toBe(
      '<h1 id="t">Title</h1>' +
        `<h2 id="setup">Set <em>up</em><a class="heading-anchor" aria-label="Link to this section: Set up" href="#setup">${ICON}</a></h2>` +
        `<h6 id="deep">Deep<a class="heading-anchor" aria-label="Link to this section: Deep" href="#deep">${ICON}</a></h6>` +
        '<h3>No id</h3>',
    );
  });
});
