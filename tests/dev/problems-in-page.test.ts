import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireBuildLock } from '../../scripts/build-lock.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { fixture } from '../helpers/build.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';

let tree: string;
let server: DevServer | undefined;
let browser: Browser | undefined;
let release: (() => void) | undefined;
let page: Page;

const guide = () => join(tree, '01-guide/README.md');
const panel = () => page.locator('section.hb-dev-problems');

/** Resolves to how many times the page navigated (reloaded) within `ms` from now. */
async function reloadsWithin(ms: number): Promise<number> {
  let count = 0;
  const onNavigation = (frame: Frame) => {
    if (frame === page.mainFrame()) count += 1;
  };
  page.on('framenavigated', onNavigation);
  await new Promise((done) => setTimeout(done, ms));
  page.off('framenavigated', onNavigation);
  return count;
}

describe('npm run dev shows the content problems of a page in that page', () => {
  beforeAll(async () => {
    // `astro dev` writes the same files under .astro/ as a build: no build may run meanwhile.
    release = await acquireBuildLock(process.cwd());
    tree = mkdtempSync(join(tmpdir(), 'handbook-dev-'));
    cpSync(fixture('site'), tree, { recursive: true });
    server = await startDevServer(tree);
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    release?.();
    rmSync(tree, { recursive: true, force: true });
  });

  it('shows no panel on a page without problems', async () => {
    await page.goto(`${server!.url}guide/`);
    expect(await page.locator('article h1').textContent()).toBe('Guide');
    expect(await panel().count()).toBe(0);
  });

  it('shows an unknown frontmatter key and a broken link, with path:line and rule, after the file is saved', async () => {
    const source = readFileSync(guide(), 'utf8');
    writeFileSync(guide(), source.replace('---\n', '---\ntitel: Guide\n') + '\nSee [the setup](./setup.md).\n');
    // No reload by the test: the dev server reloads the page itself.
    await panel().waitFor({ timeout: 30_000 });
    // Once: a second reload would come within a few hundred milliseconds (see src/integration/content-echo.ts).
    expect(await reloadsWithin(1_000)).toBe(0);
    const items = await panel().locator('li').allTextContents();
    const lines = source.split('\n').length + 2;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(
      /01-guide\/README\.md:2 error unknown-frontmatter-key unknown frontmatter key `titel`; did you mean `title`\?/,
    );
    expect(items[1]).toMatch(new RegExp(`01-guide/README\\.md:${lines} error missing-file cannot find \`\\./setup\\.md\``));
    expect(await panel().locator('#hb-dev-problems-title').textContent()).toContain('2 problems in this page');
    expect(server!.output()).toContain('unknown-frontmatter-key unknown frontmatter key `titel`');
  });

  it.each(['light', 'dark'] as const)('keeps the page with its panel free of axe violations in the %s theme', async (colorScheme) => {
    const context = await browser!.newContext({ colorScheme });
    const view = await context.newPage();
    await view.goto(`${server!.url}guide/`);
    await view.locator('section.hb-dev-problems').waitFor();
    const violations = await axeViolations(view, [colorScheme]);
    await context.close();
    expect(violations).toEqual([]);
  });

  it('clears the panel when the file is fixed, without a restart', async () => {
    const source = readFileSync(guide(), 'utf8');
    writeFileSync(guide(), source.replace('titel: Guide\n', '').replace('\nSee [the setup](./setup.md).\n', ''));
    await panel().waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('article h1').textContent()).toBe('Guide');
    expect(server!.output()).toContain('No problems left in the content.');
  });

  it('shows a renamed page under its new title in the page and in the other pages, and the old one after an undo', async () => {
    const source = readFileSync(guide(), 'utf8');
    const home = await page.context().newPage();
    writeFileSync(guide(), source.replace('\n# Guide\n', '\n# Field guide\n'));
    await page.locator('article h1', { hasText: 'Field guide' }).waitFor({ timeout: 30_000 });
    await home.goto(server!.url);
    expect(await home.locator('a[href$="/guide/"]', { hasText: 'Field guide' }).count()).toBeGreaterThan(0);
    writeFileSync(guide(), source);
    await page.locator('article h1', { hasText: /^Guide$/ }).waitFor({ timeout: 30_000 });
    // The server reloads the open home page itself after the change; a reload of the test's own may meet it half way
    // (the page is then detached), so the home page is opened again until it shows the old title.
    const oldTitleShown = async () => {
      try {
        await home.goto(server!.url);
        return await home.locator('a[href$="/guide/"]', { hasText: 'Field guide' }).count();
      } catch {
        return -1;
      }
    };
    await expect.poll(oldTitleShown, { timeout: 30_000, interval: 200 }).toBe(0);
    await home.close();
  });
});
