import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid a queue ticket (`<time>-<pid>-<n>`) belongs to. */
const ticketPid = (ticket: string) => Number(ticket.split('-')[1]);

let tickets = 0;

/**
 * Waits until no other build runs in this checkout, then holds the lock until `release()`.
 * Astro writes shared files under `.astro/` (the MDX module map among them), so two builds at once
 * would overwrite each other's. Waiters take turns in the order they asked (a ticket each in a queue folder),
 * so a build asked for early, such as the end-to-end tests' sites that other tests wait for, is not overtaken.
 * The lock and the tickets of a process that has ended are cleared by the next waiter.
 */
export async function acquireBuildLock(root: string): Promise<() => void> {
  const base = join(root, 'node_modules', '.astro');
  const dir = join(base, 'build.lock');
  const queue = join(base, 'build.lock.queue');
  mkdirSync(queue, { recursive: true });
  // The monotonic clock (the same for every process of the machine), zero-padded, so names sort in the order taken.
  const ticket = `${String(process.hrtime.bigint()).padStart(20, '0')}-${process.pid}-${tickets++}`;
  writeFileSync(join(queue, ticket), '');
  const leave = () => rmSync(join(queue, ticket), { force: true });
  try {
    for (;;) {
      const waiting = readdirSync(queue)
        .filter((t) => alive(ticketPid(t)) || (rmSync(join(queue, t), { force: true }), false))
        .sort();
      if (waiting[0] === ticket) {
        try {
          mkdirSync(dir);
          writeFileSync(join(dir, 'pid'), String(process.pid));
          leave();
          return () => rmSync(dir, { recursive: true, force: true });
        } catch {
          let owner = 0;
          try {
            owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
          } catch {
            // The owner has not written its pid yet.
          }
          if (owner > 0 && !alive(owner)) rmSync(dir, { recursive: true, force: true });
        }
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  } catch (error) {
    leave();
    throw error;
  }
}
