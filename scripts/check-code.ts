// `npm run check:code`: validates every fenced code block of the content (HANDBOOK_CONTENT, default
// `content/`) by language, prints each problem as `file:line language validator: message`, then a
// summary per language, and exits non-zero on any problem.
import { existsSync } from 'node:fs';
import { checkContent } from '../src/code-check/check-content.ts';
import { runCodeCheck } from '../src/code-check/run.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const { contentRoot } = readSiteConfig(process.env, process.cwd());
if (!existsSync(contentRoot)) {
  console.error(`${contentRoot}: no such folder (fix: point HANDBOOK_CONTENT at a folder holding .md or .mdx files)`);
  process.exit(1);
}
process.exitCode = await runCodeCheck(() => checkContent(contentRoot, process.cwd()));
