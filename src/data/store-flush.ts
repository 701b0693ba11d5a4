// Astro's dev server writes its data store 500 ms after the last change to it (SAVE_DEBOUNCE_MS in its
// mutable-data-store.js), and the browser reloads only once the store is written: after an edit, the page
// waited half a second for nothing. The content loader asks for the write as soon as its renders are done.
// Each write reloads the page, and a reload sent while the page is still loading from the one before (its
// HTML served, Vite's socket not yet connected) is lost: the page then shows the older text until the next
// save. Writes are therefore kept at least `spacingMs` apart, as far apart as Astro's own pause keeps them.

/** Asks for the data store to be written once the content loader's changes settle. */
export interface StoreFlusher {
  /** Marks a render as started; call the returned function when it ended (changes wait for running renders). */
  begin(): () => void;
  /** Notes that the store changed. */
  changed(): void;
}

/** When a {@link createStoreFlusher} writes. */
export interface FlushTiming {
  /** Quiet time after the last change before a write (default 20 ms). */
  settleMs?: number;
  /** Least time from the start of one write to the start of the next (default 500 ms). */
  spacingMs?: number;
  /** The clock, in milliseconds (default `performance.now`). */
  now?: () => number;
}

/**
 * Returns a flusher that calls `flush` `settleMs` after the last change, once no render is running and no
 * flush is under way, so a burst of changes (a branch switch) is written once rather than once per page, and
 * no sooner than `spacingMs` after the previous write started. A change during a flush is written by a flush
 * after it. `onError` gets a failed flush's error.
 */
export function createStoreFlusher(flush: () => Promise<void>, onError: (error: unknown) => void, timing: FlushTiming = {}): StoreFlusher {
  const { settleMs = 20, spacingMs = 500, now = () => performance.now() } = timing;
  let renders = 0;
  let dirty = false;
  let flushing = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    if (!dirty || renders > 0 || flushing) return;
    dirty = false;
    flushing = true;
    lastStart = now();
    flush()
      .catch(onError)
      .finally(() => {
        flushing = false;
        schedule();
      });
  };
  const schedule = () => {
    if (!dirty || renders > 0 || flushing) return;
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(settleMs, lastStart + spacingMs - now()));
    // A pending write never keeps the process alive.
    timer.unref();
  };
  return {
    begin: () => {
      renders += 1;
      clearTimeout(timer);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        renders -= 1;
        schedule();
      };
    },
    changed: () => {
      dirty = true;
      schedule();
    },
  };
}
