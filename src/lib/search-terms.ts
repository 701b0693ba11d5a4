import { queryWords, STOP_WORDS } from './search-query.ts';

/** Returns text as lowercase words separated by single spaces, for whole-word matching. */
export function normalizeText(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

// Synonym terms are few and asked about for every page: each is normalized once per process, into the two
// whole-word forms looked for (singular and plural, space-padded), or none when nothing is left of it.
const normalizedTerms = new Map<string, readonly [string, string] | undefined>();

// `padded` is the haystack with a space at each end, so no string is built per call.
function names(padded: string, term: string): boolean {
  let needles = normalizedTerms.get(term);
  if (!normalizedTerms.has(term)) {
    const needle = normalizeText(term);
    normalizedTerms.set(term, (needles = needle === '' ? undefined : [` ${needle} `, ` ${needle}s `]));
  }
  return needles !== undefined && (padded.includes(needles[0]) || padded.includes(needles[1]));
}

/** The extra names a page is indexed under, by how strongly they count. */
export interface SearchAliases {
  /** Frontmatter `aliases` and synonyms of the title: they count like a title word. */
  strong: string[];
  /** Synonyms of the page's headings: they count like a heading. */
  weak: string[];
}

// Which terms a text may name, by the word the text must contain where the term starts: a term's first word, and for a
// term of one word its plural as well. Built once per list of groups; a text's words then find the few terms to check.
const termsByFirstWord = new WeakMap<readonly (readonly string[])[], Map<string, string[]>>();

function firstWordIndex(groups: readonly (readonly string[])[]): Map<string, string[]> {
  let index = termsByFirstWord.get(groups);
  if (index) return index;
  index = new Map();
  for (const term of new Set(groups.flat())) {
    const words = normalizeText(term).split(' ');
    if (words[0] === '') continue;
    for (const key of words.length === 1 ? [words[0]!, `${words[0]}s`] : [words[0]!]) index.set(key, [...(index.get(key) ?? []), term]);
  }
  termsByFirstWord.set(groups, index);
  return index;
}

function synonymsOf(text: string, groups: readonly (readonly string[])[], skip: string): string[] {
  const paddedText = ` ${text} `;
  const paddedSkip = ` ${skip} `;
  const index = firstWordIndex(groups);
  const named = new Set<string>();
  for (const word of new Set(text.split(' ')))
    for (const term of index.get(word) ?? []) if (!named.has(term) && names(paddedText, term)) named.add(term);
  const out: string[] = [];
  if (named.size === 0) return out;
  for (const group of groups) {
    if (!group.some((term) => named.has(term))) continue;
    for (const term of group) if (!names(paddedSkip, term)) out.push(term);
  }
  return out;
}

/**
 * Returns the extra names a page is indexed under: its own frontmatter `aliases` and the other
 * members of each synonym group its title names (plural included), then those its headings name.
 * Terms the title or headings already contain are left out; neither list repeats a term.
 */
export function searchAliases(
  input: { title: string; headings: readonly string[]; aliases?: readonly string[] | undefined },
  groups: readonly (readonly string[])[],
): SearchAliases {
  const title = normalizeText(input.title);
  const all = [title, ...input.headings.map(normalizeText)].join(' | ');
  const strong = new Set([...(input.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''), ...synonymsOf(title, groups, all)]);
  const weak = new Set(synonymsOf(all, groups, all).filter((term) => !strong.has(term)));
  return { strong: [...strong], weak: [...weak] };
}

/** What the vocabulary learns from one page. */
export interface VocabularySource {
  title: string;
  headings: readonly string[];
  aliases: readonly string[];
}

/**
 * Returns the site's own words for typo suggestions (titles, headings, aliases, extra terms such as
 * glossary entries), most frequent first; a title or alias word counts three times a heading word.
 * Short words, numbers and common words are left out.
 */
export function buildVocabulary(pages: readonly VocabularySource[], extraTerms: readonly string[] = []): string[] {
  const weight = new Map<string, number>();
  const add = (text: string, by: number) => {
    for (const word of queryWords(text)) {
      if (word.length < 3 || /^\d+$/.test(word) || STOP_WORDS.has(word)) continue;
      weight.set(word, (weight.get(word) ?? 0) + by);
    }
  };
  for (const page of pages) {
    add(page.title, 3);
    for (const alias of page.aliases) add(alias, 3);
    for (const heading of page.headings) add(heading, 1);
  }
  for (const term of extraTerms) add(term, 1);
  return [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}
