import { describe, expect, it } from 'vitest';
import { rehypeSanitizeHtml } from '../../../src/plugins/rehype-sanitize-html.ts';
import { pageFile, runRehype } from '../../helpers/unified.ts';

const sanitize = async (input: string) => (await runRehype([rehypeSanitizeHtml], pageFile(input))).html;

describe('rehype-sanitize-html', () => {
  it('removes scripts, frames, styles and event handlers with their contents, as GitHub does', async () => {
    expect(await sanitize('<p onclick="x()">Hi<script>alert(1)</script><style>p{}</style><iframe src="https://e.x">f</iframe></p>')).toBe(
      '<p>Hi</p>',
    );
  });
  it('drops javascript: links but keeps the link text', async () => {
    expect(await sanitize('<a href="javascript:alert(1)">go</a> <a href="https://example.org/">ok</a>')).toBe(
      '<a>go</a> <a href="https://example.org/">ok</a>',
    );
  });
  it("keeps heading ids under their own names and removes ids of the site's own hb- namespace", async () => {
    expect(await sanitize('<h2 id="setup">Setup</h2><a name="old">x</a><div id="hb-main">y</div>')).toBe(
      '<h2 id="setup">Setup</h2><a name="old">x</a><div>y</div>',
    );
  });
  it('keeps task-list checkboxes and removes every other form control', async () => {
    expect(
      await sanitize(
        '<ul><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul><p><input type="text" value="x">text</p>',
      ),
    ).toBe('<ul><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul><p>text</p>');
  });
  it("keeps GitHub's allowed markup: details, kbd, sup and image sizes", async () => {
    const input = '<details><summary>More</summary><kbd>Ctrl</kbd><sup>1</sup><img src="a.png" alt="A" width="40" height="20"></details>';
    expect(await sanitize(input)).toBe(input);
  });
});
