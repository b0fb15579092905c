#!/usr/bin/env node
// The engine worker's first and second analysis of 1 MB, builds or settings side by side in
// one page (a shared, noisy machine: compare within a run). A benchmark, never fails.
//
//   node scripts/bench-engine.mjs [dist] [trials]     # defaults: dist 3; a site built with --public-url /dossier-e2e/
//   VARIANTS='engine-worker.js?warm=0,engine-worker.js' node scripts/bench-engine.mjs …
//   HEAD=1500 node scripts/bench-engine.mjs …          # the worker started that long before the text comes
//   BENCH_PORT=8908 …                                   # another port than 8795
//
// Each variant is a worker script under `dist` (another build's engine-worker.js,
// dossier-engine.js and dossier-engine_bg.wasm copied into a folder of it, say `o3/`,
// is the variant `o3/engine-worker.js`). For each trial and variant in turn: a new worker,
// then the seeds' paragraphs recombined into 1 MB added as a reader's document twice
// (`add_documents`, as web/own.js asks): "first" includes the engine's load (fetch,
// compile, its warm-up unless `?warm=0`: web/engine-worker.js), "second" is the engine
// warm. Prints each variant's times, best and median.
import { launch, newsText, printLoad, serve } from './browser.mjs';

const [dist = 'dist', trials = '3'] = process.argv.slice(2);
const port = Number(process.env.BENCH_PORT ?? 8795);
const base = '/dossier-e2e/';
const variants = (process.env.VARIANTS ?? 'engine-worker.js?warm=0,engine-worker.js').split(',');
const head = Number(process.env.HEAD ?? 0);


printLoad();
await serve(dist, base, port);
const browser = await launch();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}${base}`);
const times = await page.evaluate(async ([big, trials, variants, head]) => {
  // The page's two data texts, as web/boot.js hands them to web/own.js.
  const html = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
  const parts = ['corpus', 'analysis'].map((id) => html.getElementById(id)?.textContent ?? '');
  let id = 0;
  const call = (w, add) => new Promise((ok) => {
    const me = ++id;
    w.onmessage = ({ data }) => { if (data.id === me && !data.progress) ok(data); };
    w.postMessage({ id: me, add });
  });
  const out = variants.map(() => ({ first: [], second: [] }));
  for (let k = 0; k < trials; k++) {
    for (const [i, v] of variants.entries()) {
      const w = new Worker(new URL(v, location.href), { type: 'module' });
      if (head) await new Promise((ok) => setTimeout(ok, head));
      for (const kind of ['first', 'second']) {
        const docs = [{ file: `mine/${kind}`, title: '', date: '', text: big }];
        const t = performance.now();
        const a = await call(w, { texts: parts[0], data: parts[1], docs });
        out[i][kind].push(a.parts ? Math.round(performance.now() - t) : a.error);
      }
      w.terminate();
    }
  }
  return out;
}, [newsText(1_000_000, 'A long read'), Number(trials), variants, head]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [i, v] of variants.entries()) {
  const { first, second } = times[i];
  console.log(`${v}${head ? ` (started ${head} ms before)` : ''}: first ${first.join(', ')} ms (best ${Math.min(...first)}, median ${median(first)}); `
    + `second ${second.join(', ')} ms (best ${Math.min(...second)}, median ${median(second)})`);
}
printLoad();
await browser.close();
process.exit(0);
