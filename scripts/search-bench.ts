// Measures search on the built handbook (run `npm run build` first) in Chromium on localhost, outside `npm test`:
// how the learner queries of tests/e2e/search-queries.ts rank, the time from keystroke to first result
// (cold: a fresh browser profile that opens search and types at once; warm: the next query), and the bytes one
// cold query transfers. Usage: npm run bench:search
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { resultRoutes } from '../tests/helpers/search-box.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { LEARNER_QUERIES } from '../tests/e2e/search-queries.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const dist = resolve(process.env.HANDBOOK_OUT ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}

/** Types `typed` into the open dialog and returns ms from its last keystroke to the list showing `query`. */
async function timeQuery(page: Page, typed: string, query = typed): Promise<number> {
  const field = page.locator('#hb-search-input');
  await field.evaluate((input, q) => {
    const list = document.getElementById('hb-search-results')!;
    const w = window as unknown as { hbDone: Promise<number>; hbKey: number };
    w.hbDone = new Promise((done) => {
      new MutationObserver(() => list.dataset.query === q && done(performance.now())).observe(list, { attributes: true, childList: true });
    });
    input.addEventListener('input', () => (w.hbKey = performance.now()));
  }, query);
  await page.keyboard.type(typed);
  return page.evaluate(async () => {
    const w = window as unknown as { hbDone: Promise<number>; hbKey: number };
    return Math.round((await w.hbDone) - w.hbKey);
  });
}

const server = await serveStatic(dist, process.env.HANDBOOK_BASE ?? '/');
const browser = await launchBrowser();
try {
  const quality = await browser.newPage();
  await quality.goto(`${server.url}search/`);
  let hits = 0;
  for (const { query, kind, expect } of LEARNER_QUERIES) {
    const top = (await resultRoutes(quality, query)).slice(0, 3);
    const ok = expect.some((route) => top.includes(route));
    hits += ok ? 1 : 0;
    console.log(`${ok ? 'hit ' : 'MISS'} ${kind.padEnd(12)} ${query.padEnd(40)} ${top.join(' ')}`);
  }
  console.log(`${hits}/${LEARNER_QUERIES.length} learner queries have an expected page in the top 3.\n`);
  await quality.close();

  for (const pause of [0, 300]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}infrastructure/docker/`);
    let bytes = 0;
    const files: string[] = [];
    page.on('requestfinished', (request) => {
      void request.sizes().then((sizes) => {
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        files.push(new URL(request.url()).pathname);
      });
    });
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(pause);
    const cold = await timeQuery(page, 'kubernetes');
    await page.waitForTimeout(500);
    const payload = bytes;
    const warm = await timeQuery(page, ' ingress', 'kubernetes ingress');
    const bare = await page.evaluate(async () => {
      const pagefind = (await import(
        /* @vite-ignore */ `${document.querySelector<HTMLElement>('.search')!.dataset.base}pagefind/pagefind.js`
      )) as {
        search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
      };
      const start = performance.now();
      const found = await pagefind.search('kubernetes service');
      await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
      return Math.round(performance.now() - start);
    });
    console.log(
      `Typed ${pause} ms after opening search: cold ${cold} ms, warm ${warm} ms from keystroke to first result; first query transferred ${payload} bytes in ${files.length} requests; Pagefind alone, warm: ${bare} ms for one search and 8 results.`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
