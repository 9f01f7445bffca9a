/*
 * KubeLab works offline after the first visit. The page (index.html) is fetched from the network
 * first, so a new deploy shows at once, with the cached copy when offline; the files under
 * assets/ carry a content hash in their names, so a cached one never goes stale: cache first.
 * Registered by src/ui/sw-register.ts in production builds only.
 */
const CACHE = 'kubelab-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const res = await fetch('./', { cache: 'no-cache' });
      if (!res.ok) return;
      const html = await res.clone().text();
      await cache.put('./', res);
      // The entry script, its preloads and the stylesheet that index.html names.
      const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => './' + m[1]);
      await cache.addAll(assets).catch(() => {});
    })(),
  );
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// Once it controls the page, the page asks for the rest of the built files (precache.json, written
// by vite.config.ts): the editor and the other lazily loaded chunks then work offline too.
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'precache') return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const res = await fetch('./precache.json', { cache: 'no-cache' }).catch(() => undefined);
      if (!res || !res.ok) return;
      const files = await res.json();
      for (const f of Array.isArray(files) ? files : []) {
        if (typeof f !== 'string' || !f.startsWith('assets/')) continue;
        if (!(await cache.match('./' + f))) await cache.add('./' + f).catch(() => {});
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const hashed = /\/assets\//.test(url.pathname);
  event.respondWith(hashed ? cacheFirst(req) : networkFirst(req));
});

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  // The page itself is cached under './' whatever its query (?embed=1) or path (index.html).
  const key = req.mode === 'navigate' || new URL(req.url).pathname.endsWith('/index.html') ? './' : req;
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(key, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(key, { ignoreSearch: key === './' });
    if (hit) return hit;
    throw e;
  }
}
