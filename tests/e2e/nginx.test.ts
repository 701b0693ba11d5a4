// deploy/nginx.conf for real: Debian's nginx serves the built handbook with the shipped config,
// adapted only by tests/helpers/nginx.ts (listen port, root, pid and temp paths).
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { metaPolicy } from '../../src/lib/nginx-csp.ts';
import { launchBrowser, watchPage } from '../helpers/browser.ts';
import { healthcheckUrl, readDockerfile } from '../helpers/dockerfile.ts';
import { adaptNginxConfig, freePort, get, startNginx, type NginxServer } from '../helpers/nginx.ts';

// The smallest valid WebAssembly module: the handbook ships no .wasm file of its own (Pagefind's is
// compressed inside wasm.en.pagefind), so one is added to check the MIME type browsers require.
const EMPTY_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

const handbookDir = inject('handbookDir');
let runDir: string;
let root: string;
let server: NginxServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // A copy readable by nginx's workers (the build's own folder is private to this user), in a
  // folder that also holds the adapted config, the generated CSP include, the pid and temp files.
  runDir = mkdtempSync(join(tmpdir(), 'handbook-nginx-'));
  chmodSync(runDir, 0o755);
  root = join(runDir, 'html');
  cpSync(handbookDir, root, { recursive: true });
  chmodSync(root, 0o755);
  writeFileSync(join(root, 'probe.wasm'), EMPTY_WASM);
  // The offline build ships these two; the server's rules for them are checked either way.
  if (!existsSync(join(root, 'sw.js'))) writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  if (!existsSync(join(root, 'manifest.webmanifest'))) writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Handbook"}\n');
  execFileSync(process.execPath, ['scripts/nginx-csp.ts', root, join(runDir, 'csp-header.conf')], { stdio: 'pipe' });
  const port = await freePort();
  const place = { port, root, runDir };
  server = await startNginx(adaptNginxConfig(readFileSync('deploy/nginx.conf', 'utf8'), place), place);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (runDir) rmSync(runDir, { recursive: true, force: true });
});

const url = (path: string) => `${server!.url}${path}`;
const first = (folder: string, pattern: RegExp) => {
  const name = readdirSync(join(root, folder)).find((f) => pattern.test(f));
  if (!name) throw new Error(`no file matching ${pattern} in ${folder}`);
  return `/${folder}/${name}`;
};
const notFoundPage = () => readFileSync(join(root, '404.html'));

describe('nginx with deploy/nginx.conf over the built handbook', () => {
  it('serves a page as UTF-8 HTML with every security header and the page’s own policy', async () => {
    const res = await get(url('/'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const meta = metaPolicy(res.body.toString('utf8'));
    expect(meta).toContain("script-src 'self' 'sha256-");
    expect(res.headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': 'no-cache',
      server: 'nginx',
    });
    expect(res.headers['permissions-policy']).toContain('camera=()');
  });

  it('redirects a folder address without its slash to the same host and port', async () => {
    const res = await get(url('/infrastructure'));
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/infrastructure/');
    expect((await get(url('/infrastructure/'))).status).toBe(200);
  });

  it('answers a missing address with 404, the site’s 404 page and the same headers', async () => {
    const res = await get(url('/no/such/page/'));
    expect(res.status).toBe(404);
    expect(res.body.equals(notFoundPage())).toBe(true);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never lists a folder: folders without index.html are 404 pages', async () => {
    for (const folder of ['/_astro/', '/pagefind/', '/pagefind/fragment/']) {
      const res = await get(url(folder));
      expect(res.status, folder).toBe(404);
      expect(res.body.equals(notFoundPage()), folder).toBe(true);
      expect(res.body.toString()).not.toContain('Index of');
    }
  });

  it('caches hashed assets for a year and revalidates everything else', async () => {
    const immutable = [
      first('_astro', /\.css$/),
      first('pagefind/fragment', /\.pf_fragment$/),
      first('pagefind/index', /\.pf_index$/),
      first('pagefind', /\.pf_meta$/),
    ];
    for (const path of immutable) expect((await get(url(path))).headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    const revalidated = [
      '/',
      '/infrastructure/',
      '/404.html',
      '/sw.js',
      '/manifest.webmanifest',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
      '/favicon.svg',
    ];
    for (const path of revalidated) {
      const res = await get(url(path));
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers a revalidation with 304 and no body', async () => {
    const { headers } = await get(url('/infrastructure/'));
    const again = await get(url('/infrastructure/'), { 'if-none-match': String(headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('sends the right types: WebAssembly, the manifest, scripts and styles', async () => {
    expect((await get(url('/probe.wasm'))).headers['content-type']).toBe('application/wasm');
    expect((await get(url('/manifest.webmanifest'))).headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect((await get(url('/sw.js'))).headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect((await get(url(first('_astro', /\.css$/)))).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('compresses text and leaves Pagefind’s already-compressed files alone', async () => {
    const css = first('_astro', /\.css$/);
    const res = await get(url(css), { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(res.body).equals(readFileSync(join(root, css)))).toBe(true);
    const html = await get(url('/'), { 'accept-encoding': 'gzip' });
    expect(html.headers['content-encoding']).toBe('gzip');
    const fragment = await get(url(first('pagefind/fragment', /\.pf_fragment$/)), { 'accept-encoding': 'gzip' });
    expect(fragment.headers['content-encoding']).toBeUndefined();
  });

  it('answers the Dockerfile’s health check', async () => {
    const check = healthcheckUrl(readDockerfile());
    expect((await get(url(check.pathname))).status).toBe(200);
  });

  it('lets Chromium search the handbook and open a result, with nothing blocked by the policy', async () => {
    browser = await launchBrowser();
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page, { failedResponses: true });
    await page.goto(url('/'));
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search' });
    await input.fill('kubernetes');
    await page.getByRole('option').first().waitFor();
    await input.press('ArrowDown');
    await input.press('Enter');
    await page.waitForURL((u) => u.pathname !== '/');
    await page.locator('h1').waitFor();
    // The same policy, sent as a header, allows WebAssembly compiled from the network.
    const compiled = await page.evaluate(async () => {
      const { instance } = await WebAssembly.instantiateStreaming(fetch('/probe.wasm'));
      return instance instanceof WebAssembly.Instance;
    });
    expect(compiled).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
