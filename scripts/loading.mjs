#!/usr/bin/env node
// What the reader sees while a large corpus is analysed at start-up, in headless
// Chromium: how often the page could draw, and what the loading bar showed.
//
//   node scripts/loading.mjs <site> [<site> …]      # RUNS=5 by default, cold loads
//
// For each load: the longest main-thread task (a `longtask` observer installed before
// any script), the longest wait between two animation frames from the first paint to the
// article list, how many different values the loading bar showed, and the analysis's
// own `dossier:analyse` measure. Sites are loaded in turn, so that two builds are
// compared side by side. A benchmark: never fails.
import { coldLoads, median } from './browser.mjs';

const sites = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 5);
const watch = () => {
  const w = (window.__load = { longest: 0, gap: 0, values: new Set() });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.longest = Math.max(w.longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const frame = (t) => {
    if (last) w.gap = Math.max(w.gap, t - last);
    last = t;
    const bar = document.getElementById('loading-bar');
    if (bar?.hasAttribute('value')) w.values.add(bar.getAttribute('value'));
    if (!document.querySelector('p.count')) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
const res = await coldLoads(sites, runs, 8770, () => ({
  longest: window.__load.longest,
  gap: window.__load.gap,
  values: window.__load.values.size,
  analyse: performance.getEntriesByName('dossier:analyse')[0]?.duration ?? NaN,
}), watch);
sites.forEach((s, i) => {
  const m = (k) => median(res[i].map((x) => x[k])).toFixed(0);
  console.log(`${s}: medians of ${runs} loads: longest task ${m('longest')} ms, longest wait between frames ${m('gap')} ms, loading bar values shown ${m('values')}, analysis ${m('analyse')} ms`);
});
