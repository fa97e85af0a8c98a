// Interleave's service worker: keeps the playground working offline once it has loaded.
// It precaches the app shell listed in BUILD (written by scripts/site-manifest.mjs after
// `vite build`) and caches every file the page fetches later. Pages are network-first so a
// new deployment shows at once; hashed assets never change, so they are cache-first.
// Caches are named after the scope and the build, so two copies of the site under
// different sub-paths of one origin never delete each other's files.
'use strict';

const BUILD = { version: 'dev', files: ['./'] };

const SCOPE = self.registration.scope;
const PREFIX = `interleave:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + BUILD.version;
const ASSETS = new URL('assets/', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(BUILD.files.map((file) => new Request(new URL(file, SCOPE).href, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.headers.has('range')) return;
  if (request.url.startsWith(ASSETS)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, request.mode === 'navigate'));
});

// keep stores complete, same-origin answers only: no errors, redirects or partial content.
function keep(request, response) {
  if (response.status !== 200 || response.type !== 'basic') return;
  const copy = response.clone();
  caches
    .open(CACHE)
    .then((cache) => cache.put(request, copy))
    .catch(() => undefined);
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  keep(request, response);
  return response;
}

// networkFirst answers from the cache only when the network fails; a page ignores its query string there.
async function networkFirst(request, page) {
  try {
    const response = await fetch(request);
    keep(request, response);
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached = (await cache.match(request)) ?? (page ? await cache.match(request, { ignoreSearch: true }) : undefined);
    if (cached) return cached;
    throw error;
  }
}
