import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoreFlusher } from '../../src/data/store-flush.ts';

describe('createStoreFlusher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a burst of changes once, the settle time after the last', async () => {
    const flush = vi.fn(() => Promise.resolve());
    const flusher = createStoreFlusher(flush, () => undefined, { settleMs: 20, spacingMs: 0, now: Date.now });
    flusher.changed();
    await vi.advanceTimersByTimeAsync(15);
    flusher.changed();
    await vi.advanceTimersByTimeAsync(15);
    expect(flush).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('writes nothing while a render runs, and writes once the last render ended', async () => {
    const flush = vi.fn(() => Promise.resolve());
    const flusher = createStoreFlusher(flush, () => undefined, { settleMs: 20, spacingMs: 0, now: Date.now });
    const endFirst = flusher.begin();
    const endSecond = flusher.begin();
    flusher.changed();
    await vi.advanceTimersByTimeAsync(100);
    endFirst();
    // Ending the same render twice counts once.
    endFirst();
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).not.toHaveBeenCalled();
    endSecond();
    await vi.advanceTimersByTimeAsync(20);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when nothing changed', async () => {
    const flush = vi.fn(() => Promise.resolve());
    const flusher = createStoreFlusher(flush, () => undefined, { settleMs: 20, spacingMs: 0, now: Date.now });
    flusher.begin()();
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).not.toHaveBeenCalled();
  });

  it('writes a change made during a write with a second write after it', async () => {
    let finish = () => {};
    const flush = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const flusher = createStoreFlusher(flush, () => undefined, { settleMs: 20, spacingMs: 0, now: Date.now });
    flusher.changed();
    await vi.advanceTimersByTimeAsync(20);
    flusher.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(20);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('reports a failed write and still writes later changes', async () => {
    const error = new Error('disk full');
    const flush = vi.fn().mockRejectedValueOnce(error).mockResolvedValue(undefined);
    const onError = vi.fn();
    const flusher = createStoreFlusher(flush, onError, { settleMs: 20, spacingMs: 0, now: Date.now });
    flusher.changed();
    await vi.advanceTimersByTimeAsync(20);
    expect(onError).toHaveBeenCalledWith(error);
    flusher.changed();
    await vi.advanceTimersByTimeAsync(20);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('starts a write no sooner than the spacing after the previous one started, and at once after a quiet spell', async () => {
    const flush = vi.fn(() => Promise.resolve());
    const flusher = createStoreFlusher(flush, () => undefined, { settleMs: 20, spacingMs: 500, now: Date.now });
    flusher.changed();
    await vi.advanceTimersByTimeAsync(20);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    flusher.changed();
    // The first write started at 20 ms: the second starts at 520 ms, not 20 ms after this change at 120 ms.
    await vi.advanceTimersByTimeAsync(399);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flush).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    flusher.changed();
    await vi.advanceTimersByTimeAsync(20);
    expect(flush).toHaveBeenCalledTimes(3);
  });
});
