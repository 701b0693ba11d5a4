import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/static-server.ts';
import { median, percentile } from './stats.ts';
import { TERMS } from './corpus-text.ts';

/** Types `typed` into the open search dialog and returns ms from its last keystroke to the result list showing `query`. */
export async function timeQuery(page: Page, typed: string, query = typed, timeoutMs = 15_000): Promise<number> {
  const field = page.locator('#hb-search-input');
  await field.evaluate((input, q) => {
    const list = document.getElementById('hb-search-results')!;
    const w = window as unknown as { hbDone: Promise<number>; hbKey: number };
    w.hbDone = new Promise((done) => {
      new MutationObserver(() => list.dataset.query === q && done(performance.now())).observe(list, { attributes: true, childList: true });
    });
    input.addEventListener('input', () => (w.hbKey = performance.now()));
  }, query);
  await page.keyboard.type(typed);
  return page.evaluate(async (limit) => {
    const w = window as unknown as { hbDone: Promise<number>; hbKey: number };
    const late = new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no result list in time')), limit));
    return Math.round((await Promise.race([w.hbDone, late])) - w.hbKey);
  }, timeoutMs);
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
    const coldMs = await timeQuery(page, TERMS[0]!);
    const times: number[] = [];
    for (const query of QUERIES) {
      await page.locator('#hb-search-input').fill('');
      await page.waitForTimeout(50);
      times.push(await timeQuery(page, query));
    }
    await context.close();
    return { coldMs, medianMs: median(times), p95Ms: percentile(times, 95), queries: times.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
