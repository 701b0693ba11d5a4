import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchPage } from '../helpers/browser.ts';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import { hostileTree, type HostileTree } from '../helpers/hostile-tree.ts';
import { serveStatic } from '../helpers/static-server.ts';

let browser: Browser;
let run: BuildRun;
let tree: HostileTree;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  tree = hostileTree();
  run = await runBuild(tree.root);
  if (run.code !== 0) throw new Error(run.stderr);
  server = await serveStatic(run.outDir, '/');
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (run) rmSync(dirname(run.outDir), { recursive: true, force: true });
  tree?.remove();
});

/** Opens a page, recording CSP violations and console errors from the first script on. */
async function watch(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await watchPage(page, { cspViolations: true });
  await page.goto(url);
  return { page, problems };
}

describe('a page full of XSS attempts', () => {
  it('runs none of the smuggled scripts, even when its links and traps are clicked', async () => {
    const { page, problems } = await watch(server.url);
    for (const name of ['javascript link', 'markdown javascript link', 'data link', 'click trap']) {
      await page.getByText(name, { exact: true }).click();
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(page.url()).toBe(server.url);
    expect(problems).toEqual([]);
  });

  it('keeps no script, frame, form, style, event handler or dangerous URL in the article', async () => {
    const { page } = await watch(server.url);
    const found = await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const bad = [
        ...article.querySelectorAll(
          'script, iframe, form, style, object, embed, button, textarea, select, input:not([type=checkbox][disabled])',
        ),
      ].map((el) => el.tagName);
      for (const el of article.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) if (attr.startsWith('on') || attr === 'style') bad.push(`${el.tagName}[${attr}]`);
        for (const attr of ['href', 'src'])
          if (/^\s*(javascript|data|vbscript):/i.test(el.getAttribute(attr) ?? '')) bad.push(`${el.tagName}[${attr}]`);
      }
      return bad;
    });
    expect(found).toEqual([]);
  });

  it('keeps what GitHub keeps: details, kbd, sup, aligned paragraphs, sized images, task lists, heading ids', async () => {
    const { page } = await watch(server.url);
    expect(await page.locator('article details:not(.toc-inline) > summary').textContent()).toBe('Kept: details and summary');
    expect(await page.locator('article kbd').count()).toBe(2);
    expect(await page.locator('article sup').textContent()).toBe('2');
    expect(await page.locator('article p[align="center"]').count()).toBe(1);
    expect(await page.locator('article img[alt="Kept: sized image"]').getAttribute('width')).toBe('40');
    expect(await page.locator('article input[type="checkbox"][disabled]').count()).toBe(1);
    expect(await page.locator('#normal-heading').count()).toBe(1);
    // Content cannot take the site's own ids.
    expect(await page.locator('[id="hb-main"]').evaluate((el) => el.tagName)).toBe('MAIN');
  });

  it('serves every page with a CSP allowing only the site itself, inline scripts by hash', async () => {
    const { page } = await watch(server.url);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'sha256-");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('the Content-Security-Policy in use', () => {
  it('blocks nothing the site needs while navigating and searching across pages', async () => {
    const siteUrl = inject('siteUrl');
    const { page, problems } = await watch(siteUrl);
    await page.getByRole('navigation', { name: 'Handbook sections' }).getByRole('link', { name: 'Guide' }).click();
    await page.waitForURL(`${siteUrl}guide/`);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search' }).fill('volumes');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/guide\/docker\//);
    await page.locator('.code-block, h1').first().waitFor();
    expect(problems).toEqual([]);
  });
});

describe('the linked files of a hostile tree', () => {
  it('publishes files reached through symbolic links that stay inside the tree, and reports what was removed', () => {
    for (const file of ['images/active.svg', 'pictures/active.svg', 'same.svg'])
      expect(existsSync(join(run.outDir, file)), file).toBe(true);
    expect(run.stdout).toContain(`${join(tree.root, 'same.svg')} svg-content-removed published without \`<svg onload>\`, \`<script>\``);
    expect(run.stdout).toContain(`${join(tree.root, 'README.md')}:11:1 unsafe-url \`javascript:window.__xss='md'\` was removed`);
    expect(run.stdout).toContain('0 errors, 9 warnings in the content.');
  });

  it('runs no script when every published SVG is opened directly and its links are clicked, and loads nothing from elsewhere', async () => {
    const svgs = globSync('**/*.svg', { cwd: run.outDir }).sort();
    expect(svgs).toEqual([
      'favicon.svg',
      'icons/icon.svg',
      'icons/maskable.svg',
      'images/active.svg',
      'pictures/active.svg',
      'pixel.svg',
      'same.svg',
    ]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page, { errors: false, dialogs: true, onlyOrigin: server.url });
    let clicked = 0;
    for (const svg of svgs) {
      await page.goto(`${server.url}${svg}`);
      const links = await page.locator('a').count();
      // No link is left that could leave the document, so one load serves every click.
      for (let i = 0; i < links; i += 1) {
        await page.locator('a').nth(i).hover();
        await page.locator('a').nth(i).click();
        await page.waitForTimeout(50);
        clicked += 1;
        expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), `${svg} link ${i}`).toBeUndefined();
      }
      await page.mouse.click(200, 150);
      expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), svg).toBeUndefined();
    }
    expect(clicked).toBe(15);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
