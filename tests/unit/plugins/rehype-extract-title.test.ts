import { describe, expect, it } from 'vitest';
import { rehypeExtractTitle } from '../../../src/plugins/rehype-extract-title.ts';
import { pageFile, recordOf, runRehype } from '../../helpers/unified.ts';

const extract = async (input: string, frontmatter: Record<string, unknown> = {}) => {
  const { html, file } = await runRehype([rehypeExtractTitle], pageFile(input, 'guide/page.md', frontmatter));
  return { html, titleId: recordOf(file)?.titleId };
};

describe('rehype-extract-title', () => {
  it('takes the leading <h1> out of the body and records its id', async () => {
    expect(await extract('\n<h1 id="docker-basics">Docker basics</h1>\n<p>Intro</p>')).toEqual({
      html: '\n\n<p>Intro</p>',
      titleId: 'docker-basics',
    });
  });
  it('records an empty id for a leading <h1> without one', async () => {
    expect(await extract('<h1>Docker</h1><p>Intro</p>')).toEqual({ html: '<p>Intro</p>', titleId: '' });
  });
  it('takes a page-opening <h2> as the title when the page has no <h1> and no frontmatter title', async () => {
    expect(await extract('<h2 id="title">Title</h2><p>Text</p><h2 id="more">More</h2>')).toEqual({
      html: '<p>Text</p><h2 id="more">More</h2>',
      titleId: 'title',
    });
  });
  it('leaves a page-opening <h2> in the body when an <h1> follows or the frontmatter has a title', async () => {
    expect(await extract('<h2 id="a">A</h2><h1 id="b">B</h1>')).toEqual({ html: '<h2 id="a">A</h2><h1 id="b">B</h1>', titleId: undefined });
    expect(await extract('<h2 id="a">A</h2><p>x</p>', { title: 'Set' })).toEqual({ html: '<h2 id="a">A</h2><p>x</p>', titleId: undefined });
  });
  it('leaves a body that opens with text alone', async () => {
    expect(await extract('<p>Intro</p><h1 id="late">Late</h1>')).toEqual({
      html: '<p>Intro</p><h1 id="late">Late</h1>',
      titleId: undefined,
    });
  });
});
