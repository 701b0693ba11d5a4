import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Wraps each table in a keyboard-focusable scroll region, so a wide table scrolls inside itself on a
 * phone instead of widening the page, and keyboard users can scroll it too. Each region is named
 * `Table N: first header`, unique within the page as landmarks must be.
 */
export function rehypeScrollTables() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      let firstHeader = '';
      visit(node, 'element', (cell: Element) => {
        if (firstHeader || cell.tagName !== 'th') return;
        firstHeader = toString(cell).trim();
      });
      count += 1;
      parent.children[index] = {
        type: 'element',
        tagName: 'section',
        properties: {
          className: ['table-scroll'],
          tabIndex: 0,
          ariaLabel: `Table ${count}${firstHeader ? `: ${firstHeader.slice(0, 60)}` : ''}`,
        },
        children: [node],
      };
      return 'skip';
    });
  };
}
