import { slug } from 'github-slugger';
import { createRandom, type Random } from './prng.ts';
import { phrase } from './corpus-text.ts';

/** A heading of a planned page: its level, text and the id GitHub (and the build) give it. */
export interface PlannedHeading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** One page of the corpus as planned before any Markdown is written. */
export interface PlannedPage {
  /** Position in the plan; each page's text is drawn from a random source seeded with it. */
  index: number;
  /** Path relative to the corpus root, with `/` separators. */
  path: string;
  /** The folder holding the page (`''` for the root). */
  folder: string;
  title: string;
  headings: PlannedHeading[];
  /** A page of about 100 KB instead of about 1,250 words. */
  large: boolean;
}

/** The planned corpus: its pages in order and the pages of each folder. */
export interface CorpusPlan {
  pages: PlannedPage[];
  byFolder: Map<string, number[]>;
}

const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);

/** Returns a file or folder name that is new in its folder, compared as the build compares routes (case, `_` and `-`). */
function uniqueName(random: Random, used: Set<string>, upper: boolean): string {
  for (;;) {
    const words = phrase(random, new Set()).toLowerCase().split(' ');
    const name = upper ? words.join('_').toUpperCase() : words.join('-');
    const key = name.toLowerCase().replace(/_/g, '-');
    if (!used.has(key) && key !== 'readme' && key !== 'index') {
      used.add(key);
      return name;
    }
  }
}

/** Returns 4 to 6 headings, distinct from each other and from the title, some of them H3 under an H2. */
function planHeadings(random: Random, title: string): PlannedHeading[] {
  const used = new Set([title.toLowerCase()]);
  const count = random.int(4, 6);
  return Array.from({ length: count }, (_, i) => {
    const text = phrase(random, used, random.pick(['', '', 'How ', 'Why ', 'Configuring ', 'When to use ']));
    const depth = i > 0 && random.chance(0.3) ? 3 : 2;
    return { depth, text, id: slug(text) };
  });
}

/**
 * Plans a GitHub-style tree of exactly `count` pages: a home README, numbered sections, nested folders
 * (each with its README) of about ten pages, one page in a hundred about 100 KB long.
 */
export function planCorpus(count: number, seed: string): CorpusPlan {
  if (!Number.isInteger(count) || count < 1) throw new Error(`The page count must be a whole number of at least 1, got ${count}.`);
  const random = createRandom(`${seed}:tree`);
  const pages: PlannedPage[] = [];
  const byFolder = new Map<string, number[]>();
  const used = new Map<string, Set<string>>();
  const usedIn = (folder: string) => used.get(folder) ?? used.set(folder, new Set()).get(folder)!;
  const add = (folder: string, name: string, title = phrase(random, new Set())) => {
    const index = pages.length;
    // Spread the long pages through the tree: one in a hundred, never the home page.
    const large = index % 100 === 57;
    pages.push({ index, path: join(folder, name), folder, title, headings: planHeadings(random, title), large });
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), index]);
  };
  const addFolder = (folder: string, budget: number, depth: number): void => {
    if (budget <= 0) return;
    add(
      folder,
      'README.md',
      folder
        .split('/')
        .pop()!
        .replace(/^\d+-/, '')
        .replace(/-/g, ' ')
        .replace(/^./, (c) => c.toUpperCase()),
    );
    let rest = budget - 1;
    const direct = rest <= 12 ? rest : random.int(3, 6);
    for (let i = 0; i < direct; i += 1) add(folder, `${uniqueName(random, usedIn(folder), random.chance(0.06))}.md`);
    rest -= direct;
    const size = depth === 1 && rest > 60 ? 30 : 11;
    const folders = Math.ceil(rest / size);
    for (let f = 0; f < folders; f += 1) {
      const share = Math.floor(rest / folders) + (f < rest % folders ? 1 : 0);
      addFolder(join(folder, uniqueName(random, usedIn(folder), false)), share, depth + 1);
    }
  };
  add('', 'README.md');
  const rest = count - 1;
  const sections = Math.min(rest, Math.max(1, Math.min(40, Math.round(Math.sqrt(count) / 3))));
  for (let s = 0; s < sections; s += 1) {
    const name = `${String(s + 1).padStart(2, '0')}-${uniqueName(random, usedIn(''), false)}`;
    addFolder(name, Math.floor(rest / sections) + (s < rest % sections ? 1 : 0), 1);
  }
  return { pages, byFolder };
}
