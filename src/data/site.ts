import { getCollection, render } from 'astro:content';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { buildBacklinks } from '../lib/backlinks.ts';
import { checkLinks, shiftLinkLines } from '../lib/check-links.ts';
import { diagnostic, formatReport, type Diagnostic } from '../lib/diagnostics.ts';
import { applyPolicy } from '../lib/strictness.ts';
import { chooseTitle, fallbackTitleMessage } from '../lib/titles.ts';
import { validFields, type Frontmatter } from '../lib/frontmatter.ts';
import { addFolderIndexes, type FolderEntry, type GeneratedIndex } from '../lib/folder-index.ts';
import { buildTree, readingOrder, type FolderNode, type NavPage } from '../lib/navigation.ts';
import { readingMinutes } from '../lib/reading-aids.ts';
import { createPageIndex, type PageIndex } from '../lib/page-index.ts';
import { isGlossaryFile } from '../lib/glossary.ts';
import { orderPath, type OrderedPath, type PathNode } from '../lib/learning-path.ts';
import { toRoute } from '../lib/routes.ts';
import { SYNONYM_GROUPS } from '../lib/search-synonyms.ts';
import { searchAliases, type SearchAliases } from '../lib/search-terms.ts';
import type { Heading } from '../lib/toc.ts';
import type { PageRecord, UnsafeUrlRecord } from '../markdown/page-record.ts';
import { shortUrl } from '../lib/unsafe-url.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { lastCommitDates } from './git-dates.ts';
import { htmlFileOf } from './page-loader.ts';
import { prerequisitesOf } from './page-view.ts';
import { displayPath } from './preflight.ts';
import { startPhase } from './phases.ts';
import { buildState, ContentError } from './store.ts';

/** One published page with everything its layout needs that does not depend on other pages. */
export interface SitePage extends NavPage {
  frontmatter: Frontmatter;
  headings: Heading[];
  /** Whether the layout prints the title as the page's `<h1>` (the body has no leading `# H1` of its own left). */
  printTitle: boolean;
  /** Id for the printed `<h1>`: the one the body's leading `# H1` had. */
  titleId?: string | undefined;
  readingMinutes: number;
  /** Other names the search index knows the page by: frontmatter `aliases` and synonyms of its title and headings. */
  searchAliases: SearchAliases;
  /** ISO date of the last commit that changed the file, when git knows it. */
  lastUpdated?: string | undefined;
  /** The rendered Markdown of a page Astro renders itself (`.mdx`); see `htmlFile` for the others. */
  Content?: AstroComponentFactory | undefined;
  /** The file holding the page's rendered HTML (see page-html.ts); neither this nor `Content` on a generated folder index. */
  htmlFile?: string | undefined;
  /** What a generated folder index lists (a folder without README, as GitHub lists its files). */
  listing?: FolderEntry[] | undefined;
}

/** Everything computed once per build: pages, the tree, reading order, backlinks. */
export interface Site {
  /** Every page to write: the rendered ones, then the generated folder indexes. */
  pages: SitePage[];
  byFile: Map<string, SitePage>;
  /** Index of the published pages, for resolving prerequisites. */
  published: PageIndex;
  tree: FolderNode;
  order: NavPage[];
  backlinks: Map<string, string[]>;
  /** The learning path: pages by stage in prerequisite order (computed once, shown on `/learning-path/`). */
  learningPath: OrderedPath;
  /** Glossary entry id → the pages that mention its term, in reading order. */
  glossaryUsage: Map<string, string[]>;
  diagnostics: Diagnostic[];
}

let cached: Promise<Site> | undefined;
let devCache: { key: string; site: Promise<Site> } | undefined;

/** What of the site depends on one rendered page alone; the dev server keeps it for unchanged pages (`BuildState.sitePages`). */
export interface SitePagePart {
  page: SitePage;
  /** The page's record, link lines counted in the file. */
  record: PageRecord;
  /** Its missing-title and unsafe-URL problems. */
  problems: Diagnostic[];
}

/** Returns the site, computed once and shared by every page of a build (in dev, recomputed when the content changed). */
export async function loadSite(config: SiteConfig): Promise<Site> {
  const state = buildState();
  if (state.command === 'build') {
    cached ??= computeSite(config);
    return cached;
  }
  await state.dev?.settled;
  // The content layer's digests say when a page changed; the checks' revision, when any file did.
  const entries = await getCollection('pages');
  const digests = entries.map((e) => e.digest);
  if (digests.includes(undefined)) return computeSite(config);
  const key = `${state.dev?.revision ?? 0}\n${entries.map((e, i) => `${e.id}:${digests[i]}`).join('\n')}`;
  if (devCache?.key !== key) devCache = { key, site: computeSite(config) };
  return devCache.site;
}

async function computeSite(config: SiteConfig): Promise<Site> {
  startPhase('site');
  const state = buildState();
  const entries = await getCollection('pages');
  // A page whose HTML is in a file of its own needs no render(): its headings and record are in the store.
  const rendered = await Promise.all(
    entries.map(async (entry) => {
      const htmlFile = htmlFileOf(entry);
      if (htmlFile) {
        const metadata = entry.rendered?.metadata as { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown> } | undefined;
        return { entry, result: { headings: metadata?.headings ?? [], remarkPluginFrontmatter: metadata?.frontmatter ?? {}, htmlFile } };
      }
      return { entry, result: { ...(await render(entry)), htmlFile: undefined } };
    }),
  );
  const pages: SitePage[] = [];
  const records: { file: string; record: PageRecord }[] = [];
  const termsOf = new Map<string, string[]>();
  const problems: Diagnostic[] = [];
  // One `git log` per process: history rarely changes while the dev server runs, whose changes re-evaluate this module.
  const dates = (state.commitDates ??= lastCommitDates(config.contentRoot));
  // The dev server recomputes the site after every change: a page whose text, HTML, line offset and date are
  // those of the last time keeps its part. `.mdx` pages (their `Content` is a module) are always made again.
  const kept = state.command === 'dev' ? (state.sitePages ??= new Map()) : undefined;
  for (const { entry, result } of rendered) {
    const file = entry.id;
    const offset = state.bodyLineOffsets.get(file) ?? 0;
    const lastUpdated = dates.get(file);
    const key = result.htmlFile && entry.digest ? [entry.digest, result.htmlFile, offset, lastUpdated ?? ''].join('\n') : undefined;
    const hit = key === undefined ? undefined : kept?.get(file);
    const part = hit && hit.key === key ? hit.part : sitePagePart(entry, result, offset, lastUpdated);
    if (kept && key !== undefined) kept.set(file, { key, part });
    pages.push(part.page);
    records.push({ file, record: part.record });
    problems.push(...part.problems);
    if (part.record.glossaryTerms) termsOf.set(file, part.record.glossaryTerms);
  }
  if (kept) {
    const present = new Set(entries.map((e) => e.id));
    for (const file of kept.keys()) if (!present.has(file)) kept.delete(file);
  }
  const index = state.index ?? createPageIndex(pages.map((p) => p.file));
  startPhase('links');
  const links = checkLinks(
    records.map(({ file, record }) => ({ file, links: record.links, ids: record.ids })),
    index,
    'error',
    config.maxAssetBytes,
  );
  startPhase('site');
  for (const file of links.assets) state.usedAssets.add(file);
  state.linkedFilesKnown?.(state.usedAssets);
  state.anchorFixes = links.anchorFixes;
  state.pageDiagnostics = applyPolicy([...problems, ...links.diagnostics], config).map((d) => ({
    ...d,
    file: displayPath(config.contentRoot, d.file),
  }));
  const tree = buildTree(pages);
  const listings = addFolderIndexes(tree).map(generatedPage);
  const order = readingOrder(tree);
  const all = [...pages, ...listings];
  state.vocabulary = all.map((p) => ({
    title: p.title,
    headings: p.headings.map((h) => h.text),
    aliases: [...p.searchAliases.strong, ...p.searchAliases.weak],
  }));
  state.summary = { pages: all.length, linkedFiles: 0, indexedWords: records.reduce((sum, { record }) => sum + (record.words ?? 0), 0) };
  const site: Site = {
    pages: all,
    byFile: new Map(all.map((p) => [p.file, p])),
    published: createPageIndex(pages.map((p) => p.file)),
    tree,
    order,
    backlinks: buildBacklinks(
      links.edges,
      order.map((p) => p.file),
    ),
    learningPath: { stages: [], unplaced: [] },
    glossaryUsage: glossaryUsage(
      order.map((p) => p.file),
      termsOf,
    ),
    diagnostics: [...state.sourceDiagnostics, ...state.pageDiagnostics],
  };
  site.learningPath = orderPath(pathNodes(site));
  failOnErrors(site.diagnostics);
  startPhase('pages');
  return site;
}

type RenderedEntry = Awaited<ReturnType<typeof getCollection<'pages'>>>[number];
type RenderResult = { headings: MarkdownHeading[]; remarkPluginFrontmatter?: Record<string, unknown>; htmlFile: string | undefined };

function sitePagePart(entry: RenderedEntry, result: RenderResult, offset: number, lastUpdated: string | undefined): SitePagePart {
  const file = entry.id;
  const frontmatter = validFields(entry.data);
  const record = result.remarkPluginFrontmatter?.handbook as PageRecord | undefined;
  // Without the record every link and anchor would go unchecked: fail loudly, never build without checks.
  if (!record)
    throw new Error(
      `${file} was rendered without the handbook's Markdown plugins: add handbook() to the integrations of astro.config.ts and leave markdown.processor to it.`,
    );
  const problems: Diagnostic[] = [];
  const { title, source } = chooseTitle({ file, frontmatterTitle: frontmatter.title, h1: record.h1, firstHeading: record.firstHeading });
  const fallback = fallbackTitleMessage(title, source);
  if (fallback) problems.push(diagnostic({ file, rule: 'missing-title', severity: 'error', message: fallback }));
  for (const unsafe of record.unsafeUrls ?? []) problems.push(unsafeUrlWarning(file, unsafe, offset));
  const page: SitePage = {
    file,
    route: toRoute(file),
    title,
    order: frontmatter.order,
    description: frontmatter.description ?? record.firstParagraph,
    frontmatter,
    headings: result.headings,
    searchAliases: searchAliases({ title, headings: result.headings.map((h) => h.text), aliases: frontmatter.aliases }, SYNONYM_GROUPS),
    printTitle: record.titleId !== undefined || record.h1 === undefined,
    titleId: record.titleId || undefined,
    readingMinutes: readingMinutes(record.words ?? 0),
    lastUpdated,
    Content: 'Content' in result ? (result.Content as AstroComponentFactory) : undefined,
    htmlFile: result.htmlFile,
  };
  return { page, record: { ...record, links: shiftLinkLines(record.links, offset) }, problems };
}

function generatedPage({ page, entries }: GeneratedIndex): SitePage {
  const searchAliasesOfTitle = searchAliases({ title: page.title, headings: [] }, SYNONYM_GROUPS);
  return {
    ...page,
    frontmatter: {},
    headings: [],
    searchAliases: searchAliasesOfTitle,
    printTitle: true,
    readingMinutes: 0,
    listing: entries,
  };
}

// The glossary is a reference, not a lesson, and a generated folder index is not a page to study: both stay off the path.
function pathNodes(site: Site): PathNode[] {
  return site.order
    .filter((p) => !isGlossaryFile(p.file))
    .map((p) => site.byFile.get(p.file)!)
    .filter((page) => !page.listing)
    .map((page) => ({
      file: page.file,
      level: page.frontmatter.level,
      project: page.frontmatter.project,
      prerequisites: prerequisitesOf(site, page).map((pre) => ({ file: pre.file, line: 0 })),
    }));
}

function glossaryUsage(files: readonly string[], termsOf: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  for (const file of files) {
    for (const id of termsOf.get(file) ?? []) {
      const pages = usage.get(id);
      if (pages) pages.push(file);
      else usage.set(id, [file]);
    }
  }
  return usage;
}

function unsafeUrlWarning(file: string, unsafe: UnsafeUrlRecord, offset: number): Diagnostic {
  return diagnostic({
    file,
    line: unsafe.line === undefined ? undefined : unsafe.line + offset,
    column: unsafe.column,
    rule: 'unsafe-url',
    severity: 'warning',
    message: `\`${shortUrl(unsafe.url)}\` was removed: ${unsafe.scheme}: URLs could run script on the site, so this goes nowhere`,
  });
}

// In dev the content checks print and show problems themselves (src/data/dev-checks.ts).
function failOnErrors(diagnostics: Diagnostic[]): void {
  if (buildState().command !== 'build' || !diagnostics.some((d) => d.severity === 'error')) return;
  throw new ContentError(formatReport(diagnostics), diagnostics);
}
