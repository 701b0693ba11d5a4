/** The middle of a list of numbers (the mean of the two middle ones for an even count). */
export function median(list: readonly number[]): number {
  if (list.length === 0) throw new Error('median of an empty list');
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile `p` (0–100) of a list of numbers. */
export function percentile(list: readonly number[], p: number): number {
  if (list.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Median, smallest and largest of a list of numbers. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Returns the median and range of a non-empty list. */
export function spread(list: readonly number[]): Spread {
  return { median: median(list), min: Math.min(...list), max: Math.max(...list) };
}
