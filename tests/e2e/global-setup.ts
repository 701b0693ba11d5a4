import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
    /** What the handbook build printed (stdout, then stderr). */
    handbookOutput: string;
  }
}

/**
 * Builds the fixture site (under a sub-path) and the handbook once, and serves both for every end-to-end
 * test; the tests of the built handbook's files share the same build. The handbook is built in strict mode
 * (an H1 on every page, no empty page), which must succeed.
 */
export default async function setup(project: TestProject) {
  const base = '/handbook/';
  const [site, handbook] = await Promise.all([
    runBuild(fixture('site'), { HANDBOOK_BASE: base }),
    runBuild(resolve('content'), { HANDBOOK_STRICT: 'true' }),
  ]);
  for (const run of [site, handbook]) if (run.code !== 0) throw new Error(`A site for the end-to-end tests did not build:\n${run.stderr}`);
  const siteServer = await serveStatic(site.outDir, base);
  const handbookServer = await serveStatic(handbook.outDir, '/');
  project.provide('siteUrl', siteServer.url);
  project.provide('siteDir', site.outDir);
  project.provide('handbookUrl', handbookServer.url);
  project.provide('handbookDir', handbook.outDir);
  project.provide('handbookOutput', `${handbook.stdout}${handbook.stderr}`);
  return async () => {
    await Promise.all([siteServer.close(), handbookServer.close()]);
    for (const run of [site, handbook]) rmSync(dirname(run.outDir), { recursive: true, force: true });
  };
}
