import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentChecker } from '../../src/data/check-content.ts';
import { formatReport } from '../../src/lib/diagnostics.ts';
import { parseStrictness } from '../../src/lib/strictness.ts';
import { fixture, runBuild, type BuildRun } from '../helpers/build.ts';

const tree = (name: string) => fixture(join('bad', name));
const at = (name: string, file: string) => join('tests/fixtures/bad', name, file);

// The bad inputs are built together, a few trees instead of one build per case: each case's fixture is
// copied into a folder of its name in a shared tree (the fixture of `no-title` is the root page of the
// strict tree, as its message is about the page that would be titled `Home`). Every case's lines must be
// in that build's report, and the report must hold no other lines for the case.
// At the fixtures' depth below the project (tests/fixtures/bad/<case>), so `mdx-code`'s relative import of a
// real component resolves as it does there.
const work = join('node_modules', `.bad-inputs-${process.pid}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const STRICT = { HANDBOOK_STRICT: 'true' };

interface Case {
  name: string;
  /** Lines the report must contain (path:line:col rule-id message, or the path alone), `{}` standing for the case's folder. */
  expected: string[];
  /** Which shared tree it goes in: a missing title or an empty page fails the build only when the tree asks for strictness. */
  tree: 'default' | 'strict';
  /** Copied to the root of its tree instead of a folder of its own. */
  atRoot?: boolean;
}

const CASES: Case[] = [
  { name: 'malformed-yaml', tree: 'default', expected: ['{}/README.md:3:1 malformed-frontmatter malformed YAML frontmatter'] },
  {
    name: 'wrong-value',
    tree: 'default',
    expected: [
      '{}/README.md:2:1 invalid-frontmatter `level`: expected one of "beginner", "intermediate", "advanced", got "expert"',
      '{}/README.md:3:1 invalid-frontmatter `order`: expected number, got "first"',
    ],
  },
  {
    name: 'outside-root',
    tree: 'default',
    expected: [
      '{}/README.md:3:6 outside-root `../../../etc/passwd` points outside the content root',
      '{}/README.md:3:47 outside-root `../../../etc/hostname`',
    ],
  },
  { name: 'missing-image', tree: 'default', expected: ['{}/README.md:3:1 missing-file cannot find image `./images/architecture.png`'] },
  { name: 'mdx-syntax', tree: 'default', expected: ['{}/broken.mdx:7:28 mdx-syntax MDX syntax error'] },
  {
    name: 'mdx-code',
    tree: 'default',
    expected: [
      '{}/widget.mdx:1:1 mdx-import `node:fs` is outside src/components/',
      '{}/widget.mdx:4:1 mdx-export MDX pages may not export code',
    ],
  },
  { name: 'invalid-utf8', tree: 'default', expected: ['{}/README.md invalid-encoding the file is not valid UTF-8'] },
  {
    name: 'missing-prerequisite',
    tree: 'default',
    expected: ['{}/README.md:3:1 missing-prerequisite prerequisite `./basics.md` is not a page'],
  },
  // One line per edge of the cycle, at the line of that prerequisite, each printing the whole cycle.
  {
    name: 'prerequisite-cycle',
    tree: 'default',
    expected: [
      '{}/a.md:5:1 prerequisite-cycle prerequisites form a cycle: prerequisite-cycle/a.md → prerequisite-cycle/b.md → prerequisite-cycle/a.md (this line is the edge prerequisite-cycle/a.md → prerequisite-cycle/b.md)',
      '{}/b.md:4:1 prerequisite-cycle prerequisites form a cycle: prerequisite-cycle/a.md → prerequisite-cycle/b.md → prerequisite-cycle/a.md (this line is the edge prerequisite-cycle/b.md → prerequisite-cycle/a.md)',
    ],
  },
  {
    name: 'broken-anchor',
    tree: 'default',
    expected: ['{}/README.md:3:6 missing-heading cannot find heading `#instalation` in `./docs/README.md`; did you mean `installation`?'],
  },
  // Two files mapping to one route: both named.
  {
    name: 'duplicate-route',
    tree: 'default',
    expected: [
      '{}/guide.md duplicate-route maps to route /duplicate-route/guide/ like `{}/guide/README.md`',
      '{}/guide/README.md duplicate-route',
    ],
  },
  // Every bad field reported on its own line.
  {
    name: 'bad-frontmatter',
    tree: 'default',
    expected: [
      '{}/README.md:3:1 invalid-frontmatter `level`: expected one of "beginner", "intermediate", "advanced", got "expert"',
      '{}/README.md:4:1 unknown-frontmatter-key unknown frontmatter key `sumary`',
    ],
  },
  {
    name: 'no-title',
    tree: 'strict',
    atRoot: true,
    expected: ['{}/README.md missing-title the page has no `title` and no heading; the title `Home` is made from its file name'],
  },
  {
    name: 'empty-file',
    tree: 'strict',
    expected: [
      '{}/notes.md empty-file the page is empty, so it is left out of the site',
      '{}/README.md:3:9 missing-file `./notes.md` is left out of the site (it is empty or a draft)',
    ],
  },
  // Several files with several problems each, listed together (the order is checked below).
  {
    name: 'many-problems',
    tree: 'strict',
    expected: [
      '{}/guide/empty.md empty-file',
      '{}/guide/README.md:3:5 missing-heading',
      '{}/guide/README.md:3:43 missing-file',
      '{}/README.md:2:1 unknown-frontmatter-key',
      '{}/README.md:7:23 missing-file',
    ],
  },
];

const trees = { default: join(work, 'default'), strict: join(work, 'strict') };
const folderOf = (c: Case) => (c.atRoot ? trees[c.tree] : join(trees[c.tree], c.name));
const runs: Partial<Record<Case['tree'], BuildRun>> = {};

beforeAll(async () => {
  for (const c of CASES) cpSync(tree(c.name), folderOf(c), { recursive: true });
  runs.default = await runBuild(resolve(trees.default));
  runs.strict = await runBuild(resolve(trees.strict), STRICT);
});

describe('bad input fails the build with a clear report', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = runs[c.tree]!;
    const expected = c.expected.map((line) => line.replaceAll('{}', folderOf(c)));
    for (const line of expected) expect(run.stderr).toContain(line);
    // Nothing else is reported for the case's files.
    const own = run.stderr
      .split('\n')
      .filter((l) => (c.atRoot ? l.startsWith(`${folderOf(c)}/README.md`) : l.startsWith(`${folderOf(c)}/`)));
    expect(own).toHaveLength(expected.length);
  });

  it.each(Object.keys(trees) as Case['tree'][])(
    'exits 1 with every problem of the %s tree counted, no stack trace, no output written, as npm run check reports them',
    (name) => {
      const run = runs[name]!;
      const count = CASES.filter((c) => c.tree === name).reduce((n, c) => n + c.expected.length, 0);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`\\n${count} errors?, 0 warnings in the content\\.`));
      // `npm run check` finds the same problems, word for word.
      expect(run.stderr).toContain(
        formatReport(
          createContentChecker(resolve(trees[name]), {
            strictness: parseStrictness(name === 'strict' ? 'true' : undefined),
            links: 'error',
          }).run().diagnostics,
        ),
      );
      // A content problem is not a generator bug: no stack trace, and no output written.
      expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      expect(existsSync(run.outDir)).toBe(false);
    },
  );

  it('reports a page without a level only when the handbook asks for levels: an error when strict, else a warning', () => {
    const levels = (policy: { strictness: 'strict' | 'default'; requireLevel?: boolean }) =>
      createContentChecker(tree('missing-level'), { links: 'error', ...policy })
        .run()
        .diagnostics.filter((d) => d.rule === 'missing-level')
        .map((d) => `${d.file} ${d.severity}`);
    expect(levels({ strictness: 'strict' })).toEqual([]);
    expect(levels({ strictness: 'strict', requireLevel: true })).toEqual([`${at('missing-level', 'unplaced.md')} error`]);
    expect(levels({ strictness: 'default', requireLevel: true })).toEqual([`${at('missing-level', 'unplaced.md')} warning`]);
  });

  it('fails before building when the content root holds no page', async () => {
    const run = await runBuild(tree('no-pages'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${at('no-pages', '')} missing-content-root the content root holds no .md or .mdx page`);
    expect(run.stderr).toContain('1 error, 0 warnings in the content.');
    expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(existsSync(run.outDir)).toBe(false);
  });

  it('lists every problem of several files together, sorted by path and line, with a count', () => {
    const c = CASES.find((x) => x.name === 'many-problems')!;
    const run = runs[c.tree]!;
    const lines = run.stderr.split('\n').filter((l) => l.startsWith(`${folderOf(c)}/`));
    expect(lines.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(c.expected.map((line) => line.replaceAll('{}', folderOf(c))));
    expect(lines.join('\n')).toContain('did you mean `level`?');
    // The count and the agreement with `npm run check` are checked for the whole tree above.
  });
});
