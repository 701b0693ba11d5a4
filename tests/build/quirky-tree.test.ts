import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import { writeQuirkyTree, type PlantedProblem } from '../helpers/quirky-tree.ts';

const root = mkdtempSync(join(tmpdir(), 'quirky-tree-'));
let tree: { pages: number; problems: PlantedProblem[] };
let warn: BuildRun;
let strict: BuildRun;

const reported = (output: string) =>
  output
    .split('\n')
    .map((l) => /^(\S+):(\d+):\d+ (missing-file|absolute-path|missing-heading) /.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]!.slice(root.length + 1)}:${m[2]} ${m[3]}`)
    .sort();

beforeAll(async () => {
  tree = writeQuirkyTree(root);
  warn = await runBuild(root, { HANDBOOK_LINKS: 'warn' });
  strict = await runBuild(root);
}, 600_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a large real-world-style Markdown tree', () => {
  it('has 150+ pages, some over 100 KB', () => {
    expect(tree.pages).toBeGreaterThanOrEqual(150);
    expect(statSync(join(root, '00-getting-started/topic-1-kebab-case.md')).size).toBeGreaterThan(100 * 1024);
  });

  it('builds in warn mode, listing every broken link as a warning', () => {
    expect(warn.code, warn.stderr.slice(-2000)).toBe(0);
    const expected = tree.problems.map((p) => `${p.file}:${p.line} ${p.rule}`).sort();
    expect(reported(`${warn.stdout}\n${warn.stderr}`)).toEqual(expected);
    expect(`${warn.stdout}${warn.stderr}`).toContain(`0 errors, ${expected.length} warnings in the content.`);
    expect(statSync(join(warn.outDir, 'kubernetes/mlops-notes/index.html')).isFile()).toBe(true);
  });

  it('fails in strict mode with the same list, as errors', () => {
    expect(strict.code).toBe(1);
    expect(reported(strict.stderr)).toEqual(reported(`${warn.stdout}\n${warn.stderr}`));
    expect(strict.stderr).toContain(`${tree.problems.length} errors, 0 warnings in the content.`);
    expect(strict.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)/);
  });
});
