import { renderPage, type CorpusFile } from './corpus-page.ts';
import { planCorpus } from './corpus-tree.ts';

/** The seed every benchmark corpus is generated from unless another is asked for. */
export const DEFAULT_SEED = 'handbook-bench-1';

/** Yields every file of a corpus of `pages` pages (Markdown pages first in each group, then their images), in a fixed order. */
export function* corpusFiles(pages: number, seed = DEFAULT_SEED): Generator<CorpusFile> {
  const plan = planCorpus(pages, seed);
  for (const page of plan.pages) yield* renderPage(plan, page, seed);
}
