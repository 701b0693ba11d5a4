import { describe, expect, it } from 'vitest';
import { inOrderPerKey } from '../../src/lib/in-order-per-key.ts';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

describe('inOrderPerKey', () => {
  it('settles the promises of one key in the order passed, even when a later one finishes first', async () => {
    const order = inOrderPerKey();
    const seen: string[] = [];
    const old = deferred<string>();
    const fresh = deferred<string>();
    const a = order('page.md', old.promise).then((v) => seen.push(v));
    const b = order('page.md', fresh.promise).then((v) => seen.push(v));
    fresh.resolve('new text');
    await new Promise((done) => setTimeout(done, 10));
    expect(seen).toEqual([]);
    old.resolve('old text');
    await Promise.all([a, b]);
    expect(seen).toEqual(['old text', 'new text']);
  });

  it('lets other keys through at once, and a rejection hold up only the later ones of its key until it settles', async () => {
    const order = inOrderPerKey();
    const seen: string[] = [];
    const failing = deferred<string>();
    const a = order('a.md', failing.promise).catch((e: Error) => seen.push(`a failed: ${e.message}`));
    const b = order('a.md', Promise.resolve('a again')).then((v) => seen.push(v));
    await order('b.md', Promise.resolve('b')).then((v) => seen.push(v));
    expect(seen).toEqual(['b']);
    failing.reject(new Error('boom'));
    await Promise.all([a, b]);
    expect(seen).toEqual(['b', 'a failed: boom', 'a again']);
  });
});
