import type { EarlyIndex } from '../integration/search-early.ts';
import type { PhaseMark } from '../lib/build-phases.ts';
import type { PublishedCounts } from '../lib/build-summary.ts';
import type { AnchorFix } from '../lib/check-links.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';
import type { PageIndex } from '../lib/page-index.ts';
import type { VocabularySource } from '../lib/search-terms.ts';
import type { StoredRecords } from './check-content.ts';
import type { RenderPool } from './render-pool.ts';
import type { SitePagePart } from './site.ts';

/**
 * The one globalThis store. Astro runs the integration's hooks and the rendered pages in one Node
 * process but in separate module graphs (pages are bundled), so a module variable is not shared;
 * this store is how results cross between them. Configuration never goes here: it is resolved once
 * and reaches pages through `virtual:handbook/config`. What crosses:
 * - pages → `astro:build:done` (the reason it exists): `pageDiagnostics`, `usedAssets`, `anchorFixes`, `summary`;
 *   and the finished build → scripts/build-site.ts: `offline`, `phases`;
 * - the source check and the dev server's re-checks → the content collection and the pages, which in
 *   `astro dev` change while the server runs: `sourceDiagnostics`, `excluded`, `refusedLinks`,
 *   `index`, `bodyLineOffsets`, `command`, `dev`;
 * - one evaluation of the pages' modules → the next (the dev server re-evaluates them after a change): `commitDates`, `sitePages`;
 * - the integration → the content loader: `renderPool`, the threads that render Markdown, and `refreshContent`; and back, in `astro dev`,
 *   `storedRecords`, what rendering recorded of each page, for the dev server's checks;
 * - the integration → the pages, in a build: `linkedFilesKnown`, told the linked files as soon as the links are checked.
 */
export interface BuildState {
  /** Problems found before Markdown rendering. */
  sourceDiagnostics: Diagnostic[];
  /** Problems found in the rendered pages (links, anchors, titles). */
  pageDiagnostics: Diagnostic[];
  /** Pages left out of rendering because they cannot be parsed (content-relative). */
  excluded: string[];
  /** Symbolic links the content loader must not follow (content-relative). */
  refusedLinks: string[];
  /** The tree's pages and assets, as the source check found them. */
  index?: PageIndex;
  /** Former route → file of every page that lists `movedFrom`. */
  moved: Map<string, string>;
  /** File → lines of frontmatter before the body, to turn body lines into file lines. */
  bodyLineOffsets: Map<string, number>;
  /** The Astro command running: content errors fail `build` and are only printed in `dev`. */
  command: 'build' | 'dev' | 'sync';
  /** Asset files pages link to (content-relative), to publish with the site. */
  usedAssets: Set<string>;
  /** `astro build` only: called with `usedAssets` once the links are checked, so their SVGs are sanitized while the pages are written. */
  linkedFilesKnown?: ((files: ReadonlySet<string>) => void) | undefined;
  /** Links whose fragment matched a heading only when case was ignored, respelled after the pages are written. */
  anchorFixes: AnchorFix[];
  /** What the service worker of the finished build keeps offline: file count, bytes and version. */
  offline?: { files: number; bytes: number; version: string } | undefined;
  /** Each page's title, headings and aliases, for the search vocabulary the build writes at the end. */
  vocabulary?: VocabularySource[] | undefined;
  /** What the finished build holds, for the closing line of `npm run build`. */
  summary?: BuildSummary;
  /** `astro dev` only: the content checks of the current sources, re-run on every change. */
  dev?: DevChecks;
  /** When each phase of this process's build started, for `HANDBOOK_TIMINGS=1` (kept across resets: a process builds once). */
  phases: PhaseMark[];
  /** `npm run build` only, until the search index is built: Pagefind's index on a thread of its own, from the last build's pages or this build's as they are written (src/integration/search-early.ts). */
  earlyIndex?: EarlyIndex | undefined;
  /** Threads rendering the `.md` pages for the content loader (src/data/page-loader.ts); none in `astro sync`. */
  renderPool?: RenderPool | undefined;
  /** `astro dev` only: Astro's `refreshContent` (from `astro:server:setup`), with which the content loader has the data store written at once after a change. */
  refreshContent?: ((options: { loaders: string[]; context: Record<string, unknown> }) => Promise<void>) | undefined;
  /** `astro dev` only: the records of the pages the content loader rendered, for the dev server's checks (no second parse). */
  storedRecords?: StoredRecords | undefined;
  /** Each page's last commit date, from one `git log` per process (kept across resets). */
  commitDates?: Map<string, string> | undefined;
  /** `astro dev` only: each page's part of the site by what it was made from, kept for the unchanged pages when the site is recomputed. */
  sitePages?: Map<string, { key: string; part: SitePagePart }> | undefined;
}

/** Counts of what a build published (the closing line and the JSON report read them). */
export type BuildSummary = PublishedCounts;

/** The dev server's view of the content's problems. */
export interface DevChecks {
  /** Settles when the checks of the latest change have run; pages wait for it. */
  settled: Promise<void>;
  /** Every problem of the content, files shown as in reports. */
  diagnostics: Diagnostic[];
  /** Bumped by every run, so the site computed from the content is recomputed. */
  revision: number;
}

const KEY = Symbol.for('handbook.build-state');

/** Returns this process's build state. */
export function buildState(): BuildState {
  const g = globalThis as Record<PropertyKey, unknown>;
  return (g[KEY] ??= {
    sourceDiagnostics: [],
    pageDiagnostics: [],
    excluded: [],
    refusedLinks: [],
    usedAssets: new Set(),
    anchorFixes: [],
    bodyLineOffsets: new Map(),
    moved: new Map(),
    command: 'build',
    phases: [],
  }) as BuildState;
}

/** Clears the build state before a new build. */
export function resetBuildState(): void {
  const state = buildState();
  state.sourceDiagnostics = [];
  state.pageDiagnostics = [];
  state.excluded = [];
  state.refusedLinks = [];
  state.usedAssets = new Set();
  state.anchorFixes = [];
  state.summary = undefined;
  state.index = undefined;
  state.bodyLineOffsets = new Map();
  state.moved = new Map();
  state.offline = undefined;
  state.vocabulary = undefined;
}

/** A content problem: its message is the full report, and it is shown without a stack trace. */
export class ContentError extends Error {
  override name = 'ContentError';
  /** The problems the report lists, for other formats (GitHub workflow commands). */
  readonly diagnostics: Diagnostic[];
  constructor(report: string, diagnostics: Diagnostic[] = []) {
    super(report);
    this.diagnostics = diagnostics;
  }
}
