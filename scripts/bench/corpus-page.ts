import { createRandom, type Random } from './prng.ts';
import { alert, codeBlock, rawHtml, table, taskList } from './corpus-blocks.ts';
import { diagramSvg, screenshotPng } from './corpus-images.ts';
import { contentWord, paragraph, sentence } from './corpus-text.ts';
import type { CorpusPlan, PlannedPage } from './corpus-tree.ts';

/** A file of the corpus: its path relative to the root and its bytes or text. */
export interface CorpusFile {
  path: string;
  data: string | Uint8Array;
}

/** Returns the path from `folder` to `target` as a GitHub link: `./x.md`, `../a/b.md`. */
export function relativeLink(folder: string, target: string): string {
  const from = folder ? folder.split('/') : [];
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  const up = from.length - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${to.slice(common).join('/')}`;
}

const parentOf = (folder: string) => (folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '');

/** Returns 3 to 6 other pages to link: mostly neighbours, sometimes the parent folder or another section. */
function pickTargets(random: Random, plan: CorpusPlan, page: PlannedPage): PlannedPage[] {
  const others = plan.pages.length - 1;
  const wanted = Math.min(others, random.int(3, 6));
  const chosen = new Map<number, PlannedPage>();
  const siblings = (plan.byFolder.get(page.folder) ?? []).filter((i) => i !== page.index);
  const parent = plan.byFolder.get(parentOf(page.folder)) ?? [];
  for (let tries = 0; chosen.size < wanted && tries < 100; tries += 1) {
    const roll = random.next();
    const pool = roll < 0.5 && siblings.length ? siblings : roll < 0.7 && parent.length && page.folder ? parent : undefined;
    const index = pool ? random.pick(pool) : random.int(0, plan.pages.length - 1);
    if (index !== page.index) chosen.set(index, plan.pages[index]!);
  }
  return [...chosen.values()];
}

/** Returns a Markdown link to a page, with an `#anchor` to one of its headings about half the time. */
function linkTo(random: Random, page: PlannedPage, target: PlannedPage): string {
  const anchor = random.chance(0.5) ? `#${random.pick(target.headings).id}` : '';
  return `[${target.title.toLowerCase()}](${encodeURI(relativeLink(page.folder, target.path))}${anchor})`;
}

const stem = (page: PlannedPage) => page.path.split('/').pop()!.replace(/\.md$/, '').toLowerCase();

/** Returns the frontmatter of a page: a description, usually a level, sometimes a prerequisite and tags. */
function frontmatter(random: Random, plan: CorpusPlan, page: PlannedPage): string[] {
  const description = sentence(random)
    .replace(/[`*]/g, '')
    .slice(0, 150)
    .replace(/\s+\S*$/, '');
  const lines = ['---', `description: ${JSON.stringify(`${description}.`)}`];
  if (random.chance(0.9)) lines.push(`level: ${random.pick(['beginner', 'intermediate', 'advanced'])}`);
  if (page.index > 1 && random.chance(0.15)) {
    const earlier = plan.pages[random.int(0, page.index - 1)]!;
    lines.push('prerequisites:', `  - ${relativeLink(page.folder, earlier.path)}`);
  }
  if (random.chance(0.3)) lines.push(`tags: [${contentWord(random)}, ${contentWord(random)}]`);
  return [...lines, '---', ''];
}

/** Returns the index a folder's README carries: each page of the folder and each subfolder's README. */
function folderIndex(plan: CorpusPlan, page: PlannedPage): string[] {
  const entries = (plan.byFolder.get(page.folder) ?? []).filter((i) => i !== page.index).map((i) => plan.pages[i]!);
  for (const [folder, indexes] of plan.byFolder)
    if (folder && parentOf(folder) === page.folder && folder !== page.folder) entries.push(plan.pages[indexes[0]!]!);
  return entries.length
    ? ['## In this section', '', ...entries.map((t) => `- [${t.title}](${encodeURI(relativeLink(page.folder, t.path))})`), '']
    : [];
}

/** Renders one planned page (its Markdown and the images beside it), from a random source of its own. */
export function renderPage(plan: CorpusPlan, page: PlannedPage, seed: string): CorpusFile[] {
  const random = createRandom(`${seed}:page:${page.index}`);
  const files: CorpusFile[] = [];
  const lines = frontmatter(random, plan, page);
  lines.push(`# ${page.title}`, '');
  const targets = pickTargets(random, plan, page);
  // One link in two pages is written as raw HTML, as GitHub READMEs often do.
  const rawTarget = targets.length > 3 && random.chance(0.5) ? targets.pop() : undefined;
  const links = targets.map((t) => linkTo(random, page, t));
  const prose = page.large ? 17_500 : 870;
  const perSection = Math.round(prose / (page.headings.length + 1));
  const withLink = (text: string) => (links.length ? `${text} See ${links.shift()} for more.` : text);
  lines.push(withLink(paragraph(random, 70)), '', alert(random), '');
  if (page.path.endsWith('README.md')) lines.push(...folderIndex(plan, page));
  const svg = random.chance(0.35) ? `${stem(page)}-diagram.svg` : undefined;
  const png = random.chance(0.12) ? `${stem(page)}-screenshot.png` : undefined;
  page.headings.forEach((heading, h) => {
    lines.push(`${'#'.repeat(heading.depth)} ${heading.text}`, '');
    let words = 0;
    while (words < perSection) {
      const size = Math.min(perSection - words, random.int(60, 130));
      lines.push(h % 2 === 0 ? withLink(paragraph(random, size)) : paragraph(random, size), '');
      words += size + 5;
    }
    if (h === 0 && svg) {
      const title = `How the ${contentWord(random)} flows`;
      files.push({
        path: `${page.folder ? `${page.folder}/` : ''}${svg}`,
        data: diagramSvg(random, title, [contentWord(random), contentWord(random), contentWord(random)]),
      });
      lines.push(`![${title}](./${svg})`, '');
    }
    if (h === 0) lines.push(table(random), '');
    if (h === 1) lines.push(codeBlock(random), '');
    if (h === 2) lines.push(taskList(random), '');
    if (h === 2 && png) {
      files.push({ path: `${page.folder ? `${page.folder}/` : ''}${png}`, data: screenshotPng(random) });
      lines.push(`![The ${contentWord(random)} screen](./${png})`, '');
    }
    if (h === page.headings.length - 1) {
      if (svg && random.chance(0.3))
        lines.push(`<p align="center"><img src="./${svg}" alt="The same diagram, centred" width="300"></p>`, '');
      lines.push(rawHtml(random), '');
      if (rawTarget)
        lines.push(`<p>Next: <a href="${encodeURI(relativeLink(page.folder, rawTarget.path))}">${rawTarget.title}</a>.</p>`, '');
      if (links.length) lines.push(`Related: ${links.splice(0).join(', ')}.`, '');
      lines.push(`Back to [${heading.text.toLowerCase()}](#${heading.id}).`, '');
    }
  });
  files.unshift({ path: page.path, data: `${lines.join('\n').trimEnd()}\n` });
  return files;
}
