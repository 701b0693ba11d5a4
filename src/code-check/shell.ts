import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isTranscript } from '../lib/code-checks.ts';
import type { BlockInput, Finding } from './types.ts';

const run = promisify(execFile);

/**
 * Returns the commands of a console transcript with every line kept in place: `$ ` prompts are
 * removed, output lines become blank, and lines continuing a command (after a trailing `\`) stay.
 */
export function transcriptCommands(code: string): string {
  let continuing = false;
  return code
    .split('\n')
    .map((line) => {
      const isCommand = line.startsWith('$ ') || line === '$';
      const keep = isCommand || continuing;
      const text = isCommand ? line.slice(2) : line;
      continuing = keep && /\\$/.test(text);
      return keep ? text : '';
    })
    .join('\n');
}

interface ShellcheckComment {
  file: string;
  line: number;
  code: number;
  message: string;
}

/** Returns the script ShellCheck sees for a block: its text, or the commands of a transcript. */
export function scriptOf(code: string): string {
  return isTranscript(code) ? transcriptCommands(code) : code;
}

/**
 * Runs Debian's `shellcheck` once per dialect over every shell block of a run (one file per block)
 * and returns its error-level findings by block id.
 */
export async function checkShell(blocks: readonly BlockInput[], shellcheck = 'shellcheck'): Promise<Map<number, Finding[]>> {
  const found = new Map<number, Finding[]>();
  if (blocks.length === 0) return found;
  const dir = await mkdtemp(join(tmpdir(), 'check-code-'));
  try {
    const byDialect = new Map<string, string[]>();
    for (const block of blocks) {
      const file = join(dir, `${block.id}.sh`);
      await writeFile(file, `${scriptOf(block.code)}\n`);
      const dialect = block.lang === 'sh' ? 'sh' : 'bash';
      byDialect.set(dialect, [...(byDialect.get(dialect) ?? []), file]);
    }
    for (const [dialect, files] of byDialect) {
      const args = ['--format=json1', '--severity=error', `--shell=${dialect}`, ...files];
      const output = await run(shellcheck, args, { maxBuffer: 64 * 1024 * 1024 }).then(
        (r) => r.stdout,
        (error: { code?: unknown; stdout?: string }) => {
          // Exit 1 means "found something"; anything else (not installed, bad option) is a failure of the tool.
          if (error.code === 1 && error.stdout) return error.stdout;
          throw new Error(`Failed to run shellcheck (install it: apt-get install shellcheck).`, { cause: error });
        },
      );
      for (const c of (JSON.parse(output) as { comments: ShellcheckComment[] }).comments) {
        const id = Number(c.file.slice(dir.length + 1, -'.sh'.length));
        found.set(id, [...(found.get(id) ?? []), { line: c.line, message: `SC${c.code}: ${c.message}` }]);
      }
    }
    return found;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
