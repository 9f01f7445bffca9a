/*
 * KubeLab works offline after the first visit. The page (index.html) is fetched from the network
 * first, so a new deploy shows at once, with the cached copy when offline; the files under
 * assets/ carry a content hash in their names, so a cached one never goes stale: cache first.
 * Registered by src/ui/sw-register.ts in production builds, in a page of its own only.
 *
 * Every built file is cached while the worker installs (precache.json, written by vite.config.ts,
 * lists them; the worker cannot list the folder). Lazily loaded chunks must be among them: the
 * editor's YAML language chunk, for one, is only requested once a YAML file is opened, and
 * Monaco's workers once the editor starts. Caching them one by one after activation, as this
 * worker first did, left a window of several seconds in which the page was controlled but the
 * cache incomplete: going offline then broke the editor (a dynamic import failed), which the
 * offline test ran into. Now "controlled" means "cached", and precache.json is stored last, as the
 * mark of a complete cache (the test waits for it).
 */
const CACHE = 'kubelab-v2';
const PARALLEL = 6;

async function precache(cache) {
  const res = await fetch('./precache.json', { cache: 'no-cache' }).catch(() => undefined);
  if (!res || !res.ok) return;
  const list = await res.clone().json();
  const files = (Array.isArray(list) ? list : []).filter((f) => typeof f === 'string' && f.startsWith('assets/'));
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < files.length) {
      const url = './' + files[next++];
      if (await cache.match(url)) continue;
      await cache.add(url).catch(() => failed++);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failed === 0) await cache.put('./precache.json', res);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const res = await fetch('./', { cache: 'no-cache' });
      if (res.ok) await cache.put('./', res);
      await precache(cache);
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

// The page asks again once the worker controls it (src/ui/sw-register.ts): this fills any gap a
// failed download left during install.
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'precache') return;
  event.waitUntil(caches.open(CACHE).then(precache));
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
  // A hashed file's content never changes: whatever Vary the server sent, the stored copy fits.
  const hit = await cache.match(req, { ignoreVary: true });
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
