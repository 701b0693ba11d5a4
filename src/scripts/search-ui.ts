import { loadInOrder } from '../lib/load-in-order.ts';
import { settleDelay } from '../lib/search-burst.ts';
import { applyFacets, countFacets, type FacetChoice } from '../lib/search-facets.ts';
import type { PageHead } from '../lib/search-pages.ts';
import { StaleQuery } from '../lib/search-stale.ts';
import {
  dataOf,
  loadEngine,
  preloadQuery,
  runQuery,
  type Facets,
  type Hit,
  type Outcome,
  type ResultData,
  type SubResult,
} from './search-engine.ts';
import { holdOfflineCopy } from './offline-hold.ts';

const PAGE_SIZE = 8;
// Rows whose data Pagefind's worker prepares at a time: the first rows show as soon as theirs is ready, and a
// keystroke's search waits behind at most this many rows of the query before it.
const ROWS_AT_ONCE = 3;

/** The search field, filters and results of one panel (the dialog's or the search page's). */
export interface SearchUI {
  input: HTMLInputElement;
  /** Runs the search for a query as if it had been typed. */
  setQuery(query: string): void;
}

/** Options of a panel. */
export interface SearchUIOptions {
  /** Called before a result opens and on Escape (the dialog closes itself). */
  onLeave?: () => void;
  /** Called with every query run (the search page keeps it in the address bar). */
  onQuery?: (query: string) => void;
}

/** The part of the page a result should open: the sub-section with the strongest match. */
function bestTarget(data: ResultData): SubResult | undefined {
  const score = (s: SubResult) => (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  return [...(data.sub_results ?? [])].sort((a, b) => score(b) - score(a))[0];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Adds a result's section and level below it, when its page has them. */
function addWhere(link: HTMLElement, facets: FacetChoice | undefined): void {
  const where = [facets?.section, facets?.level && capital(facets.level)].filter(Boolean).join(' · ');
  if (where) link.append(el('span', 'result-section', where));
}

/** Returns a result row with its page's title and address; {@link fillRow} adds the best match's heading and excerpt. */
function renderRow(head: PageHead, hit: Hit, facets: FacetChoice | undefined, id: string): HTMLLIElement {
  // The link itself is the option (a listbox option may not contain another interactive element).
  const li = document.createElement('li');
  li.setAttribute('role', 'none');
  const link = document.createElement('a');
  link.id = id;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.href = head.url;
  link.tabIndex = -1;
  link.append(el('span', 'result-title', head.title), el('span', 'result-excerpt'));
  // Until its excerpt comes (the style keeps its room, so the rows below do not jump).
  link.dataset.pending = '';
  // The page's id, so its section and level can be added when the filters load after the first rows.
  link.dataset.page = hit.id;
  addWhere(link, facets);
  li.append(link);
  return li;
}

/** Completes a row with what Pagefind prepared: the link to the best-matching part of the page, its heading and excerpt. */
function fillRow(link: HTMLAnchorElement, data: ResultData): void {
  if (link.dataset.pending === undefined) return;
  const target = bestTarget(data);
  link.href = target?.url ?? data.url;
  const title = data.meta.title ?? data.url;
  const titleLine = link.querySelector('.result-title')!;
  titleLine.textContent = title;
  if (target && target.title !== title) titleLine.after(el('span', 'result-heading', target.title));
  // Pagefind escapes the page text and only adds <mark> around matches.
  link.querySelector('.result-excerpt')!.innerHTML = target?.excerpt ?? data.excerpt;
  delete link.dataset.pending;
}

const headOf = (data: ResultData): PageHead => ({ url: data.url, title: data.meta.title ?? data.url });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Wires one search panel; the search code and index load on the first query (or earlier, when `preload` is called). */
export function createSearchUI(panel: HTMLElement, options: SearchUIOptions = {}): SearchUI {
  const base = panel.dataset.base ?? '/';
  const $ = <T extends Element>(selector: string) => panel.querySelector<T>(selector)!;
  const input = $<HTMLInputElement>('input[type="search"]');
  const list = $<HTMLElement>('.search-results');
  const filters = $<HTMLElement>('.search-filters');
  const sectionGroup = $<HTMLFieldSetElement>('.search-sections');
  const notice = $<HTMLElement>('.search-notice');
  const suggestion = $<HTMLElement>('.search-suggestion');
  // Built here, not in the markup: the status region's text is then only what applies to this query.
  const suggest = el('button', 'search-suggest') as HTMLButtonElement;
  suggest.type = 'button';
  const countLine = $<HTMLElement>('.search-count-line');
  const more = $<HTMLButtonElement>('.search-more');
  const prefix = input.id;
  const choice: FacetChoice = {};
  let outcome: Outcome | undefined;
  let facets: Facets | undefined;
  let pages = new Map<string, PageHead>();
  // When the last two keystrokes came (performance.now()): a burst's queries get their excerpts only once it ends.
  let lastKey: number | undefined;
  let previousKey: number | undefined;
  let visible: Hit[] = [];
  let shown = 0;
  let active = -1;
  let run = 0;
  let paint = 0;
  let searched: string | undefined;
  let searching = false;

  const setActive = (index: number) => {
    const items = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', items[active]!.id);
    items[active]!.scrollIntoView({ block: 'nearest' });
  };

  // Shows the next page of rows (or the first, on `reset`): at once with their pages' titles when the page table has
  // them all, then each row's heading and excerpt as soon as it and those above it are ready (otherwise each row
  // then). Excerpts wait until a burst of keystrokes ends: only the burst's last query needs them.
  const showMore = async (reset: boolean) => {
    const current = ++paint;
    const query = outcome?.query ?? '';
    const start = reset ? 0 : shown;
    const slice = visible.slice(start, start + PAGE_SIZE);
    list.setAttribute('aria-busy', 'true');
    more.hidden = true;
    // Rows stop coming once the reader has typed past this query: its search is next.
    const live = () => current === paint && input.value.trim() === query;
    const id = (i: number) => `${prefix}-result-${start + i}`;
    const heads = slice.map((hit) => pages.get(hit.id));
    const rows: (HTMLAnchorElement | undefined)[] = [];
    if (slice.length === 0 || heads.every((head) => head !== undefined)) {
      const items = slice.map((hit, i) => renderRow(heads[i]!, hit, facets?.byPage.get(hit.id), id(i)));
      // The list says which query it shows (set with its first row), for assistive technology and for tests.
      if (reset) {
        list.replaceChildren(...items);
        list.dataset.query = query;
      } else list.append(...items);
      items.forEach((item) => rows.push(item.firstElementChild as HTMLAnchorElement));
      shown = start + slice.length;
      input.setAttribute('aria-expanded', String(shown > 0));
    }
    for (
      let wait = settleDelay(previousKey, lastKey, performance.now());
      wait > 0;
      wait = settleDelay(previousKey, lastKey, performance.now())
    ) {
      await sleep(wait);
      if (!live()) return;
    }
    if (!live()) return;
    const complete = await loadInOrder(slice, ROWS_AT_ONCE, dataOf, (data, i) => {
      if (!live()) return false;
      let link = rows[i];
      if (!link) {
        const item = renderRow(headOf(data), slice[i]!, facets?.byPage.get(slice[i]!.id), id(i));
        if (reset && i === 0) {
          list.replaceChildren(item);
          list.dataset.query = query;
        } else list.append(item);
        link = item.firstElementChild as HTMLAnchorElement;
        shown = start + i + 1;
        input.setAttribute('aria-expanded', 'true');
      }
      fillRow(link, data);
      return true;
    });
    if (!complete || current !== paint) return;
    list.setAttribute('aria-busy', 'false');
    shown = start + slice.length;
    more.hidden = shown >= visible.length;
    more.textContent = `More results (${visible.length - shown} more)`;
    input.setAttribute('aria-expanded', String(shown > 0));
  };

  const addSectionRadios = (sections: readonly string[]) => {
    const template = sectionGroup.querySelector('label')!;
    for (const name of sections) {
      const label = template.cloneNode(true) as HTMLLabelElement;
      const radio = label.querySelector('input')!;
      radio.value = name;
      radio.checked = false;
      label.replaceChildren(radio, ` ${name} `, label.querySelector('.search-count')!);
      sectionGroup.append(label);
    }
  };

  // Radios are updated in place, so the one a keyboard user is on keeps its focus; values without results are hidden.
  const renderFilters = () => {
    if (!facets || !outcome) return;
    const { byPage, levels, sections } = facets;
    const counts = countFacets(outcome.hits, byPage, choice);
    filters.hidden = outcome.hits.length === 0 || (levels.length === 0 && sections.length === 0);
    for (const radio of filters.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      const facet = radio.closest<HTMLElement>('[data-facet]')!.dataset.facet as 'level' | 'section';
      const others = facet === 'level' ? { section: choice.section } : { level: choice.level };
      const n = radio.value === '' ? applyFacets(outcome.hits, byPage, others).length : (counts[facet].get(radio.value) ?? 0);
      const label = radio.closest('label')!;
      label.querySelector('.search-count')!.textContent = `(${n})`;
      label.hidden = radio.value !== '' && n === 0 && !radio.checked;
    }
    sectionGroup.hidden = sections.length === 0;
  };

  const render = async () => {
    if (!outcome) return;
    visible = facets ? applyFacets(outcome.hits, facets.byPage, choice) : outcome.hits;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    renderFilters();
    notice.hidden = !outcome.notice;
    notice.textContent = outcome.notice ?? '';
    suggestion.hidden = !outcome.suggestion;
    suggest.textContent = outcome.suggestion ?? '';
    suggestion.replaceChildren(...(outcome.suggestion ? ['Did you mean ', suggest, '?'] : []));
    const filtered = visible.length < outcome.hits.length ? ` (${outcome.hits.length} without filters)` : '';
    countLine.textContent =
      outcome.hits.length === 0
        ? `No results for “${outcome.query}”.`
        : `${visible.length} ${visible.length === 1 ? 'page' : 'pages'} found${filtered}.`;
    await showMore(true);
  };

  const search = async () => {
    const query = input.value.trim();
    const current = ++run;
    searched = query;
    options.onQuery?.(query);
    if (query === '') {
      ++paint;
      outcome = undefined;
      list.replaceChildren();
      filters.hidden = true;
      notice.hidden = suggestion.hidden = more.hidden = true;
      suggestion.replaceChildren();
      countLine.textContent = '';
      list.setAttribute('aria-busy', 'false');
      list.dataset.query = '';
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    list.setAttribute('aria-busy', 'true');
    holdOfflineCopy(true);
    try {
      const engine = await loadEngine(base);
      pages = engine.pages;
      if (stale(current, query)) return;
      const result = await runQuery(engine, query, () => stale(current, query));
      if (stale(current, query)) return;
      outcome = result;
      await render();
      // A query typed past leaves the offline copy held for the query after it, whose rows still load.
      if (stale(current, query)) return;
      holdOfflineCopy(false);
      // Filter counts come after the first rows: the facets' searches would queue before them in Pagefind's worker.
      if (!facets) {
        engine.facets().then(
          (loaded) => {
            if (facets) return;
            facets = loaded;
            addSectionRadios(loaded.sections);
            // The rows shown stay as they are (and the one a keyboard user is on stays chosen): they gain their section and level.
            renderFilters();
            for (const link of list.querySelectorAll<HTMLElement>('a[data-page]')) addWhere(link, loaded.byPage.get(link.dataset.page!));
          },
          () => {
            // Without facets the results show without filters; the search itself still works.
          },
        );
      }
    } catch (error) {
      if (error instanceof StaleQuery || current !== run) return;
      holdOfflineCopy(false);
      outcome = undefined;
      list.replaceChildren();
      filters.hidden = more.hidden = notice.hidden = suggestion.hidden = true;
      suggestion.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      countLine.textContent = `Search could not load (${error instanceof Error ? error.message : String(error)}). It tries again with your next keystroke.`;
    }
  };

  // A query is stale once the reader has typed on: its search stops at the next step, and the newest query runs.
  const stale = (current: number, query: string) => current !== run || input.value.trim() !== query;

  // One search at a time: letters typed while a search runs are searched together when it ends (or stops, stale)
  // instead of each queueing in Pagefind's worker.
  const schedule = async () => {
    if (searching) return;
    searching = true;
    try {
      while (input.value.trim() !== searched) await search();
    } finally {
      searching = false;
    }
  };

  // Every keystroke searches at once (one search at a time, see `schedule`): a search is a few ms in Pagefind's
  // worker once its index chunk is in, which `preloadQuery` starts fetching with the keystroke. What costs is a
  // row's excerpt, and those wait for the end of a burst (`showMore`).
  input.addEventListener('input', () => {
    preloadQuery(input.value.trim());
    previousKey = lastKey;
    lastKey = performance.now();
    void schedule();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape' && options.onLeave) {
      // A search field would spend the first Escape on clearing itself; Escape always closes search here.
      event.preventDefault();
      options.onLeave();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const link = list.querySelectorAll<HTMLAnchorElement>('a[role="option"]')[Math.max(active, 0)];
      if (link) {
        options.onLeave?.();
        link.click();
      }
    }
  });
  panel.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    // A row shown before its excerpt opens where the page matches best, as every row does: Pagefind finds that
    // part with the excerpt, a moment later. A click with a modifier (a new tab) opens the page itself.
    const hit = link.dataset.pending === undefined ? undefined : visible.find((h) => h.id === link.dataset.page);
    if (hit && event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      void dataOf(hit)
        .then(
          (data) => fillRow(link, data),
          () => delete link.dataset.pending,
        )
        .then(() => link.isConnected && link.click());
      return;
    }
    options.onLeave?.();
  });
  filters.addEventListener('change', (event) => {
    const radio = event.target as HTMLInputElement;
    const facet = radio.closest<HTMLElement>('[data-facet]')!.dataset.facet as 'level' | 'section';
    choice[facet] = radio.value || undefined;
    void render();
  });
  suggest.addEventListener('click', () => {
    input.value = suggest.textContent ?? '';
    input.focus();
    void schedule();
  });
  more.addEventListener('click', () => void showMore(false));

  // What was typed before this code arrived (the dialog opens at once, before its code loads) is searched now.
  if (input.value.trim() !== '') void schedule();

  return {
    input,
    setQuery(query: string) {
      input.value = query;
      void schedule();
    },
  };
}

/** Starts loading the search index ahead of the first query. */
export function preloadSearch(base: string): void {
  loadEngine(base).catch(() => {
    // The query that follows shows the failure and tries again.
  });
}
