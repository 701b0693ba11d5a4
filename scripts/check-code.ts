// `npm run check:code`: validates every fenced code block of the content (HANDBOOK_CONTENT, default
// `content/`) by language, prints each problem as `file:line language validator: message`, then a
// summary per language, and exits non-zero on any problem.
import { existsSync } from 'node:fs';
import { checkContent } from '../src/code-check/check-content.ts';
import { formatCodeReport, tooManyOptOuts } from '../src/code-check/report.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const { contentRoot } = readSiteConfig(process.env, process.cwd());
if (!existsSync(contentRoot)) {
  console.error(`${contentRoot}: no such folder (fix: point HANDBOOK_CONTENT at a folder holding .md or .mdx files)`);
  process.exit(1);
}
try {
  const { problems, results } = await checkContent(contentRoot, process.cwd());
  console.log(formatCodeReport(problems, results));
  process.exitCode = problems.length > 0 || tooManyOptOuts(results) ? 1 : 0;
} catch (error) {
  // A validator that could not run (shellcheck or python3 missing) is not a problem of the content.
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  const cause = code === undefined ? '' : ` (exit status or error code: ${String(code)})`;
  console.error(`${error instanceof Error ? error.message : String(error)}${cause}`);
  process.exitCode = 2;
}
