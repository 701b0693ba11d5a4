import { constants, copyFileSync, linkSync, renameSync, writeFileSync } from 'node:fs';

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
 * Makes `to` (which must not exist) another name of the file `from` (a hard link): no data is copied. Where the two
 * folders cannot share a file (another file system), `from` is copied. For files nobody writes again in place: a change
 * through one name would show through the other.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/** {@link linkOrCopy}, replacing whatever `to` was, whole. */
export function linkFileWhole(from: string, to: string): void {
  const partial = partialName(to);
  linkOrCopy(from, partial);
  renameSync(partial, to);
}
