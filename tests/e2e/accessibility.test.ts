import type { Browser, BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages } from '../helpers/site-pages.ts';

const handbookUrl = inject('handbookUrl');
const pages = builtPages(inject('handbookDir'));
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  // One browser profile, as a browser without service workers: this test is about each page's markup,
  // and saving the offline copy alongside every axe run doubles its time (the offline status and update
  // prompt are checked with axe, in both themes, by offline-update.test.ts).
  context = await browser.newContext();
  await context.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
});
afterAll(async () => {
  await browser?.close();
});

// Tabs free for the next page: navigating a tab costs a fraction of opening one (a new renderer and a
// fresh copy of axe to compile). Nothing carries over that a new tab in this context would not have:
// the handbook keeps nothing per tab (no sessionStorage), the colour scheme is reset, and a tab is
// emptied before it is handed on, so what a page logs or requests late is never counted for the next.
const idle: Page[] = [];
async function withTab<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const page = idle.pop() ?? (await context.newPage());
  try {
    return await use(page);
  } finally {
    await page.goto('about:blank');
    await page.emulateMedia({ colorScheme: 'light' });
    idle.push(page);
  }
}

describe('axe, every page in both themes', () => {
  // Each page is loaded once and audited in the light theme with every WCAG 2.2 A/AA rule, then in the
  // dark theme with the rules that depend on colours (the themes differ in nothing else).
  // Two pages at a time: axe is CPU-bound and the machine has two cores.
  it.concurrent.each(pages)(`finds no WCAG 2.2 A/AA violation, console error or foreign request on /%s`, async (path) => {
    const noise: string[] = [];
    const origin = new URL(handbookUrl).origin;
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error' && !(path === '404.html' && m.text().includes('404'))) noise.push(`console: ${m.text()}`);
    };
    const onRequest = (r: Request) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) noise.push(`request: ${r.url()}`);
    };
    const violations = await withTab(async (page) => {
      page.on('console', onConsole);
      page.on('request', onRequest);
      try {
        await page.goto(`${handbookUrl}${path}`);
        return await axeViolations(page, ['light', 'dark'], true);
      } finally {
        page.off('console', onConsole);
        page.off('request', onRequest);
      }
    });
    expect([...violations, ...noise]).toEqual([]);
  });

  // The header and the menu change below 50rem; a phone-sized window checks them, on the home page and a chapter.
  it.concurrent.each(['', 'infrastructure/docker/'])('finds no violation on /%s in a 360 px wide window, in either theme', async (path) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${handbookUrl}${path}`);
    const closed = await axeViolations(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    const open = await axeViolations(page);
    await page.close();
    expect([...closed, ...open.map((v) => `menu open: ${v}`)]).toEqual([]);
  });

  it('finds no violation in the search dialog with a fallback notice, a suggestion, filters and results open, in either theme', async () => {
    const page = await context.newPage();
    await page.goto(`${handbookUrl}infrastructure/`);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search' }).fill('kubernetes secrts');
    await page.getByRole('option').first().waitFor();
    for (const shown of ['.search-notice', '.search-suggest', '.search-filters', '.result-section'])
      await page.locator(`#hb-search-dialog ${shown}`).first().waitFor();
    await page.keyboard.press('ArrowDown');
    const violations = await axeViolations(page);
    await page.close();
    expect(violations).toEqual([]);
  });
});
