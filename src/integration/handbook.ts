import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, ViteUserConfig } from 'astro';
import { diagnostic, formatReport, type Diagnostic } from '../lib/diagnostics.ts';
import { extensionOf, publishProblem } from '../lib/publishable.ts';
import { applyPolicy } from '../lib/strictness.ts';
import { readSiteConfig, type HandbookOptions } from '../lib/site-config.ts';
import { createSourceCache, displayPath, runPreflight, type SourceCache } from '../data/preflight.ts';
import { startDevChecks, type DevCheckRuns } from '../data/dev-checks.ts';
import { readSourceCache, sourceCheckVersion, writeSourceCache } from '../data/source-cache-file.ts';
import { markdownProgress } from '../data/progress.ts';
import { directoryCheck } from '../data/scan-content.ts';
import { handbookProcessor } from '../markdown/processor.ts';
import { startRenderPool } from '../data/render-pool.ts';
import { formatWorkflowCommand, inGithubActions } from '../lib/workflow-commands.ts';
import { buildState, ContentError, resetBuildState } from '../data/store.ts';
import { startPhase } from '../data/phases.ts';
import { applyAnchorFixes } from './anchor-fixes.ts';
import {
  assetUrlMap,
  otherSvgs,
  publishAssets,
  readPublishable,
  sanitizeSvgFiles,
  type PublishableFile,
  type Published,
} from './assets.ts';
import { codeCssPlugin } from './code-css.ts';
import { configModulePlugin } from './config-module.ts';
import { contentEchoPlugin } from './content-echo.ts';
import { movedRoutesPlugin } from './moved-routes.ts';
import { listBuiltFiles, writeServiceWorker } from './offline.ts';
import { followAstroOutput } from './search-early.ts';
import { searchFolderBytes, writeSearchIndex, writeSearchPages, writeSearchVocabulary } from './search-index.ts';
import { startSvgThread, type SvgThread } from './svg-thread.ts';

/** A rebuild renders up to this many changed pages on the main thread before it starts rendering threads. */
const PAGES_RENDERED_HERE = 4;

const MIME: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/**
 * The handbook integration, the whole generator: it reads the environment once into the build's
 * configuration, wires its Markdown plugins, MDX and the sitemap into Astro, checks the sources first,
 * and publishes linked files, the search index and the offline copy last. `astro.config.ts` only lists it.
 */
export function handbook(options: HandbookOptions = {}): AstroIntegration {
  const config = readSiteConfig(process.env, process.cwd(), options);
  let sources: SourceCache | undefined;
  let devChecks: DevCheckRuns | undefined;
  let svgThread: SvgThread | undefined;
  let preparedSvgs: Promise<Map<string, PublishableFile | undefined>> | undefined;
  let svgCacheFile: string | undefined;
  let searchCache: string | undefined;
  let astroOutDir = '';
  let unfollowOutput: (() => void) | undefined;
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, config: astroConfig }) => {
        const processor = handbookProcessor({
          contentRoot: config.contentRoot,
          base: config.base,
          isDir: directoryCheck(config.contentRoot),
          onPage: markdownProgress,
        });
        updateConfig({
          site: config.site,
          base: config.base,
          trailingSlash: 'always',
          // Stylesheets stay files: the Content-Security-Policy allows no inline styles.
          build: { format: 'directory', inlineStylesheets: 'never' },
          // Code is highlighted by rehype-code-blocks, not by Astro.
          markdown: { syntaxHighlight: false, processor },
          // Canonical URLs and the sitemap need the public origin: without HANDBOOK_SITE both are left out.
          integrations: [mdx(), ...(config.site ? [sitemap()] : [])],
          devToolbar: { enabled: false },
          // A rebuild copies each page whose view is unchanged from the last build ([...slug].astro gives the key).
          experimental: { incrementalBuild: true },
          vite: {
            plugins: [
              configModulePlugin(config),
              codeCssPlugin(),
              movedRoutesPlugin(),
              contentEchoPlugin(fileURLToPath(new URL('.astro/', astroConfig.root))),
            ],
            build: { rollupOptions: { onwarn: quietDirectives } },
            // A save that truncates the file, then writes it (Node's writeFile, many editors) is two changes; the
            // watcher could report the first, the page be read empty, and the second go unreported within the same
            // few milliseconds, so the dev server showed the emptied page until the next save. Changes are reported
            // once the file's size has held for 50 ms.
            server: { watch: { awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } } },
          },
        });
        if (command === 'preview') return;
        // Beside the data store, so it goes with the rest of the build's cache.
        svgCacheFile = fileURLToPath(new URL('handbook-svgs.json', astroConfig.cacheDir));
        searchCache = fileURLToPath(new URL('handbook-pagefind/', astroConfig.cacheDir));
        await buildState().renderPool?.stop();
        resetBuildState();
        // The `.md` pages are rendered on every core (src/data/page-loader.ts); the threads load their
        // modules while the sources are checked and Astro starts. A rebuild, whose data store keeps the
        // unchanged pages, renders its first few changed pages on this thread, which has loaded the
        // processor's modules already, and starts threads only when more pages need rendering.
        if (command === 'build' || command === 'dev') {
          const settings = { contentRoot: config.contentRoot, base: config.base, image: astroConfig.image };
          const rebuild = command === 'build' && existsSync(new URL('data-store.json', astroConfig.cacheDir));
          buildState().renderPool = rebuild ? startRenderPool(settings, undefined, 0, PAGES_RENDERED_HERE) : startRenderPool(settings);
        }
        startPhase('sources');
        // The dev server's checks start from this run's source checks (src/data/dev-checks.ts).
        if (command === 'dev') sources = createSourceCache();
        // A build reads the last build's checks of the unchanged pages from its cache (source-cache-file.ts).
        const kept =
          command === 'build'
            ? {
                file: fileURLToPath(new URL('handbook-sources.bin', astroConfig.cacheDir)),
                version: sourceCheckVersion(fileURLToPath(astroConfig.root), config.contentRoot),
              }
            : undefined;
        if (kept) sources = readSourceCache(kept.file, kept.version);
        const preflight = runPreflight(config.contentRoot, undefined, config.requireLevel, sources);
        if (kept && sources) writeSourceCache(kept.file, kept.version, sources);
        const state = buildState();
        state.command = command;
        state.sourceDiagnostics = applyPolicy(preflight.diagnostics, config);
        state.excluded = preflight.excluded;
        state.refusedLinks = preflight.refusedLinks;
        state.index = preflight.index;
        state.bodyLineOffsets = preflight.bodyLineOffsets;
        state.moved = preflight.moved;
        if (preflight.fatal) throw new ContentError(formatReport(preflight.diagnostics), preflight.diagnostics);
        startPhase('astro');
      },
      // The content layer loads (and renders the Markdown) between these two hooks.
      'astro:config:done': ({ config: done }) => {
        astroOutDir = fileURLToPath(done.outDir);
        startPhase('content');
      },
      'astro:build:start': () => {
        startPhase('bundle');
        // Pagefind is given the pages as Astro writes them, while the main thread writes the next (search-early.ts).
        const early = buildState().earlyIndex;
        if (early) unfollowOutput = followAstroOutput(early, astroOutDir);
        // The linked SVGs are sanitized on a thread of their own while the pages are written (see svg-thread.ts).
        svgThread = startSvgThread(svgCacheFile);
        const thread = svgThread;
        buildState().linkedFilesKnown = (files) => {
          preparedSvgs ??= thread.publishable(
            config.contentRoot,
            [...files].filter((file) => extensionOf(file) === 'svg'),
          );
          // A failure here only means publishing reads the files itself.
          preparedSvgs.catch(() => undefined);
        };
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // The content loader writes Astro's data store through it as soon as an edited page is rendered (page-loader.ts).
        buildState().refreshContent = refreshContent;
        // Contributors look at the page, not the terminal: the checks re-run on every content change. Their
        // first run waits for the content to be loaded (astro:server:start), to take the pages' records from it.
        devChecks = startDevChecks(config.contentRoot, config, logger, sources);
        server.watcher.add(config.contentRoot);
        server.watcher.on('all', (_event, path) => devChecks?.onChange(path));
        const index = buildState().index;
        const urls = assetUrlMap(index?.assets ?? []);
        const prefix = config.base.replace(/\/$/, '');
        // The dev server serves linked files by the rules of a build: allowed types and sizes, links kept inside the root, SVGs inert.
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          const file = path.startsWith(prefix) ? urls.get(path.slice(prefix.length)) : undefined;
          if (!file || publishProblem(file, index?.assetSizes.get(file) ?? 0, config.maxAssetBytes)) return next();
          readPublishable(config.contentRoot, file).then(
            (source) => {
              if (!source) return next();
              res.setHeader('Content-Type', MIME[extensionOf(file)] ?? 'application/octet-stream');
              if (source.svg) res.end(source.svg.text);
              else createReadStream(source.realPath).pipe(res);
            },
            (error: unknown) => next(error),
          );
        });
      },
      // Astro loads the content collections before the server starts listening and calls this hook after.
      'astro:server:start': () => devChecks?.start(),
      'astro:build:done': async ({ dir, logger }) => {
        startPhase('publish');
        const state = buildState();
        unfollowOutput?.();
        unfollowOutput = undefined;
        const outDir = fileURLToPath(dir);
        // Pagefind reads the pages only, so its index is completed (in its own process) while the linked
        // files are published: the pages are final once their anchors are respelled, and the SVGs to
        // sanitize are listed before Pagefind writes its folder.
        await applyAnchorFixes(outDir, state.anchorFixes);
        const svgs = otherSvgs(outDir, state.usedAssets);
        // Under `npm run build`, Pagefind has read the last build's pages since the build started, or this build's as they
        // were written (search-early.ts).
        const indexing = writeSearchIndex(outDir, config.lang, searchCache, state.earlyIndex);
        state.earlyIndex = undefined;
        // Its failure is reported where it is awaited, after publishing, not as an unhandled rejection.
        indexing.catch(() => undefined);
        let published: Published;
        try {
          const prepared = await preparedSvgs?.catch(() => undefined);
          published = await publishAssets(config.contentRoot, outDir, state.usedAssets, prepared);
          await (svgThread ? svgThread.sanitizeInPlace(svgs).catch(() => sanitizeSvgFiles(svgs)) : sanitizeSvgFiles(svgs));
        } catch (error) {
          await indexing.catch(() => undefined);
          throw error;
        } finally {
          await svgThread?.stop();
          svgThread = undefined;
          preparedSvgs = undefined;
          state.linkedFilesKnown = undefined;
        }
        // Kept with the page problems, so the closing summary and the JSON report count them too.
        state.pageDiagnostics = [...state.pageDiagnostics, ...svgWarnings(config.contentRoot, published.sanitized)];
        const warnings = [...state.sourceDiagnostics, ...state.pageDiagnostics];
        if (warnings.length > 0) logger.warn(`\n${formatReport(warnings)}`);
        if (inGithubActions(process.env)) for (const d of warnings) console.log(formatWorkflowCommand(d));
        startPhase('search');
        // The rest of the output is final by now: it is hashed for the offline copy while Pagefind runs.
        const listed = await listBuiltFiles(outDir, { except: 'pagefind' });
        const { pages, read, readAgain, readAsWritten } = await indexing;
        const vocabularyBytes = await writeSearchVocabulary(outDir, state.vocabulary ?? []);
        const pageTableBytes = await writeSearchPages(outDir, read);
        const searchBytes = await searchFolderBytes(outDir);
        if (state.summary) {
          state.summary.linkedFiles = published.count;
          state.summary.searchExtraBytes = vocabularyBytes + pageTableBytes;
          state.summary.searchPagesReadAgain = readAgain;
          state.summary.searchPagesReadAsWritten = readAsWritten;
        }
        // Last: the service worker lists the files actually written, search index included.
        startPhase('offline');
        const offline = await writeServiceWorker(outDir, config.base, listed);
        state.offline = { files: offline.entries.length, bytes: offline.bytes, version: offline.version };
        logger.info(
          `Published ${published.count} linked files; indexed ${pages} pages for search (${kb(searchBytes)} in pagefind/, of which ${kb(vocabularyBytes)} the vocabulary for suggestions and ${kb(pageTableBytes)} the result titles); ${offline.entries.length} files kept offline.`,
        );
        if (!config.site)
          logger.warn(
            'Sitemap skipped and canonical links left out: set HANDBOOK_SITE to the public origin (https://example.org) to have both.',
          );
      },
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type OnWarn = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rollupOptions']>['onwarn']>;

// MDX modules carry Astro's own "use astro:head-inject" directive; the bundler's notice about it is noise.
const quietDirectives: OnWarn = (warning, warn) => {
  if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
};

function svgWarnings(contentRoot: string, sanitized: ReadonlyMap<string, string[]>): Diagnostic[] {
  return [...sanitized].map(([file, removed]) =>
    diagnostic({
      file: displayPath(contentRoot, file),
      rule: 'svg-content-removed',
      severity: 'warning',
      message: `published without ${removed.map((r) => `\`${r}\``).join(', ')}`,
    }),
  );
}
