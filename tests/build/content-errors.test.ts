import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runBuild } from '../helpers/build.ts';

const shown = (name: string, file: string) => join('tests/fixtures', name, file);

describe('a build with content problems', () => {
  it('fails on a link to a missing page with path:line:column and a count', async () => {
    const run = await runBuild(fixture('broken-link'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${shown('broken-link', 'guide/README.md')}:5:5 missing-file cannot find \`./setup.md\``);
    expect(run.stderr).toContain('1 error, 0 warnings in the content.');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(run.outDir)).toBe(false);
  });

  it('fails on a missing anchor with a did-you-mean suggestion', async () => {
    const run = await runBuild(fixture('broken-anchor'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${shown('broken-anchor', 'README.md')}:3:6 missing-heading cannot find heading \`#instalation\` in \`./docs/README.md\`; did you mean \`installation\`?`,
    );
  });

  it('fails when two files map to one route, naming both', async () => {
    const run = await runBuild(fixture('duplicate-route'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${shown('duplicate-route', 'guide.md')} duplicate-route maps to route /guide/ like \`${shown('duplicate-route', 'guide/README.md')}\``);
  });

  it('fails on bad frontmatter, reporting every field on its line', async () => {
    const run = await runBuild(fixture('bad-frontmatter'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${shown('bad-frontmatter', 'README.md')}:3:1 invalid-frontmatter \`level\`: expected one of "beginner", "intermediate", "advanced", got "expert"`);
    expect(run.stderr).toContain(`${shown('bad-frontmatter', 'README.md')}:4:1 unknown-frontmatter-key unknown frontmatter key \`sumary\``);
    expect(run.stderr).toContain('2 errors, 0 warnings in the content.');
  });

  it('lists broken links as warnings and builds anyway with HANDBOOK_LINKS=warn', async () => {
    const run = await runBuild(fixture('broken-link'), { HANDBOOK_LINKS: 'warn' });
    expect(run.code, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain('missing-file cannot find `./setup.md`');
    expect(`${run.stdout}${run.stderr}`).toContain('0 errors, 1 warning in the content.');
    expect(existsSync(join(run.outDir, 'guide/index.html'))).toBe(true);
  });

  it('fails clearly when the content root does not exist', async () => {
    const run = await runBuild(fixture('no-such-tree'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing-content-root the content root does not exist');
  });

  it('builds a tree given by a path outside the project', async () => {
    const root = join(fixture('site'), '..', '..', '..', 'node_modules', '.cache', `tree-${process.pid}`);
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'README.md'), '# Elsewhere\n\nA tree outside content/.\n');
    const run = await runBuild(root);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.outDir, 'index.html'))).toBe(true);
  });
});
