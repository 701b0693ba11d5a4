import { globSync } from 'tinyglobby';

/** Returns the URL paths of every built page (`infrastructure/docker/`), 404 included, sorted. */
export function builtPages(outDir: string): string[] {
  return globSync('**/*.html', { cwd: outDir, ignore: ['pagefind/**'] })
    .map((file) => (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file))
    .sort();
}
