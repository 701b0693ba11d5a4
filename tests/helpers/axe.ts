import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The axe-core tags of WCAG 2.2 level A and AA. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * The rules whose outcome depends on colours. The themes differ only in CSS colours (light-dark()),
 * never in markup or layout, so every other rule gives the same answer in both.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  nodes: { target: unknown }[];
}

/**
 * Runs axe-core in the page as it is, in each colour scheme given, and returns its WCAG 2.2 A/AA
 * violations as `theme: rule: first targets`. Calls axe.run directly, in the page's own frame (the
 * handbook has no iframes): @axe-core/playwright's frame-by-frame run plus its finishing page cost
 * several times the audit itself.
 */
export async function axeViolations(
  page: Page,
  schemes: readonly ('light' | 'dark')[] = ['light', 'dark'],
  colourOnlyAfterFirst = false,
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found: string[] = [];
  for (const [i, colorScheme] of schemes.entries()) {
    await page.emulateMedia({ colorScheme });
    const only = i > 0 && colourOnlyAfterFirst ? { type: 'rule', values: COLOUR_RULES } : { type: 'tag', values: WCAG };
    const violations = await page.evaluate(async (runOnly) => {
      const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    }, only);
    for (const v of violations)
      found.push(
        `${colorScheme}: ${v.id}: ${v.nodes
          .map((n) => JSON.stringify(n.target))
          .slice(0, 3)
          .join(', ')}`,
      );
  }
  return found;
}
