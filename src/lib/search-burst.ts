/** Keystrokes closer together than this are one burst (a paste, key repeat, a fast run of letters). */
export const BURST_MS = 40;

/**
 * Returns how long to wait, from `now` (ms), before preparing the excerpts of the query typed by the keystroke
 * at `last`: nothing when that keystroke came at least `burstMs` after the one before it (`previous`), or there
 * was none (a query set without typing), so a reader's keystroke gets its excerpts at once; otherwise until
 * `burstMs` after it, so that of a burst only the last query's excerpts are prepared. Excerpts are the
 * expensive part of a result (about 10 ms each in Pagefind's worker): a burst's part-typed queries would
 * otherwise fill the worker, and the searches of the letters after them would queue behind.
 */
export function settleDelay(previous: number | undefined, last: number | undefined, now: number, burstMs = BURST_MS): number {
  if (previous === undefined || last === undefined || last - previous >= burstMs) return 0;
  return Math.max(0, last + burstMs - now);
}
