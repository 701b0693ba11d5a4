import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ASSET_BYTES, extensionOf, isPublishableType, publishProblem } from '../../src/lib/publishable.ts';
import { readSiteConfig } from '../../src/lib/site-config.ts';
import { severityOf } from '../../src/lib/strictness.ts';

describe('publishable linked files', () => {
  it('publishes images, PDFs, text examples, configuration files, archives and known extensionless examples', () => {
    for (const file of [
      'a/diagram.SVG',
      'photo.jpeg',
      'slides.pdf',
      'nginx.conf',
      'values.yaml',
      'main.tf',
      'logs.tar.gz',
      'k8s/Dockerfile',
      'run.sh',
    ]) {
      expect(isPublishableType(file), file).toBe(true);
    }
  });
  it('refuses HTML, scripts, WebAssembly, styles, XML and unknown types', () => {
    for (const file of [
      'demo.html',
      'demo.HTM',
      'page.xhtml',
      'app.js',
      'app.mjs',
      'mod.wasm',
      'site.css',
      'feed.xml',
      'setup.exe',
      'README',
    ]) {
      expect(isPublishableType(file), file).toBe(false);
    }
  });
  it('takes the extension from the file name only', () => {
    expect(extensionOf('v1.2/notes')).toBe('');
    expect(extensionOf('a/.hidden')).toBe('');
    expect(extensionOf('a/archive.tar.GZ')).toBe('gz');
  });
  it('says what to do instead of linking an HTML or script file', () => {
    expect(publishProblem('demo.html', 10, 100)).toEqual({
      rule: 'unpublishable-file',
      message:
        'links a `.html` file, which is not published: an HTML file would run its scripts on the site; write it as a Markdown page (.md) instead, or link its source by full URL',
    });
    expect(publishProblem('app.mjs', 10, 100)?.message).toBe(
      'links a `.mjs` file, which is not published: code files could run on the site; show the code in a fenced code block, or pack the files into a .zip',
    );
    expect(publishProblem('setup.exe', 10, 100)?.message).toContain('pack it into a .zip');
  });
  it('refuses a file above the size limit and accepts one at it', () => {
    expect(publishProblem('big.zip', 3 * 1024 * 1024 + 1, 3 * 1024 * 1024)).toEqual({
      rule: 'file-too-large',
      message: 'links a file of 3.0 MiB, more than the 3.0 MiB limit',
    });
    expect(publishProblem('big.zip', 2048, 2048)).toBeUndefined();
  });
  it('reads the limit from HANDBOOK_MAX_ASSET_BYTES, 10 MiB by default, and rejects a value that is not a byte count', () => {
    expect(readSiteConfig({}, '/repo').maxAssetBytes).toBe(DEFAULT_MAX_ASSET_BYTES);
    expect(DEFAULT_MAX_ASSET_BYTES).toBe(10_485_760);
    expect(readSiteConfig({ HANDBOOK_MAX_ASSET_BYTES: '5000' }, '/repo').maxAssetBytes).toBe(5000);
    expect(() => readSiteConfig({ HANDBOOK_MAX_ASSET_BYTES: '10MB' }, '/repo')).toThrow(
      /HANDBOOK_MAX_ASSET_BYTES must be a whole number of bytes/,
    );
  });
  it('keeps the safety rules errors under the most lenient policy', () => {
    for (const rule of ['symlink-outside-root', 'symlink-loop', 'unpublishable-file', 'file-too-large'] as const) {
      expect(severityOf(rule, { strictness: 'lenient', links: 'warn' }), rule).toBe('error');
    }
  });
});
