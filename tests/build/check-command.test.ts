import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCheck } from '../helpers/build.ts';

const shown = (name: string, file: string) => join('tests/fixtures', name, file);

describe('npm run check', () => {
  it('fails on a broken link, naming path:line:column, rule and message', async () => {
    const run = await runCheck(fixture('broken-link'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${shown('broken-link', 'guide/README.md')}:5:5 missing-file cannot find \`./setup.md\``);
    expect(run.stderr).toContain('1 error, 0 warnings in the content.');
    expect(run.stdout).not.toContain('::error');
  });

  it('also prints GitHub workflow commands when GITHUB_ACTIONS=true', async () => {
    const run = await runCheck(fixture('broken-link'), [], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error file=${shown('broken-link', 'guide/README.md')},line=5,col=5,title=missing-file::cannot find \`./setup.md\``,
    );
  });

  it('checks only the files given, with their links resolved against the whole tree', async () => {
    const tree = fixture('bad/many-problems');
    const guide = await runCheck(tree, [join(tree, 'guide/README.md')]);
    expect(guide.code).toBe(1);
    const lines = guide.stderr.split('\n').filter((l) => l.startsWith('tests/fixtures/'));
    expect(lines.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `${shown('bad/many-problems', 'guide/README.md')}:3:5 missing-heading`,
      `${shown('bad/many-problems', 'guide/README.md')}:3:43 missing-file`,
    ]);
    expect(guide.stderr).toContain('Checked 1 page');
  });

  it('refuses a file outside the content root', async () => {
    const run = await runCheck(fixture('broken-link'), ['README.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('README.md: not under the content root tests/fixtures/broken-link');
  });

  it('reports Markdown style and spelling with the committed configs, together with link problems', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'handbook-check-'));
    try {
      mkdirSync(join(tree, 'guide'));
      writeFileSync(
        join(tree, 'README.md'),
        // `recieve` is only in the common-misspellings lists cspell.config.yaml leaves out; `therefor` is a word its flagWords keep flagged.
        '# Home\n\nThe [guide](./guide/README.md) explains contaners.\n\n#No space\n\n[gone](./gone.md)\n\nYou recieve it, therefor it works.\n',
      );
      writeFileSync(join(tree, 'guide/README.md'), '# Guide\n\nKubernetes, Terraform, OpenTofu and Pagefind are spelt right here.\n');
      const run = await runCheck(tree);
      expect(run.code).toBe(1);
      const lines = run.stderr.split('\n').filter((l) => l.includes('README.md:'));
      // cspell's suggestions come from a time-limited search: only the word itself is stable.
      expect(lines.map((l) => l.replace(`${tree}/`, '').split(/; did you mean| \(fix:/)[0])).toEqual([
        'README.md:3:41 spelling unknown word `contaners`',
        'README.md:5:1 markdown-style MD018/no-missing-space-atx: No space after hash on atx style heading (near "#No space")',
        'README.md:7:1 missing-file cannot find `./gone.md`',
        'README.md:9:5 spelling unknown word `recieve`',
        'README.md:9:17 spelling unknown word `therefor`',
      ]);
      expect(run.stderr).toContain('5 errors, 0 warnings in the content.');
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('passes on the handbook', async () => {
    const run = await runCheck(resolve('content'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 errors, 0 warnings in the content.');
  });
});
