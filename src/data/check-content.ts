import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkLinks, type LinkedPage } from '../lib/check-links.ts';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { applyPolicy, type Policy } from '../lib/strictness.ts';
import { chooseTitle, fallbackTitleMessage } from '../lib/titles.ts';
import type { PageRecord } from '../markdown/page-record.ts';
import { createRecorder } from './page-records.ts';
import { displayPath, runPreflight, type Preflight } from './preflight.ts';
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
}

interface Cached {
  stamp: string;
  record: PageRecord;
}

/** Returns a checker that re-parses only the pages changed since its last run (the dev server keeps one). */
export function createContentChecker(contentRoot: string, policy: Policy): ContentChecker {
  const cache = new Map<string, Cached>();
  let treeKey = '';
  return {
    run(only) {
      const preflight = runPreflight(contentRoot, undefined, policy.requireLevel);
      if (preflight.fatal) return { diagnostics: preflight.diagnostics, checked: [], lintable: [], fatal: true, preflight };
      const excluded = new Set(preflight.excluded);
      // Astro's content layer checks directories once per build; a checker may live across changes.
      const recorder = createRecorder({ contentRoot, base: '/', isDir: directoryCheck(contentRoot) });
      const rendered = new Set([...preflight.index.pages].filter((f) => !excluded.has(f)));
      // A file or folder added or removed can change what any link resolves to.
      const key = [...preflight.index.pages, ...preflight.index.assets].join('\n');
      if (key !== treeKey) cache.clear();
      treeKey = key;
      const recordOf = (file: string): PageRecord => {
        const abs = join(contentRoot, file);
        const info = statSync(abs);
        const stamp = `${info.mtimeMs}:${info.size}`;
        const hit = cache.get(file);
        if (hit?.stamp === stamp) return hit.record;
        const offset = preflight.bodyLineOffsets.get(file) ?? 0;
        const lines = readFileSync(abs, 'utf8').split('\n');
        // The same body Astro renders: the lines after the offset, trimmed (the offset already counts trimmed blank lines).
        const record = recorder.record(abs, lines.slice(offset).join('\n').trim(), offset);
        cache.set(file, { stamp, record });
        return record;
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
        const targets = new Set(pages.flatMap((p) => p.links.flatMap((l) => ('file' in l.target ? [l.target.file] : l.target.type === 'folder' ? [preflight.index.indexOf.get(l.target.dir) ?? ''] : []))));
        for (const file of targets) if (rendered.has(file) && !selectedSet.has(file)) pages.push({ file, links: [], ids: recordOf(file).ids });
      }
      for (const file of cache.keys()) if (!rendered.has(file)) cache.delete(file);
      const linkCheck = checkLinks(pages, preflight.index, 'error');
      const shown = new Set((only ?? [...preflight.index.pages, ...excluded]).map((f) => displayPath(contentRoot, f)));
      const diagnostics = [
        ...applyPolicy(preflight.diagnostics, policy).filter((d) => !only || shown.has(d.file)),
        ...applyPolicy([...problems, ...linkCheck.diagnostics], policy).map((d) => ({ ...d, file: displayPath(contentRoot, d.file) })),
      ];
      const checked = only ? [...only] : [...new Set([...preflight.index.pages, ...excluded])].sort();
      const unreadable = new Set(preflight.diagnostics.filter((d) => d.rule === 'invalid-encoding' || d.rule === 'empty-file').map((d) => d.file));
      return { diagnostics, checked, lintable: checked.filter((f) => !unreadable.has(displayPath(contentRoot, f))), fatal: false, preflight };
    },
  };
}
