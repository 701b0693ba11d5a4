import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { markdownProgress } from './src/data/progress.ts';
import { directoryCheck } from './src/data/scan-content.ts';
import { handbook } from './src/integration/handbook.ts';
import { markdownPlugins } from './src/plugins/index.ts';
import { siteConfig } from './src/site-config.ts';

const plugins = markdownPlugins({
  contentRoot: siteConfig.contentRoot,
  base: siteConfig.base,
  isDir: directoryCheck(siteConfig.contentRoot),
  onPage: markdownProgress,
});

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  trailingSlash: 'always',
  // Stylesheets stay files: the Content-Security-Policy allows no inline styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // remark-gfm is listed explicitly (the design names it), so the processor's own GFM is off.
  // Code is highlighted by our rehype-code-blocks plugin (colour classes, label, copy button).
  markdown: {
    syntaxHighlight: false,
    processor: unified({ gfm: false, smartypants: false, ...plugins }),
  },
  // Canonical URLs and the sitemap need the public origin: without HANDBOOK_SITE both are left out.
  integrations: [handbook(siteConfig), mdx(), ...(siteConfig.site ? [sitemap()] : [])],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // MDX modules carry Astro's own "use astro:head-inject" directive; the bundler's notice about it is noise.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
