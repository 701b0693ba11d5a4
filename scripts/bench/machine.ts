import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { BenchResults } from './results-schema.ts';

/** Returns the machine a benchmark runs on, with its load average now (the end's is filled in later). */
export function describeMachine(): BenchResults['machine'] {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() || 'unknown CPU',
    cores: cores.length,
    memoryBytes: totalmem(),
    node: process.versions.node,
    os: `${type()} ${release()}`,
    loadAverageStart: loadavg(),
    loadAverageEnd: loadavg(),
  };
}
