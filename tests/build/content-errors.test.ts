import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { createContentChecker } from '../../src/data/check-content.ts';
import { formatReport } from '../../src/lib/diagnostics.ts';
import { fixture, runBuild, type BuildRun } from '../helpers/build.ts';

/** `npm run check` finds what the build found, word for word: its whole report is in the build's output. */
function expectCheckAgrees(run: BuildRun, tree: string, links: 'error' | 'warn' = 'error') {
  const report = formatReport(createContentChecker(tree, { strictness: 'default', links }).run().diagnostics);
  expect(report).not.toMatch(/^0 errors, 0 warnings/);
  expect(`${run.stdout}${run.stderr}`).toContain(report);
}

const shown = (name: string, file: string) => join('tests/fixtures', name, file);

// The other kinds of bad input are built together by bad-input.test.ts.
describe('a build with content problems', () => {
  it('fails on a link to a missing page with path:line:column and a count, and annotates it in GitHub Actions', async () => {
    const run = await runBuild(fixture('broken-link'), { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${shown('broken-link', 'guide/README.md')}:5:5 missing-file cannot find \`./setup.md\``);
    expect(run.stderr).toContain('1 error, 0 warnings in the content.');
    expect(run.stdout).toContain(
      `::error file=${shown('broken-link', 'guide/README.md')},line=5,col=5,title=missing-file::cannot find \`./setup.md\``,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(run.outDir)).toBe(false);
    expectCheckAgrees(run, fixture('broken-link'));
  });

  // A copy of the tree outside the project, so this one build also shows that a tree given by such a path builds.
  it('lists broken links as warnings and builds anyway with HANDBOOK_LINKS=warn, from a tree outside the project', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'handbook-elsewhere-')), 'tree');
    cpSync(fixture('broken-link'), root, { recursive: true });
    expect(relative(resolve('.'), root)).toMatch(/^\.\.\//);
    try {
      const run = await runBuild(root, { HANDBOOK_LINKS: 'warn', GITHUB_ACTIONS: 'true' }, join(dirname(root), 'dist'));
      expect(run.code, run.stderr).toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain('missing-file cannot find `./setup.md`');
      expect(`${run.stdout}${run.stderr}`).toContain('0 errors, 1 warning in the content.');
      expect(run.stdout).toContain(`::warning file=${join(root, 'guide/README.md')},line=5,col=5,title=missing-file::`);
      expect(existsSync(join(run.outDir, 'index.html'))).toBe(true);
      expect(existsSync(join(run.outDir, 'guide/index.html'))).toBe(true);
      expectCheckAgrees(run, root, 'warn');
      // The dev server's problem panel never reaches a build, even for a page with a problem.
      const files = globSync('**/*', { cwd: run.outDir });
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const text = readFileSync(join(run.outDir, file), 'latin1');
        expect(text, file).not.toContain('hb-dev-problems');
        expect(text, file).not.toMatch(/problems? in this page/);
      }
    } finally {
      rmSync(dirname(root), { recursive: true, force: true });
    }
  });

  it('fails clearly when the content root does not exist', async () => {
    const run = await runBuild(fixture('no-such-tree'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing-content-root the content root does not exist');
  });
});
