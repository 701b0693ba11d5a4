import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one timed command did. */
export interface TimedRun {
  ok: boolean;
  seconds: number;
  /** Peak resident memory (GNU time's maximum resident set size), when the command ended by itself. */
  peakBytes?: number;
  /** The last 20,000 characters it printed (stdout and stderr, in order). */
  output: string;
  loadAverage: number;
  /** Why it did not succeed: its exit status, the signal, or the time limit. */
  error?: string;
}

/** GNU time, which reports a process's peak memory (Debian package `time`). */
export const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command under GNU time with a time limit; past the limit the whole process group is killed.
 * Resolves (never rejects) with its wall time, peak memory and output.
 */
export function timedRun(command: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; timeoutSeconds: number }): Promise<TimedRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'handbook-bench-time-'));
  const memory = join(scratch, 'rss');
  const loadAverage = loadavg()[0]!;
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', memory, ...command], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, options.timeoutSeconds * 1000);
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      let peakBytes: number | undefined;
      try {
        const kb = Number(readFileSync(memory, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb) && kb > 0) peakBytes = kb * 1024;
      } catch {
        // GNU time writes nothing when it is killed itself.
      }
      rmSync(scratch, { recursive: true, force: true });
      const ok = code === 0 && !timedOut && !spawnError;
      const error = ok
        ? undefined
        : timedOut
          ? `stopped after the time limit of ${options.timeoutSeconds} s`
          : spawnError
            ? `could not start: ${spawnError.message}`
            : `exited with ${signal ? `signal ${signal}` : `status ${code}`}: ${lastLines(output)}`;
      done({ ok, seconds, peakBytes, output, loadAverage, ...(error ? { error } : {}) });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Returns the last few non-empty lines of a command's output, joined, for an error message. */
function lastLines(output: string): string {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' | ')
    .slice(0, 500);
}
