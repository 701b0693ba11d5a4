import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runBuild, type BuildRun } from '../helpers/build.ts';

// Text that exists only outside the content root: it must never reach any output.
const SECRET = `secret-${process.pid}-${Date.now()}`;
let dir: string;
let root: string;
let run: BuildRun;

/** A repository-like folder: .git/config beside the content root, and a folder outside both. */
function hostileRepository(): void {
  dir = mkdtempSync(join(tmpdir(), 'handbook-unsafe-'));
  root = join(dir, 'repo', 'content');
  cpSync(fixture('unsafe-files'), root, { recursive: true });
  mkdirSync(join(dir, 'outside'));
  mkdirSync(join(dir, 'repo', '.git'));
  writeFileSync(join(dir, 'outside', 'secret.txt'), `${SECRET} file`);
  writeFileSync(join(dir, 'outside', 'secret.md'), `# ${SECRET} page\n`);
  writeFileSync(join(dir, 'repo', '.git', 'config'), `[credential]\n\thelper = ${SECRET}\n`);
  symlinkSync('../../outside/secret.txt', join(root, 'sample.conf'));
  symlinkSync('../../outside', join(root, 'notes'));
  symlinkSync('../../outside/secret.md', join(root, 'stolen.md'));
  symlinkSync('../.git/config', join(root, 'settings.txt'));
  // And the git configuration of this very repository.
  const gitDir = resolve(execFileSync('git', ['rev-parse', '--git-common-dir'], { encoding: 'utf8' }).trim());
  symlinkSync(join(gitDir, 'config'), join(root, 'git-config.txt'));
  symlinkSync('diagram.svg', join(root, 'inside.svg'));
  writeFileSync(join(root, 'big.zip'), Buffer.alloc(3000, 1));
}

beforeAll(async () => {
  hostileRepository();
  run = await runBuild(root, { HANDBOOK_MAX_ASSET_BYTES: '2048' });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(run.outDir, '..'), { recursive: true, force: true });
});

describe('a tree with symbolic links out of the root, an HTML file and a large file', () => {
  it('fails with every problem reported together: the links themselves, and each Markdown link to a refused file', () => {
    const at = (file: string) => join(root, file);
    const expected = [
      `${at('git-config.txt')} symlink-outside-root is a symbolic link to \``,
      `${at('notes')} symlink-outside-root is a symbolic link to \`${join(dir, 'outside')}\`, outside the content root`,
      `${at('README.md')}:3:25 symlink-outside-root \`./sample.conf\` goes through the symbolic link \`./sample.conf\`, which is not followed`,
      `${at('README.md')}:5:29 symlink-outside-root \`./notes/secret.txt\` goes through the symbolic link \`./notes\`, which is not followed`,
      `${at('README.md')}:7:11 symlink-outside-root \`./settings.txt\``,
      `${at('README.md')}:7:42 symlink-outside-root \`./git-config.txt\``,
      `${at('README.md')}:9:14 unpublishable-file \`./demo.html\` links a \`.html\` file, which is not published: an HTML file would run its scripts on the site; write it as a Markdown page (.md) instead`,
      `${at('README.md')}:11:13 file-too-large \`./big.zip\` links a file of 2.9 KiB, more than the 2.0 KiB limit`,
      `${at('README.md')}:15:3 unsafe-url \`javascript:alert(1)\` was removed`,
      `${at('sample.conf')} symlink-outside-root is a symbolic link to \`${join(dir, 'outside', 'secret.txt')}\`, outside the content root`,
      `${at('settings.txt')} symlink-outside-root is a symbolic link to \`${join(dir, 'repo', '.git', 'config')}\`, outside the content root`,
      `${at('stolen.md')} symlink-outside-root is a symbolic link to \`${join(dir, 'outside', 'secret.md')}\`, outside the content root`,
    ];
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith(root));
    expect(lines).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(lines[i]).toContain(start));
    expect(run.stderr).toContain('11 errors, 1 warning in the content.');
    // The link inside the tree is no problem.
    expect(run.stderr).not.toContain('inside.svg');
  });

  it('writes nothing, and nothing from outside the root reaches the output, the log or the build cache', () => {
    expect(existsSync(run.outDir)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const cached = (folder: string) => {
      try {
        return execFileSync('grep', ['-rl', SECRET, folder], { encoding: 'utf8' });
      } catch {
        return '';
      }
    };
    expect(cached('node_modules/.astro') + cached('.astro')).toBe('');
  });
});
