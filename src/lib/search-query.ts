/** Words a learner adds to a question that say nothing about the topic ("how do I …", "what is a …"). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by can could do does did for from get how i if in into is it its me my of on or ' +
    'should so than that the their then there these this to use used using was we what when where which who why ' +
    'will with would you your about after before between without vs versus keep keeps still always really need want best way'
  ).split(' '),
);

/** One attempt at a query: every word, the topic words only, or any single word. */
export interface SearchStep {
  type: 'all' | 'topic' | 'any';
  /** The query Pagefind runs (for `any`, one search per term). */
  terms: string[];
}

/** Returns the lowercase words of a query, in order, without repeats. */
export function queryWords(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’+#]*/gu) ?? [];
  return [...new Set(words.map((w) => w.replace(/['’]s$/, '').replace(/['’]/g, '')))].filter((w) => w !== '');
}

/** Returns the words of a query that carry its topic: without common and question words (all of them, if nothing is left). */
export function topicWords(query: string): string[] {
  const words = queryWords(query);
  const topic = words.filter((w) => !STOP_WORDS.has(w));
  return topic.length > 0 ? topic : words;
}

/**
 * Returns the searches to try in order until one finds a page: every word as typed, then the topic
 * words, then any one of them. Words no page has (`unknown`) are left out of every step, so one
 * unmatched word never empties the list.
 */
export function fallbackSteps(query: string, unknown: ReadonlySet<string> = new Set()): SearchStep[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const steps: SearchStep[] = [];
  const words = queryWords(trimmed);
  if (!words.some((w) => unknown.has(w))) steps.push({ type: 'all', terms: [trimmed] });
  const topic = topicWords(trimmed).filter((w) => !unknown.has(w));
  if (topic.length > 0 && topic.length < words.length) steps.push({ type: 'topic', terms: [topic.join(' ')] });
  if (topic.length > 1) steps.push({ type: 'any', terms: topic });
  return steps;
}

/** One page found by one search. */
export interface ScoredId {
  id: string;
  score: number;
}

/** A page found by the `any` step, with how many of the words it has. */
export interface MergedResult extends ScoredId {
  matched: number;
}

/** Returns the union of one search per word: pages with more of the words first, then by summed score. */
export function mergeAnyResults(perTerm: readonly (readonly ScoredId[])[]): MergedResult[] {
  const merged = new Map<string, MergedResult>();
  for (const results of perTerm) {
    for (const { id, score } of results) {
      const seen = merged.get(id);
      if (seen) {
        seen.matched += 1;
        seen.score += score;
      } else merged.set(id, { id, score, matched: 1 });
    }
  }
  return [...merged.values()].sort((a, b) => b.matched - a.matched || b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** Returns the sentence above results that did not match the query as typed, or undefined when they did. */
export function fallbackNotice(query: string, step: SearchStep): string | undefined {
  const asked = `No page has all of ‘${query.trim()}’.`;
  if (step.type === 'topic') return `${asked} Pages with ‘${step.terms[0]}’:`;
  if (step.type === 'any') return `${asked} Pages with some of these words:`;
  return undefined;
}

/**
 * Returns the last word of a query, the one being typed, when it begins a word of the site's vocabulary without
 * being one (`kubern` of `kubernetes`), or undefined. Pagefind matches a query's last word as the beginning of
 * longer words, so such a word is searched as typed rather than taken for a word no page has.
 */
export function wordBeingTyped(query: string, vocabulary: readonly string[]): string | undefined {
  const last = queryWords(query).at(-1);
  if (last === undefined || last.length < 3 || STOP_WORDS.has(last)) return undefined;
  return vocabulary.some((word) => word.length > last.length && word.startsWith(last)) ? last : undefined;
}
