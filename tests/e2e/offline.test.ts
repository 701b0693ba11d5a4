import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { firstCompleteResult } from '../helpers/search-box.ts';
import { builtPages } from '../helpers/site-pages.ts';
import { serveStatic } from '../helpers/static-server.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Three pages spread over the site, none of them the home page or the 404 page. */
function threePages(outDir: string): string[] {
  const pages = builtPages(outDir).filter((p) => p !== '' && p !== '404.html');
  return [pages[0]!, pages[Math.floor(pages.length / 2)]!, pages[pages.length - 1]!];
}

/** The first link of the home page's article to a heading of another page: its text and href. */
function anchorLinkOfHome(outDir: string, base: string): { text: string; href: string } {
  const article = /<article\b[\s\S]*<\/article>/.exec(readFileSync(join(outDir, 'index.html'), 'utf8'))?.[0] ?? '';
  for (const [, href, text] of article.matchAll(/<a href="([^"#]+#[^"]+)"[^>]*>([^<]+)<\/a>/g))
    if (href !== base) return { text: text!, href: href! };
  throw new Error('The home page links no heading of another page.');
}

async function expectHeadingInView(page: Page, hash: string): Promise<void> {
  const heading = page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`);
  await heading.waitFor();
  await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
  expect(await heading.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
}

describe.each([
  { name: 'the handbook at the root', dir: inject('handbookDir'), base: '/', query: 'helm' },
  { name: 'the fixture site under /handbook/', dir: inject('siteDir'), base: '/handbook/', query: 'zephyrquartz' },
])('$name, after one visit, with the network off and the server stopped', ({ dir, base, query }) => {
  it('opens pages never visited, follows an #anchor link, searches, opens the result at its heading and reloads', async () => {
    // A server of its own: stopping it proves the pages come from the browser's offline copy.
    const server = await serveStatic(dir, base);
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    // A request cut short because the page navigated away (search keeps loading its filter counts after the
    // first results, and a result is opened meanwhile) is not a failure of the offline copy.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${r.failure()?.errorText}`);
    });
    try {
      await page.goto(server.url);
      const status = page.getByRole('status').filter({ hasText: /offline/ });
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Available offline · [\d.]+ (KB|MB)$/);
      await server.close();
      await context.setOffline(true);

      for (const path of threePages(dir)) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        expect(response?.fromServiceWorker(), path).toBe(true);
        expect((await page.locator('h1').first().textContent())?.trim(), path).not.toBe('');
        expect(
          await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.every((l) => (l as HTMLLinkElement).sheet !== null)),
          path,
        ).toBe(true);
      }

      await page.goto(server.url);
      const anchor = anchorLinkOfHome(dir, base);
      await page.locator(`article a[href="${anchor.href}"]`).first().click();
      await page.waitForURL(new URL(anchor.href, server.url).href);
      await expectHeadingInView(page, new URL(anchor.href, server.url).hash);

      await page.keyboard.press('Control+k');
      const input = page.getByRole('combobox', { name: 'Search' });
      await input.fill(query);
      const first = await firstCompleteResult(page);
      const target = new URL((await first.getAttribute('href'))!, server.url);
      expect(target.hash).not.toBe('');
      await input.press('ArrowDown');
      await input.press('Enter');
      await page.waitForURL(target.href);
      await expectHeadingInView(page, target.hash);

      await page.reload();
      await expectHeadingInView(page, target.hash);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
