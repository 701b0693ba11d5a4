import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { extractCodeBlocks } from '../lib/code-blocks.ts';
import { scanContent } from '../data/scan-content.ts';
import { checkBlocks, type CheckedBlock, type CodeProblem, type FileBlock, type Tools } from './check-blocks.ts';

/** Reads every page of a content tree once and checks all its code blocks; paths are shown relative to `cwd`. */
export async function checkContent(
  contentRoot: string,
  cwd: string,
  tools: Tools = {},
): Promise<{ problems: CodeProblem[]; results: CheckedBlock[] }> {
  const blocks: FileBlock[] = [];
  for (const page of scanContent(contentRoot).pageFiles) {
    const abs = join(contentRoot, page);
    const rel = relative(cwd, abs);
    const file = rel.startsWith('..') ? abs : rel;
    const source = await readFile(abs, 'utf8');
    blocks.push(...extractCodeBlocks(source).map((block) => ({ ...block, file })));
  }
  return checkBlocks(blocks, tools);
}
