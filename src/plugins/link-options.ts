/** Options shared by the link plugins. */
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

const HANDLED = Symbol.for('handbook.handled-links');

/** Returns where a node starts, `line:column`, or undefined for a node made by a plugin. */
export function positionKey(node: { position?: { start: { line: number; column: number } } | undefined }): string | undefined {
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
