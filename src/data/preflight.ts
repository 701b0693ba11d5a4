import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSource } from '../lib/check-source.ts';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { learningPathDiagnostics } from '../lib/learning-path-checks.ts';
import type { PathNode } from '../lib/learning-path.ts';
import { createPageIndex, type PageIndex } from '../lib/page-index.ts';
import { findRouteCollisions, reservedRouteUse, toRoute } from '../lib/routes.ts';
import { refusedLinkMessage, type RefusedLink } from '../lib/symlinks.ts';
import { displayPath } from './display-path.ts';
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

/** Checks every page source of the tree: encoding, emptiness, frontmatter, prerequisites, MDX, route collisions. */
export function runPreflight(contentRoot: string, componentsDir = resolve('src/components'), requireLevel = false): Preflight {
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
  for (const file of pageFiles) {
    const result = checkSource(file, readFileSync(join(contentRoot, file)), index, { absPath: join(contentRoot, file), componentsDir });
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

function refusedLinkDiagnostic(link: RefusedLink): Diagnostic {
  const rule = link.reason === 'loop' ? 'symlink-loop' : 'symlink-outside-root';
  return diagnostic({ file: link.path, rule, severity: 'error', message: refusedLinkMessage(link) });
}
