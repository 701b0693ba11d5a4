import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages } from '../helpers/site-pages.ts';

const handbookUrl = inject('handbookUrl');
const pages = builtPages(inject('handbookDir'));
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const summary = (violations: { id: string; nodes: { target: unknown }[] }[]) =>
  violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);

describe.each(['light', 'dark'] as const)('axe in the %s theme', (colorScheme) => {
  // One browser profile per theme, as a browser without service workers: this test is about each page's
  // markup, and saving the offline copy alongside every axe run doubles its time (the offline status and
  // update prompt are checked with axe, in both themes, by offline-update.test.ts).
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ colorScheme });
    await context.addInitScript(() => {
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  // Two pages at a time: axe is CPU-bound and the machine has two cores.
  it.concurrent.each(pages)(`finds no WCAG 2.2 A/AA violation, console error or foreign request on /%s`, async (path) => {
    const page = await context.newPage();
    const noise: string[] = [];
    const origin = new URL(handbookUrl).origin;
    page.on('console', (m) => {
      if (m.type() === 'error' && !(path === '404.html' && m.text().includes('404'))) noise.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) noise.push(`request: ${r.url()}`);
    });
    await page.goto(`${handbookUrl}${path}`);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    await page.close();
    expect([...summary(violations), ...noise]).toEqual([]);
  });

  it('finds no violation in the search dialog with results open', async () => {
    const page = await context.newPage();
    await page.goto(`${handbookUrl}infrastructure/`);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search' }).fill('kubernetes');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    await page.close();
    expect(summary(violations)).toEqual([]);
  });
});
