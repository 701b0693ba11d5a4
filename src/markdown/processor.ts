import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Options } from './links.ts';
import { markdownPlugins } from '../plugins/index.ts';

/**
 * Returns the handbook's Markdown processor: Astro's unified processor with our plugins. remark-gfm is in
 * our list, so the processor's own GFM is off; code is highlighted by rehype-code-blocks, not by Astro.
 * The build's main thread and its rendering threads (render-worker.ts) both make theirs here, so they agree.
 */
export function handbookProcessor(options: Options): ReturnType<typeof unified> {
  const settings: UnifiedProcessorOptions = { gfm: false, smartypants: false, ...markdownPlugins(options) };
  return unified(settings);
}
