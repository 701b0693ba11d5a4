import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { firstCompleteResult } from '../helpers/search-box.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts `node serve.mjs --port 0` in `folder` and resolves with the address it prints. */
function startServer(folder: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['serve.mjs', '--port', '0'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /Serving the handbook at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) done({ url, child });
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}:\n${out}`)));
  });
}

describe('the archive of npm run package', () => {
  it('unpacks into a folder whose serve.mjs serves the handbook with working search, and stops', async () => {
    const out = execFileSync(process.execPath, ['scripts/package.ts', '--out', work], {
      env: { ...process.env, HANDBOOK_OUT: inject('handbookDir') },
      encoding: 'utf8',
    });
    const archive = readdirSync(work).find((f) => /^handbook-[0-9a-f]{12}\.zip$/.test(f));
    expect(archive, out).toBeDefined();
    // Debian's unzip, not the library that wrote the archive, so the format is checked too.
    execFileSync('unzip', ['-q', join(work, archive!), '-d', join(work, 'unpacked')]);
    const folder = join(work, 'unpacked', archive!.replace(/\.zip$/, ''));
    expect(readdirSync(folder).sort()).toEqual(['README.txt', 'serve.mjs', 'site']);

    const { url, child } = await startServer(folder);
    const browser = await launchBrowser();
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(url)) elsewhere.push(r.url());
      });
      await page.goto(url);
      await page.keyboard.press('Control+k');
      const input = page.getByRole('combobox', { name: 'Search' });
      await input.fill('kubernetes');
      const first = await firstCompleteResult(page);
      const target = new URL((await first.getAttribute('href'))!, url).href;
      await input.press('ArrowDown');
      await input.press('Enter');
      await page.waitForURL(target);
      expect(await page.locator('h1').textContent()).toMatch(/\S/);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(undefined)));
    }
    expect(child.exitCode).toBe(0);
  }, 120_000);
});
