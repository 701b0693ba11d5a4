import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
// What each test's page asked of another origin or logged as an error: checked after every test, so each
// test answers for its own page.
let foreignRequests: string[] = [];
let consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  foreignRequests = [];
  consoleErrors = [];
  context = await browser.newContext();
  page = await context.newPage();
  const origin = new URL(siteUrl).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  page.on('console', (m) => {
    // The 404 test asks for a missing page on purpose; Chromium logs that response as an error.
    if (m.type() === 'error' && !(page.url().includes('/no/such/') && m.text().includes('404')))
      consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
});
afterEach(() => {
  expect(foreignRequests, 'requests to another origin').toEqual([]);
  expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
});

describe('the built site in Chromium', () => {
  it('navigates by the sidebar and marks the current page', async () => {
    await page.goto(siteUrl);
    await page.getByRole('navigation', { name: 'Handbook sections' }).getByRole('link', { name: 'Guide' }).click();
    await page.waitForURL(`${siteUrl}guide/`);
    await page.getByRole('navigation', { name: 'Handbook sections' }).getByRole('link', { name: 'Docker' }).click();
    await page.waitForURL(`${siteUrl}guide/docker/`);
    expect(await page.locator('.sidebar [aria-current="page"]').textContent()).toBe('Docker');
    expect(await page.locator('h1').textContent()).toBe('Docker');
  });

  it('follows a rewritten .md link with an anchor to the right heading', async () => {
    await page.goto(siteUrl);
    await page.getByRole('link', { name: 'Docker volumes' }).click();
    await page.waitForURL(`${siteUrl}guide/docker/#volumes`);
    const top = await page.locator('#volumes').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
  });

  it('follows a same-page anchor to an emoji-led heading', async () => {
    await page.goto(`${siteUrl}guide/`);
    await page.getByRole('link', { name: 'above' }).click();
    await page.waitForURL(`${siteUrl}guide/#-what-is-a-container`);
    expect(await page.locator('#-what-is-a-container').isVisible()).toBe(true);
  });

  it('searches a word with the keyboard and opens the result at its heading', async () => {
    await page.goto(siteUrl);
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search' });
    await input.waitFor({ state: 'visible' });
    await input.fill('zephyrquartz');
    const option = page.getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Docker');
    await input.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await input.press('Enter');
    await page.waitForURL(`${siteUrl}guide/docker/#volumes`);
  });

  it('ranks a page whose title matches above pages that only mention the word', async () => {
    await page.goto(`${siteUrl}guide/`);
    await page.getByRole('button', { name: /Search/ }).click();
    const input = page.getByRole('combobox', { name: 'Search' });
    await input.fill('glossary');
    await page.getByRole('option').nth(1).waitFor();
    const first = page.getByRole('option').first();
    expect(await first.locator('.result-title').textContent()).toBe('Glossary');
    // Sections and levels arrive with the filters, which load behind the first results.
    await expect.poll(() => first.locator('.result-section').textContent(), { timeout: 10_000 }).toContain('Reference');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
  });

  it('finds a page by a frontmatter alias that the page never shows', async () => {
    await page.goto(`${siteUrl}guide/`);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search' }).fill('whalectl');
    const first = page.getByRole('option').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toMatch(/^\/handbook\/guide\/docker\//);
    await page.keyboard.press('Escape');
    await page.goto(`${siteUrl}guide/docker/`);
    expect(await page.locator('body').innerText()).not.toContain('whalectl');
  });

  it('serves a 404 page whose search form survives a malformed address and leads to the search page', async () => {
    const response = await page.goto(`${siteUrl}no/such/page%E0%A4%A/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.getByLabel('Search for a page').inputValue()).toBe('page');
    await page.getByLabel('Search for a page').fill('volumes');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(`${siteUrl}search/?q=volumes`);
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('combobox', { name: 'Search the handbook' }).inputValue()).toBe('volumes');
  });
});
