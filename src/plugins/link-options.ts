/** Options shared by the link plugins. */
export interface Options {
  /** Absolute path of the content root. */
  contentRoot: string;
  /** The site base path, e.g. `/` or `/handbook/`. */
  base: string;
  /** Whether a content-relative path is an existing directory. */
  isDir: (relPath: string) => boolean;
}

const HANDLED = Symbol.for('handbook.handled-urls');

/** Returns the per-file set of URLs the remark step already rewrote, so the rehype step skips them. */
export function handledUrls(data: Record<PropertyKey, unknown>): Set<string> {
  const existing = data[HANDLED];
  if (existing instanceof Set) return existing as Set<string>;
  const set = new Set<string>();
  data[HANDLED] = set;
  return set;
}
