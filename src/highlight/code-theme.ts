import type { ShikiTransformer, ThemeRegistrationResolved } from 'shiki';

/** Shiki themes of the light and dark colour schemes; chosen for AA contrast, comments included. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const hex = (color: string) => color.replace('#', '').toLowerCase();

/**
 * Turns Shiki's per-token inline colours into classes named after the colour (`l-0550ae`, `d-79c0ff`),
 * so pages carry no inline styles (a strict CSP forbids them) and the stylesheet can be derived from
 * the themes alone, independent of which pages were rendered or cached.
 */
export const colorClasses: ShikiTransformer = {
  name: 'handbook:color-classes',
  tokens(lines) {
    for (const line of lines) {
      for (const token of line) {
        const style = token.htmlStyle ?? {};
        const classes: string[] = [];
        for (const [key, value] of Object.entries(style)) {
          if (key === '--shiki-light') classes.push(`l-${hex(value)}`);
          else if (key === '--shiki-dark') classes.push(`d-${hex(value)}`);
          else if (key.endsWith('font-style') && value === 'italic' && !classes.includes('it')) classes.push('it');
          else if (key.endsWith('font-weight') && value === 'bold' && !classes.includes('bd')) classes.push('bd');
        }
        token.htmlStyle = {};
        if (classes.length > 0)
          token.htmlAttrs = { ...token.htmlAttrs, class: [token.htmlAttrs?.class, ...classes].filter(Boolean).join(' ') };
      }
    }
  },
  pre(node) {
    delete node.properties.style;
  },
};

function themeColors(theme: ThemeRegistrationResolved): string[] {
  const colors = new Set<string>([hex(theme.fg)]);
  for (const rule of theme.settings ?? []) if (rule.settings?.foreground) colors.add(hex(rule.settings.foreground));
  return [...colors].sort();
}

/** Returns the stylesheet of every colour class the two themes can produce. */
export function codeStylesheet(light: ThemeRegistrationResolved, dark: ThemeRegistrationResolved): string {
  const rules = [
    `:root{--code-fg:light-dark(#${hex(light.fg)},#${hex(dark.fg)});--code-bg:light-dark(#${hex(light.bg)},#${hex(dark.bg)})}`,
    '.shiki .it{font-style:italic}',
    '.shiki .bd{font-weight:700}',
    ...themeColors(light).map((c) => `.l-${c}{--l:#${c}}`),
    ...themeColors(dark).map((c) => `.d-${c}{--d:#${c}}`),
  ];
  return `${rules.join('\n')}\n`;
}
