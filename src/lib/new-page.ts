import { posix } from 'node:path';
import { isPagePath, isReadme, toRoute } from './routes.ts';

/** Where a new page goes, or why it cannot go there. */
export type NewPagePlan = { type: 'ok'; file: string; route: string } | { type: 'refused'; message: string };

/** Returns the content-relative file and route for a new page at `path` (content-relative), refusing to overwrite or to share a route. */
export function planNewPage(path: string, existingPages: readonly string[]): NewPagePlan {
  let file = path.trim().replaceAll('\\', '/');
  if (file === '') return { type: 'refused', message: 'give the path of the new page, e.g. 06-infrastructure/docker/volumes.md' };
  if (file.endsWith('/')) file += 'README.md';
  else if (!isPagePath(file)) file += '.md';
  if (file.startsWith('/')) return { type: 'refused', message: `\`${path}\` is outside the content root` };
  file = posix.normalize(file);
  if (file === '..' || file.startsWith('../')) return { type: 'refused', message: `\`${path}\` is outside the content root` };
  if (file.split('/').some((s) => s.startsWith('.') || s === 'node_modules')) {
    return { type: 'refused', message: `\`${file}\` is in a hidden or node_modules folder, which the site does not publish` };
  }
  const lower = file.toLowerCase();
  const same = existingPages.find((p) => p.toLowerCase() === lower);
  if (same) return { type: 'refused', message: `\`${same}\` already exists; edit it instead` };
  const route = toRoute(file);
  const clash = existingPages.find((p) => toRoute(p) === route);
  if (clash) return { type: 'refused', message: `\`${file}\` would have the route ${route} of \`${clash}\`; choose another name` };
  return { type: 'ok', file, route };
}

/** What the scaffold of a page is made from. */
export interface PageTemplate {
  title: string;
  /** Pages to read first, relative to the new page. */
  prerequisites: string[];
  /** Position among sibling pages, when the siblings are ordered. */
  order?: number | undefined;
}

/** Returns the Markdown of a new page: frontmatter and the handbook's usual sections, each with a writing hint in a comment (hidden on GitHub and on the site). */
export function pageTemplate({ title, prerequisites, order }: PageTemplate): string {
  const frontmatter = [
    '---',
    'description: One sentence, at most 160 characters, saying what the reader learns here.',
    'level: beginner # beginner | intermediate | advanced',
    ...(prerequisites.length > 0 ? ['prerequisites:', ...prerequisites.map((p) => `  - ${p}`)] : []),
    ...(order === undefined ? [] : [`order: ${order}`]),
    '---',
  ];
  const section = (heading: string, hint: string) => [
    '',
    `## ${heading}`,
    '',
    hint.includes('\n') ? `<!-- ${hint}-->` : `<!-- ${hint} -->`,
  ];
  return [
    ...frontmatter,
    '',
    `# ${title.replace(/\s+/g, ' ').trim()}`,
    '',
    '<!-- Why this matters, before how. An analogy helps; then the concepts, each under its own ## heading. -->',
    ...section('Try it', 'An exercise a learner can do on a laptop, with commands that are correct as written and the output to expect.'),
    ...section('Common pitfalls', 'The mistakes people really make, each with its fix.'),
    ...section('Where to go next', 'Related pages as relative links, e.g. [Docker](../docker/README.md).'),
    ...section('Further reading', 'The official documentation first, as full URLs.'),
    ...section(
      'Check your understanding',
      '3 to 5 questions, each answered in a details block:\n\n1. Why …?\n\n   <details>\n   <summary>Answer</summary>\n\n   Because …\n\n   </details>\n',
    ),
    '',
  ].join('\n');
}

/** Returns the prerequisites a new page starts with: its folder's README, when it has one. */
export function defaultPrerequisites(file: string, existingPages: readonly string[]): string[] {
  if (isReadme(file)) return [];
  const dir = posix.dirname(file);
  const readme = existingPages.find((p) => posix.dirname(p) === dir && isReadme(p));
  return readme ? [`./${posix.basename(readme)}`] : [];
}

/** Returns the `order` that puts a new page after its ordered siblings, or undefined when none is ordered. */
export function nextOrder(siblingOrders: readonly (number | undefined)[]): number | undefined {
  const known = siblingOrders.filter((o): o is number => o !== undefined);
  return known.length === 0 ? undefined : Math.max(...known) + 1;
}
