/** One nginx directive: `name args…;` or `name args… { children }`. */
export interface NginxDirective {
  name: string;
  args: string[];
  children?: NginxDirective[];
  line: number;
}

const TOKEN = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#]+)|(\n)/g;

/** Parses nginx configuration syntax into directives (enough to read our own config in tests). */
export function parseNginxConfig(text: string): NginxDirective[] {
  const root: NginxDirective[] = [];
  const stack: NginxDirective[][] = [root];
  let current: NginxDirective | undefined;
  let line = 1;
  for (const m of text.matchAll(TOKEN)) {
    const [whole, doubleQuoted, singleQuoted, punct, word, newline] = m;
    if (newline) line += 1;
    else if (whole.startsWith('#')) continue;
    else if (punct === ';' || punct === '{') {
      if (!current) throw new Error(`line ${line}: "${punct}" without a directive`);
      const list = stack[stack.length - 1]!;
      list.push(current);
      if (punct === '{') {
        current.children = [];
        stack.push(current.children);
      }
      current = undefined;
    } else if (punct === '}') {
      if (current || stack.length === 1) throw new Error(`line ${line}: unexpected "}"`);
      stack.pop();
    } else {
      const value = doubleQuoted ?? singleQuoted ?? word ?? '';
      if (current) current.args.push(value);
      else current = { name: value, args: [], line };
    }
  }
  if (current || stack.length !== 1) throw new Error('unterminated directive or block at the end of the file');
  return root;
}

/** Returns every directive named `name`, at any depth, in file order. */
export function findDirectives(tree: readonly NginxDirective[], name: string): NginxDirective[] {
  return tree.flatMap((d) => [...(d.name === name ? [d] : []), ...findDirectives(d.children ?? [], name)]);
}
