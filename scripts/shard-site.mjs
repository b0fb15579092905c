#!/usr/bin/env node
// The last step of a build whose page is a sharded site's (`dossier page --shards auto`
// above `site::EMBED_BELOW`, or `--shards always`): the site's files, written by the CLI
// in shards/ beside the page, copied into the build's shards/, and Trunk's preloads of
// the app dropped (web/boot.js starts web/site.js for such a page, not the app) and the
// reader's preloaded instead, and a deep link's document shard preloaded by a hashed
// inline script (withLinkedShardPreload). A page that embeds its corpus is left as it
// is, whether or not the folder exists.
//
// Used by scripts/post-build.mjs (Trunk's post_build hook, every build) and, as a
// command, by scripts/sharded-dist.py (a built dist given another corpus's page):
//
//     node scripts/shard-site.mjs DIST SHARDS
//
// rewrites DIST/index.html and DIST/404.html and copies SHARDS' files into DIST/shards/.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether `page` (a built index.html, minified or not) is a sharded site's. */
export const isSharded = (page) => /<script\b[^>]*\bid=("|')?manifest\b/.test(page);

/**
 * The preloads of the sharded reader, under the base path `base`: web/boot.js imports
 * site.js once the page is parsed, site.js its glue, the glue fetches the wasm, and only
 * then can the manifest name a file; preloaded, the four arrive while the page is
 * parsed, as do the head and the first list run, which the page itself preloads
 * (`site::write`). After boot.js, so that what the first look needs is asked for and
 * served first. A deep link's first look needs the page, its stylesheet, boot.js, site.js
 * and the linked article's shard (preloadLinkedShard, at high priority), nothing else:
 * the glue, the wasm and site.css go at low priority, as the page's head and list run
 * do, so that on HTTP/1.1 (six connections to a host) they do not take a connection
 * before that shard, nor a server's time on HTTP/2. `crossorigin`: the glue's `fetch` is
 * a CORS-mode request, which the preload must match.
 */
const readerPreloads = (base) => [
  `<link rel="modulepreload" href="${base}site.js">`,
  `<link rel="modulepreload" href="${base}dossier-site.js" fetchpriority="low">`,
  `<link rel="preload" href="${base}dossier-site_bg.wasm" as="fetch" type="application/wasm" crossorigin fetchpriority="low">`,
  `<link rel="preload" href="${base}site.css" as="style" fetchpriority="low">`,
].join('');

/**
 * Run in the page as the parser reaches it, right after `#manifest`: a preload of the
 * document shard that holds the linked article (`?doc=`), so that a deep link's shard is
 * on its way while boot.js and the reader are still being fetched (it was asked for only
 * once web/site.js ran, after both: bench-sharded.mjs). The shard is found as site.js's
 * `linkedShard` finds it (the last `d` record whose first file is not after the link's;
 * the reader still asks for it, and its fetch takes the preloaded response), beside
 * boot.js whatever the page's path (404.html answers any), at high priority: the first
 * look waits for it. A link to the page's own article (`#corpus`), which boot.js draws
 * with no shard, preloads its shard at low priority, after the files of that first look
 * (its stylesheet, boot.js), for the reader to swap it in without a fetch once its wasm
 * runs. A hint only: a page without a link or a manifest, or a link to no shard,
 * preloads nothing. Kept short and with no comment inside: its text is the page's,
 * allowed by its hash in the CSP.
 */
function preloadLinkedShard() {
  const doc = new URLSearchParams(location.search).get('doc');
  const boot = document.querySelector('script[src*="boot.js"]');
  const manifest = document.getElementById('manifest');
  const un = (s) => s.replace(/\x0e([\s\S])/g, (_, c) => String.fromCharCode(c.charCodeAt(0) ^ 64));
  const own = document.getElementById('corpus')?.textContent.split('\x1b', 2)[1];
  if (!doc || !boot || !manifest) return;
  const mine = own && un(own) === doc;
  let name;
  for (const record of manifest.textContent.split('\x1e')) {
    const f = record.split('\x1f');
    if (f[0] !== 'd' || f.length !== 6) continue;
    if (un(f[5]) > doc) break;
    name = f[1];
  }
  if (name) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', fetchPriority: mine ? 'low' : 'high', href: new URL(`shards/${name}`, boot.src).href }));
}

/**
 * `page` with preloadLinkedShard run inline after its `#manifest`, and the script's
 * SHA-256 added to the CSP's `script-src` (the page allows no other inline script). An
 * async module, not a classic script: that would wait for the stylesheet above it and
 * hold the parser back meanwhile (the page's DOMContentLoaded 70 → 240 ms on a loaded
 * machine); this one runs in a task of its own as soon as it is parsed.
 */
export function withLinkedShardPreload(page) {
  const code = `(${preloadLinkedShard})()`;
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  const manifest = /<script\b[^>]*\bid=("|')?manifest\b[^>]*>/.exec(page);
  const end = manifest && page.indexOf('</script>', manifest.index);
  if (!manifest || end < 0) throw new Error('the page has no #manifest to preload a linked shard from');
  const at = end + '</script>'.length;
  const inlined = `${page.slice(0, at)}<script type="module" async>${code}</script>${page.slice(at)}`;
  let allowed = 0;
  const out = inlined.replace(/<meta\b[^>]*Content-Security-Policy[^>]*>/i, (meta) => meta.replace(/script-src\b[^;"]*/, (d) => {
    allowed += 1;
    return `${d.trimEnd()} ${hash}`;
  }));
  if (allowed !== 1) throw new Error('the page has no CSP script-src to allow the linked shard\'s preload in');
  return out;
}

/**
 * `page` made ready for a sharded site in the build folder `dir`: the files of `from`
 * (the CLI's shards/) copied into `dir`/shards, the app's preloads dropped and the
 * reader's added. Returns the page to write; a page that is not sharded comes back
 * unchanged and nothing is copied.
 */
export function shardSite(page, dir, from) {
  if (!isSharded(page)) return page;
  const files = existsSync(from) ? readdirSync(from) : [];
  if (files.length === 0) throw new Error(`the page is a sharded site's, but ${from} holds none of its files`);
  cpSync(from, join(dir, 'shards'), { recursive: true });
  console.log(`shard-site: ${files.length} files from ${from} into ${join(dir, 'shards')}`);
  // The page does not start the app: Trunk's preloads of its glue and wasm would fetch
  // them for nothing. boot.js, an async module (low priority by default), is what every
  // first look waits for: asked for at high priority.
  const base = /\bsrc=["']?([^"'\s>]*?)boot\.js/.exec(page)?.[1];
  if (base === undefined) throw new Error('the page loads no boot.js: cannot place the reader\'s preloads');
  return withLinkedShardPreload(page)
    .replace(/<link\b[^>]*>/g, (tag) => (/dossier-app-/.test(tag) && /preload/.test(tag) ? '' : tag))
    .replace(/<script\b[^>]*?\bboot\.js[^>]*><\/script>/, (tag) => `${tag.replace('<script', '<script fetchpriority="high"')}${readerPreloads(base)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, from] = process.argv.slice(2);
  if (!dir || !from) throw new Error('usage: node scripts/shard-site.mjs DIST SHARDS');
  const html = join(dir, 'index.html');
  const page = shardSite(readFileSync(html, 'utf8'), dir, from);
  writeFileSync(html, page);
  writeFileSync(join(dir, '404.html'), page);
}
