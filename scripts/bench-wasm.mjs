#!/usr/bin/env node
// Extraction throughput of the analysis core compiled to wasm, in headless Chromium,
// side by side with compromise (bench/, pinned) on the same text in Node, same session.
//
//   node scripts/bench-wasm.mjs [corpus-folder …]
//
// Builds bench/wasm (the core alone, at the opt-level of the app's web profile, wasm-opt as the app)
// into target/bench-wasm/pkg unless it is there (BENCH_REBUILD=1 forces it). Always
// measures the seeds repeated eightfold (the text of the 0.08 MB/s compromise anchor);
// every further folder is measured with Dossier only (compromise takes minutes there).
// A benchmark, not a test: it prints figures and never fails on them.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { launch } from './browser.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
// BENCH_CORE_OPT=s|z|2|… builds the core at another opt-level than the profile's.
const opt = process.env.BENCH_CORE_OPT;
const pkg = join(root, `target/bench-wasm/pkg${opt ? '-O' + opt : ''}`);
const target = join(root, `target/bench-wasm${opt ? '-O' + opt : ''}`);
const env = { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', env, ...opts });

if (process.env.BENCH_REBUILD || !existsSync(join(pkg, 'dossier_bench_wasm_bg.wasm'))) {
  const config = opt ? ['--config', `profile.release.package.dossier-core.opt-level=${/^[0-9]$/.test(opt) ? opt : `"${opt}"`}`] : [];
  run('cargo', ['build', '--offline', '--release', '--target', 'wasm32-unknown-unknown', ...config], {
    cwd: join(root, 'bench/wasm'), env: { ...env, CARGO_TARGET_DIR: target },
  });
  run('wasm-bindgen', ['--target', 'web', '--out-dir', pkg,
    join(target, 'wasm32-unknown-unknown/release/dossier_bench_wasm.wasm')]);
  const wasm = join(pkg, 'dossier_bench_wasm_bg.wasm');
  // wasm-opt at the app's level with the app's flags (index.html), so the same code is measured.
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const level = html.match(/data-wasm-opt="(\w+)"/)[1];
  const params = html.match(/data-wasm-opt-params="([^"]*)"/)[1].split(/\s+/).filter(Boolean);
  run('wasm-opt', [`-O${level}`, ...params, wasm, '-o', wasm]);
}

const readDocs = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const seeds = readDocs(join(root, 'seeds'));
const sets = [{ name: 'seeds ×8', docs: Array.from({ length: 8 }, () => seeds).flat() }];
for (const dir of process.argv.slice(2)) sets.push({ name: dir, docs: readDocs(dir) });
const mb = (docs) => docs.reduce((n, t) => n + Buffer.byteLength(t), 0) / (1024 * 1024);

// Dossier in Chromium.
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
  } else if (url.pathname.startsWith('/pkg/')) {
    const f = join(pkg, url.pathname.slice(5));
    if (!existsSync(f)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' })
      .end(readFileSync(f));
  } else if (url.pathname.startsWith('/set/')) {
    res.writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(sets[Number(url.pathname.slice(5))].docs));
  } else res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const page = await browser.newPage();
await page.goto(base + '/');
const results = [];
const wasmFile = readFileSync(join(pkg, 'dossier_bench_wasm_bg.wasm'));
const { gzipSync } = await import('node:zlib');
console.log(`core wasm (opt-level ${opt ?? 'of the profile'}): ${wasmFile.length} bytes, ${gzipSync(wasmFile, { level: 9 }).length} gzip -9`);
for (let i = 0; i < sets.length; i++) {
  const best = await page.evaluate(async (i) => {
    const m = await import('/pkg/dossier_bench_wasm.js');
    await m.default();
    const docs = await (await fetch(`/set/${i}`)).json();
    // Warm up for two seconds first: Chromium runs wasm in its baseline compiler until
    // the hot functions are tiered up (compromise gets the same chance to warm up).
    let runs = 0;
    const w = performance.now();
    for (; performance.now() - w < 2000; runs++) m.analyse(docs);
    // Each sample repeats the analysis for at least 250 ms, so that a small set is not
    // measured at the timer's resolution; the best of five samples counts.
    const reps = Math.max(1, Math.ceil(250 / ((performance.now() - w) / runs)));
    let best = Infinity;
    let mentions = 0;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      for (let r = 0; r < reps; r++) mentions = m.analyse(docs);
      best = Math.min(best, (performance.now() - t) / reps);
    }
    return { ms: best, mentions };
  }, i);
  results.push({ set: sets[i].name, mb: mb(sets[i].docs), ...best });
}
await browser.close();
server.close();

// compromise in Node, on the first set only.
const require = createRequire(join(root, 'bench/package.json'));
const nlp = require('compromise');
const version = JSON.parse(readFileSync(join(root, 'bench/node_modules/compromise/package.json'), 'utf8')).version;
const docs = sets[0].docs;
for (let k = 0; k < 2; k++) for (const d of docs) nlp(d).people().out('array'); // warm up
let cbest = Infinity;
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  for (const d of docs) {
    const doc = nlp(d);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  }
  cbest = Math.min(cbest, performance.now() - t);
}

console.log('\nwhat                                 MB     best ms    MB/s');
for (const r of results) {
  console.log(`Dossier wasm, Chromium: ${r.set.padEnd(12)} ${r.mb.toFixed(2).padStart(6)} ${r.ms.toFixed(0).padStart(10)} ${(r.mb / (r.ms / 1000)).toFixed(2).padStart(7)}   (${r.mentions} mentions)`);
}
const cmbs = mb(docs) / (cbest / 1000);
console.log(`compromise ${version}, Node: ${sets[0].name.padEnd(8)} ${mb(docs).toFixed(2).padStart(6)} ${cbest.toFixed(0).padStart(10)} ${cmbs.toFixed(3).padStart(7)}`);
const dmbs = results[0].mb / (results[0].ms / 1000);
console.log(`ratio Dossier wasm / compromise on ${sets[0].name}: ${(dmbs / cmbs).toFixed(0)}×`);
