import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyHasFileCodeBlocks, extractCodeBlocks, type CodeBlock } from '../lib/code-blocks.ts';
import type { PageRecord } from '../markdown/page-record.ts';
import { createRecorder, type PageRecorder } from './page-records.ts';
import { stampOf } from './file-stamp.ts';
import { directoryCheck } from './scan-content.ts';

/** One page for the content check to read: whether it needs the page's record, its code blocks, or both. */
export interface PageJob {
  /** Content-relative path. */
  file: string;
  /** Lines before the body the build renders (see `Preflight.bodyLineOffsets`). */
  bodyLineOffset: number;
  /** Parse the body with the build's plugins for links, ids and title (pages that are rendered). */
  record: boolean;
  /** List the fenced code blocks of the whole file, as `npm run check:code` does. */
  code: boolean;
}

/** What reading a page gave. */
export interface PageResult {
  file: string;
  /** Modification time and size when it was read, to tell later whether it changed. */
  stamp: string;
  record?: PageRecord;
  codeBlocks?: CodeBlock[];
  /** The folder questions the page's links asked (content-relative path, answer), when they were tracked. */
  dirs?: [string, boolean][];
}

/** Reads whole batches of pages; the command line spreads them over worker threads. */
export type ReadPages = (jobs: readonly PageJob[]) => Promise<PageResult[]>;

/**
 * Reads one page and parses it once where that gives the same answer as parsing it twice: the code
 * blocks come from the record's parse when the body holds exactly the file's blocks, else from a parse
 * of the whole file.
 */
export function readPage(recorder: PageRecorder, contentRoot: string, job: PageJob): PageResult {
  const abs = join(contentRoot, job.file);
  const stamp = stampOf(abs);
  const source = readFileSync(abs, 'utf8');
  if (!job.record) return { file: job.file, stamp, codeBlocks: job.code ? extractCodeBlocks(source) : undefined };
  // The same body Astro renders: the lines after the offset, trimmed (the offset already counts trimmed blank lines).
  const body = source.split('\n').slice(job.bodyLineOffset).join('\n').trim();
  if (job.code && !/\.mdx$/i.test(job.file) && bodyHasFileCodeBlocks(source, job.bodyLineOffset)) {
    const { record, codeBlocks } = recorder.recordWithCode(abs, body, job.bodyLineOffset);
    return { file: job.file, stamp, record, codeBlocks };
  }
  const record = recorder.record(abs, body, job.bodyLineOffset);
  return { file: job.file, stamp, record, codeBlocks: job.code ? extractCodeBlocks(source) : undefined };
}

/** Returns a reader of pages that also lists, for each page, the folder questions its links asked (for a cache to tell when they change). */
export function createPageReader(contentRoot: string): (job: PageJob) => PageResult {
  const isDir = directoryCheck(contentRoot);
  let asked = new Map<string, boolean>();
  const track = (rel: string) => {
    const dir = isDir(rel);
    asked.set(rel, dir);
    return dir;
  };
  const recorder = createRecorder({ contentRoot, base: '/', isDir: track });
  return (job) => {
    asked = new Map();
    return { ...readPage(recorder, contentRoot, job), dirs: [...asked] };
  };
}
