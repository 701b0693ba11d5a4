// Measures search on the built handbook (run `npm run build` first) in Chromium on localhost, outside `npm test`:
// how the learner queries of tests/e2e/search-queries.ts rank, the time from keystroke to the first result rows on
// screen (cold: a fresh browser profile that opens search with Ctrl+K and types; warm: the next query), and the bytes
// one cold query transfers. Usage: npm run bench:search [-- --runs N] [-- --speed-only] [-- --profile] [-- --profile-warm]
// (`--profile`: instead, the cold path of one query typed 300 ms after Ctrl+K, request by request, on one clock;
// `--profile-warm`: the same for the next query, ` ingress` typed on after `kubernetes`)
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { resultRoutes } from '../tests/helpers/search-box.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { LEARNER_QUERIES } from '../tests/e2e/search-queries.ts';
import { profileOnce, profileWarmOnce } from './bench/search-profile.ts';
import { timeQuery } from './bench/search-timing.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'speed-only': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-warm': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(args.runs) || 5);
const dist = resolve(process.env.HANDBOOK_OUT ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}

/** One cold page: opens search with Ctrl+K, waits `pause` ms, types a query, then a warm one after it. */
async function coldAndWarm(browser: Browser, url: string, pause: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  let bytes = 0;
  let requests = 0;
  page.on('requestfinished', (request) => {
    void request.sizes().then((sizes) => {
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests += 1;
    });
  });
  await page.evaluate(() => {
    document.addEventListener('keydown', () => ((window as unknown as { hbOpen: number }).hbOpen = performance.now()), {
      capture: true,
      once: true,
    });
  });
  await page.keyboard.press('Control+k');
  await page.waitForTimeout(pause);
  const cold = await timeQuery(page, 'kubernetes', 'kubernetes');
  // Filter counts and the rest load after the first rows; the warm query comes once they are in.
  await page.waitForTimeout(1000);
  const payload = { bytes, requests };
  const warm = await timeQuery(page, ' ingress', 'kubernetes ingress');
  await page.waitForTimeout(300);
  // A query a reader types at about eight letters a second, after clearing the field.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(300);
  const typing = await timeQuery(page, 'terraform state', 'terraform state', 120);
  const bare = await page.evaluate(async () => {
    const pagefind = (await import(
      /* @vite-ignore */ `${document.querySelector<HTMLElement>('.search')!.dataset.base}pagefind/pagefind.js`
    )) as {
      search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
    };
    const start = performance.now();
    const found = await pagefind.search('kubernetes service');
    await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
    return performance.now() - start;
  });
  await context.close();
  return { cold, warm, typing, payload, bare };
}

// Runs whose query never showed (NaN: a keystroke typed before the dialog opened was lost) are left out of the median.
const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
};
const show = (values: number[], unit = 'ms') =>
  `${median(values)} ${unit} (${values.map((v) => (Number.isFinite(v) ? Math.round(v) : 'never')).join(', ')})`;

const server = await serveStatic(dist, process.env.HANDBOOK_BASE ?? '/');
const browser = await launchBrowser();
try {
  const profiling = args.profile || args['profile-warm'];
  if (profiling) {
    const url = `${server.url}infrastructure/docker/`;
    console.log(args['profile-warm'] ? await profileWarmOnce(browser, url) : await profileOnce(browser, url, 300));
    console.log(
      `Load average: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } else if (!args['speed-only']) {
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
  }

  const load = loadavg().map((n) => n.toFixed(2));
  for (const pause of profiling ? [] : [0, 300]) {
    const all: Awaited<ReturnType<typeof coldAndWarm>>[] = [];
    for (let i = 0; i < runs; i++) all.push(await coldAndWarm(browser, `${server.url}infrastructure/docker/`, pause));
    const pick = (f: (r: (typeof all)[number]) => number) => show(all.map(f));
    console.log(
      [
        `Ctrl+K, ${pause} ms, then "kubernetes" typed at once; medians of ${runs} fresh pages (each run's value in brackets):`,
        `  cold, last keystroke to first row shown: ${pick((r) => r.cold.first)}; to all 8 rows: ${pick((r) => r.cold.complete)}; Ctrl+K to first row: ${pick((r) => r.cold.fromOpen)}`,
        `  warm, " ingress" typed next, last keystroke to first row: ${pick((r) => r.warm.first)}; to all 8 rows: ${pick((r) => r.warm.complete)}`,
        `  warm, "terraform state" typed at 120 ms a key, last keystroke to first row: ${pick((r) => r.typing.first)}; to all rows: ${pick((r) => r.typing.complete)}`,
        `  the cold query transferred ${show(
          all.map((r) => r.payload.bytes),
          'bytes',
        )} in ${median(all.map((r) => r.payload.requests))} requests`,
        `  Pagefind alone, warm: one search and 8 results' data in ${pick((r) => r.bare)}`,
        ...(all.some((r) => Number.isNaN(r.cold.first))
          ? [`  "never": the typed query never showed, a keystroke typed before the dialog opened was lost`]
          : []),
      ].join('\n'),
    );
  }
  if (!profiling) console.log(`Load average at the start: ${load.join(' ')} (${process.env.HANDBOOK_OUT ?? 'dist'})`);
} finally {
  await browser.close();
  await server.close();
}
