/**
 * Loads `items` with at most `concurrency` loads at a time and hands each result to `deliver` in the
 * items' order, as soon as it and every one before it are loaded. `deliver` returning false stops
 * it: no further load starts and nothing more is delivered. Returns whether every item was delivered.
 * Search uses it to show the first result rows while the later ones still load, and to stop asking
 * for rows of a query the reader has already typed past.
 */
export async function loadInOrder<T, R>(
  items: readonly T[],
  concurrency: number,
  load: (item: T, index: number) => Promise<R>,
  deliver: (result: R, index: number) => boolean,
): Promise<boolean> {
  const pending: Promise<R>[] = [];
  let started = 0;
  let delivered = 0;
  const startNext = () => {
    while (started < items.length && started - delivered < Math.max(1, concurrency)) {
      const index = started++;
      pending[index] = load(items[index]!, index);
      // Delivered in order below; a rejection is seen there, not reported here as unhandled.
      pending[index].catch(() => undefined);
    }
  };
  startNext();
  while (delivered < items.length) {
    const result = await pending[delivered]!;
    if (!deliver(result, delivered)) return false;
    delivered += 1;
    startNext();
  }
  return true;
}
