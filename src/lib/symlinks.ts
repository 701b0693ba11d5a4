import { isAbsolute, relative, sep } from 'node:path';

/** Why a symbolic link in the content tree is not followed. */
export type RefusedReason = 'outside' | 'hidden' | 'loop';

/** A symbolic link the build refuses to follow: its content-relative path and where it really points. */
export interface RefusedLink {
  path: string;
  /** The link's real path (fs.realpath). */
  target: string;
  reason: RefusedReason;
}

/** Returns whether a content-relative path lies in a folder or file never published (dot-names, node_modules). */
export function isIgnoredPath(relPath: string): boolean {
  return relPath.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules');
}

/**
 * Returns why a link whose real path is `realTarget` may not be followed from a tree whose real root is
 * `realRoot`: `outside` the root, or `hidden` in a folder the build never publishes; undefined when it is fine.
 */
export function symlinkProblem(realRoot: string, realTarget: string): Exclude<RefusedReason, 'loop'> | undefined {
  const rel = relative(realRoot, realTarget);
  if (rel === '') return undefined;
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return 'outside';
  return isIgnoredPath(rel.split(sep).join('/')) ? 'hidden' : undefined;
}

/** Returns the refused link a content-relative path is, or lies under (a file inside a refused folder link). */
export function refusedLinkOf(refused: ReadonlyMap<string, RefusedLink>, relPath: string): RefusedLink | undefined {
  for (let path = relPath; path !== '' && path !== '.'; path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '') {
    const link = refused.get(path);
    if (link) return link;
  }
  return undefined;
}

/** Returns the message for a refused link, as reported at the link itself. */
export function refusedLinkMessage(link: RefusedLink): string {
  if (link.reason === 'loop') return `is a symbolic link to \`${link.target}\`, a folder that contains it; it is not followed`;
  const where = link.reason === 'outside' ? 'outside the content root' : 'inside a folder that is never published';
  return `is a symbolic link to \`${link.target}\`, ${where}; it is not followed or published`;
}
