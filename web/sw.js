// The sharded site's service worker (issue 24: offline after a visit), registered by
// web/site.js once its first screen is drawn. It keeps what a visit used for the next
// one, so that the views already seen work without the network:
// - the site's files (shards/, named by the address of their bytes, so never stale) are
//   answered from its cache, else fetched and kept if their bytes match their name (a
//   truncated or wrong file is passed on, for the reader to report, but never kept);
// - the page and the reader's own files (whose names stay across deploys) go to the
//   network first, so a new deploy is seen at once, and come from the cache only when
//   the network fails (the page under its path, whatever the link's query).
// One deploy's files are kept: the page tells the worker its head file's name
// (`{ deploy, page, urls }`, with what it fetched before the worker ran), and a new name
// empties the files' cache. Failed responses (a 404, a server error) are never kept.
const PAGES = 'dossier-pages';
const FILES = 'dossier-files-'; // + the deploy's head file name

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil((async () => {
  await self.registration.navigationPreload?.enable();
  await self.clients.claim();
})()));

// `address(bytes)`, a file's address, is web/site.js's own function, put before this
// file by scripts/post-build.mjs (one hash, one piece of code).

/** The files' cache: the one there is (one deploy's), else one for `deploy`. */
async function filesCache(deploy) {
  const names = (await caches.keys()).filter((k) => k.startsWith(FILES));
  if (deploy && !names.includes(FILES + deploy)) {
    await Promise.all(names.map((k) => caches.delete(k)));
    return caches.open(FILES + deploy);
  }
  return caches.open(names[0] ?? `${FILES}unknown`);
}

/** `response` kept for `url` if it is a site file whose bytes match its name. */
async function keepFile(url, response, deploy) {
  const name = url.pathname.split('/').pop();
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  if (response.ok && name === `${name[0]}-${address(bytes)}.txt`) await (await filesCache(deploy)).put(url.href, response);
}

/** A site file: from the cache, else the network's (kept if it checks). */
async function siteFile(e) {
  const url = new URL(e.request.url);
  const hit = await (await filesCache()).match(url.href);
  if (hit) return hit;
  const response = await fetch(e.request);
  if (response.ok) e.waitUntil(keepFile(url, response.clone()).catch(() => {}));
  return response;
}

/** The page or a reader's file: the network's (kept), else the cache's when offline. */
async function latest(e) {
  const page = e.request.mode === 'navigate';
  const key = page ? new URL(e.request.url).pathname : e.request.url;
  try {
    const response = (page && (await e.preloadResponse)) || (await fetch(e.request));
    if (response.ok) e.waitUntil(caches.open(PAGES).then((c) => c.put(key, response.clone())).catch(() => {}));
    return response;
  } catch (err) {
    const hit = await (await caches.open(PAGES)).match(key);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(new URL('./', location).pathname)) return;
  e.respondWith(url.pathname.includes('/shards/') ? siteFile(e) : latest(e));
});

// What the page fetched before the worker ran, kept now.
self.addEventListener('message', (e) => {
  const { deploy, page, urls } = e.data ?? {};
  if (!deploy || !Array.isArray(urls)) return;
  e.waitUntil((async () => {
    await filesCache(deploy);
    const pages = await caches.open(PAGES);
    for (const href of [page, ...urls]) {
      const url = new URL(href, location);
      if (url.origin !== location.origin) continue;
      try {
        // What the page just got, from the HTTP cache however old: no second download.
        const response = await fetch(url.href, { cache: 'force-cache' });
        if (url.pathname.includes('/shards/')) await keepFile(url, response, deploy);
        else if (response.ok) await pages.put(href === page ? url.pathname : url.href, response);
      } catch {
        // offline already: nothing to keep
      }
    }
  })());
});
