// Writes screenshots of the built site (run `npm run build` first) into screenshots/ (git-ignored):
// the home page and a chapter page, at phone and laptop sizes, in the light and dark themes.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const dist = resolve(process.env.HANDBOOK_OUT ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const pages = { home: '', chapter: 'infrastructure/docker/' };
const sizes = { phone: { width: 360, height: 740 }, laptop: { width: 1280, height: 800 } };
const out = resolve('screenshots');
mkdirSync(out, { recursive: true });

const server = await serveStatic(dist, process.env.HANDBOOK_BASE ?? '/');
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
