import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** Frontmatter parsed from a page's source, with the line of each top-level key and list item. */
export type ParsedFrontmatter =
  | { ok: true; data: unknown; keyLines: Map<string, number>; itemLines: Map<string, number[]>; bodyLineOffset: number }
  | { ok: false; line: number; column: number; message: string };

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** Returns the YAML between the leading `---` lines and the lines the block takes, or undefined without frontmatter. */
export function frontmatterBlock(source: string): { yaml: string; lines: number } | undefined {
  const open = OPEN.exec(source);
  if (!open) return undefined;
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return undefined;
  const yaml = rest.slice(0, close.index);
  return { yaml, lines: yaml.split('\n').length + 1 };
}

/** Parses a page's frontmatter; lines are 1-based lines of the whole file. */
export function parseFrontmatterSource(source: string): ParsedFrontmatter {
  const block = frontmatterBlock(source);
  if (block === undefined) {
    if (OPEN.test(source))
      return { ok: false, line: 1, column: 1, message: 'frontmatter opened with `---` is never closed with a `---` line' };
    return { ok: true, data: undefined, keyLines: new Map(), itemLines: new Map(), bodyLineOffset: 0 };
  }
  const { yaml } = block;
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = counter.linePos(error.pos[0]);
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? 'invalid YAML';
    return { ok: false, line: pos.line + 1, column: pos.col, message: `malformed YAML frontmatter: ${reason}` };
  }
  const keyLines = new Map<string, number>();
  const itemLines = new Map<string, number[]>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      keyLines.set(key, counter.linePos(pair.key.range[0]).line + 1);
      if (isSeq(pair.value)) {
        itemLines.set(
          key,
          pair.value.items
            .map((item) => (isScalar(item) || isMap(item) || isSeq(item) ? item.range?.[0] : undefined) ?? pair.key!.range![0])
            .map((at) => counter.linePos(at).line + 1),
        );
      }
    }
  }
  return { ok: true, data: doc.toJS(), keyLines, itemLines, bodyLineOffset: block.lines };
}
