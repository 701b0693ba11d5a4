import { createHighlighter, type Highlighter } from 'shiki';
import { CODE_THEMES } from './code-theme.ts';

let highlighter: Promise<Highlighter> | undefined;

/**
 * Returns the one Shiki highlighter of the process, with both code themes loaded. The code-block
 * plugin and the stylesheet of code colours share it, so the themes are loaded once per build.
 */
export function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [CODE_THEMES.light, CODE_THEMES.dark], langs: [] });
  return highlighter;
}
