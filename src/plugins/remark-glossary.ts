import type { Link, Parent, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { relativeFrom } from '../lib/check-source.ts';
import { loadGlossary, type LoadedGlossary } from '../data/glossary-file.ts';
import { findTerms, isGlossaryFile, type TermMatcher } from '../lib/glossary.ts';
import { contentPath, pageRecord } from '../markdown/page-record.ts';

/** Options of {@link remarkGlossary}. */
export interface Options {
  /** Absolute path of the content root, where `GLOSSARY.md` is looked for. */
  contentRoot: string;
}

// Never link inside these: headings, code, existing links, raw HTML, MDX and link definitions.
const SKIP = new Set([
  'heading',
  'code',
  'inlineCode',
  'link',
  'linkReference',
  'definition',
  'html',
  'image',
  'imageReference',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxjsEsm',
  'yaml',
]);

/**
 * Links the first mention of each glossary term in a page's prose to its entry in `GLOSSARY.md`, as a
 * relative Markdown link (so the link plugins rewrite and check it like any other), and records the
 * ids of the terms the page uses. Does nothing without a glossary, and never in the glossary itself.
 */
export function remarkGlossary(options: Options) {
  let glossary: LoadedGlossary | undefined;
  return (tree: Root, file: VFile) => {
    const from = contentPath(file, options.contentRoot);
    glossary = loadGlossary(options.contentRoot, glossary);
    if (from === undefined || !glossary?.matcher || isGlossaryFile(from)) return;
    const used = new Set<string>();
    const href = relativeFrom(from, glossary.file);
    linkTerms(tree, glossary.matcher, used, href);
    if (used.size > 0) pageRecord(file).glossaryTerms = [...used];
  };
}

// Inline raw HTML arrives as separate opening and closing tags around text: text inside these stays as written.
const RAW_OPEN = /^<(a|code|kbd|pre|samp|h[1-6])(?=[\s>])/i;
const RAW_CLOSE = /^<\/(a|code|kbd|pre|samp|h[1-6])\s*>/i;

function linkTerms(parent: Parent, matcher: TermMatcher, used: Set<string>, href: string): void {
  const children: RootContent[] = [];
  let insideRaw = 0;
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'html')
      insideRaw = Math.max(0, insideRaw + (RAW_OPEN.test(child.value) ? 1 : 0) - (RAW_CLOSE.test(child.value) ? 1 : 0));
    if (child.type === 'text' && insideRaw === 0) children.push(...splitText(child, matcher, used, href));
    else {
      if (!SKIP.has(child.type) && 'children' in child) linkTerms(child, matcher, used, href);
      children.push(child);
    }
  }
  parent.children = children as Parent['children'];
}

function splitText(node: Text, matcher: TermMatcher, used: Set<string>, href: string): (Text | Link)[] {
  const hits = findTerms(node.value, matcher, used);
  if (hits.length === 0) return [node];
  const out: (Text | Link)[] = [];
  let at = 0;
  const start = node.position?.start;
  for (const hit of hits) {
    if (hit.start > at) out.push({ type: 'text', value: node.value.slice(at, hit.start) });
    const value = node.value.slice(hit.start, hit.end);
    // A position makes the link plugins treat it as written in the page (rewritten once, reported at a line).
    const position = start && linkPosition(start, node.value.slice(0, hit.start), hit.end - hit.start);
    out.push({ type: 'link', url: `${href}#${hit.term.id}`, children: [{ type: 'text', value }], ...(position ? { position } : {}) });
    at = hit.end;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

// Where the mention starts in the source (exact unless the text before it was escaped), for reports and the link plugins.
function linkPosition(start: Point, before: string, length: number): Position {
  const lines = before.split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length === 1 ? start.column + before.length : lines.at(-1)!.length + 1;
  const offset = start.offset === undefined ? undefined : start.offset + before.length;
  return {
    start: { line, column, offset },
    end: { line, column: column + length, offset: offset === undefined ? undefined : offset + length },
  };
}
