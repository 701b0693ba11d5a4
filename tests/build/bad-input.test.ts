import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentChecker } from '../../src/data/check-content.ts';
import { formatReport } from '../../src/lib/diagnostics.ts';
import { parseStrictness } from '../../src/lib/strictness.ts';
import { fixture, runBuild } from '../helpers/build.ts';

const tree = (name: string) => fixture(join('bad', name));
const at = (name: string, file: string) => join('tests/fixtures/bad', name, file);

// Each case: the fixture tree, the lines the report must contain (path:line:col rule-id message, or the path
// alone), and the settings: a missing title or an empty page fails the build only when the tree asks for strictness.
const STRICT = { HANDBOOK_STRICT: 'true' };
const CASES: [string, string[], Record<string, string>?][] = [
  ['malformed-yaml', [`${at('malformed-yaml', 'README.md')}:3:1 malformed-frontmatter malformed YAML frontmatter`]],
  ['wrong-value', [`${at('wrong-value', 'README.md')}:2:1 invalid-frontmatter \`level\`: expected one of "beginner", "intermediate", "advanced", got "expert"`, `${at('wrong-value', 'README.md')}:3:1 invalid-frontmatter \`order\`: expected number, got "first"`]],
  ['no-title', [`${at('no-title', 'README.md')} missing-title the page has no \`title\` and no heading; the title \`Home\` is made from its file name`], STRICT],
  [
    'empty-file',
    [
      `${at('empty-file', 'notes.md')} empty-file the page is empty, so it is left out of the site`,
      `${at('empty-file', 'README.md')}:3:9 missing-file \`./notes.md\` is left out of the site (it is empty or a draft)`,
    ],
    STRICT,
  ],
  ['outside-root', [`${at('outside-root', 'README.md')}:3:6 outside-root \`../../../etc/passwd\` points outside the content root`, `${at('outside-root', 'README.md')}:3:47 outside-root \`../../../etc/hostname\``]],
  ['missing-image', [`${at('missing-image', 'README.md')}:3:1 missing-file cannot find image \`./images/architecture.png\``]],
  ['mdx-syntax', [`${at('mdx-syntax', 'broken.mdx')}:7:28 mdx-syntax MDX syntax error`]],
  ['mdx-code', [`${at('mdx-code', 'widget.mdx')}:1:1 mdx-import \`node:fs\` is outside src/components/`, `${at('mdx-code', 'widget.mdx')}:4:1 mdx-export MDX pages may not export code`]],
  ['invalid-utf8', [`${at('invalid-utf8', 'README.md')} invalid-encoding the file is not valid UTF-8`]],
  ['missing-prerequisite', [`${at('missing-prerequisite', 'README.md')}:3:1 missing-prerequisite prerequisite \`./basics.md\` is not a page`]],
  ['no-pages', [`${at('no-pages', '')} missing-content-root the content root holds no .md or .mdx page`]],
];

describe('bad input fails the build with a clear report', () => {
  it.each(CASES)('%s', async (name, expected, env) => {
    const run = await runBuild(tree(name), env);
    expect(run.code).toBe(1);
    for (const line of expected) expect(run.stderr).toContain(line);
    expect(run.stderr).toMatch(new RegExp(`${expected.length} errors?, 0 warnings in the content\\.`));
    // `npm run check` finds the same problems, word for word.
    expect(run.stderr).toContain(formatReport(createContentChecker(tree(name), { strictness: parseStrictness(env?.HANDBOOK_STRICT), links: 'error' }).run().diagnostics));
    // A content problem is not a generator bug: no stack trace, and no output written.
    expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(existsSync(run.outDir)).toBe(false);
  });

  it('lists every problem of several files together, sorted by path and line, with a count', async () => {
    const run = await runBuild(tree('many-problems'), STRICT);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('tests/fixtures/bad/many-problems/'));
    expect(lines.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `${at('many-problems', 'guide/empty.md')} empty-file`,
      `${at('many-problems', 'guide/README.md')}:3:5 missing-heading`,
      `${at('many-problems', 'guide/README.md')}:3:43 missing-file`,
      `${at('many-problems', 'README.md')}:2:1 unknown-frontmatter-key`,
      `${at('many-problems', 'README.md')}:7:23 missing-file`,
    ]);
    expect(run.stderr).toContain('did you mean `level`?');
    expect(run.stderr).toContain('5 errors, 0 warnings in the content.');
    // `npm run check` finds the same problems, word for word.
    expect(run.stderr).toContain(formatReport(createContentChecker(tree('many-problems'), { strictness: 'strict', links: 'error' }).run().diagnostics));
  });
});
