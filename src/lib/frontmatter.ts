import { z } from 'astro/zod';
import { didYouMean } from './suggest.ts';

/** The frontmatter fields a page may set; every field is optional. */
export const frontmatterSchema = z.strictObject({
  /** Page title; defaults to the first `# H1`. */
  title: z.string().trim().min(1).optional(),
  /** One-sentence summary for search results and link previews; defaults to the first paragraph. */
  description: z.string().trim().min(1).optional(),
  /** Position among sibling pages in the sidebar; a numeric file-name prefix is the default. */
  order: z.number().optional(),
  /** A draft page is left out of the site. */
  draft: z.boolean().optional(),
  /** Other names search should find the page by (abbreviations, synonyms); indexed, never shown on the page. */
  aliases: z.array(z.string().trim().min(1)).optional(),
  /** Free-form topic tags. */
  tags: z.array(z.string().min(1)).optional(),
  /** Who the page is written for. */
  level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
  /** Pages to read first, as paths relative to this page (`../docker/README.md`). */
  prerequisites: z.array(z.string().min(1)).optional(),
  /** The page is the project of its level's stage on the learning path. */
  project: z.boolean().optional(),
  /** Routes the page had before it moved (`/infrastructure/ci-cd/`), so readers' progress follows it. */
  movedFrom: z.array(z.string().regex(/^\/(?:[^\s/]+\/)*$/, 'expected a route such as `/infrastructure/old-name/`')).optional(),
});

/** Validated frontmatter. */
export type Frontmatter = z.infer<typeof frontmatterSchema>;

/** The names of the known fields. */
export const FRONTMATTER_KEYS = Object.keys(frontmatterSchema.shape);

/** One problem with a frontmatter field. */
export interface FrontmatterIssue {
  /** Top-level key the problem is in, when there is one. */
  key?: string;
  rule: 'unknown-frontmatter-key' | 'invalid-frontmatter';
  message: string;
}

/** Validates parsed frontmatter; returns the data or every issue found. */
export function validateFrontmatter(data: unknown): { ok: true; data: Frontmatter } | { ok: false; issues: FrontmatterIssue[] } {
  if (data === null || data === undefined) return { ok: true, data: {} };
  const result = frontmatterSchema.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  const issues: FrontmatterIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({
          key,
          rule: 'unknown-frontmatter-key',
          message: `unknown frontmatter key \`${key}\`${didYouMean(key, FRONTMATTER_KEYS) || `; known keys: ${FRONTMATTER_KEYS.join(', ')}`}`,
        });
      }
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : undefined;
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'frontmatter';
    const got = valueAt(data, issue.path);
    issues.push({ key, rule: 'invalid-frontmatter', message: `${where}: ${describeIssue(issue)}${got}` });
  }
  return { ok: false, issues };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return issue.message;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined ? '' : `, got ${JSON.stringify(value)}`;
}

/** Returns the fields of possibly invalid frontmatter that are valid on their own (the rest is reported elsewhere). */
export function validFields(data: unknown): Frontmatter {
  if (data === null || typeof data !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(frontmatterSchema.shape)) {
    const result = schema.safeParse((data as Record<string, unknown>)[key]);
    if (result.success && result.data !== undefined) out[key] = result.data;
  }
  return out as Frontmatter;
}
