import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSource, type SourceCheck } from '../lib/check-source.ts';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { learningPathDiagnostics } from '../lib/learning-path-checks.ts';
import type { PathNode } from '../lib/learning-path.ts';
import { createPageIndex, type PageIndex } from '../lib/page-index.ts';
import { findRouteCollisions, reservedRouteUse, toRoute } from '../lib/routes.ts';
import { refusedLinkMessage, type RefusedLink } from '../lib/symlinks.ts';
import { displayPath } from './display-path.ts';
import { stampOf } from './file-stamp.ts';
import { scanContent } from './scan-content.ts';

/** What the check of the sources found, before any Markdown is rendered. */
export interface Preflight {
  index: PageIndex;
  diagnostics: Diagnostic[];
  /** Pages that cannot be rendered and are left out of the build. */
  excluded: string[];
  /** Symbolic links the content loader must not follow either (content-relative). */
  refusedLinks: string[];
  /** File → lines of frontmatter before the Markdown body. */
  bodyLineOffsets: Map<string, number>;
  /** File → its `title` frontmatter field, for pages that set one. */
  titles: Map<string, string>;
  /** Former route of a moved page → its file (frontmatter `movedFrom`), for progress kept under the old route. */
  moved: Map<string, string>;
  /** The content root is missing or holds no page: nothing else can be checked. */
  fatal: boolean;
}

export { displayPath } from './display-path.ts';

/** Returns the problem with the content root itself (missing, not a folder, no page), if any. */
export function checkContentRoot(contentRoot: string, pageCount?: number): Diagnostic | undefined {
  const file = displayPath(contentRoot, '');
  if (!existsSync(contentRoot) || !statSync(contentRoot).isDirectory()) {
    return diagnostic({
      file,
      rule: 'missing-content-root',
      severity: 'error',
      message: 'the content root does not exist or is not a folder',
    });
  }
  const pages = pageCount ?? scanContent(contentRoot).pageFiles.length;
  if (pages === 0)
    return diagnostic({ file, rule: 'missing-content-root', severity: 'error', message: 'the content root holds no .md or .mdx page' });
  return undefined;
}

/**
 * What the source check of each page gave, kept between runs by a checker that lives across changes (the dev
 * server's): a page whose file is unchanged, in a tree of the same files, is not read again.
 */
export interface SourceCache {
  /** The tree's files when the entries were made: a file added or removed changes what prerequisites resolve to. */
  tree: string;
  /** Page → its modification stamp and the check's result. */
  pages: Map<string, { stamp: string; result: SourceCheck }>;
}

/** Returns an empty {@link SourceCache}. */
export function createSourceCache(): SourceCache {
  return { tree: '', pages: new Map() };
}

/** Checks every page source of the tree: encoding, emptiness, frontmatter, prerequisites, MDX, route collisions. */
export function runPreflight(
  contentRoot: string,
  componentsDir = resolve('src/components'),
  requireLevel = false,
  cache?: SourceCache,
): Preflight {
  const isFolder = existsSync(contentRoot) && statSync(contentRoot).isDirectory();
  const tree = isFolder
    ? scanContent(contentRoot)
    : { pageFiles: [], assetFiles: [], assetSizes: new Map<string, number>(), refusedLinks: [] };
  const { pageFiles, assetFiles } = tree;
  const missing = checkContentRoot(contentRoot, pageFiles.length);
  if (missing)
    return {
      index: createPageIndex([]),
      diagnostics: [missing],
      excluded: [],
      refusedLinks: [],
      bodyLineOffsets: new Map(),
      titles: new Map(),
      moved: new Map(),
      fatal: true,
    };
  const index = createPageIndex(pageFiles, assetFiles, [], tree);
  const diagnostics: Diagnostic[] = tree.refusedLinks.map(refusedLinkDiagnostic);
  const excluded: string[] = [];
  const unpublished = new Set<string>();
  const bodyLineOffsets = new Map<string, number>();
  const titles = new Map<string, string>();
  const pathNodes: PathNode[] = [];
  const moved = new Map<string, string>();
  const check = sourceChecker(contentRoot, index, componentsDir, cache, [...pageFiles, ...assetFiles].join('\n'));
  for (const file of pageFiles) {
    const result = check(file);
    diagnostics.push(...result.diagnostics);
    if (result.fatal) excluded.push(file);
    if (result.bodyLineOffset > 0) bodyLineOffsets.set(file, result.bodyLineOffset);
    if (result.frontmatter?.draft || result.diagnostics.some((d) => d.rule === 'empty-file')) unpublished.add(file);
    if (result.fields?.title) titles.set(file, result.fields.title);
    for (const route of result.fields?.movedFrom ?? []) moved.set(route, file);
    if (!result.fatal && !unpublished.has(file))
      pathNodes.push({ file, level: result.fields?.level, prerequisites: result.prerequisiteEdges });
  }
  diagnostics.push(
    ...learningPathDiagnostics(
      pathNodes.filter((n) => !unpublished.has(n.file)),
      requireLevel,
    ),
  );
  for (const [route, files] of findRouteCollisions(pageFiles)) {
    for (const file of files) {
      const others = files
        .filter((f) => f !== file)
        .map((f) => `\`${displayPath(contentRoot, f)}\``)
        .join(', ');
      diagnostics.push(diagnostic({ file, rule: 'duplicate-route', severity: 'error', message: `maps to route ${route} like ${others}` }));
    }
  }
  for (const file of pageFiles) {
    const use = reservedRouteUse(file);
    if (use)
      diagnostics.push(
        diagnostic({ file, rule: 'duplicate-route', severity: 'error', message: `maps to route ${toRoute(file)}, which is ${use}` }),
      );
  }
  const withPaths = diagnostics.map((d) => ({ ...d, file: d.rule === 'missing-content-root' ? d.file : displayPath(contentRoot, d.file) }));
  // Drafts and empty pages are not published, so links to them are broken links.
  const published =
    unpublished.size === 0
      ? index
      : createPageIndex(
          pageFiles.filter((f) => !unpublished.has(f)),
          assetFiles,
          unpublished,
          tree,
        );
  const refusedLinks = tree.refusedLinks.map((link) => link.path);
  return {
    index: published,
    diagnostics: withPaths,
    excluded: [...new Set([...excluded, ...unpublished])],
    refusedLinks,
    bodyLineOffsets,
    titles,
    moved,
    fatal: false,
  };
}

// MDX pages are checked against the components folder, which the cache does not watch: they are always read.
function sourceChecker(
  contentRoot: string,
  index: PageIndex,
  componentsDir: string,
  cache: SourceCache | undefined,
  tree: string,
): (file: string) => SourceCheck {
  const read = (file: string) =>
    checkSource(file, readFileSync(join(contentRoot, file)), index, { absPath: join(contentRoot, file), componentsDir });
  if (!cache) return read;
  if (cache.tree !== tree) cache.pages.clear();
  cache.tree = tree;
  return (file) => {
    if (/\.mdx$/i.test(file)) return read(file);
    const stamp = stampOf(join(contentRoot, file));
    const hit = cache.pages.get(file);
    if (hit?.stamp === stamp) return hit.result;
    const result = read(file);
    cache.pages.set(file, { stamp, result });
    return result;
  };
}

function refusedLinkDiagnostic(link: RefusedLink): Diagnostic {
  const rule = link.reason === 'loop' ? 'symlink-loop' : 'symlink-outside-root';
  return diagnostic({ file: link.path, rule, severity: 'error', message: refusedLinkMessage(link) });
}
