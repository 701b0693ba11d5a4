import type { Code, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** Language of the fence, lowercased; empty when the fence has none. */
  lang: string;
  /** The rest of the info string after the language. */
  meta: string;
  /** The block's text, without the fences. */
  value: string;
  /** Line of the opening fence in the file (1-based, frontmatter included). */
  fenceLine: number;
  /** Line in the file of the block's first line of code. */
  firstLine: number;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** Returns every fenced code block of a Markdown source, in document order, with its file lines. */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  const blocks: CodeBlock[] = [];
  visit(tree, 'code', (node: Code) => {
    const start = node.position?.start;
    if (!start || start.offset === undefined) return;
    const fence = markdown.charAt(start.offset);
    if (fence !== '`' && fence !== '~') return; // an indented code block has no fence and no language
    blocks.push({
      lang: (node.lang ?? '').toLowerCase(),
      meta: node.meta ?? '',
      value: node.value,
      fenceLine: start.line,
      firstLine: start.line + 1,
    });
  });
  return blocks;
}
