#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), run in the staging folder of every build:
//   1. minifies the wasm-bindgen glue with terser (Trunk's own JS minifier cannot parse
//      it) and puts the new SHA-384 in index.html's integrity attribute for it;
//   2. minifies web/boot.js, the loader (copied by Trunk as it is, comments and all);
//   3. copies index.html to 404.html: GitHub Pages serves that for unknown paths, so the
//      app answers there too.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is unset)');
const html = join(dir, 'index.html');
let page = readFileSync(html, 'utf8');
for (const name of readdirSync(dir).filter((f) => /^dossier-app-.*\.js$/.test(f))) {
  const file = join(dir, name);
  const before = readFileSync(file, 'utf8');
  const { code } = await minify(before, { module: true, compress: true, mangle: true });
  writeFileSync(file, code);
  const sri = (s) => `sha384-${createHash('sha384').update(s).digest('base64')}`;
  const old = sri(before);
  if (page.includes(old)) page = page.replaceAll(old, sri(code));
  else if (page.includes('integrity=')) throw new Error(`no integrity attribute for ${name} in index.html`);
  console.log(`post-build: ${name} ${before.length} → ${code.length} bytes`);
}
const boot = join(dir, 'boot.js');
const loader = readFileSync(boot, 'utf8');
const { code: bootMin } = await minify(loader, { module: true, compress: true, mangle: true });
writeFileSync(boot, bootMin);
console.log(`post-build: boot.js ${loader.length} → ${bootMin.length} bytes`);
writeFileSync(html, page);
writeFileSync(join(dir, '404.html'), page);
