import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireBuildLock } from '../../scripts/build-lock.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A pid that no process has: above Linux's largest (4,194,304). */
const GONE = 4_194_399;

describe('the build lock', () => {
  it('lets waiters in the order they asked, one at a time, and leaves no ticket behind', async () => {
    root = mkdtempSync(join(tmpdir(), 'handbook-lock-'));
    const order: string[] = [];
    const first = await acquireBuildLock(root);
    // Waiters look every 200 ms: the second at 0, 200, 400, 600 ms, the third at 100, 300, 500 ms. Released at about
    // 410 ms, the lock would go to the third, which looks first after it, if they did not take turns.
    const second = acquireBuildLock(root).then((release) => (order.push('second'), release));
    await new Promise((done) => setTimeout(done, 100));
    const third = acquireBuildLock(root).then((release) => (order.push('third'), release));
    await new Promise((done) => setTimeout(done, 310));
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(readdirSync(join(root, 'node_modules/.astro/build.lock.queue'))).toEqual([]);
  });

  it('clears the lock and the ticket of a process that has ended', async () => {
    root = mkdtempSync(join(tmpdir(), 'handbook-lock-'));
    const base = join(root, 'node_modules/.astro');
    mkdirSync(join(base, 'build.lock'), { recursive: true });
    writeFileSync(join(base, 'build.lock/pid'), String(GONE));
    mkdirSync(join(base, 'build.lock.queue'));
    writeFileSync(join(base, 'build.lock.queue', `${'0'.repeat(20)}-${GONE}-0`), '');
    const release = await acquireBuildLock(root);
    release();
    expect(readdirSync(base).sort()).toEqual(['build.lock.queue']);
  });
});
