import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

// The fixture site under /handbook/: beginner = home, guide, Docker; intermediate = reference, cheat sheet.
const siteUrl = inject('siteUrl');
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  browser = await launchBrowser();
  downloads = mkdtempSync(join(tmpdir(), 'progress-export-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});

const counts = (page: Page) => page.locator('[data-progress-text]').allTextContents();
const doneRoutes = (page: Page, selector: string) =>
  page.locator(`${selector}.done`).evaluateAll((els) => els.map((el) => el.getAttribute('data-route')));

describe('progress kept in the browser', () => {
  it('marks two pages done, keeps them over a reload, shows them on the learning path, and survives export, clear and import', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(new URL(siteUrl).origin)) foreign.push(r.url());
    });
    page.on('dialog', (dialog) => void dialog.accept());
    const toggle = page.getByRole('button', { name: 'Mark as done' });

    await page.goto(`${siteUrl}guide/docker/`);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${siteUrl}reference/cheatsheet/`);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#hb-sidebar a.done').allTextContents()).toEqual(['Cheat sheet ✓ (done)']);

    await page.goto(`${siteUrl}learning-path/`);
    const stored = ['0 of 5 done (0%)', '0 of 3 done (0%)', '0 of 2 done (0%)'];
    const marked = ['2 of 5 done (40%)', '1 of 3 done (33%)', '1 of 2 done (50%)'];
    await expect.poll(() => counts(page)).toEqual(marked);
    expect(await doneRoutes(page, 'li')).toEqual(['/guide/docker/', '/reference/cheatsheet/']);
    expect(await doneRoutes(page, 'svg a')).toEqual(['/guide/docker/', '/reference/cheatsheet/']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const exported = join(downloads, download.suggestedFilename());
    await download.saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8')).done).toEqual(['/guide/docker/', '/reference/cheatsheet/']);

    // A foreign file says what is wrong and changes nothing.
    const status = page.locator('[data-progress-status]');
    await page
      .getByLabel('Import progress from a file')
      .setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x"}') });
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Nothing was imported from package\.json: .*not a progress file of this handbook/);
    expect(await counts(page)).toEqual(marked);

    await page.getByRole('button', { name: 'Clear progress' }).click();
    await expect.poll(() => counts(page)).toEqual(stored);
    expect(await doneRoutes(page, 'li')).toEqual([]);

    await page.getByLabel('Import progress from a file').setInputFiles(exported);
    await expect.poll(() => counts(page)).toEqual(marked);
    expect(await doneRoutes(page, 'svg a')).toEqual(['/guide/docker/', '/reference/cheatsheet/']);
    expect(await status.textContent()).toBe('Imported 2 done pages from handbook-progress.json.');
    expect(foreign).toEqual([]);
    await context.close();
  });
});
