#!/usr/bin/env node
// Serves this copy of the handbook, search included, on this machine only: Node's standard library,
// nothing to install. `node serve.mjs` then open the address it prints.
// Options: --port <n> (default 8000; 0 picks a free one), --host <address> (default 127.0.0.1).
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The path the site was built for; `npm run package` writes it here.
const BASE = '/';
const ROOT = realpathSync(fileURLToPath(new URL('./site/', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 1 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

// The file or folder a URL path names inside ROOT, or undefined: `..`, encoded or not, and
// symbolic links never lead outside the site folder.
function find(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  try {
    const real = realpathSync(resolve(ROOT, `.${path}`));
    if (real !== ROOT && !real.startsWith(ROOT + sep)) return undefined;
    const stat = statSync(real);
    return { path: real, directory: stat.isDirectory() };
  } catch {
    return undefined;
  }
}

function send(req, res, status, file) {
  const size = statSync(file).size;
  res.writeHead(status, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function notFound(req, res) {
  const page = find(`${BASE}404.html`);
  if (page && !page.directory) return send(req, res, 404, page.path);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/' && BASE !== '/') return void res.writeHead(302, { Location: BASE }).end();
  const found = find(url.pathname);
  if (!found) return notFound(req, res);
  if (!found.directory) return send(req, res, 200, found.path);
  if (!url.pathname.endsWith('/')) return void res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
  const index = find(`${url.pathname}index.html`);
  return index && !index.directory ? send(req, res, 200, index.path) : notFound(req, res);
});

const host = option('host', '127.0.0.1');
server.listen(Number(option('port', '8000')), host, () => {
  const { port } = server.address();
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`Serving the handbook at http://${shown}:${port}${BASE} (Ctrl+C stops it)`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
