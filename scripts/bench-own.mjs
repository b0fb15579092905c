#!/usr/bin/env node
// The reader's own documents (web/own.js), in headless Chromium: a benchmark, never fails.
//
//   node scripts/bench-own.mjs [dist …] [runs]    # defaults: dist 3; sites built with --public-url /dossier-e2e/
//   BENCH_PORT=8908 node scripts/bench-own.mjs …  # other ports than 8794 (and the next ones, a site each)
//   KEYS=1 node scripts/bench-own.mjs …            # the keystrokes only
//   JITTER=1 node scripts/bench-own.mjs …          # each key a random 0–16.7 ms later still (below)
//
// Several sites (a branch and main, say) are measured side by side, in turn within each
// run, so that their figures share the machine's load. Prints, for `runs` fresh pages each:
//   - the engine's first use: the first `analyse` call of a short text (fetch, compile and
//     start of the worker and its wasm, then the analysis), the second (the analysis
//     alone), and the engine's load as the worker measures it (web/engine-worker.js:
//     fetch + compile + start, and the wasm's fetch alone from its Resource Timing entry);
//   - 1 MB of text (seed paragraphs recombined) dropped as one file: from the drop to its
//     title in the reader, with the engine cold (first use, a drop without a drag before
//     it), dragged over the page 1.5 s before the drop (the engine starts then), and warm
//     (used before), and the longest main-thread task meanwhile and how many were over
//     50 ms (Long Tasks API: wall time, which a loaded machine stretches; scripts/own-trace.mjs
//     gives each task's CPU time);
//   - keystrokes in the search box while 3 MB (three files) are analysed (the dialog the drop
//     opens closed first, as a reader closes it to type), and with nothing
//     analysed (the search's own cost, on the same page): each from its `input` event to
//     the end of the next frame, and to the end of the frame that shows its results (the
//     next, or the one after if the page draws them after the keystroke's frame); median,
//     p95, worst; and the longest task meanwhile. The first is mostly the wait for the
//     display's next frame (60 a second here): a key that comes just after a frame began
//     waits up to 16.7 ms whatever the page does, so its p95 follows where the keys fall
//     between frames, which the typing's rhythm sets (each key 30 ms after the previous
//     one's results: after a results frame of over about 3 ms the next key falls just
//     after a frame began). Hence also the page's own part: the same less that wait (from
//     the input to the start of the frame, its animation frames' time, at most one frame);
//     what a frame later than the next one adds stays in it. JITTER=1 lets keys fall
//     anywhere between frames, as a person's do: then the wait alone is 0–16.7 ms; and
//     the same measures on a page holding only a text box (the browser's own floor: the
//     wait for the next frame, and the machine's load), and on that text box made busy
//     5 ms in the frame after each keystroke's (the rhythm's effect: its own frame costs
//     no more, its next-frame figure grows by most of a frame).
//   - the machine's load average before and after (a shared machine: compare ratios).
import { launch, newsText, printLoad, serve } from './browser.mjs';

const args = process.argv.slice(2);
const runs = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 3;
const dists = args.length ? args : ['dist'];
const base = '/dossier-e2e/';
const port = Number(process.env.BENCH_PORT ?? 8794);

printLoad();
for (const [i, dist] of dists.entries()) await serve(dist, base, port + i);
const browser = await launch();
let url; // the site measured now

async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => ({ start: e.startTime, ms: e.duration }))))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.locator('li.entity button.entity-name').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
  return { page, close: () => context.close() };
}

/**
 * Drops files [{name, text}] and resolves, in the page, when `title` heads the reader: ms
 * from the drop, longest task. With `head` (ms), the files are dragged over the page that
 * long before the drop, as a reader's drag does (the engine starts on it: web/boot.js).
 */
const dropAndWait = (page, files, title, head = 0) => page.evaluate(async ([files, title, head]) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
  if (head) {
    dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((ok) => setTimeout(ok, head));
  }
  const t0 = performance.now();
  dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  await new Promise((ok) => {
    const check = () => (document.querySelector('#article-title')?.textContent === title ? requestAnimationFrame(() => setTimeout(ok)) : setTimeout(check, 5));
    check();
  });
  const ms = performance.now() - t0;
  const long = window.__long.filter((e) => e.start >= t0).map((e) => e.ms);
  const longest = Math.max(0, ...long);
  const over = long.filter((ms) => ms > 50).length;
  // The parts (web/own.js, src/data.rs): the worker's analysis, the app's join, its index
  // (built after the first frame, in slices: waited for, up to 5 s).
  const span = (name) => performance.getEntriesByName(name, 'measure').filter((e) => e.startTime >= t0).at(-1)?.duration ?? NaN;
  for (let i = 0; i < 100 && Number.isNaN(span('dossier:index')); i++) await new Promise((ok) => setTimeout(ok, 50));
  return { ms, longest, over, worker: span('dossier:own:worker'), app: span('dossier:own:app'), index: span('dossier:index') };
}, [files, title, head]);

const engineFirstUse = (page) => page.evaluate(async (base) => {
  const engine = await import(new URL(`${base}engine.js`, location.href).href);
  const t0 = performance.now();
  await engine.analyse('a.txt', 'Talks\n\nPutin met Xi Jinping in Beijing.');
  const t1 = performance.now();
  await engine.analyse('b.txt', 'Talks\n\nMacron met Scholz in Paris.');
  const t2 = performance.now();
  const load = performance.getEntriesByName('dossier:engine:load')[0];
  return { first: t1 - t0, second: t2 - t1, load: load?.duration ?? NaN, fetch: load?.detail.fetch ?? NaN, bytes: load?.detail.bytes };
}, base);

/**
 * Types in the search box, a keystroke each 30 ms after its results show, until `done()` or
 * `max` keystrokes: each one's ms to the frame that shows it, and to the frame that shows
 * its results; the longest task.
 */
const typing = (page, files, max) => page.evaluate(async ([files, max, jitter]) => {
  const t = performance.now();
  if (files.length) {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }
  // The drop opens the dialog (modal: the search box behind it is inert) once web/own.js
  // has loaded, after this task: closed before each keystroke, as a reader closes it to type.
  const close = () => { const d = document.getElementById('own-dialog'); return d?.open && (d.close(), true); };
  const input = document.getElementById('search-input');
  const words = ['russia', 'china', 'trade', 'summit'];
  const out = [];
  const own = []; // less the wait for the display's next frame
  const drawn = [];
  // When the panes (results, entities, reader) last changed.
  let changed = 0;
  const layout = document.querySelector('.layout');
  const observer = layout && new MutationObserver(() => { changed = performance.now(); });
  observer?.observe(layout, { childList: true, subtree: true, characterData: true, attributes: true });
  const done = () => files.length && document.querySelector('#article-title')?.textContent === 'Part 1 of the long read';
  for (let i = 0; !done() && i < max; i++) {
    const w = words[Math.floor(i / 7) % words.length];
    const typed = w.slice(0, (i % 7) + 1);
    if (close()) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    const t0 = performance.now();
    // The frame that shows the keystroke, asked for before it: it ends once that frame is
    // on screen, before what the page queues after that frame (src/app.rs, `after_paint`).
    let tick = 0;
    const frame = new Promise((ok) => requestAnimationFrame((ts) => { tick = ts; setTimeout(ok); }));
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame;
    const t1 = performance.now();
    out.push(t1 - t0);
    own.push(t1 - t0 - Math.min(Math.max(0, tick - t0), 1000 / 60));
    // Its results: on screen in that frame, unless the page changed the panes after it
    // (then in the next frame, waited for in both cases).
    changed = 0;
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    drawn.push((changed > t1 ? performance.now() : t1) - t0);
    await new Promise((ok) => setTimeout(ok, 30 + (jitter ? Math.random() * 1000 / 60 : 0))); // a fast typist
  }
  observer?.disconnect();
  const longest = Math.max(0, ...window.__long.filter((e) => e.start >= t).map((e) => e.ms));
  return { keys: out, own, drawn, longest };
}, [files, max, Boolean(process.env.JITTER)]);

async function keystrokesWhileAnalysing(page) {
  const files = [1, 2, 3].map((n) => ({ name: `part-${n}.txt`, text: newsText(1_000_000, `Part ${n} of the long read`) }));
  return typing(page, files, 2000);
}

const f1 = (x) => x.toFixed(0);
const big = { name: 'long-read.txt', text: newsText(1_000_000, 'A long read of one megabyte') };
console.log(`1 MB file: ${big.text.length} characters, ${new Blob([big.text]).size} bytes`);
const sites = dists.map((dist, i) => ({ dist, url: `http://127.0.0.1:${port + i}${base}`, keys: [], idle: [], keysOwn: [], idleOwn: [], keysDrawn: [], idleDrawn: [], busyLongest: 0, idleLongest: 0 }));
const task = (d) => `longest task ${f1(d.longest)} ms, ${d.over} over 50 ms`;
for (let r = 0; r < runs; r++) {
  for (const site of sites) {
    url = site.url;
    if (!process.env.KEYS) await drops(site, r);
    const { page, close } = await fresh();
    const quiet = await typing(page, [], 60);
    site.idle.push(...quiet.keys);
    site.idleOwn.push(...quiet.own);
    site.idleDrawn.push(...quiet.drawn);
    site.idleLongest = Math.max(site.idleLongest, quiet.longest);
    const busy = await keystrokesWhileAnalysing(page);
    site.keys.push(...busy.keys);
    site.keysOwn.push(...busy.own);
    site.keysDrawn.push(...busy.drawn);
    site.busyLongest = Math.max(site.busyLongest, busy.longest);
    await close();
  }
}

/** The drops, each on a fresh page of `url`, printed as run `r` of `site`. */
async function drops(site, r) {
  let { page, close } = await fresh();
  const cold = await dropAndWait(page, [big], 'A long read of one megabyte');
  await close();
  ({ page, close } = await fresh());
  const dragged = await dropAndWait(page, [big], 'A long read of one megabyte', 1500);
  await close();
  ({ page, close } = await fresh());
  const e = await engineFirstUse(page);
  const warm = await dropAndWait(page, [big], 'A long read of one megabyte');
  await close();
  console.log(`run ${r + 1}, ${site.dist}: engine first call ${f1(e.first)} ms (its load: ${f1(e.load)} ms, of which the wasm's fetch ${f1(e.fetch)} ms, ${e.bytes} B), second call ${f1(e.second)} ms; `
    + `1 MB drop → on screen: cold ${f1(cold.ms)} ms (${task(cold)}), dragged over the page 1.5 s before ${f1(dragged.ms)} ms (${task(dragged)}), warm ${f1(warm.ms)} ms (${task(warm)}; `
    + `worker ${f1(warm.worker)} ms, app's join ${f1(warm.app)} ms, index ${f1(warm.index)} ms)`);
}

/**
 * The same keystrokes on a page holding only a text box: what the measure cannot go under
 * here. With `busy` (ms), each keystroke keeps the main thread that long in the frame after
 * its own, as a page drawing its results there does: its own frame costs nothing more.
 */
async function floor(busy = 0) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent('<input id="search-input">');
  await page.evaluate((busy) => {
    window.__long = [];
    const spin = () => { const t = performance.now(); while (performance.now() - t < busy) { /* the results' frame */ } };
    if (busy) document.getElementById('search-input').addEventListener('input', () => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(spin))));
  }, busy);
  const r = await typing(page, [], 60);
  await page.close();
  return r;
}
const blank = [];
const blankOwn = [];
const busyBox = [];
const busyBoxOwn = [];
for (let r = 0; r < runs; r++) {
  const { keys, own } = await floor();
  blank.push(...keys);
  blankOwn.push(...own);
  const busy = await floor(5);
  busyBox.push(...busy.keys);
  busyBoxOwn.push(...busy.own);
}

const stats = (keys) => {
  const s = [...keys].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  // How many waited over 16 ms: unlike the p95, not diluted by more keys typed.
  const over = s.filter((ms) => ms > 16).length;
  return `median ${q(0.5).toFixed(1)}, p95 ${q(0.95).toFixed(1)}, worst ${s[s.length - 1].toFixed(1)} ms (${s.length} samples, ${over} over 16 ms)`;
};
console.log(`keystroke → next frame on a page holding only a text box: ${stats(blank)}; the page's own part: ${stats(blankOwn)}`);
console.log(`… the text box busy 5 ms in the frame after each keystroke's: ${stats(busyBox)}; the page's own part: ${stats(busyBoxOwn)}`);
for (const s of sites) {
  console.log(`${s.dist}:`);
  console.log(`  keystroke → next frame, nothing analysed: ${stats(s.idle)}; longest task ${f1(s.idleLongest)} ms`);
  console.log(`  … the page's own part (less the wait for the display's next frame): ${stats(s.idleOwn)}`);
  console.log(`  keystroke → its results on screen, nothing analysed: ${stats(s.idleDrawn)}`);
  console.log(`  keystroke → next frame while 3 MB are analysed: ${stats(s.keys)}; longest task ${f1(s.busyLongest)} ms`);
  console.log(`  … the page's own part (less the wait for the display's next frame): ${stats(s.keysOwn)}`);
  console.log(`  keystroke → its results on screen while 3 MB are analysed: ${stats(s.keysDrawn)}`);
}
printLoad();
await browser.close();
process.exit(0);
