#!/usr/bin/env node
// The last step of a build whose page is a sharded site's (`dossier page --shards auto`
// above `site::EMBED_BELOW`, or `--shards always`): the site's files, written by the CLI
// in shards/ beside the page, copied into the build's shards/, and Trunk's preloads of
// the app dropped (web/boot.js starts web/site.js for such a page, not the app) and the
// reader's preloaded instead, and a hashed inline script added that draws the linked
// article's first look and fetches a deep link's document shard (withFirstLook). A page
// that embeds its corpus is left as it is, whether or not the folder exists.
//
// Used by scripts/post-build.mjs (Trunk's post_build hook, every build) and, as a
// command, by scripts/sharded-dist.py (a built dist given another corpus's page):
//
//     node scripts/shard-site.mjs DIST SHARDS
//
// rewrites DIST/index.html and DIST/404.html and copies SHARDS' files into DIST/shards/.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

/** Whether `page` (a built index.html, minified or not) is a sharded site's. */
export const isSharded = (page) => /<script\b[^>]*\bid=("|')?manifest\b/.test(page);

/**
 * The preloads of the sharded reader, under the base path `base`: web/boot.js imports
 * site.js once the page is parsed, site.js its glue, the glue fetches the wasm, and only
 * then can the manifest name a file; preloaded, the four arrive while the page is
 * parsed, as do the head and the first list run, which the page itself preloads
 * (`site::write`). After boot.js, so that what the first look needs is asked for and
 * served first. A deep link's first look needs the page, its stylesheet, boot.js, site.js
 * and the linked article's shard (lookNow, at high priority), nothing else:
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
 * Run in the page as the parser reaches it, right after `#manifest`: the linked
 * article's first look (web/boot.js's `firstLook`, whose text is inlined with it), drawn
 * with no script fetched, so that the first look waits for what a static page of the
 * article waits for (the page and its stylesheet), plus, for a deep link, the article's
 * document shard (docs/performance.md, "Loading a sharded site").
 * - A link to the page's own article (`#corpus`): drawn at once; its document shard
 *   preloaded at low priority, for the reader to swap it in without a fetch once its
 *   wasm runs.
 * - A deep link (`?doc=` another article): the document shard that holds it, found as
 *   site.js's `linkedShard` finds it (the last `d` record whose first file is not after
 *   the link's), preloaded at high priority and fetched (the fetch takes the preload's
 *   response); its texts drawn when its length and address (web/site.js's `address`,
 *   inlined too) are the manifest's, never otherwise. The bytes are handed to the reader
 *   as `#manifest`'s `linked` ({ name, length, bytes }), so the shard is fetched once.
 * Anything else (no link, a link to no shard, another view) draws and preloads nothing.
 * Its text is the page's, allowed by its hash in the CSP.
 */
function lookNow(firstLook, address) {
  const doc = new URLSearchParams(location.search).get('doc');
  const boot = document.querySelector('script[src*="boot.js"]');
  const manifest = document.getElementById('manifest');
  const un = (s) => s.replace(/\x0e([\s\S])/g, (_, c) => String.fromCharCode(c.charCodeAt(0) ^ 64));
  const own = document.getElementById('corpus')?.textContent.split('\x1b', 2)[1];
  if (!doc || !boot || !manifest) return;
  const mine = own && un(own) === doc;
  if (mine) firstLook();
  let found;
  for (const record of manifest.textContent.split('\x1e')) {
    const f = record.split('\x1f');
    if (f[0] !== 'd' || f.length !== 6) continue;
    if (un(f[5]) > doc) break;
    found = f;
  }
  if (!found) return;
  const [, name, size] = found;
  const href = new URL(`shards/${name}`, boot.src).href;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', fetchPriority: mine ? 'low' : 'high', href }));
  if (mine) return;
  const length = Number(size);
  const bytes = fetch(href, { priority: 'high' }).then((r) => (r.ok ? r.arrayBuffer() : undefined))
    .then((b) => b && new Uint8Array(b), () => undefined);
  manifest.linked = { name, length, bytes };
  bytes.then((b) => {
    if (!b || document.getElementById('site') || b.length !== length || `d-${address(b)}.txt` !== name) return;
    const text = new TextDecoder().decode(b);
    firstLook(text.slice(text.indexOf('\x1b')));
  }).catch(console.error);
}

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');

/** The text of the top-level function `name` of web/`file` (it starts a line and ends at the first `}` that does). */
export function functionText(file, name) {
  const text = readFileSync(join(web, file), 'utf8');
  const found = new RegExp(`^function ${name}\\([\\s\\S]*?\\n\\}\\n`, 'm').exec(text);
  if (!found) throw new Error(`web/${file} has no top-level function ${name} to inline`);
  return found[0];
}

/**
 * The page's inline script: lookNow with web/boot.js's `firstLook` and web/site.js's
 * `address`, minified as post-build.mjs minifies those files.
 */
export async function inlineScript() {
  const source = `${functionText('boot.js', 'firstLook')}${functionText('site.js', 'address')}(${lookNow})(firstLook, address);`;
  return (await minify(source, { module: true, compress: true, mangle: true, format: { ascii_only: true } })).code;
}

/**
 * `page` with the inline script run after its `#manifest`, and its SHA-256 added to the
 * CSP's `script-src` (the page allows no other inline script). An async module, not a
 * classic script: that would wait for the stylesheet above it and hold the parser back
 * meanwhile (the page's DOMContentLoaded 70 → 240 ms on a loaded machine); this one runs
 * in a task of its own as soon as it is parsed, its own scope (its functions are no
 * globals).
 */
export async function withFirstLook(page) {
  const code = await inlineScript();
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
export async function shardSite(page, dir, from) {
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
  return (await withFirstLook(page))
    .replace(/<link\b[^>]*>/g, (tag) => (/dossier-app-/.test(tag) && /preload/.test(tag) ? '' : tag))
    .replace(/<script\b[^>]*?\bboot\.js[^>]*><\/script>/, (tag) => `${tag.replace('<script', '<script fetchpriority="high"')}${readerPreloads(base)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, from] = process.argv.slice(2);
  if (!dir || !from) throw new Error('usage: node scripts/shard-site.mjs DIST SHARDS');
  const html = join(dir, 'index.html');
  const page = await shardSite(readFileSync(html, 'utf8'), dir, from);
  writeFileSync(html, page);
  writeFileSync(join(dir, '404.html'), page);
}
