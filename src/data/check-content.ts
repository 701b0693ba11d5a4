import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLinks, shiftLinkLines, type LinkedPage } from '../lib/check-links.ts';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { applyPolicy, type Policy } from '../lib/strictness.ts';
import { chooseTitle, fallbackTitleMessage } from '../lib/titles.ts';
import type { CodeBlock } from '../lib/code-blocks.ts';
import type { PageRecord } from '../markdown/page-record.ts';
import { createRecorder, type PageRecorder } from './page-records.ts';
import { stampOf } from './file-stamp.ts';
import { readPage, type ReadPages } from './read-pages.ts';
import { displayPath, runPreflight, type Preflight, type SourceCache } from './preflight.ts';
import { directoryCheck } from './scan-content.ts';

/** What checking the content's sources and links found. */
export interface ContentCheck {
  /** Problems of the checked pages, files shown as in the build's report. */
  diagnostics: Diagnostic[];
  /** Content-relative paths of the pages that were checked. */
  checked: string[];
  /** The checked pages that are text, for the style and spelling linters. */
  lintable: string[];
  /** The content root is missing or holds no page. */
  fatal: boolean;
  /** The source check the run began with (the dev server hands it to the pages). */
  preflight: Preflight;
}

/** Checks frontmatter, routes, prerequisites, encoding, titles, links and anchors, with the build's rules, without rendering. */
export interface ContentChecker {
  /** Checks every page, or only `only` (content-relative) with their links resolved against the whole tree. */
  run(only?: readonly string[]): ContentCheck;
  /** Checks every page with `readPages` doing the parsing (the command line's worker threads), listing code blocks too when `withCode`. */
  runAll(readPages: ReadPages, withCode: boolean): Promise<ContentCheckWithCode>;
}

interface Cached {
  stamp: string;
  record: PageRecord;
}

/** What a checker's full run in parallel gives: the check and the code blocks of every page. */
export interface ContentCheckWithCode extends ContentCheck {
  /** Content-relative page → its fenced code blocks (empty when the run was fatal or without code). */
  codeBlocks: Map<string, CodeBlock[]>;
}

/**
 * Returns the record the Markdown renderer already made of a page whose file reads exactly `text` (its links'
 * lines counted in the body, as rendering counts them), or undefined when it has none for that text.
 */
export type StoredRecords = (file: string, text: string) => PageRecord | undefined;

/** What a checker that lives across changes (the dev server's) may reuse. */
export interface CheckerReuse {
  /** Records of pages the dev server has rendered: such a page is not parsed again. */
  storedRecords?: StoredRecords;
  /** Source checks of unchanged pages, shared with the source check the server started with. */
  sources?: SourceCache;
}

/** Returns a checker that re-parses only the pages changed since its last run (the dev server keeps one). */
export function createContentChecker(contentRoot: string, policy: Policy, reuse: CheckerReuse = {}): ContentChecker {
  const cache = new Map<string, Cached>();
  let treeKey = '';
  const start = () => {
    const preflight = runPreflight(contentRoot, undefined, policy.requireLevel, reuse.sources);
    if (preflight.fatal) return { preflight };
    // A file or folder added or removed can change what any link resolves to.
    const key = [...preflight.index.pages, ...preflight.index.assets].join('\n');
    if (key !== treeKey) cache.clear();
    treeKey = key;
    return { preflight, excluded: new Set(preflight.excluded) };
  };
  const fatal = (preflight: Preflight) => ({ diagnostics: preflight.diagnostics, checked: [], lintable: [], fatal: true, preflight });
  const check = (preflight: Preflight, excluded: Set<string>, only: readonly string[] | undefined): ContentCheck => {
    // Astro's content layer checks directories once per build; a checker may live across changes.
    let recorder: PageRecorder | undefined;
    const rendered = new Set([...preflight.index.pages].filter((f) => !excluded.has(f)));
    const recordOf = (file: string): PageRecord => {
      const hit = cache.get(file);
      const now = stampOf(join(contentRoot, file));
      if (hit && hit.stamp === now) return hit.record;
      const stored = reuse.storedRecords?.(file, readFileSync(join(contentRoot, file), 'utf8'));
      if (stored) {
        const record = { ...stored, links: shiftLinkLines(stored.links, preflight.bodyLineOffsets.get(file) ?? 0) };
        cache.set(file, { stamp: now, record });
        return record;
      }
      const { stamp, record } = readPage(
        (recorder ??= createRecorder({ contentRoot, base: '/', isDir: directoryCheck(contentRoot) })),
        contentRoot,
        { file, bodyLineOffset: preflight.bodyLineOffsets.get(file) ?? 0, record: true, code: false },
      );
      cache.set(file, { stamp, record: record! });
      return record!;
    };
    const wanted = only && new Set(only);
    const selected = wanted ? [...rendered].filter((f) => wanted.has(f)) : [...rendered];
    const selectedSet = new Set(selected);
    const pages: LinkedPage[] = selected.map((file) => ({ file, ...recordOf(file) }));
    const problems = selected.flatMap((file) => {
      const { h1, firstHeading } = recordOf(file);
      const { title, source } = chooseTitle({ file, frontmatterTitle: preflight.titles.get(file), h1, firstHeading });
      const message = fallbackTitleMessage(title, source);
      return message ? [diagnostic({ file, rule: 'missing-title', severity: 'error', message })] : [];
    });
    if (only) {
      // Anchors into other pages need those pages' ids, not their links.
      const targets = new Set(
        pages.flatMap((p) =>
          p.links.flatMap((l) =>
            'file' in l.target ? [l.target.file] : l.target.type === 'folder' ? [preflight.index.indexOf.get(l.target.dir) ?? ''] : [],
          ),
        ),
      );
      for (const file of targets)
        if (rendered.has(file) && !selectedSet.has(file)) pages.push({ file, links: [], ids: recordOf(file).ids });
    }
    for (const file of cache.keys()) if (!rendered.has(file)) cache.delete(file);
    const linkCheck = checkLinks(pages, preflight.index, 'error');
    const shown = new Set((only ?? [...preflight.index.pages, ...excluded]).map((f) => displayPath(contentRoot, f)));
    const diagnostics = [
      ...applyPolicy(preflight.diagnostics, policy).filter((d) => !only || shown.has(d.file)),
      ...applyPolicy([...problems, ...linkCheck.diagnostics], policy).map((d) => ({ ...d, file: displayPath(contentRoot, d.file) })),
    ];
    const checked = only ? [...only] : [...new Set([...preflight.index.pages, ...excluded])].sort();
    const unreadable = new Set(
      preflight.diagnostics.filter((d) => d.rule === 'invalid-encoding' || d.rule === 'empty-file').map((d) => d.file),
    );
    return { diagnostics, checked, lintable: checked.filter((f) => !unreadable.has(displayPath(contentRoot, f))), fatal: false, preflight };
  };
  return {
    run(only) {
      const { preflight, excluded } = start();
      return excluded ? check(preflight, excluded, only) : fatal(preflight);
    },
    async runAll(readPages, withCode) {
      const { preflight, excluded } = start();
      const codeBlocks = new Map<string, CodeBlock[]>();
      if (!excluded) return { ...fatal(preflight), codeBlocks };
      const all = [...new Set([...preflight.index.pages, ...excluded])].sort();
      const jobs = all.map((file) => ({
        file,
        bodyLineOffset: preflight.bodyLineOffsets.get(file) ?? 0,
        record: !excluded.has(file),
        code: withCode,
      }));
      for (const result of await readPages(jobs.filter((j) => j.record || j.code))) {
        if (result.record) cache.set(result.file, { stamp: result.stamp, record: result.record });
        if (result.codeBlocks) codeBlocks.set(result.file, result.codeBlocks);
      }
      return { ...check(preflight, excluded, undefined), codeBlocks };
    },
  };
}
