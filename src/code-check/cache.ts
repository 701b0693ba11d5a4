import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { planCheck } from '../lib/code-checks.ts';
import type { CheckedBlock, CodeProblem, FileBlock, Tools } from './check-blocks.ts';
import { INSTALLED_PACKAGES } from '../lib/installed-packages.ts';
import { sourcesDigest } from '../data/sources-digest.ts';

/** A problem of a cached block: its line counted from the block's first code line, and what was said. */
interface CachedProblem {
  line: number;
  validator: string;
  message: string;
}

interface CacheFile {
  version: string;
  blocks: Record<string, { failed: boolean; problems: CachedProblem[] }>;
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

/** Returns what a block's answer depends on besides its text: the checker's code, the locked packages and their patches, the external tools' versions. */
export function checkerVersion(root: string, tools: Tools = {}): string {
  const version = (command: string) => {
    const run = spawnSync(command, ['--version'], { encoding: 'utf8' });
    return `${run.status}:${run.stdout}`;
  };
  return sourcesDigest(
    root,
    ['src/code-check/**', 'src/lib/code-checks.ts', 'src/lib/kubernetes-kinds.json', ...INSTALLED_PACKAGES],
    version(tools.shellcheck ?? 'shellcheck'),
    version(tools.python ?? 'python3'),
  );
}

/** Returns the cache key of a block: its language, info string and text (file and lines do not change its answer). */
function blockKey(block: FileBlock): string {
  return hash(block.lang, block.meta, block.value);
}

function readCache(cacheFile: string, version: string): CacheFile['blocks'] {
  try {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
    return cache.version === version ? cache.blocks : {};
  } catch {
    return {};
  }
}

/**
 * Checks code blocks as {@link checkBlocks} does, validating only the blocks whose text, language and
 * info string were not checked before with the same checker (`version`); the answers of the others come
 * from `cacheFile`, which then holds exactly this run's blocks. A run in which a tool could not start
 * throws, and writes nothing.
 */
export async function checkBlocksCached(
  blocks: readonly FileBlock[],
  cacheFile: string,
  version: string,
  tools: Tools = {},
): Promise<{ problems: CodeProblem[]; results: CheckedBlock[] }> {
  const cached = readCache(cacheFile, version);
  const keys = blocks.map(blockKey);
  const fresh = blocks.filter((_, i) => !cached[keys[i]!]);
  // The validators (TypeScript, ajv, WebAssembly) are loaded only when some block needs them.
  const checked = fresh.length > 0 ? await (await import('./check-blocks.ts')).checkBlocks(fresh, tools) : { problems: [], results: [] };
  const answers: CacheFile['blocks'] = {};
  // A problem belongs to the last block of its file whose fence is at or above it.
  checked.results.forEach(({ block, failed }) => (answers[blockKey(block)] = { failed, problems: [] }));
  for (const problem of checked.problems) {
    const owner = fresh.filter((b) => b.file === problem.file && b.fenceLine <= problem.line).at(-1);
    if (owner)
      answers[blockKey(owner)]!.problems.push({
        line: problem.line - owner.firstLine,
        validator: problem.validator,
        message: problem.message,
      });
  }
  const kept: CacheFile['blocks'] = {};
  const problems: CodeProblem[] = [];
  const results = blocks.map((block, i) => {
    const answer = cached[keys[i]!] ?? answers[keys[i]!]!;
    kept[keys[i]!] = answer;
    for (const p of answer.problems)
      problems.push({
        file: block.file,
        line: block.firstLine + p.line,
        language: block.lang || '(none)',
        validator: p.validator,
        message: p.message,
      });
    return { block, plan: planCheck(block.lang, block.meta, block.value), failed: answer.failed };
  });
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify({ version, blocks: kept }));
  return { problems, results };
}
