/** A page's level: the stage of the learning path it belongs to. */
export type Level = 'beginner' | 'intermediate' | 'advanced';

/** The stages of the learning path, in order, with the time each one takes (from the Infrastructure overview). */
export const STAGES: readonly { level: Level; label: string; duration: string }[] = [
  { level: 'beginner', label: 'Beginner', duration: '0–3 months' },
  { level: 'intermediate', label: 'Intermediate', duration: '3–9 months' },
  { level: 'advanced', label: 'Advanced', duration: '9–18 months' },
];

/** A prerequisite as written: the page it names and the line of the entry in the file. */
export interface PrerequisiteEdge {
  file: string;
  line: number;
}

/** A page as the learning path sees it. */
export interface PathNode {
  file: string;
  level?: Level | undefined;
  /** Whether the page declares itself its stage's project. */
  project?: boolean | undefined;
  /** Prerequisites that resolve to published pages. */
  prerequisites: readonly PrerequisiteEdge[];
}

/** One cycle among prerequisites: the files in order (the first repeated at the end) and the edge lines. */
export interface PrerequisiteCycle {
  files: string[];
  /** For each edge `files[i] → files[i + 1]`, the line of that prerequisite in `files[i]`. */
  lines: number[];
}

/** The ordered learning path: stages with their pages and project, and the pages without a level. */
export interface OrderedPath {
  stages: { level: Level; label: string; duration: string; files: string[]; projects: string[] }[];
  unplaced: string[];
}

/** Returns every elementary cycle found by a depth-first search, one per back edge, in a stable order. */
export function findCycles(nodes: readonly PathNode[]): PrerequisiteCycle[] {
  const byFile = new Map(nodes.map((n) => [n.file, n]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: { file: string; line: number }[] = [];
  const cycles: PrerequisiteCycle[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    for (const edge of byFile.get(file)?.prerequisites ?? []) {
      if (!byFile.has(edge.file)) continue;
      stack.push({ file, line: edge.line });
      const seen = state.get(edge.file);
      if (seen === 'open') {
        const from = stack.findIndex((s) => s.file === edge.file);
        const part = stack.slice(from);
        cycles.push({ files: [...part.map((s) => s.file), edge.file], lines: part.map((s) => s.line) });
      } else if (seen === undefined) visit(edge.file);
      stack.pop();
    }
    state.set(file, 'done');
  };
  for (const node of nodes) if (!state.has(node.file)) visit(node.file);
  return cycles;
}

/**
 * Returns the pages in prerequisite order (each after the pages it needs), ties broken by the
 * input order, which is the site's reading order (so `order` and file-name prefixes decide where the
 * graph does not). Pages on a cycle keep their input order among themselves.
 */
export function topologicalOrder(nodes: readonly PathNode[]): string[] {
  const rank = new Map(nodes.map((n, i) => [n.file, i]));
  const waiting = new Map(
    nodes.map((n) => [n.file, new Set(n.prerequisites.map((p) => p.file).filter((f) => rank.has(f) && f !== n.file))]),
  );
  const dependents = new Map<string, string[]>();
  for (const [file, needs] of waiting) for (const need of needs) dependents.set(need, [...(dependents.get(need) ?? []), file]);
  const out: string[] = [];
  const placed = new Set<string>();
  while (out.length < nodes.length) {
    // The first page in reading order whose prerequisites are all placed; on a cycle, the first unplaced page.
    const next = nodes.find((n) => !placed.has(n.file) && waiting.get(n.file)!.size === 0) ?? nodes.find((n) => !placed.has(n.file))!;
    out.push(next.file);
    placed.add(next.file);
    for (const dependent of dependents.get(next.file) ?? []) waiting.get(dependent)!.delete(next.file);
  }
  return out;
}

/** Returns the learning path: every page with a level in its stage, in prerequisite order; projects apart; pages without a level last. */
export function orderPath(nodes: readonly PathNode[]): OrderedPath {
  const order = topologicalOrder(nodes);
  const byFile = new Map(nodes.map((n) => [n.file, n]));
  return {
    stages: STAGES.map((stage) => {
      const inStage = order.filter((f) => byFile.get(f)!.level === stage.level);
      return { ...stage, files: inStage.filter((f) => !byFile.get(f)!.project), projects: inStage.filter((f) => byFile.get(f)!.project) };
    }),
    unplaced: order.filter((f) => byFile.get(f)!.level === undefined),
  };
}
