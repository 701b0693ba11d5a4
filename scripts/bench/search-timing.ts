import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/static-server.ts';
import { median, percentile } from './stats.ts';
import { TERMS } from './corpus-text.ts';

/** Times of one query, in ms from its last keystroke (and from opening search). */
export interface QueryTime {
  /** To the frame that first shows a result row of the query. */
  first: number;
  /** To the frame that shows the whole first page of rows (the list no longer busy). */
  complete: number;
  /** From opening search to the frame with the first row. */
  fromOpen: number;
}

/**
 * Types `typed` into the open dialog (`delay` ms between keys) and returns the times until the list shows `query`.
 * A row counts as shown at the next animation frame after it is in the document: the frame that paints it.
 */
export async function timeQuery(page: Page, typed: string, query: string, delay = 0): Promise<QueryTime> {
  await page.evaluate((q) => {
    const list = document.getElementById('hb-search-results')!;
    const w = window as unknown as { hbFirst: Promise<number>; hbComplete: Promise<number>; hbKey: number };
    const frame = () => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())));
    const when = (test: () => boolean) =>
      new Promise<number>((done) => {
        const check = () => test() && (observer.disconnect(), done(frame()));
        const observer = new MutationObserver(check);
        observer.observe(list, { attributes: true, childList: true });
      });
    const ours = () => list.dataset.query === q;
    w.hbFirst = when(() => ours() && list.querySelector('[role="option"]') !== null);
    w.hbComplete = when(() => ours() && list.getAttribute('aria-busy') === 'false');
    document.getElementById('hb-search-input')!.addEventListener('input', () => (w.hbKey = performance.now()));
  }, query);
  await page.keyboard.type(typed, { delay });
  return page.evaluate(async () => {
    const w = window as unknown as { hbFirst: Promise<number>; hbComplete: Promise<number>; hbKey: number; hbOpen: number };
    // A query whose results never come (a keystroke lost before the dialog opened) counts as not shown.
    const never = new Promise<number>((done) => setTimeout(() => done(Number.NaN), 20_000));
    const [first, complete] = await Promise.all([Promise.race([w.hbFirst, never]), Promise.race([w.hbComplete, never])]);
    return { first: first - w.hbKey, complete: complete - w.hbKey, fromOpen: first - w.hbOpen };
  });
}

/** The time to the first result row, or an error when the query never showed one. */
function firstRow(time: QueryTime, query: string): number {
  if (!Number.isFinite(time.first)) throw new Error(`Search showed no result row for "${query}" within 20 s.`);
  return Math.round(time.first);
}

/** The 20 queries timed after the first: frequent words of the corpus, alone and in pairs. */
export const QUERIES = [...TERMS.slice(1, 15), ...Array.from({ length: 6 }, (_, i) => `${TERMS[20 + i]} ${TERMS[i]}`)];

/**
 * Serves a built site and, in headless Chromium, opens `route` in a fresh profile, opens search with
 * Ctrl+K and types at once (the cold first result: script, WASM and index loads included), then times
 * the {@link QUERIES} one after another in the same dialog.
 */
export async function measureSearch(
  dist: string,
  route: string,
): Promise<{ coldMs: number; medianMs: number; p95Ms: number; queries: number }> {
  const server = await serveStatic(dist, '/');
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL(route.replace(/^\//, ''), server.url).href, { waitUntil: 'load' });
    await page.keyboard.press('Control+k');
    const coldMs = firstRow(await timeQuery(page, TERMS[0]!, TERMS[0]!), TERMS[0]!);
    const times: number[] = [];
    for (const query of QUERIES) {
      await page.locator('#hb-search-input').fill('');
      await page.waitForTimeout(50);
      times.push(firstRow(await timeQuery(page, query, query), query));
    }
    await context.close();
    return { coldMs, medianMs: median(times), p95Ms: percentile(times, 95), queries: times.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
