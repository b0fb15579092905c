#!/usr/bin/env node
// What a sharded site's start-up costs the page's main thread, in thread time (CPU),
// which a busy machine disturbs less than wall time: from navigation to the first
// highlighted article (a `mark[data-label]` in the page) and to "interactive" (the
// article's marks open entities and the list's first rows are drawn, as
// bench-sharded.mjs), the sum of the main thread's top-level tasks' thread time before
// each, from a Chromium trace of each load. For the page's own article (the corpus's
// first) and a deep link (its last), RUNS fresh contexts each; sites side by side, in
// turns, so that their figures are a ratio taken in one run. Prints medians, and the
// wall times of the same loads.
//
//   node scripts/cpu-start.mjs CORPUS <site> [<site> …]   # sharded builds of CORPUS (sharded-dist.py)
//
// Environment: RUNS (7), BENCH_PORT (8901; a site each from it on).
// A benchmark: it prints figures and never fails.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, median, printLoad, serve } from './browser.mjs';

const [corpus, ...dists] = process.argv.slice(2);
if (!corpus || !dists.length) throw new Error('usage: node scripts/cpu-start.mjs CORPUS <site> [<site> …]');
const RUNS = Number(process.env.RUNS ?? 7);
const PORT = Number(process.env.BENCH_PORT ?? 8901);
const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const links = { 'the page\'s own article': files[0], 'a deep link': files.at(-1) };
const trace = join(mkdtempSync(join(tmpdir(), 'dossier-cpu-')), 'trace.json');

/** Marks SEEN and READY in the page's trace, as the article and interactivity come. */
function marker() {
  new MutationObserver((_, o) => {
    if (!window.__seen && document.querySelector('mark[data-label]')) window.__seen = performance.mark('SEEN');
    if (!window.__ready && document.querySelector('mark[data-entity]') && document.querySelector('.site-list li')) {
      window.__ready = performance.mark('READY');
      o.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Main-thread thread ms before SEEN and READY, and their wall ms from navigation, of one load of `url`. */
async function load(browser, url) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(marker);
  await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'blink.user_timing', 'toplevel'] });
  await page.goto(url);
  await page.waitForFunction(() => window.__ready, null, { timeout: 120_000 });
  await browser.stopTracing();
  await ctx.close();
  const events = JSON.parse(readFileSync(trace, 'utf8')).traceEvents;
  const [seen, ready] = ['SEEN', 'READY'].map((n) => events.find((e) => e.name === n));
  const main = events.filter((e) => e.pid === seen.pid && e.tid === seen.tid);
  const start = Math.min(...main.filter((e) => e.name === 'navigationStart').map((e) => e.ts));
  // Top-level tasks only (a task may run another inside it).
  const tasks = main.filter((e) => e.ph === 'X' && /RunTask$/.test(e.name)).sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const t of tasks) if (!top.length || t.ts >= top.at(-1).ts + top.at(-1).dur) top.push(t);
  const cpu = (until) => top.filter((t) => t.ts < until).reduce((s, t) => s + (t.tdur ?? t.dur), 0) / 1000;
  return { look: cpu(seen.ts), ready: cpu(ready.ts), wallLook: (seen.ts - start) / 1000, wallReady: (ready.ts - start) / 1000 };
}

printLoad();
const browser = await launch();
const servers = await Promise.all(dists.map((d, i) => serve(d, '/dossier-e2e/', PORT + i)));
const runs = dists.map(() => Object.fromEntries(Object.keys(links).map((k) => [k, []])));
for (let r = 0; r < RUNS; r++) {
  for (const [i] of dists.entries()) {
    for (const [what, file] of Object.entries(links)) runs[i][what].push(await load(browser, `http://127.0.0.1:${PORT + i}/dossier-e2e/?doc=${encodeURIComponent(file)}`));
  }
}
for (const [i, dist] of dists.entries()) {
  console.log(`\n${dist}: ${files.length.toLocaleString('en')} articles, medians of ${RUNS}`);
  for (const [what, loads] of Object.entries(runs[i])) {
    const m = (k) => median(loads.map((l) => l[k])).toFixed(1);
    console.log(`  ${what}: main thread ${m('look')} ms of CPU to the article, ${m('ready')} ms to interactive (wall ${m('wallLook')} / ${m('wallReady')} ms)`);
  }
}
await browser.close();
servers.forEach((s) => s.kill());
