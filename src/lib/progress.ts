// Runs in the browser too: no Node imports.

/** The `format` field that marks a file (or the stored value) as this handbook's progress. */
export const PROGRESS_FORMAT = 'devops-handbook-progress';
/** The version of the progress format this code reads and writes. */
export const PROGRESS_VERSION = 1;

/** Returns the file (or stored value) for a set of done routes: sorted, so equal progress gives equal bytes. */
export function serializeProgress(done: ReadonlySet<string>): string {
  return `${JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, done: [...done].sort() }, null, 2)}\n`;
}

/** The result of reading a progress file: the done routes, or what is wrong with the file. */
export type ParsedProgress = { ok: true; done: Set<string> } | { ok: false; error: string };

const ROUTE = /^\/(?:[^\s/]+\/)*$/;

/** Reads a progress file strictly: anything that is not this handbook's progress format says why. */
export function parseProgress(text: string): ParsedProgress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not JSON (${(error as Error).message}).` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== PROGRESS_FORMAT) {
    return { ok: false, error: `The file is JSON but not a progress file of this handbook (it has no "format": "${PROGRESS_FORMAT}").` };
  }
  const { version, done } = data as { version?: unknown; done?: unknown };
  if (version !== PROGRESS_VERSION)
    return {
      ok: false,
      error: `The file has progress format version ${JSON.stringify(version)}; this handbook reads version ${PROGRESS_VERSION}.`,
    };
  if (!Array.isArray(done)) return { ok: false, error: 'The file has no "done" list of pages.' };
  const bad = done.findIndex((route) => typeof route !== 'string' || !ROUTE.test(route));
  if (bad >= 0)
    return {
      ok: false,
      error: `Entry ${bad + 1} of "done" is ${JSON.stringify(done[bad])}, not a page address such as "/infrastructure/docker/".`,
    };
  return { ok: true, done: new Set(done as string[]) };
}

/** Reads the stored progress; a missing or damaged value is no progress (the reader's storage is never an error). */
export function readStored(value: string | null): Set<string> {
  if (value === null) return new Set();
  const parsed = parseProgress(value);
  return parsed.ok ? parsed.done : new Set();
}

/** Returns the progress with routes of moved pages (former route → current route) replaced by where the page is now. */
export function migrateMoved(done: ReadonlySet<string>, moved: Readonly<Record<string, string>>): Set<string> {
  const out = new Set<string>();
  for (const route of done) {
    let now = route;
    // A page may move more than once; the bound stops a loop written by mistake.
    for (let hops = 0; hops < 10 && Object.hasOwn(moved, now); hops += 1) now = moved[now]!;
    out.add(now);
  }
  return out;
}

/** Returns the progress with `route` marked done or not. */
export function setDone(done: ReadonlySet<string>, route: string, on: boolean): Set<string> {
  const out = new Set(done);
  if (on) out.add(route);
  else out.delete(route);
  return out;
}

/** How many of a list of pages are done; routes not in the list (removed pages) never count. */
export interface ProgressCount {
  done: number;
  total: number;
  percent: number;
}

/** Returns how many of `routes` are done and the whole percentage (rounded down, so 100 % means all). */
export function countDone(done: ReadonlySet<string>, routes: readonly string[]): ProgressCount {
  const count = routes.filter((r) => done.has(r)).length;
  return { done: count, total: routes.length, percent: routes.length === 0 ? 0 : Math.floor((count * 100) / routes.length) };
}
