#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), run in the staging folder of every build:
//   1. minifies the wasm-bindgen glue with terser (Trunk's own JS minifier cannot parse
//      it), as it is: the glue and the wasm stay as wasm-bindgen and wasm-opt wrote them;
//   2. minifies web/boot.js, the loader, and web/site.js, the reader of a sharded page
//      (copied by Trunk as they are, comments and all);
//   3. puts the new SHA-384 of every file it changed in index.html's integrity
//      attributes, drops the wasm preload's (which Chromium ignores, with a warning),
//      and copies index.html to 404.html: GitHub Pages serves that for unknown paths,
//      so the app answers there too;
//   4. for a sharded site's page (a corpus above `site::EMBED_BELOW`: the pre_build hook
//      runs `dossier page --shards auto`), copies the CLI's target/dossier/shards/ into
//      the build's shards/ and drops the app's preloads (scripts/shard-site.mjs). A page
//      that embeds its corpus builds as before, with no shards/.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { functionText, shardSite } from './shard-site.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is unset)');
const html = join(dir, 'index.html');
let page = readFileSync(html, 'utf8');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const reintegrate = (before, after, name) => {
  const old = sri(before);
  if (page.includes(old)) page = page.replaceAll(old, sri(after));
  else if (page.includes('integrity=')) throw new Error(`no integrity attribute for ${name} in index.html`);
};
const only = (re) => {
  const found = readdirSync(dir).filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${re} in ${dir}, found ${found.length}`);
  return found[0];
};

const glueName = only(/^dossier-app-.*\.js$/);
const glueFile = join(dir, glueName);
const glueBefore = readFileSync(glueFile, 'utf8');

const wasmName = only(/^dossier-app-.*_bg\.wasm$/);

const { code } = await minify(glueBefore, { module: true, compress: true, mangle: true });
writeFileSync(glueFile, code);
reintegrate(glueBefore, code, glueName);
console.log(`post-build: ${glueName} ${glueBefore.length} → ${code.length} bytes`);

for (const name of ['boot.js', 'site.js']) {
  const file = join(dir, name);
  const source = readFileSync(file, 'utf8');
  const { code: min } = await minify(source, { module: true, compress: true, mangle: true });
  writeFileSync(file, min);
  console.log(`post-build: ${name} ${source.length} → ${min.length} bytes`);
}
// The service worker checks a file's bytes against its name with site.js's `address`,
// put before it here rather than written twice (a classic worker imports no module).
const sw = join(dir, 'sw.js');
writeFileSync(sw, `${functionText('site.js', 'address')}${readFileSync(sw, 'utf8')}`);

// Chromium ignores `integrity` on a preload whose destination has no subresource
// integrity (the wasm's, `as="fetch"`) and warns of it on every load (crbug.com/981419);
// the loader's `fetch` could not match it anyway. The glue's module preload keeps its own.
page = page.replace(/<link\b[^>]*>/g, (tag) => (tag.includes(wasmName) ? tag.replace(/\s+integrity=("[^"]*"|[^\s>]+)/, '') : tag));
// The folder the pre_build hook's `dossier page --out target/dossier/page.html` writes.
page = await shardSite(page, dir, join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target', 'dossier', 'shards'));
writeFileSync(html, page);
writeFileSync(join(dir, '404.html'), page);
