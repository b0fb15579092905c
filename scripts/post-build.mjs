#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), run in the staging folder of every build:
//   1. in a release build, gives the wasm's imports, exports and import module short
//      names (wasm-opt's --minify-imports-and-exports-and-modules, which prints the
//      mapping) and renames them in the wasm-bindgen glue to match: wasm-bindgen's
//      names carry a 16-digit hash each ("__wbg_addEventListener_7a418931447b2eae"),
//      about 200 of them written in both files (docs/performance.md, Size);
//   2. minifies the glue with terser (Trunk's own JS minifier cannot parse it);
//   3. minifies web/boot.js, the loader (copied by Trunk as it is, comments and all);
//   4. puts the new SHA-384 of every file it changed in index.html's integrity
//      attributes, and copies index.html to 404.html: GitHub Pages serves that for
//      unknown paths, so the app answers there too.
// Any name it cannot place fails the build: a glue it does not understand must not ship.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is unset)');
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
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

/** The module name of each import of a wasm binary (its import section, id 2). */
function importModules(bytes) {
  let i = 8;
  const leb = () => {
    let r = 0;
    for (let s = 0; ; s += 7) {
      const b = bytes[i++];
      r += (b & 0x7f) * 2 ** s;
      if (b < 0x80) return r;
    }
  };
  const name = () => {
    const n = leb();
    i += n;
    return Buffer.from(bytes.subarray(i - n, i)).toString('utf8');
  };
  const limits = () => {
    const flags = bytes[i++];
    leb();
    if (flags & 1) leb();
  };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    if (id !== 2) {
      i += size;
      continue;
    }
    const modules = [];
    for (let n = leb(); n > 0; n--) {
      modules.push(name());
      name();
      const kind = bytes[i++];
      if (kind === 0) leb(); // function: its type
      else if (kind === 1) { i++; limits(); } // table: element type, limits
      else if (kind === 2) limits(); // memory
      else if (kind === 3) i += 2; // global: value type, mutability
      else throw new Error(`post-build: import of unknown kind ${kind}`);
    }
    return modules;
  }
  return [];
}

const glueName = only(/^dossier-app-.*\.js$/);
const glueFile = join(dir, glueName);
const glueBefore = readFileSync(glueFile, 'utf8');
let glue = glueBefore;

if (process.env.TRUNK_PROFILE === 'release') {
  const wasmName = only(/^dossier-app-.*_bg\.wasm$/);
  const wasmFile = join(dir, wasmName);
  const wasmBefore = readFileSync(wasmFile);
  // The features wasm-opt was given (index.html), and the web profile's level ("s":
  // optimise level 2, shrink level 1) for the binary writer's last stack-IR pass only.
  const params = readFileSync(join(source, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '';
  const features = params.split(/\s+/).filter((f) => f.startsWith('--enable-'));
  const local = join(source, 'node_modules/.bin/wasm-opt');
  const mapping = JSON.parse(execFileSync(existsSync(local) ? local : 'wasm-opt', [
    wasmFile, ...features, '--minify-imports-and-exports-and-modules',
    '--optimize-level', '2', '--shrink-level', '1', '--generate-stack-ir', '--optimize-stack-ir',
    '-o', wasmFile,
  ], { encoding: 'utf8' }));
  const word = (s) => new RegExp(`(?<![\\w$])${s.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  for (const [, base, short] of mapping.imports) {
    const re = word(base);
    if (!re.test(glue)) throw new Error(`post-build: import ${base} is not in ${glueName}`);
    glue = glue.replace(re, () => short); // a function: a name may hold "$$" or "$&"
  }
  // The mapping leaves the modules out: every import comes from one module, renamed
  // alike, so the new name is read from the wasm's import section.
  const [from, ...others] = new Set(mapping.imports.map(([module]) => module));
  const [to, ...more] = new Set(importModules(readFileSync(wasmFile)));
  if (others.length || more.length || !from || !to) throw new Error('post-build: the wasm imports from more than one module');
  const key = `${JSON.stringify(from)}:`;
  if (!glue.includes(key)) throw new Error(`post-build: import module ${from} is not in ${glueName}`);
  glue = glue.replaceAll(key, () => `${JSON.stringify(to)}:`);
  const exports = new Map(mapping.exports);
  glue = glue.replace(/(?<![\w$])wasm\.([\w$]+)/g, (_, name) => {
    if (!exports.has(name)) throw new Error(`post-build: ${glueName} uses wasm.${name}, which the wasm does not export`);
    return `wasm.${exports.get(name)}`;
  });
  const wasmAfter = readFileSync(wasmFile);
  reintegrate(wasmBefore, wasmAfter, wasmName);
  console.log(`post-build: ${mapping.imports.length} imports and ${exports.size} exports renamed, ${wasmName} ${wasmBefore.length} → ${wasmAfter.length} bytes`);
}

const { code } = await minify(glue, { module: true, compress: true, mangle: true });
writeFileSync(glueFile, code);
reintegrate(glueBefore, code, glueName);
console.log(`post-build: ${glueName} ${glueBefore.length} → ${code.length} bytes`);

const boot = join(dir, 'boot.js');
const loader = readFileSync(boot, 'utf8');
const { code: bootMin } = await minify(loader, { module: true, compress: true, mangle: true });
writeFileSync(boot, bootMin);
console.log(`post-build: boot.js ${loader.length} → ${bootMin.length} bytes`);

writeFileSync(html, page);
writeFileSync(join(dir, '404.html'), page);
