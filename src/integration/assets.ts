import { copyFile, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { extensionOf } from '../lib/publishable.ts';
import { dirOf, toAssetPath, toFolderRoute } from '../lib/routes.ts';
// A static import: Astro loads the integration through Vite's module runner, which is closed by astro:build:done.
import { sanitizeSvg, type SanitizedSvg } from '../lib/sanitize-svg.ts';
import { symlinkProblem } from '../lib/symlinks.ts';

/** Returns where an asset is written under the output folder (file name kept as is). */
export function assetOutputPath(outDir: string, file: string): string {
  const name = file.split('/').pop() ?? file;
  return join(outDir, ...toFolderRoute(dirOf(file)).split('/').filter(Boolean), name);
}

/** Makes an SVG inert: `sanitizeSvg`, or a build's sanitizer that answers unchanged SVGs from its cache. */
export type Sanitize = (source: string) => SanitizedSvg;

/** A linked file ready to publish: its real path and, for an SVG, the inert text and what was removed. */
export interface PublishableFile {
  realPath: string;
  svg?: { text: string; removed: string[] };
}

/**
 * Returns a linked file as it may be published, or undefined when its real path is no longer inside the
 * content root (a link changed after the scan). SVGs are sanitized; other files are copied as they are.
 */
export async function readPublishable(
  contentRoot: string,
  file: string,
  sanitize: Sanitize = sanitizeSvg,
): Promise<PublishableFile | undefined> {
  const [realRoot, realPath] = await Promise.all([realpath(contentRoot), realpath(join(contentRoot, file)).catch(() => undefined)]);
  if (realPath === undefined || symlinkProblem(realRoot, realPath)) return undefined;
  if (extensionOf(file) !== 'svg') return { realPath };
  const { svg, removed } = sanitize(await readFile(realPath, 'utf8'));
  return { realPath, svg: { text: svg, removed } };
}

/** What publishing the linked files did. */
export interface Published {
  count: number;
  /** Content-relative SVG file → the active content removed from it. */
  sanitized: Map<string, string[]>;
}

/**
 * Copies the linked files from the content root into the built site, SVGs made inert; `prepared` holds
 * files already read as `readPublishable` reads them (the SVGs, sanitized on another thread).
 */
export async function publishAssets(
  contentRoot: string,
  outDir: string,
  files: Iterable<string>,
  prepared: ReadonlyMap<string, PublishableFile | undefined> = new Map(),
): Promise<Published> {
  const sanitized = new Map<string, string[]>();
  let count = 0;
  for (const file of [...files].sort()) {
    const source = prepared.has(file) ? prepared.get(file) : await readPublishable(contentRoot, file);
    if (!source) throw new Error(`The linked file ${file} now leads outside the content root; it was not published.`);
    const target = assetOutputPath(outDir, file);
    await mkdir(dirOf(target.replaceAll('\\', '/')), { recursive: true });
    if (source.svg) {
      await writeFile(target, source.svg.text);
      if (source.svg.removed.length > 0) sanitized.set(file, source.svg.removed);
    } else {
      await copyFile(source.realPath, target);
    }
    count += 1;
  }
  return { count, sanitized };
}

/** Returns the other SVGs of the built site (the site's own images, anything Astro emitted): those not published from the content. */
export function otherSvgs(outDir: string, published: Iterable<string>): string[] {
  const done = new Set([...published].map((file) => assetOutputPath(outDir, file)));
  return globSync('**/*.svg', { cwd: outDir, absolute: true, caseSensitiveMatch: false }).filter((f) => !done.has(f));
}

/** Makes the given SVG files inert in place; returns how many. */
export async function sanitizeSvgFiles(files: readonly string[], sanitize: Sanitize = sanitizeSvg): Promise<number> {
  for (const file of files) await writeFile(file, sanitize(await readFile(file, 'utf8')).svg);
  return files.length;
}

/** Returns a map from published URL path (without base) to content-relative asset file. */
export function assetUrlMap(files: Iterable<string>): Map<string, string> {
  return new Map([...files].map((file) => [toAssetPath(file), file]));
}
