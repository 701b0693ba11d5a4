// Writes the nginx include that sends the built pages' Content-Security-Policy as a header:
//   npm run nginx-csp -- [site folder, default dist] [output file, default deploy/csp-header.conf]
// The policy is read from the pages themselves, so the header and the <meta> cannot disagree.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { nginxCspInclude, sharedPolicy } from '../src/lib/nginx-csp.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();

const [siteArg = process.env.HANDBOOK_OUT ?? 'dist', outArg = 'deploy/csp-header.conf'] = process.argv.slice(2);
const site = resolve(siteArg);
const out = resolve(outArg);
const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) || '.');

try {
  const files = globSync('**/*.html', { cwd: site }).sort();
  const pages = files.map((file) => ({ file: shown(join(site, file)), html: readFileSync(join(site, file), 'utf8') }));
  const include = nginxCspInclude(sharedPolicy(pages));
  // Written beside and renamed, so nginx never reads half a file.
  writeFileSync(`${out}.tmp`, include);
  renameSync(`${out}.tmp`, out);
  console.log(`Wrote ${shown(out)}: the Content-Security-Policy of ${pages.length} pages in ${shown(site)}.`);
} catch (error) {
  console.error(`nginx-csp: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
