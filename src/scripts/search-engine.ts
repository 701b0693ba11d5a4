import { cachedPromise, LruCache } from '../lib/search-cache.ts';
import { facetsByPage, type FacetChoice, type PageFacets } from '../lib/search-facets.ts';
import {
  fallbackNotice,
  fallbackSteps,
  mergeAnyResults,
  queryWords,
  topicWords,
  wordBeingTyped,
  type SearchStep,
} from '../lib/search-query.ts';
import { VOCABULARY_FILE } from '../lib/search-link.ts';
import { PAGES_FILE, readPageTable, type PageHead } from '../lib/search-pages.ts';
import { unlessStale, type Stale } from '../lib/search-stale.ts';
import { suggestQuery } from '../lib/search-suggest.ts';
import { holdOfflineCopy } from './offline-hold.ts';
import { startPagefind, startedPagefind } from './search-start.ts';

/** A part of a page that matched, as Pagefind describes it. */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { balanced_score: number }[];
}

/** What Pagefind loads for one result. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: SubResult[];
}

/** One page found, its data loaded on demand. */
export interface Hit {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

interface PagefindSearch {
  results: Hit[];
}

/** The part of Pagefind's API the search uses. */
export interface Pagefind {
  options(options: { baseUrl: string; ranking?: { metaWeights?: Record<string, number> } }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch | null>;
  preload(query: string): Promise<void>;
}

/** Each page's section and level, and the values the filters offer. */
export interface Facets {
  byPage: Map<string, PageFacets>;
  sections: string[];
  levels: string[];
}

/** Pagefind with what the search adds: the site's vocabulary, each page's address and title, and the facets. */
export interface Engine {
  pagefind: Pagefind;
  vocabulary: string[];
  /** Each indexed page's address and title by Pagefind's id, once loaded: a row shows with them before its excerpt is ready. */
  pages: Map<string, PageHead>;
  /** Loads the facets once. Call it after the first results: its searches would queue before them in Pagefind's worker. */
  facets(): Promise<Facets>;
}

/** What one query found. */
export interface Outcome {
  query: string;
  /** The query whose results are shown: the query itself, or a suggestion run because the query found nothing. */
  shown: string;
  step: SearchStep | undefined;
  hits: Hit[];
  /** The sentence above the results when they are not for every word as typed. */
  notice?: string | undefined;
  /** A corrected query to offer ("Did you mean …?"). */
  suggestion?: string | undefined;
}

let loading: Promise<Engine> | undefined;

/** Loads Pagefind, the page facets and the vocabulary once; a failed load is forgotten, so the next call tries again. */
export function loadEngine(base: string): Promise<Engine> {
  if (!loading) {
    loading = load(base);
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

async function load(base: string): Promise<Engine> {
  holdOfflineCopy(true);
  const vocabulary = loadJson(base, VOCABULARY_FILE);
  // The page table grows with the site (about 90 bytes a page): search does not wait for it. Until it is in,
  // each row shows once its excerpt is ready.
  const pages = new Map<string, PageHead>();
  void loadJson(base, PAGES_FILE).then((table) => {
    for (const [id, head] of readPageTable(table, base)) pages.set(id, head);
  });
  const pagefind = await startPagefind(base);
  const words = await vocabulary;
  // Ready means the WebAssembly compiled and initialised: an empty query returns as soon as it is. Until then a
  // query waits in the worker (which checks every 50 ms), and a query typed meanwhile would queue behind the
  // first letters' search; this way the latest query runs once Pagefind is ready. The filter index loads after
  // the first rows (Engine.facets), and each query's index chunk as it is typed (preloadQuery).
  await pagefind.preload('').catch(() => undefined);
  let facets: Promise<Facets> | undefined;
  return {
    pagefind,
    vocabulary: Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [],
    pages,
    facets: () => (facets ??= loadFacets(pagefind)),
  };
}

async function loadFacets(pagefind: Pagefind): Promise<Facets> {
  const filters = await pagefind.filters();
  const values = Object.entries(filters).flatMap(([name, counts]) =>
    name === 'section' || name === 'level' ? Object.keys(counts).map((value) => ({ name: name as keyof FacetChoice, value })) : [],
  );
  const withIds = await Promise.all(
    values.map(async ({ name, value }) => ({
      name,
      value,
      ids: ((await pagefind.search(null, { filters: { [name]: value } }))?.results ?? []).map((r) => r.id),
    })),
  );
  const order = ['beginner', 'intermediate', 'advanced'];
  return {
    byPage: facetsByPage(withIds),
    sections: Object.keys(filters.section ?? {}).sort((a, b) => a.localeCompare(b)),
    levels: Object.keys(filters.level ?? {}).sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  };
}

/** Returns a JSON file the build writes beside Pagefind's, or undefined when it cannot load. */
async function loadJson(base: string, file: string): Promise<unknown> {
  try {
    const response = await fetch(`${base}${file}`);
    return response.ok ? ((await response.json()) as unknown) : undefined;
  } catch {
    // The vocabulary (suggestions) and the page table (rows before their excerpts) are a help, not the search:
    // without them, search works without suggestions, and each row waits for its excerpt.
    return undefined;
  }
}

// Searches already run, so a query typed again (a deleted letter, a fallback step shared by two queries) costs nothing.
const searches = new LruCache<string, Promise<Hit[]>>(64);

function hitsOf(engine: Engine, query: string): Promise<Hit[]> {
  return cachedPromise(searches, query, async () => (await engine.pagefind.search(query))?.results ?? []);
}

const loadedData = new WeakMap<Hit, Promise<ResultData>>();

/** Returns a result's data (title, excerpt, sub-results), loaded once per result. */
export function dataOf(hit: Hit): Promise<ResultData> {
  let data = loadedData.get(hit);
  if (!data) {
    data = hit.data();
    loadedData.set(hit, data);
    data.catch(() => loadedData.delete(hit));
  }
  return data;
}

async function runSteps(
  engine: Engine,
  query: string,
  unknown: ReadonlySet<string>,
  stale: Stale,
): Promise<{ step: SearchStep | undefined; hits: Hit[] }> {
  const topic = topicWords(query).join(' ');
  for (const step of fallbackSteps(query, unknown)) {
    if (step.type !== 'any') {
      const hits = await unlessStale(query, stale, hitsOf(engine, step.terms[0]!));
      // Some page has every word, but common and question words ("why does my …") only add noise: show the
      // pages with the topic words, ranked by them. They include every page with all the words, and the page
      // that answers the question in other words ("when a Pod keeps restarting" lacks "why" and "my").
      if (step.type === 'all' && hits.length > 0 && topic !== queryWords(query).join(' ')) {
        return { step, hits: await unlessStale(query, stale, hitsOf(engine, topic)) };
      }
      if (hits.length > 0) return { step, hits };
      continue;
    }
    const perTerm = await unlessStale(query, stale, Promise.all(step.terms.map((term) => hitsOf(engine, term))));
    const byId = new Map(perTerm.flat().map((hit) => [hit.id, hit]));
    const hits = mergeAnyResults(perTerm).map((m) => ({ ...byId.get(m.id)!, score: m.score }));
    return { step, hits };
  }
  return { step: undefined, hits: [] };
}

const exists = new Map<string, Promise<boolean>>();

/**
 * Returns the words of the query no page has. Pagefind answers a word it does not know with pages
 * that share its first letters, so each word is looked up exactly (quoted), once per session;
 * words of the vocabulary are known to be indexed, and so is a last word still being typed that
 * begins one of them (searched as the beginning of a word).
 */
async function unknownWords(engine: Engine, query: string): Promise<Set<string>> {
  const vocabulary = new Set(engine.vocabulary);
  const typing = wordBeingTyped(query, engine.vocabulary);
  const candidates = topicWords(query).filter((w) => !vocabulary.has(w) && w !== typing);
  const found = await Promise.all(
    candidates.map((w) => {
      if (!exists.has(w))
        exists.set(
          w,
          hitsOf(engine, `"${w}"`).then((hits) => hits.length > 0),
        );
      return exists.get(w)!;
    }),
  );
  return new Set(candidates.filter((_, i) => !found[i]));
}

/**
 * Runs a query with its fallbacks. Words no page has are left out and a spelling the site knows is
 * offered instead; when no word of the query is known, that spelling is searched at once. Throws
 * `StaleQuery` as soon as `stale()` says the reader has typed past the query, so the next one runs.
 */
export async function runQuery(engine: Engine, query: string, stale: Stale = () => false): Promise<Outcome> {
  // The searches the answer most likely needs (every word; the topic words of a question) start beside the
  // look-up of unknown words: when every word is known, they are the result.
  const topic = topicWords(query).join(' ');
  const likely = topic === queryWords(query).join(' ') ? [query.trim()] : [query.trim(), topic];
  for (const term of likely) hitsOf(engine, term).catch(() => undefined);
  const unknown = await unlessStale(query, stale, unknownWords(engine, query));
  const suggestion = unknown.size > 0 ? suggestQuery(query, engine.vocabulary, unknown) : undefined;
  if (suggestion && topicWords(query).every((w) => unknown.has(w))) {
    const corrected = await runSteps(engine, suggestion, new Set(), stale);
    const notice = `No page has ‘${query.trim()}’. Results for ‘${suggestion}’:`;
    return { query, shown: suggestion, step: corrected.step, hits: corrected.hits, notice };
  }
  const { step, hits } = await runSteps(engine, query, unknown, stale);
  return { query, shown: query, step, hits, notice: step && fallbackNotice(query, step), suggestion };
}

/** Starts loading the index chunks a query needs while the search before it still runs; does nothing before Pagefind has started. */
export function preloadQuery(query: string): void {
  if (query !== '') startedPagefind?.preload(query).catch(() => undefined);
}
