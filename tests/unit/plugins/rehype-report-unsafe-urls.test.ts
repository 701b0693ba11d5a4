import { describe, expect, it } from 'vitest';
import { rehypeReportUnsafeUrls } from '../../../src/plugins/rehype-report-unsafe-urls.ts';
import { pageFile, recordOf, runRehype } from '../../helpers/unified.ts';

describe('rehype-report-unsafe-urls', () => {
  it('records script and data: URLs of any URL attribute with where they are written, data: images excepted, and changes nothing', async () => {
    const input =
      '<p><a href="javascript:alert(1)">a</a>\n<a href=" JaVaScRiPt:x">b</a> <img src="data:image/png;base64,AAAA" alt="ok"></p>\n<form action="vbscript:x"></form><a href="data:text/html,x">c</a> <a href="./page.md">fine</a>';
    const { html, file } = await runRehype([rehypeReportUnsafeUrls], pageFile(input));
    expect(html).toBe(input);
    expect(recordOf(file)?.unsafeUrls).toEqual([
      { url: 'javascript:alert(1)', scheme: 'javascript', line: 1, column: 4 },
      { url: ' JaVaScRiPt:x', scheme: 'javascript', line: 2, column: 1 },
      { url: 'vbscript:x', scheme: 'vbscript', line: 3, column: 1 },
      { url: 'data:text/html,x', scheme: 'data', line: 3, column: 34 },
    ]);
  });
  it('starts each page with an empty list', async () => {
    const { file } = await runRehype([rehypeReportUnsafeUrls], pageFile('<p>clean</p>'));
    expect(recordOf(file)?.unsafeUrls).toEqual([]);
  });
});
