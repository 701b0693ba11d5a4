import type { Locator, Page } from 'playwright-core';

/** The search field of the page's search panel (the search page's, or the open dialog's). */
export function searchField(page: Page): Locator {
  return page.locator('[data-search-panel] input[type="search"]:visible');
}

/** Types a query into the visible search field and returns the routes of the results shown, in order. */
export async function resultRoutes(page: Page, query: string, timeout = 10_000): Promise<string[]> {
  const field = searchField(page);
  await field.fill(query);
  const list = page.locator('[data-search-panel]:visible .search-results');
  await page.waitForFunction(
    ({ el, q }) => el instanceof HTMLElement && el.dataset.query === q && el.getAttribute('aria-busy') === 'false',
    { el: await list.elementHandle(), q: query.trim() },
    { timeout },
  );
  return list.locator('a[role="option"]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/**
 * Returns the first result row once its excerpt is in (rows show with their titles first): its link then goes
 * to the best-matching part of the page, where choosing it opens.
 */
export async function firstCompleteResult(page: Page): Promise<Locator> {
  const first = page.getByRole('option').first();
  await first.and(page.locator(':not([data-pending])')).waitFor();
  return first;
}
