import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Returns the arguments `npm run <name>` gives Node (its flags, then the script), read from package.json,
 * so the benchmark and the tests run a script exactly as contributors do. The script must be a plain
 * `node [flags] <file> [args]` command.
 */
export function nodeArgsOfScript(name: string, root = process.cwd()): string[] {
  const scripts = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts[name] ?? '').trim().split(/\s+/);
  if (words[0] !== 'node' || words.length < 2)
    throw new Error(
      `package.json: the script "${name}" must be a plain \`node [flags] <file>\` command to be run directly, not "${scripts[name] ?? ''}".`,
    );
  return words.slice(1);
}
