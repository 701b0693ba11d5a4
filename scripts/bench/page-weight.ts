import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bytes } from './results-schema.ts';
import { median } from './stats.ts';

/** Returns every file under a folder, recursively, as absolute paths. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Returns the bytes and file count of a built site. */
export function distSize(dist: string): { bytes: number; files: number } {
  const files = filesUnder(dist);
  return { bytes: files.reduce((sum, f) => sum + statSync(f).size, 0), files: files.length };
}

const weigh = (texts: readonly (string | Buffer)[]): Bytes => ({
  raw: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
  gzip: texts.reduce((n, t) => n + gzipSync(t).length, 0),
});

/** Returns the file an address of a page refers to (root-relative under `base`, or relative to the page). */
function fileOf(dist: string, base: string, pageFile: string, href: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(href)) return undefined;
  const path = href.split(/[?#]/)[0]!;
  const file = path.startsWith('/') ? join(dist, path.startsWith(base) ? path.slice(base.length) : path) : join(dirname(pageFile), path);
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find(Boolean);

const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;

/** Adds a script file and every module it imports statically (not `import()`), each once, to `seen`. */
function withStaticImports(dist: string, base: string, file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
    const target = fileOf(dist, base, file, m[1]!);
    if (target) withStaticImports(dist, base, target, seen);
  }
}

/**
 * Returns the page of median HTML size under `dist` (every `index.html`) and what it loads before any
 * interaction: its stylesheets, and its scripts (inline, `src`, module preloads, and their static imports).
 * Each file is gzip-compressed on its own, as a server sends it.
 */
export function medianPage(dist: string, base = '/'): { path: string; html: Bytes; css: Bytes; js: Bytes } {
  const pages = filesUnder(dist)
    .filter((f) => f.endsWith('index.html'))
    .map((file) => ({ file, size: statSync(file).size }))
    .sort((a, b) => a.size - b.size || a.file.localeCompare(b.file));
  if (pages.length === 0) throw new Error(`No index.html under ${dist}.`);
  const middle = median(pages.map((p) => p.size));
  const page = pages.find((p) => p.size >= middle)!;
  const html = readFileSync(page.file, 'utf8');
  const css = new Set<string>();
  const scripts = new Set<string>();
  const inline: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel')?.toLowerCase() ?? '';
    const file = fileOf(dist, base, page.file, attr(tag, 'href') ?? '');
    if (file && rel.split(/\s+/).includes('stylesheet')) css.add(file);
    if (file && rel === 'modulepreload') withStaticImports(dist, base, file, scripts);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = attr(m[1]!, 'type') ?? '';
    if (type && !/module|javascript/i.test(type)) continue;
    const src = attr(m[1]!, 'src');
    const file = src ? fileOf(dist, base, page.file, src) : undefined;
    if (file) withStaticImports(dist, base, file, scripts);
    else if (m[2]!.trim()) {
      inline.push(m[2]!);
      for (const i of m[2]!.matchAll(STATIC_IMPORT)) {
        const target = fileOf(dist, base, page.file, i[1]!);
        if (target) withStaticImports(dist, base, target, scripts);
      }
    }
  }
  return {
    path: `/${relative(dist, dirname(page.file))}${page.file === join(dist, 'index.html') ? '' : '/'}`,
    html: weigh([html]),
    css: weigh([...css].map((f) => readFileSync(f))),
    js: weigh([...inline, ...[...scripts].map((f) => readFileSync(f))]),
  };
}
