import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createPageRenderer } from './render-job.ts';
import { fromThreadError, type ThreadError } from './thread-errors.ts';

/** What a rendering thread needs to make the build's Markdown processor (see render-worker.ts). */
export interface RenderSettings {
  contentRoot: string;
  base: string;
  /** Astro's `image` settings, which its Markdown renderer reads for remote images. */
  image: unknown;
}

/** One page to render: what Astro's Markdown renderer is given, and the folder its HTML is written to. */
export interface RenderJob {
  /** Absolute path of the page. */
  filePath: string;
  /** The Markdown body (frontmatter removed). */
  body: string;
  /** The page's frontmatter. */
  data: Record<string, unknown>;
  /** Folder for the page's HTML file (see page-html.ts). */
  htmlDir: string;
}

/** A rendered page as Astro's content layer stores it; `metadata.htmlFile` names the HTML written aside, when it was. */
export interface RenderedPage {
  html: string;
  metadata: { imagePaths: string[]; htmlFile?: string | undefined; [key: string]: unknown };
}

/** Worker threads that render Markdown pages for the content layer. */
export interface RenderPool {
  render(job: RenderJob): Promise<RenderedPage>;
  /** Ends the threads (a later `render` starts them again). */
  stop(): Promise<void>;
  /** Returns how many threads are running. */
  size(): number;
}

type Answer = { page: RenderedPage } | { error: ThreadError };

interface Thread {
  worker: Worker;
  /** The job being rendered, with its callbacks. */
  busy?: { done: (page: RenderedPage) => void; fail: (error: Error) => void } | undefined;
}

/** Returns the number of rendering threads for this machine: one per core, at most 4. */
export function renderThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Starts a pool of up to `count` threads that render Markdown with the build's processor. `startNow` of
 * them start at once and load their modules while Astro starts (all for a cold build, where every page is
 * rendered); the others start when a job finds no thread idle. The first `here` jobs, while no thread runs,
 * are rendered on the calling thread instead (a rebuild, where most pages come from the cache: a one-page
 * edit then loads the processor in no thread at all). Jobs queue on the main thread and go to whichever
 * thread is free; an idle thread never keeps the process alive (the dev server keeps its pool for edits).
 */
export function startRenderPool(settings: RenderSettings, count = renderThreadCount(), startNow = count, here = 0): RenderPool {
  let threads: Thread[] = [];
  // The first `here` pages are rendered on the calling thread, whose processor modules are loaded already.
  let renderHere: ((job: RenderJob) => Promise<RenderedPage>) | undefined;
  let leftHere = here;
  const queue: { job: RenderJob; done: (page: RenderedPage) => void; fail: (error: Error) => void }[] = [];
  const next = (thread: Thread) => {
    const item = queue.shift();
    thread.busy = item;
    if (!item) {
      thread.worker.unref();
      return;
    }
    thread.worker.ref();
    thread.worker.postMessage(item.job);
  };
  const spawn = (): Thread => {
    const thread: Thread = { worker: new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: settings }) };
    thread.worker.unref();
    thread.worker.on('message', (answer: Answer) => {
      const busy = thread.busy;
      if ('page' in answer) busy?.done(answer.page);
      else busy?.fail(fromThreadError(answer.error));
      next(thread);
    });
    thread.worker.on('error', (error) => {
      const failure = new Error('A Markdown rendering thread of the build failed.', { cause: error });
      thread.busy?.fail(failure);
      for (const item of queue.splice(0)) item.fail(failure);
      threads = threads.filter((t) => t !== thread);
    });
    threads.push(thread);
    return thread;
  };
  for (let i = 0; i < Math.min(startNow, count); i++) spawn();
  return {
    render: (job) => {
      if (leftHere > 0 && threads.length === 0) {
        leftHere--;
        renderHere ??= createPageRenderer(settings);
        return renderHere(job);
      }
      return new Promise((done, fail) => {
        queue.push({ job, done, fail });
        const idle = threads.find((t) => !t.busy) ?? (threads.length < count ? spawn() : undefined);
        if (idle) next(idle);
      });
    },
    stop: async () => {
      const stopping = threads;
      threads = [];
      await Promise.all(stopping.map((t) => t.worker.terminate()));
    },
    size: () => threads.length,
  };
}
