import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from './build.ts';

/** A copy of tests/fixtures/hostile in a temporary folder, plus symbolic links that stay inside it. */
export interface HostileTree {
  root: string;
  remove: () => void;
}

/**
 * Copies the hostile fixture to a temporary content root and adds the links a pull request may carry
 * that stay inside the root: a folder link `pictures -> images` and a file link `same.svg -> images/active.svg`.
 * They are made here, not committed, so every checkout (and every file system) gets the same tree.
 */
export function hostileTree(): HostileTree {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-hostile-'));
  const root = join(dir, 'content');
  cpSync(fixture('hostile'), root, { recursive: true });
  symlinkSync('images', join(root, 'pictures'));
  symlinkSync('images/active.svg', join(root, 'same.svg'));
  return { root, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
