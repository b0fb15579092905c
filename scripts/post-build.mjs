#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), run in the staging folder of every build:
//   0. moves the corpus's page text (the custom section `dossier.page` that build.rs
//      writes: a <template>) from the wasm to the start of index.html's body, where the
//      loader draws the linked article from it before the wasm has started and the app
//      reads the texts (crates/dossier-core/src/page.rs);
//   1. minifies the wasm-bindgen glue with terser (Trunk's own JS minifier cannot parse
//      it), as it is: the glue and the wasm stay as wasm-bindgen and wasm-opt wrote them;
//   2. minifies web/boot.js, the loader (copied by Trunk as it is, comments and all);
//   3. puts the new SHA-384 of every file it changed in index.html's integrity
//      attributes, drops the wasm preload's (which Chromium ignores, with a warning),
//      and copies index.html to 404.html: GitHub Pages serves that for unknown paths,
//      so the app answers there too.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

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

/** Reads a wasm binary's unsigned LEB128 numbers and names, from byte `at` on. */
function reader(bytes, at) {
  const r = {
    at,
    leb() {
      let v = 0;
      for (let s = 0; ; s += 7) {
        const b = bytes[r.at++];
        v += (b & 0x7f) * 2 ** s;
        if (b < 0x80) return v;
      }
    },
    name() {
      const n = r.leb();
      r.at += n;
      return Buffer.from(bytes.subarray(r.at - n, r.at)).toString('utf8');
    },
  };
  return r;
}

/** The section of a wasm binary with this id (where it starts, where its contents start
 * and where it ends), if it has one; for a custom section (id 0), the one called `name`,
 * its contents starting after the name. */
function section(bytes, id, name) {
  const r = reader(bytes, 8);
  while (r.at < bytes.length) {
    const start = r.at;
    const found = bytes[r.at++] === id;
    const end = r.leb() + r.at;
    if (found && (id !== 0 || r.name() === name)) return { start, body: r.at, end };
    r.at = end;
  }
  return null;
}

/** A wasm binary's custom section called `name`, as text, and the binary without it. */
function takeCustom(bytes, name) {
  const s = section(bytes, 0, name);
  if (!s) throw new Error(`post-build: the wasm has no ${name} section (build.rs writes it)`);
  const text = Buffer.from(bytes.subarray(s.body, s.end)).toString('utf8');
  return { text, rest: Buffer.concat([bytes.subarray(0, s.start), bytes.subarray(s.end)]) };
}

const glueName = only(/^dossier-app-.*\.js$/);
const glueFile = join(dir, glueName);
const glueBefore = readFileSync(glueFile, 'utf8');

const wasmName = only(/^dossier-app-.*_bg\.wasm$/);
const wasmFile = join(dir, wasmName);

{ // 0. The page text, from the wasm to index.html.
  const before = readFileSync(wasmFile);
  const { text, rest } = takeCustom(before, 'dossier.page');
  const body = page.match(/<body[^>]*>/);
  if (!body || !text.startsWith('<template id="corpus"')) throw new Error('post-build: no <body> in index.html, or no template in dossier.page');
  const at = body.index + body[0].length;
  page = page.slice(0, at) + text + page.slice(at);
  writeFileSync(wasmFile, rest);
  reintegrate(before, rest, wasmName);
}

const { code } = await minify(glueBefore, { module: true, compress: true, mangle: true });
writeFileSync(glueFile, code);
reintegrate(glueBefore, code, glueName);
console.log(`post-build: ${glueName} ${glueBefore.length} → ${code.length} bytes`);

const boot = join(dir, 'boot.js');
const loader = readFileSync(boot, 'utf8');
const { code: bootMin } = await minify(loader, { module: true, compress: true, mangle: true });
writeFileSync(boot, bootMin);
console.log(`post-build: boot.js ${loader.length} → ${bootMin.length} bytes`);

// Chromium ignores `integrity` on a preload whose destination has no subresource
// integrity (the wasm's, `as="fetch"`) and warns of it on every load (crbug.com/981419);
// the loader's `fetch` could not match it anyway. The glue's module preload keeps its own.
page = page.replace(/<link\b[^>]*>/g, (tag) => (tag.includes(wasmName) ? tag.replace(/\s+integrity=("[^"]*"|[^\s>]+)/, '') : tag));
writeFileSync(html, page);
writeFileSync(join(dir, '404.html'), page);
