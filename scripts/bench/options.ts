import type { BenchOptions } from './run.ts';

/** The command-line values `npm run bench` understands (besides `--check`, `--tree`). */
export interface BenchArgs {
  pages?: string | undefined;
  rounds?: string | undefined;
  compare?: string | undefined;
  'no-browser'?: boolean | undefined;
  timeout?: string | undefined;
  'results-dir'?: string | undefined;
  markdown?: string | undefined;
}

const DEFAULT_SIZES = [100, 1000, 5000];

/** Returns the benchmark's options from its arguments, or a message saying what is wrong with them. */
export function parseBenchOptions(args: BenchArgs, argv: readonly string[]): BenchOptions | string {
  const sizes = args.pages === undefined ? DEFAULT_SIZES : args.pages.split(',').map((p) => Number(p.trim().replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    return `--pages takes page counts separated by commas (--pages 100,1000), got "${args.pages}".`;
  if (args.compare !== undefined && args.compare !== 'starlight') return `--compare knows only "starlight", got "${args.compare}".`;
  const rounds = Number(args.rounds ?? (args.compare ? 3 : 1));
  if (!Number.isInteger(rounds) || rounds < 1) return `--rounds takes a whole number of at least 1, got "${args.rounds}".`;
  const timeoutSeconds = Number(args.timeout ?? 1200);
  if (!(timeoutSeconds > 0)) return `--timeout takes seconds, got "${args.timeout}".`;
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    rounds,
    browser: !args['no-browser'],
    compare: args.compare === 'starlight' ? 'starlight' : undefined,
    resultsDir: args['results-dir'] ?? 'bench',
    markdown: args.markdown ?? 'BENCHMARKS.md',
    timeoutSeconds,
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
  };
}
