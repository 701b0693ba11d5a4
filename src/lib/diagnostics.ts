/** Rule ids with the fix each one suggests: the one table of content problems. */
export const RULES = {
  'missing-file': 'link the page or file by its path relative to this page',
  'missing-heading': 'link a heading id that exists in the target page',
  'missing-readme': 'add a README.md or another page to the folder, or link a file inside it',
  'outside-root': 'keep links inside the content root; link external pages by full URL',
  'absolute-path': 'write the link relative to this page (./other.md)',
  'duplicate-route': 'rename one of the files so each maps to its own route',
  'invalid-frontmatter': 'give the field a value of the expected type (CONTRIBUTING.md lists the fields)',
  'unknown-frontmatter-key': 'remove the key or use one of the known fields',
  'malformed-frontmatter': 'fix the YAML between the --- lines',
  'missing-title': 'add a `# Title` line or a `title:` frontmatter field',
  'empty-file': 'write the page or delete the file',
  'invalid-encoding': 'save the file as UTF-8',
  'missing-prerequisite': 'list prerequisites as paths of existing pages relative to this page',
  'prerequisite-cycle': 'remove one prerequisite of the cycle: a page cannot need a page that needs it',
  'missing-level': 'add `level: beginner`, `intermediate` or `advanced` to the frontmatter',
  'missing-content-root': 'point HANDBOOK_CONTENT at a folder holding .md or .mdx files',
  'mdx-syntax': 'fix the MDX at that place, or rename the page to .md if it needs no components',
  'mdx-import': 'import components from src/components/ only, by a relative path',
  'mdx-export': 'move the code into a component in src/components/',
  'symlink-outside-root': 'replace the symbolic link with a copy of the file, or point it at a file inside the content root',
  'symlink-loop': 'remove the symbolic link: it points at a folder that contains it',
  'unpublishable-file': 'link only the file types CONTRIBUTING.md lists (images, PDFs, text examples, archives)',
  'file-too-large': 'make the file smaller, raise HANDBOOK_MAX_ASSET_BYTES, or link the file by full URL',
  'unsafe-url': 'link a page, a file or a full https: URL; script and data: URLs are removed from pages',
  'svg-content-removed':
    'remove what the sanitizer drops from the SVG (scripts, event handlers, foreignObject, outside references, editor metadata)',
  'markdown-style': 'follow the rule named in the message (see .markdownlint-cli2.mjs and https://github.com/DavidAnson/markdownlint)',
  spelling: 'correct the word, or add a legitimate technical word or name to cspell-words.txt',
} as const;

/** A rule id from {@link RULES}. */
export type RuleId = keyof typeof RULES;

/** One problem found in the content. */
export interface Diagnostic {
  /** Path as shown to the user (relative to the working directory where possible). */
  file: string;
  line?: number;
  column?: number;
  rule: RuleId;
  message: string;
  severity: 'error' | 'warning';
}

/** Returns diagnostics sorted by file, then line, then column. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file, 'en') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.message.localeCompare(b.message, 'en'),
  );
}

/** Returns `path:line:column rule-id message` (the path alone where no line applies). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  return `${where} ${d.rule} ${d.message}`;
}

/** Returns the whole report: one line per problem, sorted, then a count line. */
export function formatReport(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const lines = sortDiagnostics(list).map(formatDiagnostic);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in the content.`);
  return lines.join('\n');
}

/** Returns a diagnostic with its rule's fix appended to the message. */
export function diagnostic(input: Omit<Diagnostic, 'message'> & { message: string }): Diagnostic {
  return { ...input, message: `${input.message} (fix: ${RULES[input.rule]})` };
}
