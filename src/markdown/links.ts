import type { VFile } from 'vfile';
import { resolveLink } from '../lib/resolve-link.ts';
import { contentPath, pageRecord } from './page-record.ts';

/** Options of the link plugins (remark-links and rehype-links). */
export interface Options {
  /** Absolute path of the content root. */
  contentRoot: string;
  /** The site base path, e.g. `/` or `/handbook/`. */
  base: string;
  /** Whether a content-relative path is an existing directory. */
  isDir: (relPath: string) => boolean;
  /** Called once per rendered page, for progress reporting. */
  onPage?: () => void;
}

/** A node of either tree, as far as the link plugins care: where it was written. */
interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}

const HANDLED = Symbol.for('handbook.handled-links');

/** Returns where a node starts, `line:column`, or undefined for a node made by a plugin. */
export function positionKey(node: Positioned): string | undefined {
  return node.position ? `${node.position.start.line}:${node.position.start.column}` : undefined;
}

/**
 * Returns the per-file set of source positions of the links the remark step already rewrote, so the
 * rehype step skips exactly those elements. Positions, not URL text: the HTML step re-encodes URLs
 * (`ü` becomes `%C3%BC`), and a raw `<a href>` with the same text must still be checked.
 */
export function handledLinks(data: Record<PropertyKey, unknown>): Set<string> {
  const existing = data[HANDLED];
  if (existing instanceof Set) return existing as Set<string>;
  const set = new Set<string>();
  data[HANDLED] = set;
  return set;
}

/** The body both link plugins share: resolve a URL of the page, record it, say what to write instead. */
export interface LinkRecorder {
  /** Positions of links the remark step rewrote (see {@link handledLinks}). */
  handled: Set<string>;
  /**
   * Records a link or image written at `node`. Returns undefined for an external URL (not recorded,
   * left alone), else what to write: `href` for a target the site has a URL for, none to keep the URL.
   */
  add(url: string, kind: 'link' | 'image', node: Positioned): { href?: string } | undefined;
}

/** Returns the link recorder of the file being processed, or undefined for a file outside the content root. */
export function linkRecorder(options: Options, file: VFile): LinkRecorder | undefined {
  const from = contentPath(file, options.contentRoot);
  if (from === undefined) return undefined;
  const record = pageRecord(file);
  return {
    handled: handledLinks(file.data as Record<PropertyKey, unknown>),
    add(url, kind, node) {
      const target = resolveLink({ from, url, base: options.base, isDir: options.isDir });
      if (target.type === 'external') return undefined;
      record.links.push({ url, kind, line: node.position?.start.line, column: node.position?.start.column, target });
      return 'href' in target ? { href: target.href } : {};
    },
  };
}
