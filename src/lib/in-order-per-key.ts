/**
 * Returns a function that passes each promise through, but resolves (or rejects) the promises of one key in the
 * order they were passed: a later one waits for every earlier one of its key to settle. Different keys do not wait
 * for each other, and a key with nothing pending is forgotten.
 */
export function inOrderPerKey(): <T>(key: string, work: Promise<T>) => Promise<T> {
  const last = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: Promise<T>): Promise<T> => {
    const before = last.get(key);
    const ordered = before ? before.then(() => work) : work;
    const settled = ordered.then(
      () => undefined,
      () => undefined,
    );
    last.set(key, settled);
    void settled.then(() => {
      if (last.get(key) === settled) last.delete(key);
    });
    return ordered;
  };
}
