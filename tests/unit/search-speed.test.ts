import { describe, expect, it } from 'vitest';
import { loadInOrder } from '../../src/lib/load-in-order.ts';
import { cachedPromise, LruCache } from '../../src/lib/search-cache.ts';
import { BURST_MS, settleDelay } from '../../src/lib/search-burst.ts';
import { pageAddress, pageTable, readPageTable } from '../../src/lib/search-pages.ts';
import { StaleQuery, unlessStale } from '../../src/lib/search-stale.ts';

/** A promise with its settling functions, so a test decides when each load finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('LruCache', () => {
  it('forgets the least recently used entry beyond its limit, a read counting as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
  it('keeps one entry per key when a key is stored again, and forgets a deleted key', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    cache.set('b', 3);
    expect([cache.get('a'), cache.size]).toEqual([2, 2]);
    cache.delete('a');
    expect([cache.get('a'), cache.size]).toEqual([undefined, 1]);
  });
});

describe('cachedPromise', () => {
  it('loads a key once and hands every caller the same promise', async () => {
    const cache = new LruCache<string, Promise<string>>(4);
    let loads = 0;
    const load = async () => `result ${++loads}`;
    const first = cachedPromise(cache, 'kubernetes', load);
    expect(cachedPromise(cache, 'kubernetes', load)).toBe(first);
    expect(await first).toBe('result 1');
    expect(loads).toBe(1);
  });
  it('forgets a failed load, so the next call tries again', async () => {
    const cache = new LruCache<string, Promise<string>>(4);
    await expect(cachedPromise(cache, 'q', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    await tick();
    expect(await cachedPromise(cache, 'q', async () => 'found')).toBe('found');
  });
});

describe('loadInOrder', () => {
  it('delivers each result in order as soon as it and those before it are loaded', async () => {
    const loads = [deferred<string>(), deferred<string>(), deferred<string>()];
    const delivered: string[] = [];
    const done = loadInOrder(
      [0, 1, 2],
      3,
      (i) => loads[i]!.promise,
      (result) => (delivered.push(result), true),
    );
    loads[1]!.resolve('b');
    await tick();
    expect(delivered).toEqual([]);
    loads[0]!.resolve('a');
    await tick();
    expect(delivered).toEqual(['a', 'b']);
    loads[2]!.resolve('c');
    expect(await done).toBe(true);
    expect(delivered).toEqual(['a', 'b', 'c']);
  });
  it('has at most `concurrency` loads under way, starting the next as one is delivered', async () => {
    const loads = [0, 1, 2, 3].map(() => deferred<number>());
    const started: number[] = [];
    const done = loadInOrder(
      [0, 1, 2, 3],
      2,
      (i) => (started.push(i), loads[i]!.promise),
      () => true,
    );
    expect(started).toEqual([0, 1]);
    loads[1]!.resolve(1);
    await tick();
    expect(started).toEqual([0, 1]);
    loads[0]!.resolve(0);
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    loads[2]!.resolve(2);
    loads[3]!.resolve(3);
    expect(await done).toBe(true);
  });
  it('stops starting and delivering once a delivery returns false', async () => {
    const started: number[] = [];
    const delivered: number[] = [];
    const complete = await loadInOrder(
      [0, 1, 2, 3, 4],
      2,
      async (i) => (started.push(i), i),
      (i) => (delivered.push(i), i < 1),
    );
    expect(complete).toBe(false);
    expect(delivered).toEqual([0, 1]);
    expect(started).toEqual([0, 1, 2]);
  });
  it('rejects with the first failed load in order, and delivers nothing after it', async () => {
    const delivered: number[] = [];
    const run = loadInOrder(
      [0, 1, 2],
      3,
      (i) => (i === 1 ? Promise.reject(new Error('fragment 1 failed')) : Promise.resolve(i)),
      (i) => (delivered.push(i), true),
    );
    await expect(run).rejects.toThrow('fragment 1 failed');
    expect(delivered).toEqual([0]);
  });
  it('delivers nothing and completes for no items', async () => {
    expect(
      await loadInOrder(
        [],
        3,
        async () => 1,
        () => false,
      ),
    ).toBe(true);
  });
});

describe('unlessStale', () => {
  it('resolves with the search result while the reader has not typed past the query', async () => {
    await expect(unlessStale('kube', () => false, Promise.resolve(['k8s']))).resolves.toEqual(['k8s']);
  });

  it('rejects with StaleQuery, naming the query, when the reader typed on while the search ran', async () => {
    let typed = 'kube';
    const search = deferred<string[]>();
    const step = unlessStale('kube', () => typed !== 'kube', search.promise);
    typed = 'kubernetes';
    search.resolve(['k8s']);
    const error = await step.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleQuery);
    expect((error as StaleQuery).query).toBe('kube');
    expect((error as StaleQuery).message).toBe('The query "kube" was typed past.');
  });

  it('asks whether the query is stale only once the search has settled, and passes a failed search on', async () => {
    let asked = 0;
    const search = deferred<string[]>();
    const step = unlessStale('kube', () => (asked++, false), search.promise);
    await tick();
    expect(asked).toBe(0);
    search.reject(new Error('offline'));
    await expect(step).rejects.toThrow('offline');
    expect(asked).toBe(0);
  });
});

describe('settleDelay', () => {
  it('prepares the excerpts at once for a keystroke after a pause of at least the burst gap, the first one, or no keystroke', () => {
    expect(settleDelay(undefined, undefined, 1000)).toBe(0);
    expect(settleDelay(undefined, 1000, 1001)).toBe(0);
    expect(settleDelay(1000, 1000 + BURST_MS, 1000 + BURST_MS + 1)).toBe(0);
    expect(settleDelay(1000, 1120, 1121)).toBe(0);
  });

  it('waits until the burst gap has passed since a keystroke that followed the one before more closely', () => {
    expect(settleDelay(1000, 1005, 1005)).toBe(BURST_MS);
    expect(settleDelay(1000, 1005, 1015)).toBe(BURST_MS - 10);
    expect(settleDelay(1000, 1000 + BURST_MS - 1, 1000 + BURST_MS - 1)).toBe(BURST_MS);
    expect(settleDelay(1000, 1010, 1010, 25)).toBe(25);
  });

  it('does not wait once the burst gap has passed since the last keystroke of a burst', () => {
    expect(settleDelay(1000, 1005, 1005 + BURST_MS)).toBe(0);
    expect(settleDelay(1000, 1005, 2000)).toBe(0);
  });
});

describe('the page table of search results', () => {
  const pages = [
    { id: 'en_b2', url: '/guide/docker/', title: 'Docker' },
    { id: 'en_a1', url: '/', title: 'DevOps Handbook' },
  ];

  it('writes each page as [address, title] under its Pagefind id, ids in order whatever order the pages came in', () => {
    expect(JSON.stringify(pageTable(pages))).toBe('{"en_a1":["/","DevOps Handbook"],"en_b2":["/guide/docker/","Docker"]}');
    expect(JSON.stringify(pageTable([...pages].reverse()))).toBe(JSON.stringify(pageTable(pages)));
  });

  it('joins the base and an address as Pagefind does, with one slash between them', () => {
    expect(pageAddress('/', '/guide/docker/')).toBe('/guide/docker/');
    expect(pageAddress('/handbook/', '/guide/docker/')).toBe('/handbook/guide/docker/');
    expect(pageAddress('/handbook', 'guide/docker/')).toBe('/handbook/guide/docker/');
  });

  it('reads the table back with addresses under the base, leaving out entries of another shape', () => {
    const table = { ...pageTable(pages), en_c3: ['/only-url/'], en_d4: 'Docker', en_e5: [1, 'One'] };
    expect([...readPageTable(table, '/handbook/')]).toEqual([
      ['en_a1', { url: '/handbook/', title: 'DevOps Handbook' }],
      ['en_b2', { url: '/handbook/guide/docker/', title: 'Docker' }],
    ]);
  });

  it('reads anything but an object as an empty table', () => {
    for (const json of [undefined, null, 'pages', [['/', 'Home']]]) expect(readPageTable(json, '/').size).toBe(0);
  });
});
