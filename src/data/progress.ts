import { buildState } from './store.ts';

/** Returns whether progress lines are wanted: a build in an interactive terminal, not in CI. */
function wanted(): boolean {
  return buildState().command === 'build' && process.stderr.isTTY === true && !process.env.CI;
}

/** Returns a counter that shows `label done/total` on one terminal line, at most every 100 ms, and clears it at the end. */
export function progressLine(label: string, total: () => number): () => void {
  let done = 0;
  let shownAt = 0;
  return () => {
    done += 1;
    if (!wanted()) return;
    const all = total();
    const now = Date.now();
    if (done < all && now - shownAt < 100) return;
    shownAt = now;
    process.stderr.write(done >= all ? '\r\u001b[2K' : `\r\u001b[2K${label} ${done}/${all}`);
  };
}

/** Counts pages as their Markdown is rendered. */
export const markdownProgress = progressLine('Rendering Markdown', () => buildState().index?.pages.size ?? 0);

/** Counts pages as their HTML is written. */
export const pageProgress = progressLine('Writing pages', () => buildState().summary?.pages ?? 0);
