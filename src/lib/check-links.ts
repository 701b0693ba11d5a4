import type { PageLink } from './backlinks.ts';
import { relativeFrom } from './check-source.ts';
import { diagnostic, type Diagnostic, type RuleId } from './diagnostics.ts';
import { isGeneratedIndex } from './folder-index.ts';
import type { PageIndex } from './page-index.ts';
import { DEFAULT_MAX_ASSET_BYTES, publishProblem } from './publishable.ts';
import type { LinkTarget } from './resolve-link.ts';
import { didYouMean } from './suggest.ts';
import { refusedLinkOf } from './symlinks.ts';

/** A link or image as the Markdown plugins recorded it: the URL as written, where, and what it resolves to. */
export interface RecordedLink {
  url: string;
  kind: 'link' | 'image';
  line?: number | undefined;
  column?: number | undefined;
  target: LinkTarget;
}

/** What link checking needs to know about one rendered page. */
export interface LinkedPage {
  file: string;
  links: readonly RecordedLink[];
  ids: readonly string[];
}

/** A link whose `#fragment` names a heading only when case is ignored, as GitHub resolves it. */
export interface AnchorFix {
  /** The page the link is written in. */
  file: string;
  /** The href the page was rendered with. */
  href: string;
  /** The same href with the fragment spelled as the heading's id. */
  fixed: string;
}

/** The result of checking every link of a build. */
export interface LinkCheck {
  diagnostics: Diagnostic[];
  /** Links between pages that resolved, for backlinks. */
  edges: PageLink[];
  /** Fragments to respell so case-mismatched links land on their heading. */
  anchorFixes: AnchorFix[];
  /** Linked files that may be published (content-relative). */
  assets: Set<string>;
}

/** Returns the id among `ids` that equals `hash` when case is ignored, if there is exactly such a one. */
export function caseInsensitiveId(hash: string, ids: ReadonlySet<string>): string | undefined {
  const wanted = hash.toLowerCase();
  for (const id of ids) if (id.toLowerCase() === wanted) return id;
  return undefined;
}

/** Returns `href` with its fragment replaced by `id` (percent-encoded, as the HTML step writes URLs). */
export function withFragment(href: string, id: string): string {
  const at = href.indexOf('#');
  return `${at === -1 ? href : href.slice(0, at)}#${encodeURIComponent(id)}`;
}

/** Returns links with their lines moved down by `offset`: lines counted in a page's body become lines of its file. */
export function shiftLinkLines(links: readonly RecordedLink[], offset: number): RecordedLink[] {
  return links.map((l) => (l.line === undefined || offset === 0 ? l : { ...l, line: l.line + offset }));
}

const ALWAYS_VALID_HASHES = new Set(['', 'top']);
const NO_IDS: ReadonlySet<string> = new Set();

/** Returns why a folder of the tree holds no published page (only drafts, empty pages or other files), or undefined when it is not in the tree. */
function emptyFolderReason(index: PageIndex, dir: string): string | undefined {
  const inside = (file: string) => dir === '' || file.startsWith(`${dir}/`);
  if ([...index.unpublished].some(inside)) return 'holds only drafts or empty pages, which are left out of the site';
  if ([...index.assets].some(inside)) return 'holds no page, only other files';
  return undefined;
}

/**
 * Checks every link and anchor of the rendered pages against the files and heading ids that exist, and
 * every linked file against the symbolic-link, file-type and size rules. Broken links get `severity`;
 * a linked file that may not be published is always an error.
 */
export function checkLinks(
  pages: readonly LinkedPage[],
  index: PageIndex,
  severity: 'error' | 'warning',
  maxAssetBytes = DEFAULT_MAX_ASSET_BYTES,
): LinkCheck {
  const idsOf = new Map(pages.map((p) => [p.file, new Set(p.ids)]));
  const diagnostics: Diagnostic[] = [];
  const edges: PageLink[] = [];
  const anchorFixes: AnchorFix[] = [];
  const assets = new Set<string>();
  for (const page of pages) {
    for (const link of page.links) {
      const report = (rule: RuleId, message: string, level = severity) =>
        diagnostics.push(diagnostic({ file: page.file, line: link.line, column: link.column, rule, severity: level, message }));
      const target = link.target;
      const refused =
        'file' in target
          ? refusedLinkOf(index.refusedLinks, target.file)
          : 'dir' in target
            ? refusedLinkOf(index.refusedLinks, target.dir)
            : undefined;
      if (refused) {
        const rule = refused.reason === 'loop' ? 'symlink-loop' : 'symlink-outside-root';
        report(
          rule,
          `\`${link.url}\` goes through the symbolic link \`${relativeFrom(page.file, refused.path)}\`, which is not followed`,
          'error',
        );
        continue;
      }
      const checkHash = (file: string, hash: string, href: string) => {
        // A generated folder index has no headings of its own.
        const ids = idsOf.get(file) ?? (isGeneratedIndex(file) ? NO_IDS : undefined);
        if (!ids || ALWAYS_VALID_HASHES.has(hash) || ids.has(hash)) return;
        const id = caseInsensitiveId(hash, ids);
        if (id !== undefined) {
          anchorFixes.push({ file: page.file, href, fixed: withFragment(href, id) });
          return;
        }
        const where =
          file === page.file
            ? 'this page'
            : isGeneratedIndex(file)
              ? `\`${relativeFrom(page.file, file)}\`, a folder without README that the site lists page by page`
              : `\`${relativeFrom(page.file, file)}\``;
        report('missing-heading', `cannot find heading \`#${hash}\` in ${where}${didYouMean(hash, ids)}`);
      };
      switch (target.type) {
        case 'external':
          break;
        case 'same-page':
          checkHash(page.file, target.hash, link.url);
          break;
        case 'outside-root':
          report('outside-root', `\`${link.url}\` points outside the content root`);
          break;
        case 'absolute-path':
          report('absolute-path', `\`${link.url}\` is an absolute path, which works neither on GitHub nor on the site`);
          break;
        case 'page':
        case 'folder': {
          // A folder's README, else the index the site generates for a folder holding published pages.
          const file = target.type === 'page' ? (index.pages.has(target.file) ? target.file : undefined) : index.indexOf.get(target.dir);
          if (file === undefined) {
            const path = link.url.split('#')[0] ?? '';
            if (target.type === 'page' && index.unpublished.has(target.file)) {
              report('missing-file', `\`${path}\` is left out of the site (it is empty or a draft), so this link would lead nowhere`);
              break;
            }
            const empty = target.type === 'folder' ? emptyFolderReason(index, target.dir) : undefined;
            if (empty) {
              report('missing-readme', `folder \`${path}\` ${empty}, so the site has no page to show for it`);
              break;
            }
            const candidates = [...index.pages].map((p) => relativeFrom(page.file, p));
            report('missing-file', `cannot find \`${path}\`${didYouMean(path, candidates)}`);
            break;
          }
          edges.push({ from: page.file, to: file });
          checkHash(file, target.hash, target.href);
          break;
        }
        case 'asset': {
          if (index.assets.has(target.file)) {
            const problem = publishProblem(target.file, index.assetSizes.get(target.file) ?? 0, maxAssetBytes);
            if (problem) report(problem.rule, `\`${link.url}\` ${problem.message}`, 'error');
            else assets.add(target.file);
            break;
          }
          if (index.pages.has(target.file)) break;
          const candidates = [...index.assets, ...index.pages].map((p) => relativeFrom(page.file, p));
          const noun = link.kind === 'image' ? 'image' : 'file';
          report('missing-file', `cannot find ${noun} \`${link.url}\`${didYouMean(link.url, candidates)}`);
          break;
        }
      }
    }
  }
  return { diagnostics, edges, anchorFixes, assets };
}
