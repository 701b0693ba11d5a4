import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { planCheck } from '../lib/code-checks.ts';

/** Returns the key under which a code block's check is recorded: its start line and column in the page. */
export function codeCheckKey(position: { line: number; column: number } | undefined): string | undefined {
  return position ? `${position.line}:${position.column}` : undefined;
}

/**
 * Records, in `file.data.codeChecks`, what `npm run check:code` checks each fenced block with
 * (the shared rule of `src/lib/code-checks.ts`), keyed by the block's position, for
 * rehype-code-blocks to label. The info string is gone by then, and an opt-out lives there.
 */
export function remarkCodeChecks() {
  return (tree: Root, file: VFile) => {
    const checks: Record<string, string> = {};
    visit(tree, 'code', (node) => {
      const key = codeCheckKey(node.position?.start);
      const plan = planCheck(node.lang ?? '', node.meta ?? '', node.value);
      if (key && plan.type === 'check') checks[key] = plan.label;
    });
    file.data.codeChecks = checks;
  };
}

declare module 'vfile' {
  interface DataMap {
    /** Labels of the validators of a page's code blocks, by block position (see {@link codeCheckKey}). */
    codeChecks: Record<string, string>;
  }
}
