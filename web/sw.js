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

/** A file's address, as site.js's `address` (64-bit FNV-1a in 16-bit limbs). */
function address(bytes) {
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}

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
