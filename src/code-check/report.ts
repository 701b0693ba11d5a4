import type { CheckedBlock, CodeProblem } from './check-blocks.ts';

/** The largest share of blocks that may opt out of checking before the run fails. */
export const MAX_OPT_OUT_SHARE = 0.1;

/** Returns whether more blocks opted out than {@link MAX_OPT_OUT_SHARE} allows. */
export function tooManyOptOuts(results: readonly CheckedBlock[]): boolean {
  return results.filter((r) => r.plan.type === 'skip').length > MAX_OPT_OUT_SHARE * results.length;
}

/** Counts of one fence language. */
export interface LanguageRow {
  language: string;
  blocks: number;
  checked: number;
  skipped: number;
  failed: number;
}

/** Returns `file:line language validator: message`. */
export function formatProblem(p: CodeProblem): string {
  return `${p.file}:${p.line} ${p.language} ${p.validator}: ${p.message}`;
}

/** Returns problems sorted by file, line and message. */
export function sortProblems(list: readonly CodeProblem[]): CodeProblem[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line || a.message.localeCompare(b.message, 'en'));
}

/** Returns one row per fence language, by number of blocks, then name. */
export function summarize(results: readonly CheckedBlock[]): LanguageRow[] {
  const rows = new Map<string, LanguageRow>();
  for (const { block, plan, failed } of results) {
    const language = block.lang || '(none)';
    const row = rows.get(language) ?? { language, blocks: 0, checked: 0, skipped: 0, failed: 0 };
    row.blocks++;
    if (plan.type === 'check') row.checked++;
    if (plan.type === 'skip') row.skipped++;
    if (failed) row.failed++;
    rows.set(language, row);
  }
  return [...rows.values()].sort((a, b) => b.blocks - a.blocks || a.language.localeCompare(b.language, 'en'));
}

function table(rows: readonly LanguageRow[]): string[] {
  const total = rows.reduce(
    (t, r) => ({
      language: 'total',
      blocks: t.blocks + r.blocks,
      checked: t.checked + r.checked,
      skipped: t.skipped + r.skipped,
      failed: t.failed + r.failed,
    }),
    { language: 'total', blocks: 0, checked: 0, skipped: 0, failed: 0 },
  );
  const cells = [
    ['language', 'blocks', 'checked', 'skipped', 'failed'],
    ...[...rows, total].map((r) => [r.language, r.blocks, r.checked, r.skipped, r.failed].map(String)),
  ];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(cells[0]!), ...cells.slice(1, -1).map(line), line(cells.at(-1)!)];
}

/** Returns the whole report: problems, the summary table, the opt-outs and the unchecked languages. */
export function formatCodeReport(problems: readonly CodeProblem[], results: readonly CheckedBlock[]): string {
  const out = sortProblems(problems).map(formatProblem);
  if (out.length > 0) out.push('');
  const rows = summarize(results);
  out.push(...table(rows));
  const skips = results.filter((r) => r.plan.type === 'skip');
  const percent = results.length === 0 ? 0 : (100 * skips.length) / results.length;
  const limit = `at most ${MAX_OPT_OUT_SHARE * 100}% allowed`;
  out.push('', `Opted out: ${skips.length} of ${results.length} blocks (${percent.toFixed(1)}%, ${limit})`);
  for (const { block, plan } of skips)
    out.push(`  ${block.file}:${block.fenceLine} ${block.lang}: ${plan.type === 'skip' && plan.reason ? plan.reason : '(no reason)'}`);
  const unchecked = rows.filter((r) => results.some((x) => (x.block.lang || '(none)') === r.language && x.plan.type === 'unchecked'));
  if (unchecked.length > 0)
    out.push(`Unchecked languages (no validator): ${unchecked.map((r) => `${r.language} (${r.blocks})`).join(', ')}`);
  if (tooManyOptOuts(results)) out.push(`Too many opt-outs: check more blocks or fix them (${limit}).`);
  out.push(
    problems.length === 0 ? 'Code blocks: no problems.' : `Code blocks: ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
  );
  return out.join('\n');
}
