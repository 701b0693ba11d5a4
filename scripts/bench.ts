// Times `npm run build` on a generated tree of about 1,000 real-world-style pages (warn mode),
// and prints wall time, peak memory and output size. A benchmark, not a test: numbers vary by machine.
// Needs GNU time at /usr/bin/time (Debian package `time`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeQuirkyTree } from '../tests/helpers/quirky-tree.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const sections = Number(process.env.BENCH_SECTIONS ?? 77);
const work = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
try {
  const { pages } = writeQuirkyTree(join(work, 'tree'), sections);
  const out = join(work, 'dist');
  const env = { ...process.env, HANDBOOK_CONTENT: join(work, 'tree'), HANDBOOK_OUT: out, HANDBOOK_LINKS: 'warn' };
  for (const run of ['cold cache', 'warm cache']) {
    const started = performance.now();
    const memory = join(work, 'memory.txt');
    execFileSync('/usr/bin/time', ['-f', '%M', '-o', memory, process.execPath, 'scripts/build.ts'], { env, stdio: 'ignore' });
    const peakMb = Math.round(Number(readFileSync(memory, 'utf8').trim()) / 1024);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const size = execFileSync('du', ['-sh', out], { encoding: 'utf8' }).split('\t')[0];
    console.log(`${pages} pages, ${run}: ${seconds} s, peak ${peakMb} MB, dist ${size}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
