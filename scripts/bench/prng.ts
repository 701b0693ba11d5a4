/** A seeded pseudo-random source: the same seed always gives the same sequence (never Math.random). */
export interface Random {
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Returns one element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** Returns an index in [0, size) skewed towards 0, as word frequencies are (roughly Zipf). */
  skewed(size: number): number;
  /** Returns true with probability p. */
  chance(p: number): boolean;
}

/** Returns a 32-bit hash of a text (FNV-1a), to derive independent seeds from names. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Returns a mulberry32 generator seeded with `seed` (a number, or a text that is hashed). */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    skewed: (size) => Math.min(size - 1, Math.floor(size * next() ** 2.5)),
    chance: (p) => next() < p,
  };
}
