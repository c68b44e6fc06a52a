/* global self, caches, fetch, URL */
/*
 * The app's service worker: precaches the app shell of this build (the list
 * below is filled in by scripts/build-browser.mjs) and caches asset bytes,
 * which are content-addressed (`/api/campaigns/<id>/assets/<id>` answers
 * carry an immutable cache header). Nothing else of the API is ever cached:
 * answers differ per user, and a player must never see a GM's.
 */
const VERSION = '__VTT_VERSION__';
const SHELL = ['__VTT_SHELL__'];
const SHELL_CACHE = `vtt-shell-${VERSION}`;
const ASSET_CACHE = 'vtt-assets-v1';
const ASSET_PATH = /^\/api\/campaigns\/[^/]+\/assets\/[^/]+(\/thumb)?$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('vtt-shell-') && key !== SHELL_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    // Asset bytes only, and only answers the server marked immutable (content-addressed).
    if (!ASSET_PATH.test(url.pathname)) return;
    event.respondWith(
      caches.open(ASSET_CACHE).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const answer = await fetch(request);
        if (answer.ok && (answer.headers.get('cache-control') ?? '').includes('immutable')) {
          await cache.put(request, answer.clone());
        }
        return answer;
      }),
    );
    return;
  }
  if (request.mode === 'navigate') {
    // The network first, so a new build shows at once; the cached shell offline.
    event.respondWith(fetch(request).catch(() => caches.match('./', { ignoreSearch: true })));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
});
