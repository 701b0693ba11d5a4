import type { VFile } from 'vfile';
import type { RecordedLink } from '../lib/check-links.ts';

/** A URL with an unsafe scheme (`javascript:`, `vbscript:`, `data:`), found before sanitizing removed it. */
export interface UnsafeUrlRecord {
  url: string;
  scheme: string;
  line?: number;
  column?: number;
}

/** What the Markdown plugins learn about one page; Astro returns it as `remarkPluginFrontmatter.handbook`. */
export interface PageRecord {
  /** Text of the first `# H1`, when there is one. */
  h1?: string;
  /** Text of the first heading of any level: the title of a page written without a `# H1`. */
  firstHeading?: string;
  /** Plain text of the first paragraph. */
  firstParagraph?: string;
  /** Id of the leading `# H1` taken out of the body for the layout to print; undefined when none. */
  titleId?: string | undefined;
  /** Words in the page, for the reading time. */
  words?: number;
  /** Links and images to pages and files of the tree, as written and as resolved. */
  links: RecordedLink[];
  /** Script and data: URLs the sanitizer removes, where they were written. */
  unsafeUrls?: UnsafeUrlRecord[];
  /** Ids of the glossary entries whose terms the page mentions (and links, first mention only). */
  glossaryTerms?: string[];
  /** Every `id` (and `<a name>`) in the rendered page. */
  ids: string[];
}

/** Returns the record of the file being processed, creating it on first use. */
export function pageRecord(file: VFile): PageRecord {
  const astro = (file.data.astro ??= {});
  const frontmatter = astro.frontmatter ?? {};
  const existing = frontmatter.handbook as PageRecord | undefined;
  if (existing) return existing;
  const record: PageRecord = { links: [], ids: [] };
  // A new object: Astro passes the entry's own data object in, and it must stay unchanged.
  astro.frontmatter = { ...frontmatter, handbook: record };
  return record;
}

/** Returns the path of the processed file relative to the content root, or undefined outside it. */
export function contentPath(file: VFile, contentRoot: string): string | undefined {
  const abs = file.path ? file.path.replaceAll('\\', '/') : '';
  const root = contentRoot.replaceAll('\\', '/').replace(/\/$/, '');
  return abs.startsWith(`${root}/`) ? abs.slice(root.length + 1) : undefined;
}
