import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { pageRecord } from '../markdown/page-record.ts';

/** Records the first `# H1`, the first heading of any level, the first paragraph's plain text and the word count of each page. */
export function remarkPageMeta() {
  return (tree: Root, file: VFile) => {
    const record = pageRecord(file);
    const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
    const heading = tree.children.find((n) => n.type === 'heading');
    const paragraph = tree.children.find((n) => n.type === 'paragraph');
    record.h1 = h1 ? toString(h1, { includeHtml: false }).trim() || undefined : undefined;
    record.firstHeading = heading ? toString(heading, { includeHtml: false }).trim() || undefined : undefined;
    const text = paragraph ? toString(paragraph, { includeHtml: false }).replace(/\s+/g, ' ').trim() : '';
    record.firstParagraph = text || undefined;
    record.words = toString(tree, { includeHtml: false }).split(/\s+/).filter(Boolean).length;
  };
}
