// `npm run new -- <path> "<Title>"`: scaffolds a page with frontmatter and the handbook's usual
// sections, refusing to overwrite a file or to share a route, and prints the URL to open in `npm run dev`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { displayPath } from '../src/data/preflight.ts';
import { scanContent } from '../src/data/scan-content.ts';
import { validFields } from '../src/lib/frontmatter.ts';
import { parseFrontmatterSource } from '../src/lib/frontmatter-source.ts';
import { defaultPrerequisites, nextOrder, pageTemplate, planNewPage } from '../src/lib/new-page.ts';
import { dirOf, isReadme, withBase } from '../src/lib/routes.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const root = process.cwd();
const config = readSiteConfig(process.env, root);

// One reader for every question: its line iterator keeps answers typed (or piped) ahead of the prompt.
let answers: AsyncIterator<string> | undefined;
async function ask(question: string): Promise<string> {
  answers ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  process.stdout.write(question);
  const next = await answers.next();
  return next.done ? '' : next.value.trim();
}

/** A path inside the content root as given from the working directory, else taken as relative to the content root. */
function contentRelative(path: string): string {
  const fromCwd = relative(config.contentRoot, resolve(root, path));
  const insideFromCwd = !fromCwd.startsWith('..') && !isAbsolute(fromCwd);
  if (insideFromCwd || isAbsolute(path)) return fromCwd.replaceAll('\\', '/') + (path.endsWith('/') ? '/' : '');
  return path;
}

const [pathArg, ...titleWords] = process.argv.slice(2);
const shownRoot = relative(root, config.contentRoot) || '.';
const path = pathArg ?? (await ask(`Path of the new page, inside ${shownRoot}/ (e.g. 06-infrastructure/docker/volumes.md): `));
const { pageFiles } = scanContent(config.contentRoot);
const plan = planNewPage(contentRelative(path), pageFiles);
if (plan.type === 'refused') {
  console.error(`Nothing was written: ${plan.message}.`);
  process.exit(1);
}
const title = titleWords.join(' ').trim() || (await ask('Title of the page: '));
if (title === '') {
  console.error('Nothing was written: the page needs a title.');
  process.exit(1);
}

const siblings = pageFiles.filter((f) => dirOf(f) === dirOf(plan.file) && !isReadme(f));
const orders = siblings.map((f) => {
  const parsed = parseFrontmatterSource(readFileSync(join(config.contentRoot, f), 'utf8'));
  return parsed.ok ? validFields(parsed.data).order : undefined;
});
const text = pageTemplate({
  title,
  prerequisites: defaultPrerequisites(plan.file, pageFiles),
  order: isReadme(plan.file) ? undefined : nextOrder(orders),
});
const target = join(config.contentRoot, plan.file);
mkdirSync(dirname(target), { recursive: true });
// `wx` fails rather than overwrite a file created meanwhile.
writeFileSync(target, text, { flag: 'wx' });
console.log(`Created ${displayPath(config.contentRoot, plan.file)}.`);
console.log(`Run \`npm run dev\` and open http://localhost:4321${withBase(config.base, plan.route)}`);
console.log('Write the page, then run `npm run check` before you push.');
process.exit(0);
