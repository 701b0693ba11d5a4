// The Starlight side of `npm run bench -- --compare starlight`: a temporary Astro project under the system's
// temporary folder with the latest Starlight installed from npm there (never a dependency of this project),
// and the benchmark corpus converted into its docs collection.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** A Starlight project ready to build: its folder and the versions installed. */
export interface StarlightProject {
  dir: string;
  starlight: string;
  astro: string;
}

const npmView = (name: string) => execFileSync('npm', ['view', name, 'version'], { encoding: 'utf8' }).trim();

const CONFIG = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({ integrations: [starlight({ title: 'Benchmark corpus' })] });
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/**
 * Returns a Starlight project with the registry's latest Starlight and Astro, installing it on first use
 * (in `<tmp>/handbook-bench-starlight-<version>`, kept for later runs because the install takes minutes).
 */
export function starlightProject(log: (line: string) => void): StarlightProject {
  const starlight = npmView('@astrojs/starlight');
  const astro = npmView('astro');
  const dir = join(tmpdir(), `handbook-bench-starlight-${starlight}-astro-${astro}`);
  const manifest = {
    name: 'starlight-bench',
    private: true,
    type: 'module',
    devDependencies: { node: '24', astro, '@astrojs/starlight': starlight },
    allowScripts: { node: true, esbuild: true },
  };
  const wanted = `${JSON.stringify(manifest, null, 2)}\n`;
  const ready = existsSync(join(dir, 'node_modules', '.bin', 'node')) && readFileSync(join(dir, 'package.json'), 'utf8') === wanted;
  if (!ready) {
    log(`Installing Starlight ${starlight} with Astro ${astro} in ${dir} (a few minutes, once)…`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'src', 'content', 'docs'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), wanted);
    writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
    writeFileSync(join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { dir, starlight, astro };
}

/** Returns a page's Markdown as Starlight wants it: the `# H1` moved into a `title` field, only title and description kept. */
export function toStarlightPage(markdown: string): string {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const body = front ? markdown.slice(front[0].length) : markdown;
  const description = front?.[1]?.split('\n').find((line) => line.startsWith('description: '));
  const h1 = /^# (.+)\n+/m.exec(body);
  const title = h1?.[1] ?? 'Untitled';
  const rest = h1 ? body.slice(0, h1.index) + body.slice(h1.index + h1[0].length) : body;
  return `---\ntitle: ${JSON.stringify(title)}\n${description ? `${description}\n` : ''}---\n\n${rest.trimStart()}`;
}

/** Copies a corpus into `<project>/src/content/docs`, each `README.md` as the folder's `index.md`, images as they are. */
export function writeStarlightDocs(corpus: string, project: StarlightProject): void {
  const docs = join(project.dir, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const from = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(from);
        continue;
      }
      const path = relative(corpus, from);
      const to = join(docs, entry.name === 'README.md' ? join(dirname(path), 'index.md') : path);
      mkdirSync(dirname(to), { recursive: true });
      if (entry.name.endsWith('.md')) writeFileSync(to, toStarlightPage(readFileSync(from, 'utf8')));
      else cpSync(from, to);
    }
  };
  walk(corpus);
}

/** Returns the command that builds the project on its own Node 24, and clears Astro's cache so the build is cold. */
export function starlightBuildCommand(project: StarlightProject, outDir: string): { command: string[]; cwd: string } {
  rmSync(join(project.dir, 'node_modules', '.astro'), { recursive: true, force: true });
  rmSync(join(project.dir, '.astro'), { recursive: true, force: true });
  const node = join(project.dir, 'node_modules', '.bin', 'node');
  return { command: [node, join(project.dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], cwd: project.dir };
}

/** Returns whether a path exists and is a folder. */
export const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
