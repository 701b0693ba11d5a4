import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nodeArgsOfScript } from '../../scripts/node-args.ts';

/** What one run of `npm run build` did. */
export interface BuildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/** Path of a fixture tree under tests/fixtures. */
export const fixture = (name: string) => resolve('tests/fixtures', name);

/** Runs a project script as a user's shell would (not with vitest's VITEST, NODE_ENV=test), collecting its output. */
function runScript(args: string[], env: Record<string, string>): Promise<Omit<BuildRun, 'outDir'>> {
  return new Promise((done, fail) => {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST' && key !== 'GITHUB_ACTIONS',
      ),
    );
    const child = spawn(process.execPath, args, { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Runs the real build script (as `npm run build` does) on a content tree, into its own output folder. */
export async function runBuild(
  contentRoot: string,
  env: Record<string, string> = {},
  outDir = join(mkdtempSync(join(tmpdir(), 'handbook-out-')), 'dist'),
): Promise<BuildRun> {
  const run = await runScript(['scripts/build.ts'], {
    ASTRO_TELEMETRY_DISABLED: '1',
    HANDBOOK_CONTENT: contentRoot,
    HANDBOOK_OUT: outDir,
    ...env,
  });
  return { ...run, outDir };
}

/** Runs `npm run check`'s command (its Node flags and script) on a content tree, with optional file arguments. */
export function runCheck(contentRoot: string, args: string[] = [], env: Record<string, string> = {}): Promise<Omit<BuildRun, 'outDir'>> {
  return runScript([...nodeArgsOfScript('check'), ...args], { HANDBOOK_CONTENT: contentRoot, ...env });
}

/** Runs `npm run bench`'s script with the arguments given. */
export function runBenchScript(args: string[]): Promise<Omit<BuildRun, 'outDir'>> {
  return runScript(['scripts/bench.ts', ...args], { ASTRO_TELEMETRY_DISABLED: '1' });
}
