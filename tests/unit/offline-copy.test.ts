import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';
import { copyName, copyPath, copyReadme, serveScript } from '../../src/lib/offline-copy.ts';
import { formatBytes, isOfflineMessage, offlineStatusText } from '../../src/lib/offline-status.ts';
import { readSiteConfig } from '../../src/lib/site-config.ts';
import { webManifest } from '../../src/lib/web-manifest.ts';

describe('the offline status region', () => {
  it('counts files while saving, then says the copy is ready with its size', () => {
    expect(offlineStatusText({ type: 'progress', version: 'v', done: 120, total: 310 })).toBe('Saving for offline: 120 of 310 files');
    expect(offlineStatusText({ type: 'ready', version: 'v', files: 310, bytes: 4.2 * 1024 * 1024 })).toBe('Available offline · 4.2 MB');
    expect(offlineStatusText({ type: 'failed', version: 'v', done: 3, total: 310 })).toBe(
      'Saving for offline stopped at 3 of 310 files; it starts again on your next visit',
    );
  });

  it('formats sizes in B, KB and MB', () => {
    expect([formatBytes(840), formatBytes(12 * 1024), formatBytes(4_404_019)]).toEqual(['840 B', '12 KB', '4.2 MB']);
  });

  it('accepts only the worker’s own messages', () => {
    expect(isOfflineMessage({ type: 'ready', version: 'v', files: 1, bytes: 1 })).toBe(true);
    expect(isOfflineMessage({ type: 'reload' })).toBe(false);
    expect(isOfflineMessage('ready')).toBe(false);
    expect(isOfflineMessage(null)).toBe(false);
  });
});

describe('the web app manifest', () => {
  it('starts and stays inside the base path, with icons under it, maskable included', () => {
    const manifest = webManifest({ title: 'DevOps Handbook', base: '/handbook/', lang: 'en' });
    expect(manifest).toMatchObject({
      name: 'DevOps Handbook',
      id: '/handbook/',
      start_url: '/handbook/',
      scope: '/handbook/',
      display: 'standalone',
      theme_color: '#ffffff',
    });
    expect(manifest.icons.map((i) => `${i.src} ${i.sizes} ${i.purpose}`)).toEqual([
      '/handbook/icons/icon.svg any any',
      '/handbook/icons/icon-192.png 192x192 any',
      '/handbook/icons/icon-512.png 512x512 any',
      '/handbook/icons/maskable-512.png 512x512 maskable',
    ]);
  });
});

describe('the Content-Security-Policy', () => {
  it('allows workers and the manifest from the site only', () => {
    const csp = contentSecurityPolicy([]).split('; ');
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("default-src 'self'");
  });
});

describe('the archive of the built site', () => {
  it('names the archive by the build’s version and puts the site under site/<base>', () => {
    expect(copyName('0123456789ab')).toBe('handbook-0123456789ab');
    expect(copyPath('handbook-v', '/handbook/', 'guide/index.html')).toBe('handbook-v/site/handbook/guide/index.html');
    expect(copyPath('handbook-v', '/', 'index.html')).toBe('handbook-v/site/index.html');
    expect(() => copyPath('handbook-v', '/', '../outside.txt')).toThrow(/Not a file inside the build/);
  });

  it('writes the base path into serve.mjs and fails loudly if the template changed shape', () => {
    expect(serveScript("a\nconst BASE = '/';\nb", '/handbook/')).toBe('a\nconst BASE = "/handbook/";\nb');
    expect(() => serveScript('const BASE = "/";', '/x/')).toThrow(/cannot find the line/);
  });

  it('explains both servers and the address to open in one paragraph', () => {
    const readme = copyReadme('DevOps Handbook', '/handbook/', 'abc');
    expect(readme).toContain('node serve.mjs');
    expect(readme).toContain('python3 -m http.server 8000 --bind 127.0.0.1 --directory site');
    expect(readme).toContain('http://127.0.0.1:8000/handbook/');
    expect(readme.trim()).not.toContain('\n\n');
  });

  it('reads the download link of the home page from HANDBOOK_DOWNLOAD_URL and rejects what is not a URL or a path', () => {
    expect(readSiteConfig({}, '/repo').downloadUrl).toBeUndefined();
    expect(readSiteConfig({ HANDBOOK_DOWNLOAD_URL: 'https://example.org/handbook-latest.zip' }, '/repo').downloadUrl).toBe(
      'https://example.org/handbook-latest.zip',
    );
    expect(readSiteConfig({ HANDBOOK_DOWNLOAD_URL: '/downloads/handbook.zip' }, '/repo').downloadUrl).toBe('/downloads/handbook.zip');
    expect(() => readSiteConfig({ HANDBOOK_DOWNLOAD_URL: 'javascript:alert(1)' }, '/repo')).toThrow(/HANDBOOK_DOWNLOAD_URL/);
  });
});
