import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until no other build runs in this checkout, then holds the lock until `release()`.
 * Astro writes shared files under `.astro/` (the MDX module map among them), so two builds at once
 * would overwrite each other's.
 */
export async function acquireBuildLock(root: string): Promise<() => void> {
  const dir = join(root, 'node_modules', '.astro', 'build.lock');
  mkdirSync(join(root, 'node_modules', '.astro'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        // The owner has not written its pid yet.
      }
      if (owner > 0 && !alive(owner)) rmSync(dir, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, 200));
    }
  }
}
