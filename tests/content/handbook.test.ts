import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globSync } from 'tinyglobby';
import { parseFrontmatterSource } from '../../src/lib/frontmatter-source.ts';

const CONTENT = 'content';
const INFRA = '06-infrastructure';
const CHAPTERS = ['docker', 'kubernetes', 'cicd', 'terraform', 'monitoring'];
const TOPICS = ['patterns', 'sre', 'devsecops', 'finops', 'platform-engineering'];
const SECTIONS = ['00-foundations', '01-programming', '02-architectures', '03-methodologies', '04-frontend', '05-backend', '07-cloud', '08-security', '09-ai-ml', '10-domain-examples', '11-case-studies', '12-career'];
const FORBIDDEN = /\b(TODO|TBD|FIXME|lorem ipsum|coming soon|placeholder)\b/i;

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

  const allPages = globSync('**/*.md', { cwd: CONTENT }).sort();

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

  const teaching = [...CHAPTERS.flatMap((c) => [`${INFRA}/${c}/README.md`, ...deepDives(c)]), ...TOPICS.map((t) => `${INFRA}/${t}/README.md`)];

  it.each(teaching)('%s has code, a Try it exercise, pitfalls, further reading and ends with 3-5 checked questions', (file) => {
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
});
