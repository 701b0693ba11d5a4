import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globSync } from 'tinyglobby';
import { parseFrontmatterSource } from '../../src/lib/frontmatter-source.ts';

const CONTENT = 'content';
const INFRA = '06-infrastructure';
const CHAPTERS = ['docker', 'kubernetes', 'cicd', 'terraform', 'monitoring'];
const TOPICS = ['patterns', 'sre', 'devsecops', 'finops', 'platform-engineering'];
const SECTIONS = ['00-foundations', '01-programming', '02-architectures', '03-methodologies', '04-frontend', '05-backend', '07-cloud', '08-security', '09-ai-ml', '10-domain-examples', '11-case-studies', '12-career'];
const FORBIDDEN = /\b(TODO|TBD|FIXME|lorem ipsum|coming soon|placeholder)\b/i;

/** Topic pages of the advanced stage and the operations topics (issue 14), with their minimum word counts. */
const NEW_TOPICS: Record<string, number> = {
  [`${INFRA}/kubernetes/storage.md`]: 2500,
  [`${INFRA}/kubernetes/security.md`]: 2500,
  [`${INFRA}/kubernetes/operators.md`]: 2500,
  [`${INFRA}/service-mesh/README.md`]: 2500,
  [`${INFRA}/chaos-engineering/README.md`]: 2500,
  [`${INFRA}/configuration-management/README.md`]: 2500,
  [`${INFRA}/backup-and-dr/README.md`]: 2500,
  [`${INFRA}/multi-cloud/README.md`]: 1500,
  '00-foundations/git-for-operations.md': 2500,
};
/** The three stage projects of the learning path, by the level each one is for. */
const PROJECTS: Record<string, string> = {
  [`${INFRA}/projects/containerize-and-deploy.md`]: 'beginner',
  [`${INFRA}/projects/cicd-with-monitoring.md`]: 'intermediate',
  [`${INFRA}/projects/production-platform.md`]: 'advanced',
};
const PROJECTS_README = `${INFRA}/projects/README.md`;

interface Page {
  file: string;
  body: string;
  data: Record<string, unknown>;
  words: number;
}

function read(file: string): Page {
  const source = readFileSync(join(CONTENT, file), 'utf8');
  const parsed = parseFrontmatterSource(source);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  const body = source.split('\n').slice(parsed.bodyLineOffset).join('\n');
  return { file, body, data: (parsed.data ?? {}) as Record<string, unknown>, words: body.split(/\s+/).filter(Boolean).length };
}

const deepDives = (chapter: string) =>
  globSync('*.md', { cwd: join(CONTENT, INFRA, chapter) })
    .filter((f) => f.toLowerCase() !== 'readme.md')
    .map((f) => `${INFRA}/${chapter}/${f}`);

const fences = (body: string) => [...body.matchAll(/^ {0,3}(```+|~~~+)(.*)$/gm)].filter((_, i) => i % 2 === 0).map((m) => m[2]!.trim());

/** The text of a `## heading` section up to the next `## ` heading, or undefined when the page has none. */
const section = (body: string, heading: RegExp) => {
  const lines = body.split('\n');
  const start = lines.findIndex((l) => /^## /.test(l) && heading.test(l.slice(3)));
  if (start === -1) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
};

const listItems = (text: string) => text.match(/^\s*(?:[-*]|\d+\.) \S/gm)?.length ?? 0;

/** Relative links to other Markdown pages, with their anchors, resolved against the linking page. */
const pageLinks = (file: string, body: string) =>
  [...body.matchAll(/\]\((\.{1,2}\/[^)\s#]+\.md)(#[^)\s]+)?\)/g)].map((m) => ({
    target: normalize(join(dirname(file), m[1]!)),
    anchor: m[2],
  }));

const checkYourUnderstanding = (body: string) => {
  const at = body.lastIndexOf('\n## Check your understanding');
  return at === -1 ? undefined : body.slice(at);
};

describe('the handbook content', () => {
  const required = [
    'README.md',
    `${INFRA}/README.md`,
    `${INFRA}/RESOURCES.md`,
    ...CHAPTERS.map((c) => `${INFRA}/${c}/README.md`),
    ...TOPICS.map((t) => `${INFRA}/${t}/README.md`),
    ...SECTIONS.map((s) => `${s}/README.md`),
    '07-cloud/RESOURCES.md',
    ...Object.keys(NEW_TOPICS),
    PROJECTS_README,
    ...Object.keys(PROJECTS),
  ];

  it('has every page the infrastructure section needs', () => {
    expect(required.filter((f) => !existsSync(join(CONTENT, f)))).toEqual([]);
  });

  it.each(CHAPTERS)('chapter %s has a README of 2,000+ words and two deep dives of 1,200+ words', (chapter) => {
    expect(read(`${INFRA}/${chapter}/README.md`).words).toBeGreaterThanOrEqual(2000);
    const long = deepDives(chapter).filter((f) => read(f).words >= 1200);
    expect(long.length).toBeGreaterThanOrEqual(2);
  });

  it.each(CHAPTERS)('chapter %s has a diagram next to it, embedded with alt text', (chapter) => {
    const pages = [`${INFRA}/${chapter}/README.md`, ...deepDives(chapter)].map(read);
    const images = pages.flatMap((p) => [...p.body.matchAll(/!\[([^\]]+)\]\(\.\/([^)]+\.svg)\)/g)]);
    expect(images.length).toBeGreaterThanOrEqual(1);
    for (const [, alt, svg] of images) {
      expect(alt!.length).toBeGreaterThan(15);
      expect(readFileSync(join(CONTENT, INFRA, chapter, svg!), 'utf8')).toMatch(/<title[^>]*>[^<]+<\/title>/);
    }
  });

  it.each(TOPICS)('topic page %s has 1,200+ words', (topic) => {
    expect(read(`${INFRA}/${topic}/README.md`).words).toBeGreaterThanOrEqual(1200);
  });

  it.each(SECTIONS)('section %s has 900+ words', (section) => {
    expect(read(`${section}/README.md`).words).toBeGreaterThanOrEqual(900);
  });

  it.each(Object.entries(NEW_TOPICS))('new topic page %s has %i+ words, prerequisites and code', (file, minimum) => {
    const page = read(file);
    expect(page.words).toBeGreaterThanOrEqual(minimum);
    expect(Array.isArray(page.data.prerequisites) && page.data.prerequisites.length > 0).toBe(true);
    expect(fences(page.body).length).toBeGreaterThan(0);
  });

  it('the projects introduction has 800+ words and links each project', () => {
    const page = read(PROJECTS_README);
    expect(page.words).toBeGreaterThanOrEqual(800);
    const linked = new Set(pageLinks(PROJECTS_README, page.body).map((l) => l.target));
    expect(Object.keys(PROJECTS).filter((p) => !linked.has(p))).toEqual([]);
  });

  it.each(Object.entries(PROJECTS))('project %s is a %s build of 2,500+ words with milestones, a done checklist and stretch goals instead of a quiz', (file, level) => {
    const { body, data, words } = read(file);
    expect(words).toBeGreaterThanOrEqual(2500);
    expect(data.level).toBe(level);
    expect(Array.isArray(data.prerequisites) && data.prerequisites.length > 0).toBe(true);
    expect(body.match(/^## Milestone \d+/gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(body.match(/\*\*Expected output/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(listItems(section(body, /^Done checklist$/) ?? '')).toBeGreaterThanOrEqual(5);
    expect(listItems(section(body, /^Stretch goals$/) ?? '')).toBeGreaterThanOrEqual(3);
    expect(listItems(section(body, /pitfalls/i) ?? '')).toBeGreaterThanOrEqual(5);
    expect(body).toMatch(/^## Further reading/m);
    expect(checkYourUnderstanding(body)).toBeUndefined();
    // Projects reuse the chapters' labs: they link into chapter sections rather than repeat them.
    const intoChapters = pageLinks(file, body).filter((l) => l.anchor && !l.target.startsWith(`${INFRA}/projects/`));
    expect(intoChapters.length).toBeGreaterThanOrEqual(5);
  });

  it('the advanced project links every advanced-stage topic page', () => {
    const file = `${INFRA}/projects/production-platform.md`;
    const linked = new Set(pageLinks(file, read(file).body).map((l) => l.target));
    const advanced = Object.keys(NEW_TOPICS).filter((f) => f.startsWith(`${INFRA}/`));
    expect(advanced.filter((f) => !linked.has(f))).toEqual([]);
  });

  it('the infrastructure overview links every new page and names each project in its learning path', () => {
    const file = `${INFRA}/README.md`;
    const { body } = read(file);
    const linked = new Set(pageLinks(file, body).map((l) => l.target));
    expect([...Object.keys(NEW_TOPICS), PROJECTS_README, ...Object.keys(PROJECTS)].filter((f) => !linked.has(f))).toEqual([]);
    const path = section(body, /^Learning path$/) ?? '';
    for (const project of Object.keys(PROJECTS)) expect(path).toContain(`](./${project.slice(INFRA.length + 1)})`);
  });

  const allPages = globSync('**/*.md', { cwd: CONTENT }).sort();

  it.each(allPages)('%s lists only prerequisites that exist', (file) => {
    const prerequisites = read(file).data.prerequisites;
    if (prerequisites === undefined) return;
    expect(Array.isArray(prerequisites)).toBe(true);
    const missing = (prerequisites as string[]).filter((p) => !existsSync(join(CONTENT, dirname(file), p)));
    expect(missing).toEqual([]);
  });

  it.each(allPages)('%s embeds every diagram with alt text and a titled SVG', (file) => {
    const { body } = read(file);
    for (const [, alt, svg] of body.matchAll(/!\[([^\]]*)\]\(\.\/([^)]+\.svg)\)/g)) {
      expect(alt!.length).toBeGreaterThan(15);
      expect(readFileSync(join(CONTENT, dirname(file), svg!), 'utf8')).toMatch(/<title[^>]*>[^<]+<\/title>/);
    }
  });

  it.each(allPages)('%s has a description of at most 160 characters and a level', (file) => {
    const { data } = read(file);
    expect(typeof data.description).toBe('string');
    expect((data.description as string).length).toBeLessThanOrEqual(160);
    expect(['beginner', 'intermediate', 'advanced']).toContain(data.level);
  });

  it.each(allPages)('%s gives every code block a language and has no placeholder words', (file) => {
    const { body } = read(file);
    expect(fences(body).filter((lang) => lang === '')).toEqual([]);
    expect(body.match(FORBIDDEN)?.[0]).toBeUndefined();
  });

  const teaching = [
    ...CHAPTERS.flatMap((c) => [`${INFRA}/${c}/README.md`, ...deepDives(c)]),
    ...TOPICS.map((t) => `${INFRA}/${t}/README.md`),
    ...Object.keys(NEW_TOPICS),
  ];
  // Kubernetes' deep dives are globbed: keep each page once when the new Kubernetes pages exist.
  const teachingPages = [...new Set(teaching)];

  it.each(teachingPages)('%s has code, a Try it exercise, pitfalls, further reading and ends with 3-5 checked questions', (file) => {
    const { body } = read(file);
    expect(fences(body).length).toBeGreaterThan(0);
    expect(body).toMatch(/^##+ .*Try it/m);
    expect(body).toMatch(/^##+ .*pitfalls/im);
    expect(body).toMatch(/^##+ Further reading/m);
    const quiz = checkYourUnderstanding(body);
    expect(quiz).toBeDefined();
    expect(quiz!.slice(1)).not.toMatch(/\n## /);
    const answers = quiz!.match(/<details>/g)?.length ?? 0;
    expect(answers).toBeGreaterThanOrEqual(3);
    expect(answers).toBeLessThanOrEqual(5);
  });

  const references = allPages.filter((f) => /(^|\/)RESOURCES\.md$/.test(f));

  // Resource pages are reference lists: they need no quiz, and one they choose to have is well formed.
  it.each(references)('resource page %s is a list of 10+ references, with a quiz only if it wants one', (file) => {
    const { body } = read(file);
    expect(body.match(/https?:\/\//g)?.length ?? 0).toBeGreaterThanOrEqual(10);
    const quiz = checkYourUnderstanding(body);
    if (quiz === undefined) return;
    const answers = quiz.match(/<details>/g)?.length ?? 0;
    expect(answers).toBeGreaterThanOrEqual(1);
    expect(answers).toBeLessThanOrEqual(5);
  });
});
