import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fixture, runBuild } from '../helpers/build.ts';
import { serveStatic } from '../helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture site, built under the sub-path /handbook/. */
    siteUrl: string;
    /** Output folder of the fixture site build. */
    siteDir: string;
    /** The handbook in content/, built at the root. */
    handbookUrl: string;
    /** Output folder of the handbook build. */
    handbookDir: string;
    /** The file that appears when both builds have ended: a {@link SitesReady} as JSON (tests/e2e/wait-for-sites.ts reads it). */
    sitesReady: string;
  }
}

/** What the builds of the global setup ended with. */
export interface SitesReady {
  /** Why a build failed (what it printed), or undefined when both succeeded. */
  error?: string;
  /** What the handbook build printed (stdout, then stderr). */
  handbookOutput: string;
}

/** Reads the builds' outcome once they have ended, or undefined before. */
export function readSitesReady(file: string): SitesReady | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SitesReady;
  } catch {
    return undefined;
  }
}

/**
 * Builds the fixture site (under a sub-path) and the handbook once, and serves both for every end-to-end
 * test; the tests of the built handbook's files share the same build. The handbook is built in strict mode
 * (an H1 on every page, no empty page), which must succeed.
 *
 * The setup returns as soon as the builds have started, so the other projects' files run meanwhile (vitest starts
 * no test file before every global setup has returned); each end-to-end file waits for the builds in its setup file.
 */
export default async function setup(project: TestProject) {
  const base = '/handbook/';
  const outDir = (name: string) => join(mkdtempSync(join(tmpdir(), `handbook-e2e-${name}-`)), 'dist');
  const siteDir = outDir('site');
  const handbookDir = outDir('handbook');
  const ready = join(dirname(handbookDir), 'ready.json');
  const builds = Promise.all([
    runBuild(fixture('site'), { HANDBOOK_BASE: base }, siteDir),
    runBuild(resolve('content'), { HANDBOOK_STRICT: 'true' }, handbookDir),
  ])
    .then(([site, handbook]): SitesReady => {
      const failed = [site, handbook].find((run) => run.code !== 0);
      return {
        error: failed && `A site for the end-to-end tests did not build:\n${failed.stderr}`,
        handbookOutput: `${handbook.stdout}${handbook.stderr}`,
      };
    })
    .catch((error: unknown): SitesReady => ({
      error: `A site for the end-to-end tests did not build:\n${String(error)}`,
      handbookOutput: '',
    }))
    .then((outcome) => {
      // Written whole, then renamed, so a reader never sees half of it.
      writeFileSync(`${ready}.tmp`, JSON.stringify(outcome));
      renameSync(`${ready}.tmp`, ready);
    });
  const [siteServer, handbookServer] = await Promise.all([serveStatic(siteDir, base), serveStatic(handbookDir, '/')]);
  project.provide('siteUrl', siteServer.url);
  project.provide('siteDir', siteDir);
  project.provide('handbookUrl', handbookServer.url);
  project.provide('handbookDir', handbookDir);
  project.provide('sitesReady', ready);
  return async () => {
    await builds;
    await Promise.all([siteServer.close(), handbookServer.close()]);
    for (const dir of [siteDir, handbookDir]) rmSync(dirname(dir), { recursive: true, force: true });
  };
}
