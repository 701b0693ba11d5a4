import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileWhole } from '../data/atomic-file.ts';
import type { AnchorFix } from '../lib/check-links.ts';
import { respellHrefs } from '../lib/respell-anchors.ts';
import { outputFileOf } from '../lib/output-order.ts';
import { toRoute } from '../lib/routes.ts';

/**
 * Respells case-mismatched `#fragments` in the written pages: the link check learns the real heading
 * ids only after every page is rendered, so the change is made to the page files, once, at the end. A page is
 * replaced, not written in place: one a rebuild restored is a second name of Astro's copy of it (patches/astro+7.3.5.patch).
 */
export async function applyAnchorFixes(outDir: string, fixes: readonly AnchorFix[]): Promise<number> {
  const byFile = Map.groupBy(fixes, (fix) => fix.file);
  for (const [file, changes] of byFile) {
    const html = join(outDir, outputFileOf(toRoute(file)));
    writeFileWhole(html, respellHrefs(await readFile(html, 'utf8'), changes));
  }
  return fixes.length;
}
