import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { resultRoutes, searchField } from '../helpers/search-box.ts';
import { LEARNER_QUERIES } from './search-queries.ts';

const handbookUrl = inject('handbookUrl');
let browser: Browser;
let page: Page;
const problems: string[] = [];

// One page of the handbook's search page for every test: the queries run one after another in it.
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  const origin = new URL(handbookUrl).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${handbookUrl}search/`);
});
afterAll(async () => {
  await browser?.close();
});

const notice = () => page.locator('.search-panel-page .search-notice');

describe('search over the handbook in Chromium', () => {
  it(`puts an expected page in the top 3 for at least 90% of ${LEARNER_QUERIES.length} learner queries`, async () => {
    const misses: string[] = [];
    for (const { query, kind, expect: expected } of LEARNER_QUERIES) {
      const top = (await resultRoutes(page, query)).slice(0, 3);
      if (!expected.some((route) => top.includes(route)))
        misses.push(`${kind}: “${query}” expected ${expected.join(' or ')}, got ${top.join(', ') || 'nothing'}`);
    }
    if (misses.length > 0) console.log(`Search misses (${misses.length} of ${LEARNER_QUERIES.length}):\n${misses.join('\n')}`);
    expect(misses.length / LEARNER_QUERIES.length, misses.join('\n')).toBeLessThanOrEqual(0.1);
  }, 180_000);

  it('says honestly when the results do not have every word of the query', async () => {
    // Every word of this question is on the page it needs, so it is found as typed, ranked by its topic words.
    expect((await resultRoutes(page, 'how do I roll back a bad deploy'))[0]).toBe('/infrastructure/cicd/deployment-strategies/');
    expect(await notice().isVisible()).toBe(false);
    expect(await resultRoutes(page, 'quasarnova dockerfile')).toContain('/infrastructure/docker/dockerfiles/');
    expect(await notice().textContent()).toBe('No page has all of ‘quasarnova dockerfile’. Pages with ‘dockerfile’:');
    // Only the FinOps page names Infracost, only the MLOps page MLflow.
    expect((await resultRoutes(page, 'infracost mlflow')).slice(0, 2).sort()).toEqual(['/ai-ml/', '/infrastructure/finops/']);
    expect(await notice().textContent()).toBe('No page has all of ‘infracost mlflow’. Pages with some of these words:');
    expect(await page.locator('.search-panel-page .search-count-line').textContent()).toMatch(/^\d+ pages found\.$/);
  });

  it('finds pages by the beginning of the word being typed, as it is typed', async () => {
    // Each step of typing a word the site's titles know finds its pages before the word is whole.
    for (const typed of ['kuber', 'kubern', 'terrafo']) {
      const routes = await resultRoutes(page, typed);
      expect(routes.length, typed).toBeGreaterThan(0);
      expect(routes[0], typed).toMatch(typed.startsWith('kube') ? /kubernetes/ : /terraform/);
      expect(await notice().isVisible(), typed).toBe(false);
    }
    // A misspelt whole word is still not taken for the beginning of one.
    expect(await resultRoutes(page, 'kubernetos')).toContain('/infrastructure/kubernetes/');
    expect(await notice().textContent()).toBe('No page has ‘kubernetos’. Results for ‘kubernetes’:');
  });

  it('offers the spelling the site knows, and one click searches it', async () => {
    await resultRoutes(page, 'terraform modlues');
    const suggestion = page.locator('.search-panel-page .search-suggestion');
    expect(await suggestion.textContent()).toBe('Did you mean terraform modules?');
    await suggestion.getByRole('button', { name: 'terraform modules' }).click();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.search-panel-page .search-results')?.dataset.query === 'terraform modules',
    );
    expect(await searchField(page).inputValue()).toBe('terraform modules');
    expect(new URL(page.url()).searchParams.get('q')).toBe('terraform modules');
    expect(await page.locator('.search-panel-page a[role="option"]').first().getAttribute('href')).toMatch(
      /^\/infrastructure\/terraform\/modules\//,
    );
    expect(await suggestion.isVisible()).toBe(false);
  });

  it('filters by level with the keyboard alone, with counts, and keeps the filter for the next query', async () => {
    await resultRoutes(page, 'docker');
    const levels = page.getByRole('group', { name: 'Level' });
    await levels.waitFor();
    const beginner = levels.getByRole('radio', { name: /^Beginner \((\d+)\)$/ });
    await expect.poll(() => beginner.isVisible(), { timeout: 10_000 }).toBe(true);
    const expected = Number((await beginner.evaluate((radio) => radio.closest('label')!.textContent))!.match(/\((\d+)\)/)![1]);
    const all = levels.getByRole('radio', { name: /^All/ });
    const onAll = () => all.evaluate((radio) => radio === document.activeElement);
    await searchField(page).focus();
    // The field, the Search button, then the level group on its checked radio ("All").
    for (let presses = 0; presses < 4 && !(await onAll()); presses++) await page.keyboard.press('Tab');
    expect(await onAll()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await beginner.isChecked()).toBe(true);
    const countLine = page.locator('.search-panel-page .search-count-line');
    await expect.poll(() => countLine.textContent()).toMatch(new RegExp(`^${expected} pages? found \\(\\d+ without filters\\)\\.$`));
    expect(await page.locator('.search-panel-page [role="status"]').count()).toBe(1);
    // The list follows the count once the shown results' data has loaded.
    const sections = () => page.locator('.search-panel-page .result-section').allTextContents();
    await expect
      .poll(async () => (await sections()).length > 0 && (await sections()).every((line) => line.includes('Beginner')), { timeout: 10_000 })
      .toBe(true);
    await resultRoutes(page, 'kubernetes');
    expect(await beginner.isChecked()).toBe(true);
    for (const line of await page.locator('.search-panel-page .result-section').allTextContents()) expect(line).toContain('Beginner');
    await all.check();
  });

  it('shows each row with its title before its excerpt, and a row chosen then opens at its best match', async () => {
    // Pagefind's excerpts come from its fragment files: held back, the rows show from the page table alone.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    await context.route('**/pagefind/fragment/**', async (route) => {
      await released;
      await route.continue();
    });
    try {
      const held = await context.newPage();
      await held.goto(`${handbookUrl}search/`);
      await searchField(held).fill('volumes');
      const rows = held.locator('.search-panel-page a[role="option"]');
      await rows.first().waitFor();
      const shown = await rows.evaluateAll((links) =>
        links.map((a) => ({
          pending: a.hasAttribute('data-pending'),
          title: a.querySelector('.result-title')?.textContent ?? '',
          excerpt: a.querySelector('.result-excerpt')?.textContent ?? '',
          path: new URL((a as HTMLAnchorElement).href).pathname,
        })),
      );
      expect(shown.length).toBeGreaterThan(1);
      for (const row of shown)
        expect(row).toEqual({ pending: true, title: expect.stringMatching(/\S/), excerpt: '', path: expect.stringMatching(/^\/.+\/$/) });
      expect(await held.locator('.search-panel-page .search-results').getAttribute('aria-busy')).toBe('true');
      await searchField(held).press('Enter');
      release();
      await held.waitForURL((url) => url.hash !== '');
      expect(new URL(held.url()).pathname).toBe(shown[0]!.path);
    } finally {
      release();
      await context.close();
    }
  });

  it('made no request to another origin and logged no console error', () => {
    expect(problems).toEqual([]);
  });
});
