import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { shiftLinkLines } from '../lib/check-links.ts';
import { codeBlocksOf, type CodeBlock } from '../lib/code-blocks.ts';
import type { Options } from '../markdown/links.ts';
import { recordPlugins } from '../plugins/record-plugins.ts';
import type { PageRecord } from '../markdown/page-record.ts';

// MDX nodes go through remark-rehype untouched, as @mdx-js/mdx passes them.
const MDX_NODES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/** Parses pages with the build's own link, id and title plugins, without rendering them. */
export interface PageRecorder {
  /** Returns what the build's plugins record for a page, lines counted from the top of the file. */
  record(absPath: string, body: string, bodyLineOffset: number): PageRecord;
  /** Returns the record and, from the same parse, the body's fenced code blocks with their file lines. */
  recordWithCode(absPath: string, body: string, bodyLineOffset: number): { record: PageRecord; codeBlocks: CodeBlock[] };
}

/** Returns a recorder: the build's unified pipeline minus markup-only plugins, for `.md` and `.mdx` pages. */
export function createRecorder(options: Options): PageRecorder {
  const { remarkPlugins, rehypePlugins } = recordPlugins(options);
  const build = (mdx: boolean): Processor => {
    const plugins: PluggableList = [
      remarkParse,
      ...(mdx ? [remarkMdx] : []),
      ...(remarkPlugins as PluggableList),
      // The options Astro's processor gives remark-rehype: raw HTML is kept for rehype-raw.
      [remarkRehype, { allowDangerousHtml: true, passThrough: mdx ? MDX_NODES : [] }],
      ...(rehypePlugins as PluggableList),
    ];
    return unified().use(plugins) as unknown as Processor;
  };
  const processors = { md: build(false), mdx: build(true) };
  const run = (absPath: string, body: string, bodyLineOffset: number, withCode: boolean) => {
    const processor = /\.mdx$/i.test(absPath) ? processors.mdx : processors.md;
    const file = new VFile({ path: absPath, value: body, data: { astro: { frontmatter: {} } } });
    const tree = processor.parse(file) as Root;
    // Taken before the plugins run: they rewrite links and text, never code, but the parse is what counts.
    const codeBlocks = withCode ? codeBlocksOf(tree, body, bodyLineOffset) : [];
    processor.runSync(tree, file);
    const record = (file.data.astro?.frontmatter?.handbook as PageRecord | undefined) ?? { links: [], ids: [] };
    return { record: { ...record, links: shiftLinkLines(record.links, bodyLineOffset) }, codeBlocks };
  };
  return {
    record: (absPath, body, bodyLineOffset) => run(absPath, body, bodyLineOffset, false).record,
    recordWithCode: (absPath, body, bodyLineOffset) => run(absPath, body, bodyLineOffset, true),
  };
}
