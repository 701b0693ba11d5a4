import type { BenchResults, Bytes, SiteResult, SizeResult } from './results-schema.ts';

const number = new Intl.NumberFormat('en');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
const kb = (b: Bytes) => `${(b.raw / 1024).toFixed(1)} / ${(b.gzip / 1024).toFixed(1)} KB`;
const s = (seconds: number) => `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Returns the name of a generator with its version, as the tables show it. */
const toolName = (site: SiteResult) => `${site.tool === 'handbook' ? 'this handbook' : 'Starlight'} ${site.version}`;

function row(size: SizeResult, site: SiteResult): string {
  const pages = number.format(size.pages);
  if (!site.wallSeconds) return `| ${pages} | ${toolName(site)} | ${site.failure ?? 'failed'} |${' n/a |'.repeat(8)}`;
  const wall = site.wallSeconds;
  const range = site.runs.filter((r) => r.ok).length > 1 ? ` (${s(wall.min)}–${s(wall.max)})` : '';
  const shares = site.shares
    ? `${pct(site.shares.content)} / ${pct(site.shares.links)} / ${pct(site.shares.pages)} / ${pct(site.shares.search)} / ${pct(site.shares.rest)}`
    : 'n/a';
  const page = site.medianPage;
  const search =
    site.tool === 'handbook' && size.search
      ? [size.search.coldMs, size.search.medianMs, size.search.p95Ms].map((ms) => Math.round(ms)).join(' / ') + ' ms'
      : 'n/a';
  return [
    '',
    pages,
    toolName(site),
    `${s(wall.median)}${range}`,
    `${((site.secondsPerPage ?? 0) * 1000).toFixed(1)} ms`,
    shares,
    site.peakBytes === undefined ? 'n/a' : mb(site.peakBytes),
    site.dist ? mb(site.dist.bytes) : 'n/a',
    page ? kb(page.html) : 'n/a',
    page ? kb(page.css) : 'n/a',
    page ? kb(page.js) : 'n/a',
    search,
    '',
  ]
    .join(' | ')
    .trim();
}

/** Returns the Markdown `npm run bench` writes into BENCHMARKS.md: the machine, the table, the ratios and the chart. */
export function resultsMarkdown(results: BenchResults, chartPath: string): string {
  const m = results.machine;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  const lines = [
    `Measured ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC with \`${results.command}\` (${s(results.totalSeconds)} in all), ${results.rounds} round${results.rounds === 1 ? '' : 's'} per generator and size, alternating.`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB memory, Node ${m.node}, ${m.os}; load average ${load(m.loadAverageStart)} at the start and ${load(m.loadAverageEnd)} at the end (1, 5, 15 minutes).`,
    '',
    '| Pages | Generator | Wall time, median (range) | Per page | Share of time: content + Markdown / links / pages / search / rest (medians) | Peak memory | `dist/` | Median page HTML, raw / gzip | CSS | JS | Search: cold / median / p95 |',
    '| ---: | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.sizes.flatMap((size) => [row(size, size.ours), ...(size.starlight ? [row(size, size.starlight)] : [])]),
    '',
  ];
  const ratios = results.sizes.filter((size) => size.ratio);
  if (ratios.length) {
    lines.push("Our wall time over Starlight's, per pair of alternating runs (median, range):", '');
    for (const size of ratios)
      lines.push(
        `- ${number.format(size.pages)} pages: ${size.ratio!.median.toFixed(2)}× (${size.ratio!.min.toFixed(2)}–${size.ratio!.max.toFixed(2)})`,
      );
    lines.push('');
  }
  const failures = results.sizes.flatMap((size) =>
    size.starlight?.failure ? [`- Starlight at ${number.format(size.pages)} pages: ${size.starlight.failure}`] : [],
  );
  if (failures.length) lines.push(...failures, '');
  lines.push(
    "Phases come from `HANDBOOK_TIMINGS=1` marks in our build: content = the source check plus Astro's content layer, which loads and renders every page's Markdown; pages = writing the HTML; search = Pagefind; rest = start-up, bundling, the site model, linked files, the offline copy. Search is timed in headless Chromium on the median page, from the last keystroke to the frame that paints the first result row. CSS and JS are what the page loads before any interaction, each file compressed on its own.",
    '',
    `![Time per page against page count, this handbook and Starlight](${chartPath})`,
  );
  return `${lines.join('\n')}\n`;
}

/** The markers between which `npm run bench` rewrites BENCHMARKS.md; everything outside them is left alone. */
export const MARKERS = ['<!-- bench:results:start (written by npm run bench) -->', '<!-- bench:results:end -->'] as const;

/** Returns `document` with the text between the {@link MARKERS} replaced by `section` (appended with the markers when absent). */
export function replaceSection(document: string, section: string): string {
  const [start, end] = MARKERS;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  const block = `${start}\n\n${section}\n${end}`;
  if (from === -1 || to < from) return `${document.trimEnd()}\n\n${block}\n`;
  return `${document.slice(0, from)}${block}${document.slice(to + end.length)}`;
}
