// Writes screenshots of the built site (run `npm run build` first) into screenshots/ (git-ignored):
// the pages named as arguments (`npm run screenshots -- /infrastructure/docker/`), by default the home
// page and the first section it links, at phone and laptop sizes, in the light and dark themes.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeBase } from '../src/lib/site-config.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const dist = resolve(process.env.HANDBOOK_OUT ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const base = normalizeBase(process.env.HANDBOOK_BASE);
const { positionals } = parseArgs({ allowPositionals: true });
// The first section card of the home page: whichever tree was built, a page it has.
const firstSection = /<li class="card"><a href="([^"]+)"/.exec(readFileSync(resolve(dist, 'index.html'), 'utf8'))?.[1];
const routes = positionals.length > 0 ? positionals : ['/', ...(firstSection ? [firstSection.slice(base.length - 1)] : [])];
const pages = Object.fromEntries(
  routes.map((route) => [route === '/' ? 'home' : route.replace(/^\/+|\/+$/g, '').replaceAll('/', '-'), route.replace(/^\/+/, '')]),
);
const sizes = { phone: { width: 360, height: 740 }, laptop: { width: 1280, height: 800 } };
const out = resolve('screenshots');
mkdirSync(out, { recursive: true });

const server = await serveStatic(dist, base);
const browser = await launchBrowser();
try {
  for (const [pageName, path] of Object.entries(pages)) {
    for (const [sizeName, viewport] of Object.entries(sizes)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`);
        const file = resolve(out, `${pageName}-${sizeName}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: false });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
