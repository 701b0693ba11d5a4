import type { Plugin } from 'vite';
import { CODE_THEMES, codeStylesheet } from '../highlight/code-theme.ts';
import { loadHighlighter } from '../highlight/highlighter.ts';

const ID = 'virtual:handbook/code.css';
const RESOLVED = `\0${ID}`;

/** A Vite plugin serving the code colour classes of both themes as a CSS module the layout imports. */
export function codeCssPlugin(): Plugin {
  return {
    name: 'handbook:code-css',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const shiki = await loadHighlighter();
      return codeStylesheet(shiki.getTheme(CODE_THEMES.light), shiki.getTheme(CODE_THEMES.dark));
    },
  };
}
