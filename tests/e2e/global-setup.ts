import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fixture, runBuild } from '../helpers/build.ts';
import { serveStatic } from '../helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Builds the fixture site under a sub-path base once and serves it for every end-to-end test. */
export default async function setup(project: TestProject) {
  const base = '/handbook/';
  const run = await runBuild(fixture('site'), { HANDBOOK_BASE: base });
  if (run.code !== 0) throw new Error(`The fixture site did not build:\n${run.stderr}`);
  const server = await serveStatic(run.outDir, base);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
    rmSync(dirname(run.outDir), { recursive: true, force: true });
  };
}
