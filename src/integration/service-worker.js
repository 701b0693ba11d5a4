// The handbook's service worker. The build writes it to <base>sw.js, after a first line that
// declares OFFLINE = { version, entries: [[url, size, hash], …] }: every file of that build.
//
// One build, one cache, named by the build's version. A new build's worker fills its own cache
// while the old worker keeps serving the old one, so pages and search never mix versions; it takes
// over only when the reader reloads (the page asks it to), and then deletes every older cache.
/* global OFFLINE */
'use strict';

const SCOPE = new URL(self.registration.scope).pathname;
const PREFIX = `handbook ${SCOPE} `;
const CACHE = `${PREFIX}${OFFLINE.version}`;
const PARALLEL = 4;
const entries = OFFLINE.entries.map(([url, size, hash]) => ({ url, size, hash }));
const byUrl = new Map(entries.map((entry) => [entry.url, entry]));
const bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
let progress = { type: 'progress', version: OFFLINE.version, done: 0, total: entries.length };

// The key a file is fetched and cached under: each path segment percent-encoded.
const keyOf = (url) => url.split('/').map(encodeURIComponent).join('/');

async function tell(message) {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Downloads one file past the HTTP cache and keeps it only if it is the very file of this build.
async function save(cache, entry) {
  const response = await fetch(keyOf(entry.url), { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${entry.url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (!(await sha256(body)).startsWith(entry.hash)) throw new Error(`${entry.url}: the server sent another version of this file`);
  const headers = { 'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream' };
  await cache.put(keyOf(entry.url), new Response(body, { status: 200, headers }));
}

// Search asks the copy to pause between files while its first results load: on a first visit both want the
// connections and the CPU at once, and a reader waiting for results should not wait behind the whole site.
// A hold lapses after HOLD_MS, so a page that goes away mid-search never stops the copy.
const HOLD_MS = 3000;
let held;

function hold() {
  if (!held) {
    let resume;
    held = { paused: new Promise((done) => (resume = done)), resume };
  }
  clearTimeout(held.timer);
  held.timer = setTimeout(release, HOLD_MS);
}

function release() {
  if (!held) return;
  clearTimeout(held.timer);
  held.resume();
  held = undefined;
}

async function saveAll() {
  const cache = await caches.open(CACHE);
  // An interrupted earlier attempt keeps what it saved: every file in this cache was checked.
  const saved = new Set((await cache.keys()).map((request) => decodeURIComponent(new URL(request.url).pathname)));
  const queue = entries.filter((entry) => !saved.has(entry.url));
  progress = { ...progress, done: entries.length - queue.length };
  await tell(progress);
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      while (held) await held.paused;
      await save(cache, entry);
      progress = { ...progress, done: progress.done + 1 };
      await tell(progress);
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } catch (error) {
    queue.length = 0;
    await tell({ ...progress, type: 'failed' });
    throw error;
  }
}

const ready = () => ({ type: 'ready', version: OFFLINE.version, files: entries.length, bytes });

self.addEventListener('install', (event) => event.waitUntil(saveAll()));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
      await tell(ready());
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'activate') void self.skipWaiting();
  else if (event.data?.type === 'hold') hold();
  else if (event.data?.type === 'release') release();
  // Only the active worker is asked: its cache is complete, since a worker activates only once saved.
  else if (event.data?.type === 'status') event.source?.postMessage(ready());
});

// The entry a request asks for: `/base/guide` and `/base/guide/index.html` both mean `/base/guide/`.
function lookup(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const direct = byUrl.get(path) ?? byUrl.get(path.replace(/\/index\.html$/, '/'));
  if (direct) return { entry: direct, redirect: false };
  const folder = byUrl.get(`${path}/`);
  return folder ? { entry: folder, redirect: true } : undefined;
}

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const found = lookup(url.pathname);
  if (found?.redirect && request.mode === 'navigate') return Response.redirect(`${keyOf(found.entry.url)}${url.search}`, 301);
  const hit = found && !found.redirect ? await cache.match(keyOf(found.entry.url)) : undefined;
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    // Offline and not kept: a page address gets the handbook's own 404 page, which offers search.
    const notFound = request.mode === 'navigate' ? await cache.match(keyOf(`${SCOPE}404.html`)) : undefined;
    if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  event.respondWith(respond(request, url));
});
