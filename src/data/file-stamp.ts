import { statSync } from 'node:fs';

/** Returns the modification stamp of a file (its modification time and size), to tell later whether it changed. */
export function stampOf(abs: string): string {
  const info = statSync(abs);
  return `${info.mtimeMs}:${info.size}`;
}
