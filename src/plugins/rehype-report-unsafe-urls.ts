import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { unsafeScheme } from '../lib/unsafe-url.ts';
import { pageRecord } from '../markdown/page-record.ts';

// Attributes through which a followed or loaded URL could run script or open a smuggled document.
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'data', 'poster', 'cite', 'background'] as const;

/**
 * Records every `javascript:`, `vbscript:` and `data:` URL (data: images excepted) of a page,
 * from Markdown and raw HTML alike, before the sanitizer silently drops it: the build warns about each.
 */
export function rehypeReportUnsafeUrls() {
  return (tree: Root, file: VFile) => {
    const record = pageRecord(file);
    record.unsafeUrls = [];
    visit(tree, 'element', (node) => {
      for (const attribute of URL_ATTRIBUTES) {
        const value = node.properties[attribute];
        if (typeof value !== 'string') continue;
        const scheme = unsafeScheme(value, node.tagName === 'img' && attribute === 'src');
        if (scheme) record.unsafeUrls!.push({ url: value, scheme, line: node.position?.start.line, column: node.position?.start.column });
      }
    });
  };
}
