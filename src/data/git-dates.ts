import { execFileSync } from 'node:child_process';
import { parseGitLog } from '../lib/reading-aids.ts';

/**
 * Returns when each file under the content root was last committed, from one `git log` run.
 * Outside a repository, without git, or in a shallow clone's missing history it returns what it can (maybe nothing).
 */
export function lastCommitDates(contentRoot: string): Map<string, string> {
  try {
    const output = execFileSync('git', ['log', '--format=%x1e%cI', '--name-only', '--no-renames', '--relative', '--', '.'], {
      cwd: contentRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return parseGitLog(output);
  } catch {
    return new Map();
  }
}
