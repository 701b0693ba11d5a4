import { ORDER_PREFIX } from './routes.ts';

/** Where a page's title came from, in the order they are tried. */
export type TitleSource = 'frontmatter' | 'h1' | 'heading' | 'file';

/** What is known about a page when its title is chosen. */
export interface TitleInput {
  file: string;
  frontmatterTitle?: string | undefined;
  h1?: string | undefined;
  /** Text of the page's first heading of any level. */
  firstHeading?: string | undefined;
}

/** Returns a file's name made readable: `aws-cloud-practitioner.md` → `aws cloud practitioner`; a README by its folder. */
export function titleFromFileName(file: string): string {
  const parts = file.split('/');
  const name = /^readme\.mdx?$/i.test(parts.at(-1) ?? '') ? parts.at(-2) : parts.at(-1);
  if (name === undefined) return 'Home';
  return readableName(name.replace(/\.mdx?$/i, '')) || name;
}

/** Returns a folder's name made readable and capitalised, as the title of a folder without README (`02-über_uns` → `Über uns`). */
export function folderTitle(name: string): string {
  // By code point, so a leading emoji or astral letter stays whole.
  const [first = '', ...rest] = [...readableName(name)];
  return first ? first.toUpperCase() + rest.join('') : name;
}

function readableName(name: string): string {
  return name.replace(ORDER_PREFIX, '').replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Returns the page's title and where it came from: frontmatter, else `# H1`, else first heading, else file name. */
export function chooseTitle(input: TitleInput): { title: string; source: TitleSource } {
  if (input.frontmatterTitle) return { title: input.frontmatterTitle, source: 'frontmatter' };
  if (input.h1) return { title: input.h1, source: 'h1' };
  if (input.firstHeading) return { title: input.firstHeading, source: 'heading' };
  return { title: titleFromFileName(input.file), source: 'file' };
}

/** Returns the `missing-title` message for a title found by a fallback, or undefined when none was needed. */
export function fallbackTitleMessage(title: string, source: TitleSource): string | undefined {
  if (source === 'heading') return `the page has no \`title\` and no \`# H1\`; its first heading \`${title}\` is used as the title`;
  if (source === 'file') return `the page has no \`title\` and no heading; the title \`${title}\` is made from its file name`;
  return undefined;
}
