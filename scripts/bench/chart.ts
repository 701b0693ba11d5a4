import type { BenchResults } from './results-schema.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Returns an accessible SVG line chart of milliseconds per page against page count (log scale), ours and Starlight's. */
export function renderChart(results: BenchResults): string {
  const series = [
    {
      name: 'This handbook',
      color: '#1f6feb',
      dash: '',
      points: results.sizes.flatMap((s) => (s.ours.secondsPerPage ? [[s.pages, s.ours.secondsPerPage * 1000] as const] : [])),
    },
    {
      name: 'Starlight',
      color: '#c2410c',
      dash: ' stroke-dasharray="6 4"',
      points: results.sizes.flatMap((s) => (s.starlight?.secondsPerPage ? [[s.pages, s.starlight.secondsPerPage * 1000] as const] : [])),
    },
  ].filter((line) => line.points.length > 0);
  const [width, height, left, right, top, bottom] = [640, 360, 64, 150, 40, 48];
  const counts = results.sizes.map((s) => s.pages);
  const [minX, maxX] = [Math.min(...counts), Math.max(...counts)];
  const maxY = Math.max(1, ...series.flatMap((l) => l.points.map((p) => p[1]))) * 1.15;
  const x = (pages: number) =>
    maxX === minX
      ? left + (width - left - right) / 2
      : left + ((Math.log(pages) - Math.log(minX)) / (Math.log(maxX) - Math.log(minX))) * (width - left - right);
  const y = (ms: number) => height - bottom - (ms / maxY) * (height - top - bottom);
  const ticks = Array.from({ length: 5 }, (_, i) => (maxY / 4) * i);
  const describe = series
    .map((l) => `${l.name}: ${l.points.map(([p, ms]) => `${ms.toFixed(1)} ms per page at ${p} pages`).join(', ')}`)
    .join('. ');
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif" font-size="12">`,
    '  <title id="chart-title">Build time per page against page count</title>',
    `  <desc id="chart-desc">${escapeXml(`Median wall time of a build divided by its page count, measured ${results.generatedAt.slice(0, 10)}. ${describe}.`)}</desc>`,
    `  <rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `  <text x="${left}" y="22" font-size="14" font-weight="bold" fill="#111">Build time per page (ms) against page count</text>`,
    ...ticks.map(
      (t) =>
        `  <g><line x1="${left}" x2="${width - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/><text x="${left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" fill="#333">${t.toFixed(maxY < 20 ? 1 : 0)}</text></g>`,
    ),
    ...counts.map(
      (p) => `  <text x="${x(p).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" fill="#333">${p.toLocaleString('en')}</text>`,
    ),
    `  <text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle" fill="#333">pages (log scale)</text>`,
    ...series.flatMap((l, i) => [
      `  <polyline fill="none" stroke="${l.color}" stroke-width="2.5"${l.dash} points="${l.points.map(([p, ms]) => `${x(p).toFixed(1)},${y(ms).toFixed(1)}`).join(' ')}"/>`,
      ...l.points.map(
        ([p, ms]) =>
          `  <circle cx="${x(p).toFixed(1)}" cy="${y(ms).toFixed(1)}" r="4" fill="${l.color}"><title>${escapeXml(`${l.name}: ${ms.toFixed(1)} ms per page at ${p} pages`)}</title></circle>`,
      ),
      `  <line x1="${width - right + 16}" x2="${width - right + 44}" y1="${top + 20 + i * 22}" y2="${top + 20 + i * 22}" stroke="${l.color}" stroke-width="2.5"${l.dash}/>`,
      `  <text x="${width - right + 50}" y="${top + 24 + i * 22}" fill="#111">${escapeXml(l.name)}</text>`,
    ]),
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}
