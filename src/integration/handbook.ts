import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatReport } from '../lib/diagnostics.ts';
import { applyPolicy } from '../lib/strictness.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { runPreflight } from '../data/preflight.ts';
import { buildState, ContentError, resetBuildState } from '../data/store.ts';
import { applyAnchorFixes } from './anchor-fixes.ts';
import { assetUrlMap, publishAssets } from './assets.ts';
import { codeCssPlugin } from './code-css.ts';
import { writeSearchIndex } from './search-index.ts';

const MIME: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf' };

/** The handbook integration: checks sources first, publishes linked files and the search index last. */
export function handbook(config: SiteConfig): AstroIntegration {
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'preview') return;
        updateConfig({ vite: { plugins: [codeCssPlugin()] } });
        resetBuildState();
        const preflight = runPreflight(config.contentRoot);
        const state = buildState();
        state.command = command;
        state.sourceDiagnostics = applyPolicy(preflight.diagnostics, config);
        state.excluded = preflight.excluded;
        state.index = preflight.index;
        state.bodyLineOffsets = preflight.bodyLineOffsets;
        if (preflight.fatal) throw new ContentError(formatReport(preflight.diagnostics));
      },
      'astro:server:setup': ({ server }) => {
        const urls = assetUrlMap(buildState().index?.assets ?? []);
        const prefix = config.base.replace(/\/$/, '');
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          const file = path.startsWith(prefix) ? urls.get(path.slice(prefix.length)) : undefined;
          if (!file) return next();
          res.setHeader('Content-Type', MIME[file.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream');
          createReadStream(join(config.contentRoot, file)).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const state = buildState();
        const outDir = fileURLToPath(dir);
        const warnings = [...state.sourceDiagnostics, ...state.pageDiagnostics];
        if (warnings.length > 0) logger.warn(`\n${formatReport(warnings)}`);
        const assets = await publishAssets(config.contentRoot, outDir, state.usedAssets);
        await applyAnchorFixes(outDir, state.anchorFixes);
        const pages = await writeSearchIndex(outDir, config.lang);
        if (state.summary) state.summary.linkedFiles = assets;
        logger.info(`Published ${assets} linked files; indexed ${pages} pages for search.`);
      },
    },
  };
}
