import { createSearchUI, preloadSearch } from './search-ui.ts';

/** Runs the search page: the query comes from `?q=` and stays in the address bar as the reader types. */
export function initSearchPage(panel: HTMLElement): void {
  preloadSearch(panel.dataset.base ?? '/');
  const ui = createSearchUI(panel, {
    onQuery: (query) => {
      const url = new URL(location.href);
      if (query === '') url.searchParams.delete('q');
      else url.searchParams.set('q', query);
      history.replaceState(history.state, '', url);
    },
  });
  const query = new URLSearchParams(location.search).get('q') ?? '';
  ui.input.focus();
  if (query !== '') ui.setQuery(query);
}
