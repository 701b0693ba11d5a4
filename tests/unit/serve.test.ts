import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveScript } from '../../src/lib/offline-copy.ts';

const root = mkdtempSync(join(tmpdir(), 'handbook-serve-'));
let child: ChildProcess;
let origin = '';

/** A raw request: the path is sent exactly as written, `..` included (fetch would normalise it). */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string; location: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request(`${origin}/`, { method, path }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), location: String(res.headers.location), body }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  const site = join(root, 'copy', 'site', 'docs');
  mkdirSync(join(site, 'guide'), { recursive: true });
  mkdirSync(join(site, 'pagefind'));
  writeFileSync(join(root, 'secret.txt'), 'secret');
  writeFileSync(join(root, 'copy', 'README.txt'), 'readme outside site/');
  writeFileSync(join(site, 'index.html'), 'home');
  writeFileSync(join(site, 'guide', 'index.html'), 'guide');
  writeFileSync(join(site, '404.html'), 'not found page');
  writeFileSync(join(site, 'pagefind', 'pagefind.wasm'), 'wasm');
  writeFileSync(join(site, 'manifest.webmanifest'), '{}');
  symlinkSync(join(root, 'secret.txt'), join(site, 'link.txt'));
  writeFileSync(join(root, 'copy', 'serve.mjs'), serveScript(readFileSync('scripts/offline-copy/serve.mjs', 'utf8'), '/docs/'));
  child = spawn(process.execPath, ['serve.mjs', '--port', '0'], { cwd: join(root, 'copy'), stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise((done) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /at (http:\/\/[^/]+)/.exec(out)?.[1];
      if (url) done(url);
    });
  });
});
afterAll(async () => {
  child?.kill('SIGTERM');
  if (child && child.exitCode === null) await new Promise((done) => child.once('exit', done));
  rmSync(root, { recursive: true, force: true });
});

describe('serve.mjs of the archive', () => {
  it('listens on the loopback address by default', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves pages at the base path, folders by their index, and sends / to the base', async () => {
    expect(await get('/docs/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: 'home' });
    expect(await get('/docs/guide/')).toMatchObject({ status: 200, body: 'guide' });
    expect(await get('/docs/guide')).toMatchObject({ status: 301, location: '/docs/guide/' });
    expect(await get('/')).toMatchObject({ status: 302, location: '/docs/' });
  });

  it('sends WebAssembly and the manifest with their MIME types', async () => {
    expect((await get('/docs/pagefind/pagefind.wasm')).type).toBe('application/wasm');
    expect((await get('/docs/manifest.webmanifest')).type).toBe('application/manifest+json');
  });

  it('never serves a file outside site/, however the path is written', async () => {
    for (const path of [
      '/docs/../../secret.txt',
      '/../README.txt',
      '/docs/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      '/docs/..%2f..%2f..%2fsecret.txt',
      '/..%5c..%5csecret.txt',
      '/docs/link.txt',
      '/docs/%00index.html',
      '/%E0%A4%A',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toBe('not found page');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/docs/', 'POST')).status).toBe(405);
    expect(await get('/docs/', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });
});
