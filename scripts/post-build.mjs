#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), run in the staging folder of every build:
//   1. in a release build, drops the classes the glue exports for JavaScript to use and
//      that nothing uses (`boot.js` imports only `init`), with the wasm exports only they
//      called, the code only those reached and the imports only that code called
//      (docs/performance.md, Size). Leptos brings them in: the streams of its server
//      functions (wasm-streams), which a client-side app never uses;
//   2. in a release build, gives the wasm's imports, exports and import module short
//      names (wasm-opt's --minify-imports-and-exports-and-modules, which prints the
//      mapping) and renames them in the wasm-bindgen glue to match: wasm-bindgen's
//      names carry a 16-digit hash each ("__wbg_addEventListener_7a418931447b2eae"),
//      about 200 of them written in both files (docs/performance.md, Size);
//   3. minifies the glue with terser (Trunk's own JS minifier cannot parse it);
//   4. minifies web/boot.js, the loader (copied by Trunk as it is, comments and all);
//   5. puts the new SHA-384 of every file it changed in index.html's integrity
//      attributes, drops the wasm preload's (which Chromium ignores, with a warning),
//      and copies index.html to 404.html: GitHub Pages serves that for unknown paths,
//      so the app answers there too.
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

/** `n` as an unsigned LEB128 number. */
function uleb(n) {
  const out = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
}

/** A wasm binary with only the exports whose names `keep` accepts (export section, id 7). */
function withExports(bytes, keep) {
  const s = section(bytes, 7);
  if (!s) return bytes;
  const r = reader(bytes, s.body);
  const kept = [];
  for (let n = r.leb(); n > 0; n--) {
    const from = r.at;
    const name = r.name();
    r.at++; // its kind
    r.leb(); // its index
    if (keep(name)) kept.push(bytes.subarray(from, r.at));
  }
  const body = Buffer.concat([Buffer.from(uleb(kept.length)), ...kept]);
  return Buffer.concat([bytes.subarray(0, s.start), Buffer.from([7, ...uleb(body.length)]), body, bytes.subarray(s.end)]);
}

/** The module name of each import of a wasm binary (its import section, id 2). */
function importModules(bytes) {
  const s = section(bytes, 2);
  if (!s) return [];
  const r = reader(bytes, s.body);
  const limits = () => {
    const flags = bytes[r.at++];
    r.leb();
    if (flags & 1) r.leb();
  };
  const modules = [];
  for (let n = r.leb(); n > 0; n--) {
    modules.push(r.name());
    r.name();
    const kind = bytes[r.at++];
    if (kind === 0) r.leb(); // function: its type
    else if (kind === 1) { r.at++; limits(); } // table: element type, limits
    else if (kind === 2) limits(); // memory
    else if (kind === 3) r.at += 2; // global: value type, mutability
    else throw new Error(`post-build: import of unknown kind ${kind}`);
  }
  return modules;
}

const glueName = only(/^dossier-app-.*\.js$/);
const glueFile = join(dir, glueName);
const glueBefore = readFileSync(glueFile, 'utf8');
let glue = glueBefore;

/** A global pattern for the identifier `s` as a whole word of JavaScript. */
const word = (s) => new RegExp(`(?<![\\w$])${s.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
/** The glue's uses of a wasm export: `wasm.NAME`, the name captured. */
const wasmUse = /(?<![\w$])wasm\.([\w$]+)/g;

/** `text` without the block that starts at `start` and ends at the first `end` after it. */
function cut(text, start, end, what) {
  const from = text.indexOf(start);
  const to = from < 0 ? -1 : text.indexOf(end, from);
  if (to < 0) throw new Error(`post-build: ${what} not found in ${glueName}`);
  return text.slice(0, from) + text.slice(to + end.length);
}

const local = join(source, 'node_modules/.bin/');
const binaryen = (tool) => (existsSync(local + tool) ? local + tool : tool);

const wasmName = only(/^dossier-app-.*_bg\.wasm$/);
const wasmFile = join(dir, wasmName);

if (process.env.TRUNK_PROFILE === 'release') {
  const wasmBefore = readFileSync(wasmFile);
  // The features wasm-opt was given (index.html).
  const params = readFileSync(join(source, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '';
  const features = params.split(/\s+/).filter((f) => f.startsWith('--enable-'));
  // 1. The exported classes nothing imports. A class the wasm hands to JavaScript has a
  // `__wrap`, which the glue's imports call: those stay.
  const classes = [...glue.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]);
  for (const name of classes.filter((c) => !glue.includes(`${c}.__wrap`))) {
    glue = cut(glue, `export class ${name} {\n`, '\n}\n', `class ${name}`);
    glue = cut(glue, `if (Symbol.dispose) ${name}.prototype`, ';\n', `${name}'s dispose`);
    glue = cut(glue, `const ${name}Finalization = `, ';\n', `${name}'s finalizer`);
    if (word(name).test(glue)) throw new Error(`post-build: ${glueName} still uses ${name}`);
  }
  // The exports the glue no longer calls go, and wasm-opt's
  // --remove-unused-module-elements (below) drops what only they reached. (wasm-metadce,
  // binaryen's tool for this, rewrote the code so that it compressed 10 KB worse.)
  const called = new Set([...glue.matchAll(wasmUse)].map((m) => m[1]));
  writeFileSync(wasmFile, withExports(wasmBefore, (name) => called.has(name)));

  // The web profile's level ("s": optimise level 2, shrink level 1) for the binary
  // writer's last stack-IR pass only.
  const mapping = JSON.parse(execFileSync(binaryen('wasm-opt'), [
    wasmFile, ...features, '--remove-unused-module-elements', '--minify-imports-and-exports-and-modules',
    '--optimize-level', '2', '--shrink-level', '1', '--generate-stack-ir', '--optimize-stack-ir',
    '-o', wasmFile,
  ], { encoding: 'utf8' }));
  for (const [, base, short] of mapping.imports) {
    const re = word(base);
    if (!re.test(glue)) throw new Error(`post-build: import ${base} is not in ${glueName}`);
    glue = glue.replace(re, () => short); // a function: a name may hold "$$" or "$&"
  }
  // The imports the wasm no longer has (they served only the exports dropped) keep their
  // long names: their functions go from the glue's import object.
  for (const [, name] of glue.matchAll(/^ {8}(__wbg_[\w$]+): function\(/gm)) {
    glue = cut(glue, `        ${name}: function(`, '\n        },\n', `import ${name}`);
    if (word(name).test(glue)) throw new Error(`post-build: ${glueName} still uses ${name}`);
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
  glue = glue.replace(wasmUse, (_, name) => {
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

// Chromium ignores `integrity` on a preload whose destination has no subresource
// integrity (the wasm's, `as="fetch"`) and warns of it on every load (crbug.com/981419);
// the loader's `fetch` could not match it anyway. The glue's module preload keeps its own.
page = page.replace(/<link\b[^>]*>/g, (tag) => (tag.includes(wasmName) ? tag.replace(/\s+integrity=("[^"]*"|[^\s>]+)/, '') : tag));
writeFileSync(html, page);
writeFileSync(join(dir, '404.html'), page);
