import { isAbsolute, resolve } from 'node:path';
import { parseStrictness, type Strictness } from './strictness.ts';
import { DEFAULT_MAX_ASSET_BYTES } from './publishable.ts';

/** What a site chooses in its `astro.config.ts`, as options of `handbook()`: choices about its own content. */
export interface HandbookOptions {
  /** Id of the home page's heading that its "See the learning path" button links to; without it, or without that heading, no button. */
  learningPath?: string | undefined;
}

/**
 * Settings of one build: the environment read once with defaults for this repository, plus the
 * options of `handbook()`. Resolved once (by the integration, or by a script), then passed on.
 */
export interface SiteConfig extends HandbookOptions {
  /** Handbook title shown in the header and in `<title>`. */
  title: string;
  /** Absolute path of the Markdown tree to publish. */
  contentRoot: string;
  /** Base path the site is served under: `/` or `/handbook/`. */
  base: string;
  /** Origin the site is published at, for canonical URLs and the sitemap; undefined leaves both out. */
  site?: string | undefined;
  /** `error` fails the build on a broken link; `warn` lists broken links and builds anyway. */
  links: 'error' | 'warn';
  /** `HANDBOOK_STRICT`: which problems with a safe fallback still fail the build (see strictness.ts). */
  strictness: Strictness;
  /** Repository web URL for "Edit this page", or undefined for no link. */
  repoUrl?: string;
  /** Branch the edit links point at. */
  repoBranch: string;
  /** Path of the content root inside the repository, for edit links. */
  repoContentPath: string;
  /** Language of the pages, for `<html lang>`. */
  lang: string;
  /** `HANDBOOK_REQUIRE_LEVEL=true`: a page without a `level` is reported (an error when strict). */
  requireLevel: boolean;
  /** Largest linked file published, in bytes. */
  maxAssetBytes: number;
  /** Where the archive of `npm run package` is published (a URL or a path), for the home page's download link. */
  downloadUrl?: string | undefined;
}

/** Returns `/`-wrapped base: `handbook` → `/handbook/`, empty → `/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Reads the site settings from environment variables (see README, "Publishing another Markdown tree"), with `handbook()`'s options. */
export function readSiteConfig(env: Record<string, string | undefined>, cwd: string, options: HandbookOptions = {}): SiteConfig {
  const contentEnv = env.HANDBOOK_CONTENT?.trim();
  const contentRoot = contentEnv ? (isAbsolute(contentEnv) ? contentEnv : resolve(cwd, contentEnv)) : resolve(cwd, 'content');
  const linksEnv = env.HANDBOOK_LINKS?.trim().toLowerCase();
  if (linksEnv && linksEnv !== 'warn' && linksEnv !== 'error') {
    throw new Error(`HANDBOOK_LINKS must be "warn" or "error", got "${env.HANDBOOK_LINKS}".`);
  }
  const repoUrl = env.HANDBOOK_REPO_URL?.trim().replace(/\/+$/, '') || undefined;
  const maxEnv = env.HANDBOOK_MAX_ASSET_BYTES?.trim();
  if (maxEnv && !/^[1-9]\d*$/.test(maxEnv)) {
    throw new Error(`HANDBOOK_MAX_ASSET_BYTES must be a whole number of bytes, e.g. 10485760, got "${env.HANDBOOK_MAX_ASSET_BYTES}".`);
  }
  const downloadUrl = env.HANDBOOK_DOWNLOAD_URL?.trim() || undefined;
  if (downloadUrl && !/^(https?:\/\/[^/\s]+|\/)\S*$/i.test(downloadUrl)) {
    throw new Error(`HANDBOOK_DOWNLOAD_URL must be an http(s) URL or a path starting with "/", got "${env.HANDBOOK_DOWNLOAD_URL}".`);
  }
  return {
    title: env.HANDBOOK_TITLE?.trim() || 'DevOps Handbook',
    contentRoot,
    base: normalizeBase(env.HANDBOOK_BASE),
    site: env.HANDBOOK_SITE?.trim().replace(/\/+$/, '') || undefined,
    links: linksEnv === 'warn' ? 'warn' : 'error',
    strictness: parseStrictness(env.HANDBOOK_STRICT),
    repoUrl,
    repoBranch: env.HANDBOOK_REPO_BRANCH?.trim() || 'main',
    repoContentPath: (env.HANDBOOK_REPO_CONTENT_PATH?.trim() || 'content').replace(/^\/+|\/+$/g, ''),
    lang: env.HANDBOOK_LANG?.trim() || 'en',
    requireLevel: parseFlag('HANDBOOK_REQUIRE_LEVEL', env.HANDBOOK_REQUIRE_LEVEL),
    maxAssetBytes: maxEnv ? Number(maxEnv) : DEFAULT_MAX_ASSET_BYTES,
    downloadUrl,
    ...options,
  };
}

/** Returns the "Edit this page" URL of a content file, or undefined when no repository is set. */
export function editUrl(config: Pick<SiteConfig, 'repoUrl' | 'repoBranch' | 'repoContentPath'>, file: string): string | undefined {
  if (!config.repoUrl) return undefined;
  const path = [config.repoContentPath, file]
    .filter(Boolean)
    .map((p) => p.split('/').map(encodeURIComponent).join('/'))
    .join('/');
  return `${config.repoUrl}/edit/${encodeURIComponent(config.repoBranch)}/${path}`;
}

function parseFlag(name: string, value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  if (!v || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  throw new Error(`${name} must be "true" or "false", got "${value}".`);
}
