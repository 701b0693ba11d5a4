import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
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
    record.words = countWords(tree);
  };
}

// The blocks whose text is read; counted one by one, so a heading's last word and the next paragraph's first stay two words.
const TEXT_BLOCKS = new Set<Nodes['type']>(['heading', 'paragraph', 'tableCell', 'code']);

/** Counts the words of a page's text blocks (headings, paragraphs, table cells, code). */
function countWords(tree: Root): number {
  let words = 0;
  visit(tree, (node) => {
    if (!TEXT_BLOCKS.has(node.type)) return undefined;
    words += toString(node, { includeHtml: false }).split(/\s+/).filter(Boolean).length;
    return SKIP;
  });
  return words;
}
