import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { runBuild } from '../helpers/build.ts';
import { serveStatic } from '../helpers/static-server.ts';

const tree = mkdtempSync(join(tmpdir(), 'handbook-update-'));
const outDir = join(tree, 'dist');
const content = join(tree, 'content');
let browser: Browser;

function writeTree(guideText: string): void {
  mkdirSync(content, { recursive: true });
  writeFileSync(join(content, 'README.md'), '# Update test\n\nStart with the [guide](./guide.md).\n');
  writeFileSync(join(content, 'guide.md'), `# Guide\n\n${guideText}\n`);
}

async function build(): Promise<void> {
  const run = await runBuild(content, { HANDBOOK_BASE: '/handbook/' }, outDir);
  if (run.code !== 0) throw new Error(run.stderr);
}

async function search(page: Page, query: string): Promise<string> {
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Search' });
  await input.fill(query);
  const status = page.locator('.search-status');
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/No results|pages? found/);
  const text = (await status.textContent()) ?? '';
  await input.press('Escape');
  return text;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tree, { recursive: true, force: true });
});

describe('a new build deployed while a reader has the old one offline', () => {
  it('offers a reload, serves only the old version until then, and keeps only the new one after', async () => {
    writeTree('The first edition of this guide.');
    await build();
    const server = await serveStatic(outDir, '/handbook/');
    const context = await browser.newContext();
    const page = await context.newPage();
    const status = page.getByRole('status').filter({ hasText: /offline|new version/ });
    try {
      await page.goto(server.url);
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Available offline/);
      expect(await axeViolations(page)).toEqual([]);

      writeTree('The second edition of this guide mentions quasarnova.');
      await build();
      await page.goto(server.url);
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('A new version of the handbook is available: Reload');
      expect(await axeViolations(page)).toEqual([]);

      // Until the reader reloads, pages and search come from the version the page belongs to.
      await page.goto(`${server.url}guide/`);
      expect(await page.locator('article').textContent()).toContain('The first edition');
      expect(await search(page, 'quasarnova')).toContain('No results');
      await expect.poll(() => status.textContent()).toBe('A new version of the handbook is available: Reload');

      await Promise.all([page.waitForEvent('load'), status.getByRole('button', { name: 'Reload' }).click()]);
      await expect.poll(() => page.locator('article').textContent()).toContain('The second edition');
      expect(await search(page, 'quasarnova')).toMatch(/^[1-9]\d* pages? found/);

      await server.close();
      await context.setOffline(true);
      await page.reload();
      expect(await page.locator('article').textContent()).toContain('quasarnova');
      expect(await page.evaluate(() => caches.keys())).toHaveLength(1);
    } finally {
      await context.close();
      await server.close();
    }
  }, 480_000);
});
