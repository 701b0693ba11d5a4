import { queryWords, STOP_WORDS } from './search-query.ts';

/** Returns the optimal-string-alignment distance: edits, with a swap of two neighbours counted as one. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Returns how many edits a word of this length may need to still count as a typo of another. */
export function allowedEdits(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Returns the vocabulary word closest to `word`, or undefined when none is close: fewest edits first,
 * then the same first letter, then the more frequent word (the vocabulary is ordered by frequency).
 */
export function suggestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const limit = allowedEdits(word);
  if (limit === 0) return undefined;
  let best: { word: string; rank: number[] } | undefined;
  vocabulary.forEach((candidate, frequencyRank) => {
    if (candidate === word) return;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) return;
    const rank = [distance, candidate[0] === word[0] ? 0 : 1, frequencyRank];
    if (!best || compareRanks(rank, best.rank) < 0) best = { word: candidate, rank };
  });
  return best?.word;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * Returns the query with each word the site does not know (`unknown`) replaced by its closest
 * vocabulary word, or undefined when nothing would change. Common words are left alone.
 */
export function suggestQuery(query: string, vocabulary: readonly string[], unknown: ReadonlySet<string>): string | undefined {
  const known = new Set(vocabulary);
  let changed = false;
  const words = queryWords(query).map((word) => {
    if (STOP_WORDS.has(word) || known.has(word) || !unknown.has(word)) return word;
    const better = suggestWord(word, vocabulary);
    if (!better) return word;
    changed = true;
    return better;
  });
  return changed ? words.join(' ') : undefined;
}
