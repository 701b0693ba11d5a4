const RECORD = '\u001e';

/**
 * Parses `git log --format=%x1e%cI --name-only` output (newest commit first) into the date each
 * file was last changed. Paths are as git printed them.
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const record of output.split(RECORD)) {
    const [date, ...files] = record.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!date) continue;
    for (const file of files) if (!dates.has(file)) dates.set(file, date);
  }
  return dates;
}

/** Returns the estimated reading time in whole minutes (at least 1) at 220 words a minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 220));
}

/** Formats an ISO date as `26 November 2026`, the same on every machine. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Returns a description short enough for `<meta name="description">`: at most 160 characters, cut at a word. */
export function metaDescription(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157).replace(/\s+\S*$/, '')}…` : text;
}
