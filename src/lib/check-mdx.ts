import { isAbsolute, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

interface EsmNode {
  type: string;
  source?: { value?: unknown };
  loc?: { start: { line: number; column: number } };
}

/**
 * Checks an MDX page's body: it must parse, it may import only from `componentsDir`, and it may not
 * export code (MDX runs at build time and in the browser, so only maintainers' components may run).
 * `bodyLineOffset` turns body lines into file lines; `absPath` resolves relative imports.
 */
export function checkMdx(
  file: string,
  absPath: string,
  body: string,
  bodyLineOffset: number,
  componentsDir: string,
): { diagnostics: Diagnostic[]; fatal: boolean } {
  let tree: Root;
  try {
    tree = parser.parse(body) as Root;
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    const reason = (place.reason ?? place.message ?? String(error)).split('\n')[0];
    return {
      fatal: true,
      diagnostics: [
        diagnostic({
          file,
          line: (place.line ?? 1) + bodyLineOffset,
          column: place.column ?? 1,
          rule: 'mdx-syntax',
          severity: 'error',
          message: `MDX syntax error: ${reason}`,
        }),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    const program = node.data?.estree as { body: EsmNode[] } | undefined;
    for (const statement of program?.body ?? []) {
      // remark-mdx gives estree locations in document lines already.
      const line = (statement.loc?.start.line ?? node.position?.start.line ?? 1) + bodyLineOffset;
      const column = statement.loc ? statement.loc.start.column + 1 : 1;
      if (statement.type.startsWith('Export')) {
        diagnostics.push(
          diagnostic({ file, line, column, rule: 'mdx-export', severity: 'error', message: 'MDX pages may not export code' }),
        );
      } else if (statement.type === 'ImportDeclaration') {
        const source = String(statement.source?.value ?? '');
        const target = source.startsWith('.') ? resolve(absPath, '..', source) : undefined;
        const inside =
          target !== undefined && !relative(componentsDir, target).startsWith('..') && !isAbsolute(relative(componentsDir, target));
        if (!inside) {
          diagnostics.push(
            diagnostic({
              file,
              line,
              column,
              rule: 'mdx-import',
              severity: 'error',
              message: `\`${source}\` is outside src/components/; MDX pages may import only the site's components`,
            }),
          );
        }
      }
    }
  }
  return { diagnostics, fatal: diagnostics.length > 0 };
}
