import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** Returns the node at a path of keys and indexes in a YAML document, with the key node of the last step. */
export function nodeAt(doc: Document, path: readonly (string | number)[]): { node?: Node; key?: Node } {
  let node = doc.contents as Node | null | undefined;
  let key: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return { node, key };
      key = pair.key as Node;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      node = node.items[Number(step)] as Node | undefined;
      key = undefined;
    } else {
      return { node: node ?? undefined, key };
    }
  }
  return { node: node ?? undefined, key };
}

/** Returns the 1-based line of a path in a YAML document: the key's line for a map entry, else the value's. */
export function lineAt(doc: Document, path: readonly (string | number)[], lines: LineCounter): number {
  const { node, key } = nodeAt(doc, path);
  const offset = (key ?? node)?.range?.[0] ?? doc.range?.[0] ?? 0;
  return lines.linePos(offset).line;
}

/** Splits a JSON pointer (`/spec/template/0`) into its steps. */
export function pointerSteps(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Returns a JSON pointer as a dotted path for messages (`spec.template.containers[0]`). */
export function dottedPath(steps: readonly (string | number)[]): string {
  return (
    steps.reduce<string>((out, step) => (/^\d+$/.test(String(step)) ? `${out}[${step}]` : out ? `${out}.${step}` : String(step)), '') ||
    '(document)'
  );
}
