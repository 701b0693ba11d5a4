import { copyFileSync, linkSync, renameSync, writeFileSync } from 'node:fs';

// A file of the build's cache is written whole under a name of its own, then renamed into place: a build that is
// interrupted, or another thread writing the same file, never leaves half of it under the name that promises it.

const partialName = (file: string) => `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;

/** Writes `data` to `file` whole (its folder must exist). */
export function writeFileWhole(file: string, data: string | Uint8Array): void {
  const partial = partialName(file);
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/**
 * Makes `to` another name of the file `from` (a hard link), whole: no data is copied. Where the two folders cannot
 * share a file (another file system), `from` is copied. For files nobody writes again: a change through one name
 * would show through the other.
 */
export function linkFileWhole(from: string, to: string): void {
  const partial = partialName(to);
  try {
    linkSync(from, partial);
  } catch {
    copyFileSync(from, partial);
  }
  renameSync(partial, to);
}
