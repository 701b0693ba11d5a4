/** A phase of a build, in the order the phases start. */
export type PhaseName =
  | 'startup'
  | 'config'
  | 'sources'
  | 'astro'
  | 'content'
  | 'bundle'
  | 'site'
  | 'links'
  | 'pages'
  | 'publish'
  | 'search'
  | 'offline'
  | 'finish';

/** The moment a phase started, in milliseconds since the process started (`performance.now()`). */
export interface PhaseMark {
  name: PhaseName;
  at: number;
}

/** The groups the benchmark reports a build's time in (issue 16): everything not named is `rest`. */
export const PHASE_GROUPS = {
  content: ['sources', 'content'],
  links: ['links'],
  pages: ['pages'],
  search: ['search'],
} as const satisfies Record<string, readonly PhaseName[]>;

/** Returns the seconds spent in each phase (a phase entered twice is summed), in the order phases first started; each lasts until the next mark or `end`. */
export function phaseSeconds(marks: readonly PhaseMark[], end: number): [PhaseName, number][] {
  const totals = new Map<PhaseName, number>();
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  sorted.forEach((mark, i) => {
    const until = sorted[i + 1]?.at ?? end;
    totals.set(mark.name, (totals.get(mark.name) ?? 0) + Math.max(0, until - mark.at) / 1000);
  });
  return [...totals];
}

/** Returns the line `HANDBOOK_TIMINGS=1 npm run build` prints: `Timings: startup 1.20 s, sources 0.41 s, …, total 34.20 s.` */
export function timingsLine(marks: readonly PhaseMark[], end: number): string {
  const parts = phaseSeconds(marks, end).map(([name, s]) => `${name} ${s.toFixed(2)} s`);
  return `Timings: ${[...parts, `total ${(end / 1000).toFixed(2)} s`].join(', ')}.`;
}

/** Reads a {@link timingsLine} back: seconds by phase name (and `total`), or undefined when the output has none. */
export function parseTimingsLine(output: string): Record<string, number> | undefined {
  const line = /^Timings: (.*)\.$/m.exec(output)?.[1];
  if (!line) return undefined;
  return Object.fromEntries(line.split(', ').map((part) => [part.split(' ')[0]!, Number(part.split(' ')[1])]));
}
