import type { Diagnostic } from '../lib/diagnostics.ts';
import { displayPath } from './preflight.ts';
import { buildState } from './store.ts';

/** Returns the current problems of one page (content-relative) in `astro dev`, after pending checks ran; none in a build. */
export async function devProblemsOf(contentRoot: string, file: string): Promise<Diagnostic[]> {
  const dev = buildState().dev;
  if (!dev || buildState().command !== 'dev') return [];
  await dev.settled;
  const shown = displayPath(contentRoot, file);
  return dev.diagnostics.filter((d) => d.file === shown);
}
