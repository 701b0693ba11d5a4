// Writes one archive of the built site (`handbook-<version>.zip`) that reads and searches with no
// network: the site, a zero-dependency `serve.mjs` and a README. Byte-reproducible: files sorted,
// one fixed date, the same compression. Usage: npm run package [-- --out <folder>]
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { listBuiltFiles } from '../src/integration/offline.ts';
import { copyName, copyPath, copyReadme, serveScript } from '../src/lib/offline-copy.ts';
import { offlineManifest } from '../src/lib/offline-files.ts';
import { formatBytes } from '../src/lib/offline-status.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const root = process.cwd();
const siteDir = resolve(root, process.env.HANDBOOK_OUT ?? 'dist');
const outAt = process.argv.indexOf('--out');
const targetDir = resolve(root, outAt > 1 ? (process.argv[outAt + 1] ?? '.') : '.');
const manifestFile = join(siteDir, 'manifest.webmanifest');
if (!existsSync(join(siteDir, 'index.html')) || !existsSync(manifestFile)) {
  console.error(`No built handbook in ${siteDir}: run \`npm run build\` first (HANDBOOK_OUT names another output folder).`);
  process.exit(1);
}

// The base path and title the site was built with, as its manifest records them.
const { scope: base, name: title } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { scope: string; name: string };
const files = await listBuiltFiles(siteDir);
const { version } = offlineManifest(files, base);
const name = copyName(version);
// DOS dates have no time zone: a local date gives the same bytes on every machine.
const mtime = new Date(2000, 0, 1);
// Pagefind's files and images are compressed already.
const stored = /\.(png|jpe?g|gif|webp|avif|woff2?|pagefind|pf_fragment|pf_index|pf_meta|pf_filter|zip|gz)$/i;
const archive: Zippable = {};
for (const file of files)
  archive[copyPath(name, base, file.path)] = [readFileSync(join(siteDir, file.path)), { level: stored.test(file.path) ? 0 : 9, mtime }];
const template = readFileSync(join(root, 'scripts/offline-copy/serve.mjs'), 'utf8');
archive[`${name}/serve.mjs`] = [new TextEncoder().encode(serveScript(template, base)), { level: 9, mtime }];
archive[`${name}/README.txt`] = [new TextEncoder().encode(copyReadme(title, base, version)), { level: 9, mtime }];

const zip = zipSync(archive);
const target = join(targetDir, `${name}.zip`);
writeFileSync(`${target}.tmp`, zip);
renameSync(`${target}.tmp`, target);
console.log(
  `Wrote ${target} (${files.length} files of the site, ${formatBytes(zip.length)}). Unpack it and run \`node serve.mjs\` inside.`,
);
