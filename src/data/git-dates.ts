import { execFileSync } from 'node:child_process';

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

const RECORD = '\u001e';

/**
 * Parses `git log --format=%x1e%cI --name-only` output (newest commit first) into the date each
 * file was last changed. Paths are as git printed them.
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const record of output.split(RECORD)) {
    const [date, ...files] = record
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!date) continue;
    for (const file of files) if (!dates.has(file)) dates.set(file, date);
  }
  return dates;
}
