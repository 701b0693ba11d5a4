import { isGlossaryFile } from '../lib/glossary.ts';
import { formatDate } from '../lib/reading-aids.ts';
import { countPages, type FolderEntry } from '../lib/folder-index.ts';
import { breadcrumbs, buildSidebar, prevNext, type FolderNode, type SidebarItem } from '../lib/navigation.ts';
import { withBase } from '../lib/routes.ts';
import { resolvePagePath } from '../lib/check-source.ts';
import { editUrl, type SiteConfig } from '../lib/site-config.ts';
import { buildToc, type TocEntry } from '../lib/toc.ts';
import type { SearchAliases } from '../lib/search-terms.ts';
import type { Site, SitePage } from './site.ts';

/** The settings a page's view depends on. */
export type ViewConfig = Pick<
  SiteConfig,
  'title' | 'base' | 'site' | 'repoUrl' | 'repoBranch' | 'repoContentPath' | 'downloadUrl' | 'learningPath'
>;
import { hasLearningPath, LEARNING_PATH_ROUTE } from './learning-path-view.ts';

/** A link ready to render: label and href with the base path applied. */
export interface ViewLink {
  label: string;
  href: string;
  description?: string;
}

/** A sidebar entry ready to render. */
export interface SidebarView {
  label: string;
  href?: string;
  current: boolean;
  expanded?: boolean;
  children?: SidebarView[];
}

/** The line under a page's title. */
export interface PageMetaView {
  level?: string | undefined;
  readingMinutes: number;
  updated?: { iso: string; label: string } | undefined;
  prerequisites: ViewLink[];
}

/** An entry of a generated folder index: a page, or a subfolder with its page count. */
export interface ListingEntryView extends ViewLink {
  type: FolderEntry['type'];
  pages?: number | undefined;
}

/** A section card on the home page. */
export interface SectionCard extends ViewLink {
  level?: string | undefined;
  pages: number;
}

/** What the home page shows above its own text: where to start and the sections as cards. */
export interface HomeView {
  start?: ViewLink | undefined;
  learningPath?: string | undefined;
  sections: SectionCard[];
  /** The published archive of the handbook (`HANDBOOK_DOWNLOAD_URL`), or undefined when there is none. */
  download?: string | undefined;
}

/** A glossary entry and the pages that use its term. */
export interface GlossaryUsageView {
  label: string;
  href: string;
  pages: ViewLink[];
}

/** Everything the page layout renders for one page. */
export interface PageView {
  page: SitePage;
  siteTitle: string;
  homeHref: string;
  /** Absolute URL of the page, when the public origin is known. */
  canonical?: string | undefined;
  section?: string;
  /** What search files the page under: its top-level section (section index pages included), its level, its other names. */
  search: { section?: string | undefined; level?: string | undefined; aliases: SearchAliases };
  sidebar: SidebarView[];
  breadcrumbs: { label: string; href?: string }[];
  toc: TocEntry[];
  prev?: ViewLink;
  next?: ViewLink;
  backlinks: ViewLink[];
  /** The line under the title; none on a generated folder index. */
  meta?: PageMetaView | undefined;
  /** What a generated folder index lists, in sidebar order. */
  listing?: ListingEntryView[] | undefined;
  home?: HomeView | undefined;
  /** On the glossary only: each term and the pages that mention it. */
  glossaryUsage?: GlossaryUsageView[] | undefined;
  editHref?: string | undefined;
}

/** Links of one site: routes under its base path. */
interface Linker {
  href: (route: string) => string;
  linkTo: (page: Pick<SitePage, 'title' | 'route' | 'description'>) => ViewLink;
}

function linker(base: string): Linker {
  const href = (route: string) => withBase(base, route);
  return { href, linkTo: (page) => ({ label: page.title, href: href(page.route), description: page.description }) };
}

function toSidebarView(base: string, item: SidebarItem): SidebarView {
  return {
    label: item.label,
    href: item.route ? withBase(base, item.route) : undefined,
    current: item.current,
    expanded: item.expanded,
    children: item.children?.map((child) => toSidebarView(base, child)),
  };
}

/** Returns the sidebar as seen from the page at `file` (`''` for pages outside the tree, like 404), links under `base`. */
export function sidebarFor(site: Pick<Site, 'tree'>, file: string, base: string): SidebarView[] {
  return buildSidebar(site.tree, file).map((item) => toSidebarView(base, item));
}

/** Returns the prerequisites of a page as pages (unknown entries were reported by the source check). */
export function prerequisitesOf(site: Pick<Site, 'published' | 'byFile'>, page: SitePage): SitePage[] {
  return (page.frontmatter.prerequisites ?? [])
    .map((entry) => resolvePagePath(page.file, entry, site.published))
    .flatMap((file) => (file && site.byFile.get(file) ? [site.byFile.get(file)!] : []));
}

/** Returns the view of one page: navigation around it, its table of contents and the pages linking to it. */
export function pageView(site: Site, file: string, config: ViewConfig): PageView {
  const page = site.byFile.get(file);
  if (!page) throw new Error(`No page for ${file}: the page list and the routes disagree.`);
  const links = linker(config.base);
  const { href, linkTo } = links;
  const crumbs = breadcrumbs(site.tree, page);
  const { prev, next } = prevNext(site.order, page.route);
  return {
    page,
    siteTitle: config.title,
    homeHref: href('/'),
    canonical: config.site ? new URL(href(page.route), `${config.site}/`).href : undefined,
    section: crumbs.length > 2 ? crumbs[1]?.label : undefined,
    search: { section: crumbs.length > 1 ? crumbs[1]?.label : undefined, level: page.frontmatter.level, aliases: page.searchAliases },
    sidebar: sidebarFor(site, file, config.base),
    breadcrumbs: crumbs.map((c) => ({ label: c.label, href: c.route ? href(c.route) : undefined })),
    toc: buildToc(page.headings),
    prev: prev && linkTo(prev),
    next: next && linkTo(next),
    backlinks: (site.backlinks.get(file) ?? []).flatMap((f) => {
      const from = site.byFile.get(f);
      return from ? [linkTo(from)] : [];
    }),
    // A generated folder index has no file: nothing to time, date or edit.
    meta: page.listing ? undefined : metaView(site, page, links),
    listing: page.listing?.map((entry) => toListingView(entry, links)),
    // A generated home lists the top level itself: section cards would repeat it.
    home: page.route === '/' && !page.listing ? homeView(site, page, next, links, config) : undefined,
    glossaryUsage: isGlossaryFile(file) ? glossaryUsageView(site, page, links) : undefined,
    editHref: page.listing ? undefined : editUrl(config, file),
  };
}

function metaView(site: Site, page: SitePage, { linkTo }: Linker): PageMetaView {
  return {
    level: page.frontmatter.level,
    readingMinutes: page.readingMinutes,
    updated: page.lastUpdated ? { iso: page.lastUpdated, label: formatDate(page.lastUpdated) } : undefined,
    prerequisites: prerequisitesOf(site, page).map(linkTo),
  };
}

function toListingView(entry: FolderEntry, { href }: Linker): ListingEntryView {
  return { type: entry.type, label: entry.title, href: href(entry.route), description: entry.description, pages: entry.pages };
}

function homeView(
  site: Site,
  home: SitePage,
  next: Pick<SitePage, 'title' | 'route'> | undefined,
  { linkTo, href }: Linker,
  config: ViewConfig,
): HomeView | undefined {
  const sections = site.tree.children.filter((c): c is FolderNode => c.type === 'folder' && c.index !== undefined);
  // The generated learning path when there is one, else the home page's own heading about the path.
  const heading = config.learningPath && home.headings.some((h) => h.slug === config.learningPath) ? `#${config.learningPath}` : undefined;
  const learningPath = hasLearningPath(site) ? href(LEARNING_PATH_ROUTE) : heading;
  if (sections.length === 0 && !next) return undefined;
  return {
    start: next && linkTo(next),
    learningPath,
    download: config.downloadUrl,
    sections: sections.map((folder) => {
      const index = site.byFile.get(folder.index!.file)!;
      return { ...linkTo(index), level: index.frontmatter.level, pages: countPages(folder) };
    }),
  };
}

function glossaryUsageView(site: Site, glossary: SitePage, { linkTo }: Linker): GlossaryUsageView[] {
  return glossary.headings
    .filter((h) => h.depth === 3)
    .map((h) => ({
      label: h.text,
      href: `#${h.slug}`,
      pages: (site.glossaryUsage.get(h.slug) ?? []).flatMap((f) => (site.byFile.get(f) ? [linkTo(site.byFile.get(f)!)] : [])),
    }));
}
