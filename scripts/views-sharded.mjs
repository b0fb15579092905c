#!/usr/bin/env node
// What the entity panel's counts under a filter, Compare and one speaker's quotes cost a sharded site, the
// first time (their counts runs fetched and read) and cached (the same view again), in
// headless Chromium: for each case, a fresh context (no service worker) opens the site,
// waits for its first screen and 1.5 s, then moves to the case's URL as a link does
// (pushState + popstate) and times until the frame after the view shows its counts (a
// MutationObserver, then requestAnimationFrame); then to the bare page and back, timed
// the same ("cached"). Sites in turns, run by run, so their figures are a ratio taken in
// one run; medians of RUNS.
//
//   node scripts/views-sharded.mjs <site> [<site> …]   # sharded builds (sharded-dist.py) of gen-corpus.py's corpus
//
// The cases name gen-corpus.py's entities and years (Xi Jinping; 2022 and 2023) and two of
// its most quoted speakers (Quotes of one speaker: their first page).
// Environment: RUNS (3), BENCH_PORT (8901; a site each from it on), ONLY (the cases whose
// name holds it).
// A benchmark: it prints figures and never fails.
import { launch, median, printLoad, serve } from './browser.mjs';

const dists = process.argv.slice(2);
if (!dists.length) throw new Error('usage: node scripts/views-sharded.mjs <site> [<site> …]');
const RUNS = Number(process.env.RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 8901);
const BASE = '/dossier-e2e/';
const COUNTED = `[...document.querySelectorAll('.site-group small')].some((s) => s.textContent.includes('kept of'))`;
const CASES = [
  ['panel, e=person-xi-jinping', '?e=person-xi-jinping', COUNTED],
  ['panel, when=2022', '?when=2022', COUNTED],
  ['compare, when=2022 | when=2023', '?view=compare&v-a=when%3D2022&v-b=when%3D2023', `document.querySelectorAll('table.site-compare').length === 3`],
  ['quotes of a speaker, v-who=person-alexander-gabuev', '?view=quotes&v-who=person-alexander-gabuev', `document.querySelectorAll('.site-quotes li').length > 0`],
  ['quotes of a speaker, v-who=person-sergei-lavrov', '?view=quotes&v-who=person-sergei-lavrov', `document.querySelectorAll('.site-quotes li').length > 0`],
].filter(([name]) => !process.env.ONLY || name.includes(process.env.ONLY));

/** Ms from moving to `url` to the frame after `shown` (a JS expression) holds. */
function timed(page, url, shown) {
  return page.evaluate(([url, shown]) => new Promise((ok) => {
    const holds = new Function(`return ${shown}`);
    const t0 = performance.now();
    const seen = new MutationObserver(() => {
      if (!holds()) return;
      seen.disconnect();
      requestAnimationFrame(() => ok(performance.now() - t0));
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }), [url, shown]);
}

printLoad();
const urls = await Promise.all(dists.map(async (d, i) => {
  await serve(d, BASE, PORT + i);
  return `http://127.0.0.1:${PORT + i}${BASE}`;
}));
const browser = await launch();
const out = new Map();
for (let run = 0; run < RUNS; run++) {
  for (const [i, url] of urls.entries()) {
    for (const [name, to, shown] of CASES) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(url);
      await page.locator('.site-group').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      const first = await timed(page, to, shown);
      await timed(page, '?', `!(${shown})`);
      await page.waitForTimeout(300);
      const cached = await timed(page, to, shown);
      const key = `${dists[i]}: ${name}`;
      if (!out.has(key)) out.set(key, []);
      out.get(key).push([first, cached]);
      await context.close();
    }
  }
}
await browser.close();
for (const [key, xs] of out) {
  const [first, cached] = [0, 1].map((k) => xs.map((x) => x[k]));
  console.log(`${key}: first time median ${median(first).toFixed(0)} ms (${first.map((x) => x.toFixed(0)).join(', ')}), cached median ${median(cached).toFixed(1)} ms (${cached.map((x) => x.toFixed(1)).join(', ')})`);
}
printLoad();
process.exit(0);
