import type { SiteConfig } from './site-config.ts';

/** Page background of the light and the dark theme (`--bg` in src/styles/global.css). */
export const THEME_COLORS = { light: '#ffffff', dark: '#111418' } as const;

/** Returns the web app manifest of the site: name, icons, colours, and start URL and scope at the base path. */
export function webManifest(config: Pick<SiteConfig, 'title' | 'base' | 'lang'>) {
  const icon = (src: string, sizes: string, type: string, purpose = 'any') => ({ src: `${config.base}icons/${src}`, sizes, type, purpose });
  return {
    name: config.title,
    short_name: config.title.length <= 12 ? config.title : config.title.split(/\s+/)[0],
    description: `${config.title}: read and search it with or without a network.`,
    lang: config.lang,
    id: config.base,
    start_url: config.base,
    scope: config.base,
    display: 'standalone',
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: [
      icon('icon.svg', 'any', 'image/svg+xml'),
      icon('icon-192.png', '192x192', 'image/png'),
      icon('icon-512.png', '512x512', 'image/png'),
      icon('maskable-512.png', '512x512', 'image/png', 'maskable'),
    ],
  };
}
