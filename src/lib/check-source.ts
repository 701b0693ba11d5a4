import { posix } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { diagnostic } from './diagnostics.ts';
import { checkMdx } from './check-mdx.ts';
import { validateFrontmatter, validFields, type Frontmatter } from './frontmatter.ts';
import { parseFrontmatterSource } from './frontmatter-source.ts';
import type { PageIndex } from './page-index.ts';
import type { PrerequisiteEdge } from './learning-path.ts';
import { resolveLink } from './resolve-link.ts';
import { dirOf } from './routes.ts';
import { didYouMean } from './suggest.ts';

/** What checking one page's source found. */
export interface SourceCheck {
  diagnostics: Diagnostic[];
  /** The page cannot be handed to the Markdown pipeline (unreadable or unparsable). */
  fatal: boolean;
  frontmatter?: Frontmatter;
  /** The frontmatter fields that are valid, even when others are not (the build uses these). */
  fields?: Frontmatter;
  /** Prerequisites that resolve to pages, with the line of each entry (for the learning path and its cycle check). */
  prerequisiteEdges: PrerequisiteEdge[];
  /** Lines before the body Astro renders (the frontmatter block and the blank lines Astro trims): body line + this = file line. */
  bodyLineOffset: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Returns a relative link from `fromFile`'s folder to `toFile`, as a writer would type it. */
export function relativeFrom(fromFile: string, toFile: string): string {
  const rel = posix.relative(dirOf(fromFile), toFile);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Where MDX pages are checked against: the page's absolute path and the components folder. */
export interface MdxContext {
  absPath: string;
  componentsDir: string;
}

/** Checks a page's bytes: encoding, emptiness, frontmatter syntax and fields, prerequisites, MDX. */
export function checkSource(file: string, bytes: Uint8Array, index: PageIndex, mdx?: MdxContext): SourceCheck {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      fatal: true,
      bodyLineOffset: 0,
      prerequisiteEdges: [],
      diagnostics: [diagnostic({ file, rule: 'invalid-encoding', severity: 'error', message: 'the file is not valid UTF-8' })],
    };
  }
  if (text.trim() === '') {
    return {
      fatal: true,
      bodyLineOffset: 0,
      prerequisiteEdges: [],
      diagnostics: [
        diagnostic({ file, rule: 'empty-file', severity: 'error', message: 'the page is empty, so it is left out of the site' }),
      ],
    };
  }
  const parsed = parseFrontmatterSource(text);
  if (!parsed.ok) {
    return {
      fatal: true,
      bodyLineOffset: 0,
      prerequisiteEdges: [],
      diagnostics: [
        diagnostic({
          file,
          line: parsed.line,
          column: parsed.column,
          rule: 'malformed-frontmatter',
          severity: 'error',
          message: parsed.message,
        }),
      ],
    };
  }
  const result = validateFrontmatter(parsed.data);
  const diagnostics = result.ok
    ? []
    : result.issues.map((issue) =>
        diagnostic({
          file,
          line: (issue.key && parsed.keyLines.get(issue.key)) || 1,
          column: 1,
          rule: issue.rule,
          severity: 'error',
          message: issue.message,
        }),
      );
  const listed = (parsed.data as { prerequisites?: unknown } | null | undefined)?.prerequisites;
  const prerequisites = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [];
  const prerequisiteEdges: PrerequisiteEdge[] = [];
  diagnostics.push(
    ...prerequisites.flatMap((entry, i) => {
      const line = parsed.itemLines.get('prerequisites')?.[i] ?? parsed.keyLines.get('prerequisites') ?? 1;
      const target = resolvePagePath(file, entry, index);
      if (target) {
        prerequisiteEdges.push({ file: target, line });
        return [];
      }
      const candidates = [...index.pages].map((p) => relativeFrom(file, p));
      return [
        diagnostic({
          file,
          line,
          column: 1,
          rule: 'missing-prerequisite',
          severity: 'error',
          message: `prerequisite \`${entry}\` is not a page${didYouMean(entry, candidates)}`,
        }),
      ];
    }),
  );
  let fatal = false;
  if (mdx && /\.mdx$/i.test(file)) {
    const body = text.split('\n').slice(parsed.bodyLineOffset).join('\n');
    const checked = checkMdx(file, mdx.absPath, body, parsed.bodyLineOffset, mdx.componentsDir);
    diagnostics.push(...checked.diagnostics);
    fatal = checked.fatal;
  }
  return {
    fatal,
    diagnostics,
    prerequisiteEdges,
    frontmatter: result.ok ? result.data : undefined,
    fields: validFields(parsed.data),
    bodyLineOffset: renderedBody(text, parsed.bodyLineOffset).lineOffset,
  };
}

/** Returns the page file a relative path names (a page or a folder with a README), resolved as a link is, or undefined. */
export function resolvePagePath(fromFile: string, relPath: string, index: PageIndex): string | undefined {
  const target = resolveLink({ from: fromFile, url: relPath, base: '/', isDir: (dir) => index.dirs.has(dir) });
  if (target.type === 'page') return index.pages.has(target.file) ? target.file : undefined;
  return target.type === 'folder' ? index.readmeOf.get(target.dir) : undefined;
}

/** Returns the body as Astro renders it (after the frontmatter, trimmed) and the file lines before it. */
export function renderedBody(text: string, frontmatterLines: number): { body: string; lineOffset: number } {
  const rest = frontmatterLines === 0 ? text : text.split('\n').slice(frontmatterLines).join('\n');
  const body = rest.trim();
  const leading = rest.slice(0, rest.length - rest.trimStart().length);
  return { body, lineOffset: frontmatterLines + (leading.match(/\n/g)?.length ?? 0) };
}
