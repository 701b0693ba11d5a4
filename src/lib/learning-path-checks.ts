import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { findCycles, type PathNode } from './learning-path.ts';
import { isGlossaryFile } from './glossary.ts';

/**
 * Returns the learning path's problems: one `prerequisite-cycle` error per edge of each cycle, at the
 * line of that prerequisite, and, when the handbook asks for levels, a `missing-level` error per page
 * without one (the policy makes it a warning unless the build is strict).
 */
export function learningPathDiagnostics(nodes: readonly PathNode[], requireLevel: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const cycle of findCycles(nodes)) {
    const chain = cycle.files.join(' → ');
    cycle.lines.forEach((line, i) => {
      const file = cycle.files[i]!;
      const message = `prerequisites form a cycle: ${chain} (this line is the edge ${file} → ${cycle.files[i + 1]})`;
      out.push(diagnostic({ file, line, column: 1, rule: 'prerequisite-cycle', severity: 'error', message }));
    });
  }
  if (requireLevel) {
    for (const node of nodes) {
      if (node.level !== undefined || isGlossaryFile(node.file)) continue;
      out.push(
        diagnostic({
          file: node.file,
          rule: 'missing-level',
          severity: 'error',
          message: 'the page has no `level`, so the learning path lists it under "Not yet placed"',
        }),
      );
    }
  }
  return out;
}
