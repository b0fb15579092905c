#!/usr/bin/env node
// What a cached search or entity click costs a sharded site's main thread, in thread
// time (CPU), which a busy machine disturbs less than wall time: a Chromium trace of `n`
// of them (bench-sharded.mjs's 8 queries, or the entity panel's first 8 entities, each
// set, then lifted), after 24 that fetch and keep their files. Prints, per interaction,
// the main thread's script, style, layout, pre-paint, paint, layerize and commit (the
// trace's events of those names, which may nest). Sites side by side, in turns, so that
// their figures are a ratio taken in one run.
//
//   node scripts/cpu-sharded.mjs click|search <site> [<site> …]   # sharded builds (sharded-dist.py)
//
// Environment: N (40), ROUNDS (2), BENCH_PORT (8901; a site each from it on).
// A benchmark: it prints figures and never fails.
import { launch, printLoad, serve } from './browser.mjs';

const [kind, ...dists] = process.argv.slice(2);
if (!/^(click|search)$/.test(kind ?? '') || !dists.length) throw new Error('usage: node scripts/cpu-sharded.mjs click|search <site> [<site> …]');
const N = Number(process.env.N ?? 40);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 8901);
const QUERIES = ['putin', 'zelenskiy', '"defense minister"', 'sanctions -russia', 'petrov', 'energy summit', 'blinken', 'trade deal'];
const EVENTS = { script: ['FunctionCall'], style: ['UpdateLayoutTree'], layout: ['Layout'], prePaint: ['PrePaint'], paint: ['Paint'], layerize: ['Layerize'], commit: ['Commit'] };

/** Thread ms per interaction by event kind, on the site served at `url`. */
async function measure(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.locator('.site-entity-link').first().waitFor({ timeout: 120_000 });
  await page.locator('.site-list li').first().waitFor({ timeout: 120_000 });
  const ids = await page.locator('.site-entity-link').evaluateAll((ls) => ls.slice(0, 8).map((a) => a.dataset.id));
  // One interaction, until the frame after it has been drawn and a task has run.
  const act = (i) => page.evaluate(([kind, id, q]) => new Promise((ok) => {
    if (kind === 'click') [...document.querySelectorAll('.site-entity-link')].find((x) => x.dataset.id === id).click();
    else {
      const input = document.querySelector('.site-search input');
      input.value = q;
      input.form.requestSubmit();
    }
    requestAnimationFrame(() => setTimeout(ok, 60));
  }), [kind, ids[i % ids.length], QUERIES[i % QUERIES.length]]);
  for (let i = 0; i < 24; i++) await act(i);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (let i = 0; i < N; i++) {
    await act(i);
    await page.waitForTimeout(100);
  }
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await page.close();
  // The page's main thread: the one that ran most script.
  const key = (e) => `${e.pid}:${e.tid}`;
  const scripted = new Map();
  for (const e of events) if (e.name === 'FunctionCall') scripted.set(key(e), (scripted.get(key(e)) ?? 0) + 1);
  const main = [...scripted].sort((a, b) => b[1] - a[1])[0]?.[0];
  const on = events.filter((e) => key(e) === main && e.ph === 'X' && typeof e.tdur === 'number');
  return Object.fromEntries(Object.entries(EVENTS).map(([k, names]) => [k, on.filter((e) => names.includes(e.name)).reduce((a, e) => a + e.tdur, 0) / 1000 / N]));
}

printLoad();
const servers = await Promise.all(dists.map((d, i) => serve(d, '/dossier-e2e/', PORT + i)));
const browser = await launch();
const sums = dists.map(() => ({}));
for (let r = 0; r < ROUNDS; r++) {
  for (const [i] of dists.entries()) {
    const m = await measure(browser, `http://127.0.0.1:${PORT + i}/dossier-e2e/`);
    for (const [k, v] of Object.entries(m)) sums[i][k] = (sums[i][k] ?? 0) + v / ROUNDS;
  }
}
for (const [i, d] of dists.entries()) {
  const s = sums[i];
  const all = Object.values(s).reduce((a, b) => a + b, 0);
  console.log(`${d}: a cached ${kind}, main thread ms (${N} × ${ROUNDS}): ${Object.entries(s).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; in all ${all.toFixed(2)}`);
}
printLoad();
await browser.close();
servers.forEach((s) => s.kill());
