import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../src/lib/csp.ts';

describe('the Content-Security-Policy of the pages', () => {
  it('hashes an inline script as sha256 of its exact UTF-8 text', () => {
    expect(scriptHash('x')).toBe(`'sha256-${createHash('sha256').update('x').digest('base64')}'`);
    expect(scriptHash("document.title='é'")).toBe(
      `'sha256-${createHash('sha256').update(Buffer.from("document.title='é'", 'utf8')).digest('base64')}'`,
    );
  });
  it('allows only the site itself, the listed inline scripts by hash and WebAssembly, and no plugins or frames', () => {
    const a = scriptHash('a()');
    const b = scriptHash('b()');
    expect(contentSecurityPolicy(['a()', 'b()'])).toBe(
      [
        "default-src 'self'",
        `script-src 'self' ${a} ${b} 'wasm-unsafe-eval'`,
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; '),
    );
  });
  it('writes no empty source list when there is no inline script', () => {
    expect(contentSecurityPolicy([])).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });
});
