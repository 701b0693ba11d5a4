import type { Element, ElementContent, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { bundledLanguages, type Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { EXTRA_GRAMMARS, PLAIN_LANGUAGES, languageLabel } from '../highlight/languages.ts';
import { CODE_THEMES, colorClasses } from '../highlight/code-theme.ts';
import { loadHighlighter } from '../highlight/highlighter.ts';
import { codeCheckKey } from './remark-code-checks.ts';

async function loadLanguage(shiki: Highlighter, lang: string): Promise<boolean> {
  if (shiki.getLoadedLanguages().includes(lang)) return true;
  const extra = EXTRA_GRAMMARS[lang];
  if (extra) await shiki.loadLanguage(extra);
  else if (lang in bundledLanguages) await shiki.loadLanguage(lang as keyof typeof bundledLanguages);
  else return false;
  return true;
}

function languageOf(code: Element): string {
  const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
  return (
    classes
      .find((c) => c.startsWith('language-'))
      ?.slice('language-'.length)
      .toLowerCase() ?? ''
  );
}

function text(className: string, value: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: [className] }, children: [{ type: 'text', value }] };
}

function header(lang: string, checkedBy: string | undefined): Element {
  const children: ElementContent[] = [];
  if (lang) children.push(text('code-lang', languageLabel(lang)));
  if (checkedBy) {
    const mark: Element = { ...text('code-check-mark', '✓'), properties: { className: ['code-check-mark'], ariaHidden: 'true' } };
    children.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['code-check'] },
      children: [mark, { type: 'text', value: ` Checked: ${checkedBy}` }],
    });
  }
  children.push({
    type: 'element',
    tagName: 'button',
    properties: { type: 'button', className: ['copy-button'], dataCopy: '' },
    children: [{ type: 'text', value: 'Copy' }],
  });
  return { type: 'element', tagName: 'div', properties: { className: ['code-header'] }, children };
}

/**
 * Highlights fenced code at build time with Shiki in a light and a dark theme, and wraps each block
 * with its language label, a "Checked" mark naming the validator of `npm run check:code` (recorded by
 * remark-code-checks) and a copy button. Unknown and plain languages stay monospace text.
 */
export function rehypeCodeBlocks() {
  return async (tree: Root, file: VFile) => {
    const checks = file.data.codeChecks ?? {};
    const shiki = await loadHighlighter();
    const blocks: { pre: Element; parent: Parents; index: number; lang: string; code: string; checkedBy?: string }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      const code =
        node.tagName === 'pre' ? node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') : undefined;
      if (!code || !parent || index === undefined) return;
      blocks.push({
        pre: node,
        parent,
        index,
        lang: languageOf(code),
        code: toString(code).replace(/\n$/, ''),
        checkedBy: checks[codeCheckKey(node.position?.start) ?? ''],
      });
    });
    for (const block of blocks) {
      let pre: Element = { ...block.pre, properties: { ...block.pre.properties, tabIndex: 0, className: ['plain'] } };
      if (!PLAIN_LANGUAGES.has(block.lang) && (await loadLanguage(shiki, block.lang))) {
        // No time limit per line: Shiki's default (0.5 s) leaves the rest of a line uncoloured when the machine is busy,
        // typically the first line of a language whose patterns are still being compiled, so builds would differ.
        const root = shiki.codeToHast(block.code, {
          lang: block.lang,
          themes: CODE_THEMES,
          defaultColor: false,
          transformers: [colorClasses],
          tokenizeTimeLimit: 0,
        });
        pre = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre') ?? pre;
      }
      block.parent.children[block.index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'], dataLanguage: block.lang || undefined },
        children: [header(block.lang, block.checkedBy), pre],
      };
    }
  };
}
