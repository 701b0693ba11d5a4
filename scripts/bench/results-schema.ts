import { z } from 'astro/zod';

const spread = z.strictObject({ median: z.number(), min: z.number(), max: z.number() });
const bytes = z.strictObject({ raw: z.number().int().nonnegative(), gzip: z.number().int().nonnegative() });

/** One build of one generator: its wall time, peak memory and (ours) the seconds of each phase, or why it failed. */
const run = z.strictObject({
  ok: z.boolean(),
  seconds: z.number().nonnegative(),
  /** Peak resident memory of the build process (GNU time's maximum resident set size). */
  peakBytes: z.number().int().nonnegative().optional(),
  /** Seconds by build phase, from `HANDBOOK_TIMINGS=1` (ours only). */
  phases: z.record(z.string(), z.number()).optional(),
  /** One-minute load average when the run started. */
  loadAverage: z.number(),
  /** Why the build failed or was stopped (a timeout, an error's last lines). */
  error: z.string().optional(),
});

/** What one generator did at one corpus size. */
const site = z.strictObject({
  tool: z.enum(['handbook', 'starlight']),
  version: z.string(),
  runs: z.array(run),
  wallSeconds: spread.optional(),
  /** Median wall time divided by the page count. */
  secondsPerPage: z.number().optional(),
  peakBytes: z.number().int().optional(),
  /** Shares of the median run's wall time: content loading and Markdown, link checking, page rendering, search indexing, the rest. */
  shares: z.strictObject({ content: z.number(), links: z.number(), pages: z.number(), search: z.number(), rest: z.number() }).optional(),
  dist: z.strictObject({ bytes: z.number().int(), files: z.number().int() }).optional(),
  /** The page of median HTML size and what it loads before interaction. */
  medianPage: z.strictObject({ path: z.string(), html: bytes, css: bytes, js: bytes }).optional(),
  /** Set when the generator did not finish a build at this size. */
  failure: z.string().optional(),
});

/** Search in headless Chromium on our build: first result on a cold page, then 20 more queries. */
const search = z.strictObject({
  page: z.string(),
  coldMs: z.number(),
  medianMs: z.number(),
  p95Ms: z.number(),
  queries: z.number().int(),
});

/** The results `npm run bench` writes to bench/results.json. */
export const benchResults = z.strictObject({
  version: z.literal(1),
  generatedAt: z.string(),
  /** The command that produced the file, to re-run it. */
  command: z.string(),
  /** Wall seconds the whole benchmark took. */
  totalSeconds: z.number(),
  machine: z.strictObject({
    cpu: z.string(),
    cores: z.number().int(),
    memoryBytes: z.number(),
    node: z.string(),
    os: z.string(),
    loadAverageStart: z.array(z.number()).length(3),
    loadAverageEnd: z.array(z.number()).length(3),
  }),
  corpus: z.strictObject({ seed: z.string() }),
  rounds: z.number().int().positive(),
  sizes: z.array(
    z.strictObject({
      pages: z.number().int().positive(),
      corpus: z.strictObject({ files: z.number().int(), bytes: z.number().int(), seconds: z.number() }),
      ours: site,
      starlight: site.optional(),
      /** Our wall time over Starlight's, per alternating pair of runs. */
      ratio: spread.optional(),
      search: search.optional(),
    }),
  ),
});

/** The type of bench/results.json. */
export type BenchResults = z.infer<typeof benchResults>;
/** One corpus size of {@link BenchResults}. */
export type SizeResult = BenchResults['sizes'][number];
/** One generator at one size. */
export type SiteResult = SizeResult['ours'];
/** One build run. */
export type RunResult = SiteResult['runs'][number];
/** Bytes raw and gzip-compressed. */
export type Bytes = z.infer<typeof bytes>;
