/** The name of the archive of a build and of the folder inside it: `handbook-<version>`. */
export function copyName(version: string): string {
  return `handbook-${version}`;
}

/** Returns where a built file goes in the archive: under `<name>/site/<base>`, so any static server of `site/` serves it at the base. */
export function copyPath(name: string, base: string, file: string): string {
  if (file.startsWith('/') || file.split('/').some((part) => part === '..' || part === ''))
    throw new Error(`Not a file inside the build: ${file}`);
  return `${name}/site${base}${file}`;
}

/** Returns `serve.mjs` for a site built under `base`: the template with its `BASE` line set. */
export function serveScript(template: string, base: string): string {
  const line = "const BASE = '/';";
  if (!template.includes(line)) throw new Error(`serve.mjs template: cannot find the line ${line}`);
  return template.replace(line, `const BASE = ${JSON.stringify(base)};`);
}

/** Returns the one-paragraph README inside the archive: what it is and the two ways to read it. */
export function copyReadme(title: string, base: string, version: string): string {
  const paragraph = [
    `This folder is a copy of the ${title} (build ${version}) that you can read and search with no network.`,
    `Search needs the pages served over HTTP (browsers refuse it for files opened from disk), so start one of`,
    `two small servers in this folder: \`node serve.mjs\` (Node.js 18 or newer; nothing to install; it listens on`,
    `127.0.0.1 only; \`--port 0\` picks a free port) or \`python3 -m http.server 8000 --bind 127.0.0.1 --directory site\`,`,
    `then open http://127.0.0.1:8000${base} in a browser. Stop the server with Ctrl+C.`,
  ];
  return `${paragraph.join('\n')}\n`;
}
