/** A page to draw: its id (file), the text shown and where it links. */
export interface GraphInput {
  columns: { label: string; nodes: { id: string; label: string; href: string; route: string; project: boolean }[] }[];
  /** Prerequisite edges, `from` needed by `to`. */
  edges: { from: string; to: string }[];
}

/** A node placed on the drawing. */
export interface GraphNode {
  id: string;
  href: string;
  route: string;
  /** Full title (the SVG `<title>`); `text` may be shortened to fit the box. */
  label: string;
  text: string;
  project: boolean;
  x: number;
  y: number;
}

/** The drawing: size, column headers, nodes and edge paths. */
export interface GraphLayout {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  headers: { label: string; x: number; y: number }[];
  nodes: GraphNode[];
  edges: { d: string }[];
}

const NODE_W = 220;
const NODE_H = 34;
const GAP_Y = 12;
const COL_GAP = 64;
const LEFT = 44;
const TOP = 44;
// About 7 px per character at the drawing's 13 px font; longer titles end in an ellipsis.
const MAX_CHARS = Math.floor((NODE_W - 34) / 6.8);

/** Returns the short form of a title for a node: the part before `: ` when there is one, cut to `max` characters with an ellipsis. */
export function fitText(title: string, max = MAX_CHARS): string {
  const text = title.split(': ')[0]!;
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Lays out the learning path: stages as columns, pages top to bottom in path order, edges as curves. */
export function layoutGraph(input: GraphInput): GraphLayout {
  const nodes: GraphNode[] = [];
  const column = new Map<string, number>();
  input.columns.forEach((col, c) => {
    col.nodes.forEach((n, i) => {
      column.set(n.id, c);
      nodes.push({ ...n, text: fitText(n.label), x: LEFT + c * (NODE_W + COL_GAP), y: TOP + i * (NODE_H + GAP_Y) });
    });
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges = reduceEdges(input.edges).flatMap(({ from, to }) => {
    const a = at.get(from);
    const b = at.get(to);
    return a && b ? [{ d: edgePath(a, b, column.get(from)!, column.get(to)!) }] : [];
  });
  const rows = Math.max(1, ...input.columns.map((c) => c.nodes.length));
  return {
    width: LEFT + input.columns.length * (NODE_W + COL_GAP) - COL_GAP + 16,
    height: TOP + rows * (NODE_H + GAP_Y) + 4,
    nodeWidth: NODE_W,
    nodeHeight: NODE_H,
    headers: input.columns.map((col, c) => ({ label: col.label, x: LEFT + c * (NODE_W + COL_GAP), y: 24 })),
    nodes,
    edges,
  };
}

function edgePath(a: GraphNode, b: GraphNode, ca: number, cb: number): string {
  const midA = a.y + NODE_H / 2;
  const midB = b.y + NODE_H / 2;
  if (ca === cb) {
    // Within a column: a loop out to the left, wider for pages further apart.
    const bend = Math.round(Math.min(LEFT - 6, 10 + Math.abs(b.y - a.y) / 12));
    return `M${a.x} ${midA}C${a.x - bend} ${midA} ${b.x - bend} ${midB} ${b.x} ${midB}`;
  }
  const forward = ca < cb;
  const x1 = forward ? a.x + NODE_W : a.x;
  const x2 = forward ? b.x : b.x + NODE_W;
  const pull = (forward ? 1 : -1) * (COL_GAP / 2 + 8);
  return `M${x1} ${midA}C${x1 + pull} ${midA} ${x2 - pull} ${midB} ${x2} ${midB}`;
}

/** Returns the edges without those implied by others (a → c goes when a → b → c exists), so the drawing shows only direct steps. */
export function reduceEdges<E extends { from: string; to: string }>(edges: readonly E[]): E[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const reachableWithout = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = (next.get(from) ?? []).filter((n) => n !== to);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === to) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...(next.get(node) ?? []));
    }
    return false;
  };
  return edges.filter(({ from, to }) => !reachableWithout(from, to));
}
