// Writes a deterministic benchmark corpus: `node scripts/bench/corpus.ts --pages N --out <dir> [--seed S] [--force]`.
// The same N and seed always give byte-identical files (a seeded generator, never Math.random).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusFiles, DEFAULT_SEED } from './generate.ts';

/** What {@link writeCorpus} wrote. */
export interface CorpusStats {
  pages: number;
  files: number;
  bytes: number;
}

/** Writes the corpus of `pages` pages into `out` (which must be empty or absent); returns what it wrote. */
export function writeCorpus(out: string, pages: number, seed = DEFAULT_SEED): CorpusStats {
  mkdirSync(out, { recursive: true });
  if (readdirSync(out).length > 0) throw new Error(`${out} is not empty: give an empty or new folder (or --force to replace it).`);
  const stats: CorpusStats = { pages: 0, files: 0, bytes: 0 };
  for (const file of corpusFiles(pages, seed)) {
    const target = join(out, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.data);
    stats.files += 1;
    stats.bytes += typeof file.data === 'string' ? Buffer.byteLength(file.data) : file.data.length;
    if (file.path.endsWith('.md')) stats.pages += 1;
  }
  return stats;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { pages: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } },
  });
  const pages = Number(values.pages);
  if (!values.out || !Number.isInteger(pages) || pages < 1) {
    console.error('Usage: node scripts/bench/corpus.ts --pages N --out <dir> [--seed S] [--force] (N a whole number of at least 1)');
    process.exit(2);
  }
  const out = resolve(values.out);
  if (values.force) rmSync(out, { recursive: true, force: true });
  try {
    const stats = writeCorpus(out, pages, values.seed ?? DEFAULT_SEED);
    console.log(`Wrote ${stats.pages} pages (${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB) to ${out}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
