import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { escapePath } from 'tinyglobby';
import { buildState } from './data/store.ts';
import { IGNORED } from './data/scan-content.ts';
import { pageLoader } from './data/page-loader.ts';
import { config } from 'virtual:handbook/config';

// Frontmatter is validated later, all pages at once, so every problem is reported in one run.
const pages = defineCollection({
  // Astro's glob loader, with `.md` pages rendered on every core and their HTML kept out of the data store.
  loader: pageLoader({
    base: config.contentRoot,
    // Pages the source check found unparsable (or drafts) stay out; their problems are already reported.
    // So do symbolic links leading out of the tree: the loader would otherwise follow them.
    pattern: [
      '**/*.{md,mdx}',
      ...IGNORED.map((p) => `!${p}`),
      ...buildState().excluded.map((f) => `!${escapePath(f)}`),
      ...buildState().refusedLinks.flatMap((f) => [`!${escapePath(f)}`, `!${escapePath(f)}/**`]),
    ],
    // The id is the content-relative path: unique per file, so no page is silently dropped.
    generateId: ({ entry }) => entry,
    retainBody: false,
  }),
  schema: z.record(z.string(), z.unknown()),
});

export const collections = { pages };
