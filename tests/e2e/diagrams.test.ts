import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toAssetPath } from '../../src/lib/routes.ts';
import { sanitizeSvg } from '../../src/lib/sanitize-svg.ts';
import { launchBrowser } from '../helpers/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the handbook's own diagrams", () => {
  it('render pixel for pixel as their sources after the sanitizer made them inert', async () => {
    const handbookUrl = inject('handbookUrl');
    const diagrams = globSync('**/*.svg', { cwd: 'content' }).sort();
    // Every diagram of the handbook is published, and compared; the other SVGs of the site are the generator's own (public/).
    const published = globSync('**/*.svg', { cwd: inject('handbookDir'), ignore: globSync('**/*.svg', { cwd: 'public' }) });
    expect(diagrams.length).toBeGreaterThan(0);
    expect(published).toHaveLength(diagrams.length);
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();
    // The source is served from the site's own origin, so both render under the same conditions.
    const originalUrl = `${handbookUrl}__original__.svg`;
    let original = Buffer.alloc(0);
    await page.route(originalUrl, (route) => route.fulfill({ body: original, contentType: 'image/svg+xml' }));
    for (const file of diagrams) {
      original = readFileSync(join('content', file));
      const published = readFileSync(join(inject('handbookDir'), toAssetPath(file)));
      await page.goto(originalUrl);
      const before = await page.screenshot();
      await page.goto(`${handbookUrl}${toAssetPath(file).slice(1)}`);
      const after = await page.screenshot();
      expect(published.toString('utf8'), `${file} was published as the sanitizer wrote it`).toBe(
        sanitizeSvg(original.toString('utf8')).svg,
      );
      expect(after.equals(before), `${file} renders differently`).toBe(true);
    }
    await context.close();
  }, 120_000);
});
