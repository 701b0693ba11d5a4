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
  return codeBlocksOf(parser.runSync(parser.parse(markdown)) as Root, markdown);
}

/**
 * Returns the fenced code blocks of an mdast tree parsed from `markdown`, in document order; lines
 * are moved down by `lineOffset` (the lines before `markdown` in its file).
 */
export function codeBlocksOf(tree: Root, markdown: string, lineOffset = 0): CodeBlock[] {
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
      fenceLine: start.line + lineOffset,
      firstLine: start.line + lineOffset + 1,
    });
  });
  return blocks;
}

/**
 * Returns whether the fenced blocks of a page's body (the source after its first `bodyLineOffset`
 * lines, trimmed, as the build renders it) are exactly those {@link extractCodeBlocks} finds in the
 * whole `.md` source, so one parse serves both the link check and the code check. Only what can make
 * them differ is refused: a byte-order mark, frontmatter that could open a fence or an HTML block
 * running into the body, leading whitespace on the body's first line, or trailing whitespace that
 * trimming would take from an unclosed block.
 */
export function bodyHasFileCodeBlocks(source: string, bodyLineOffset: number): boolean {
  if (source.startsWith('\uFEFF')) return false;
  const lines = source.split('\n');
  if (/```|~~~|</.test(lines.slice(0, bodyLineOffset).join('\n'))) return false;
  const body = lines.slice(bodyLineOffset).join('\n');
  const trimmed = body.trim();
  return body.startsWith(trimmed) && /^(\r?\n)?$/.test(body.slice(trimmed.length));
}
