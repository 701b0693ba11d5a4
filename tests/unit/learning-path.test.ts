import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/lib/check-source.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { learningPathDiagnostics } from '../../src/lib/learning-path-checks.ts';
import { findCycles, orderPath, topologicalOrder, type PathNode } from '../../src/lib/learning-path.ts';
import { createPageIndex } from '../../src/lib/page-index.ts';
import { readSiteConfig } from '../../src/lib/site-config.ts';

const node = (file: string, level?: PathNode['level'], needs: string[] = [], project = false): PathNode => ({
  file,
  level,
  project,
  prerequisites: needs.map((f, i) => ({ file: f, line: 3 + i })),
});

describe('learning path order', () => {
  it('keeps the reading order (numeric prefixes and `order`) where no prerequisite says otherwise', () => {
    expect(topologicalOrder([node('a.md'), node('b.md'), node('c.md')])).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('moves a page after the pages it needs, and only as far as it must', () => {
    // a needs c: c comes first; b, free, keeps its place after a's requirement is met.
    expect(topologicalOrder([node('a.md', undefined, ['c.md']), node('b.md'), node('c.md')])).toEqual(['b.md', 'c.md', 'a.md']);
  });

  it('breaks ties between pages that become ready together by reading order', () => {
    const nodes = [
      node('intro.md'),
      node('z.md', undefined, ['intro.md']),
      node('y.md', undefined, ['intro.md']),
      node('x.md', undefined, ['intro.md']),
    ];
    expect(topologicalOrder(nodes)).toEqual(['intro.md', 'z.md', 'y.md', 'x.md']);
  });

  it('puts pages in the stage of their level, projects apart, and pages without a level under "not yet placed"', () => {
    const path = orderPath([
      node('k8s.md', 'intermediate', ['docker.md']),
      node('docker.md', 'beginner'),
      node('project-1.md', 'beginner', ['docker.md'], true),
      node('notes.md'),
      node('linux.md', 'beginner'),
    ]);
    expect(path.stages.map((s) => [s.level, s.duration, s.files, s.projects])).toEqual([
      ['beginner', '0–3 months', ['docker.md', 'linux.md'], ['project-1.md']],
      ['intermediate', '3–9 months', ['k8s.md'], []],
      ['advanced', '9–18 months', [], []],
    ]);
    expect(path.unplaced).toEqual(['notes.md']);
  });

  it('ignores a prerequisite that is not a page of the path (the source check reports it)', () => {
    expect(topologicalOrder([node('a.md', 'beginner', ['gone.md']), node('b.md', 'beginner')])).toEqual(['a.md', 'b.md']);
    expect(findCycles([node('a.md', 'beginner', ['gone.md'])])).toEqual([]);
  });

  it('still orders every page once when prerequisites form a cycle', () => {
    expect(topologicalOrder([node('a.md', undefined, ['b.md']), node('b.md', undefined, ['a.md']), node('c.md')])).toEqual([
      'c.md',
      'a.md',
      'b.md',
    ]);
  });
});

describe('prerequisite cycles', () => {
  it('finds a cycle with the line of each edge', () => {
    const cycles = findCycles([
      node('a.md', undefined, ['b.md']),
      node('b.md', undefined, ['x.md', 'c.md']),
      node('c.md', undefined, ['a.md']),
      node('x.md'),
    ]);
    expect(cycles).toEqual([{ files: ['a.md', 'b.md', 'c.md', 'a.md'], lines: [3, 4, 3] }]);
  });

  it('reports each edge of a cycle at its path:line, printing the whole cycle', () => {
    const lines = learningPathDiagnostics([node('a.md', undefined, ['b.md']), node('b.md', undefined, ['a.md'])], false).map(
      formatDiagnostic,
    );
    expect(lines).toEqual([
      'a.md:3:1 prerequisite-cycle prerequisites form a cycle: a.md → b.md → a.md (this line is the edge a.md → b.md) (fix: remove one prerequisite of the cycle: a page cannot need a page that needs it)',
      'b.md:3:1 prerequisite-cycle prerequisites form a cycle: a.md → b.md → a.md (this line is the edge b.md → a.md) (fix: remove one prerequisite of the cycle: a page cannot need a page that needs it)',
    ]);
  });

  it('treats a page that lists itself as a cycle', () => {
    expect(findCycles([node('a.md', undefined, ['a.md'])])).toEqual([{ files: ['a.md', 'a.md'], lines: [3] }]);
  });

  it('reports pages without a level only when the handbook asks for levels, and never the glossary', () => {
    const nodes = [node('a.md'), node('b.md', 'advanced'), node('GLOSSARY.md')];
    expect(learningPathDiagnostics(nodes, false)).toEqual([]);
    expect(learningPathDiagnostics(nodes, true).map((d) => `${d.file} ${d.rule}`)).toEqual(['a.md missing-level']);
  });

  it('reads HANDBOOK_REQUIRE_LEVEL as the opt-in, off by default, and refuses any other value', () => {
    expect(readSiteConfig({}, '/repo').requireLevel).toBe(false);
    expect(readSiteConfig({ HANDBOOK_REQUIRE_LEVEL: 'true' }, '/repo').requireLevel).toBe(true);
    expect(() => readSiteConfig({ HANDBOOK_REQUIRE_LEVEL: 'yes' }, '/repo')).toThrow(
      'HANDBOOK_REQUIRE_LEVEL must be "true" or "false", got "yes".',
    );
  });

  it('reads prerequisite edges with the line of each entry from the page source', () => {
    const index = createPageIndex(['guide/a.md', 'guide/b.md']);
    const source = '---\nlevel: beginner\nprerequisites:\n  - ./b.md\n  - ./missing.md\n---\n\n# A\n';
    const result = checkSource('guide/a.md', new TextEncoder().encode(source), index);
    expect(result.prerequisiteEdges).toEqual([{ file: 'guide/b.md', line: 4 }]);
    expect(result.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['5 missing-prerequisite']);
  });
});
