/** Keystrokes closer together than this are one burst (a paste, key repeat, a fast run of letters), searched once. */
export const BURST_MS = 40;

/**
 * Returns how long to wait before searching after a keystroke at `now` (ms): nothing when the keystroke before
 * it came at least `burstMs` earlier, or there was none, so a reader's keystroke searches at once; otherwise
 * `burstMs`, so that only the last query of a burst is searched (each keystroke of the burst restarts the wait).
 */
export function burstDelay(previous: number | undefined, now: number, burstMs = BURST_MS): number {
  return previous !== undefined && now - previous < burstMs ? burstMs : 0;
}
