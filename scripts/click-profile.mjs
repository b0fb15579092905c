#!/usr/bin/env node
// Where a click on an entity spends the main thread's time, by function: Chromium's
// sampling profiler over `clicks` clicks on the entity panel's first 15 entities (each
// set, then lifted), after 20 to warm up. Prints milliseconds per click of self time
// (`(program)` is the browser's own work: style, layout, paint and the rest) and the
// inclusive time of the app's and the core's functions. Function names need a wasm that
// keeps them: build one as `scripts/size-report.sh --breakdown` does and put it, with its
// glue, in a copy of the site (without the integrity attributes).
//
//   node scripts/click-profile.mjs <site> [clicks] [open]   # default 40; `open`: with the first article open
//
// A benchmark: it prints figures and never fails.
import { openExplorer } from './browser.mjs';

const [dist, clicksArg = '40', open] = process.argv.slice(2);
const n = Number(clicksArg);
const { page, entities, clickEntity, close } = await openExplorer(dist, 8812);
await page.waitForTimeout(500);
const ids = await entities(15);
const click = (i) => clickEntity(ids[Math.floor(i / 2) % ids.length]);
if (open === 'open') { await page.locator('ol.articles a').first().click(); await page.waitForTimeout(500); }
for (let i = 0; i < 20; i++) { await click(i); await page.waitForTimeout(40); }
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < n; i++) { await click(i); await page.waitForTimeout(100); }
const { profile } = await cdp.send('Profiler.stop');

const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const short = (s) => s.replace(/::h[0-9a-f]{16}/g, '').replace(/\{\{closure\}\}/g, 'C').slice(0, 120);
const self = new Map();
const inclusive = new Map();
const add = (m, k, d) => m.set(k, (m.get(k) ?? 0) + d);
profile.samples.forEach((id, k) => {
  const ms = (profile.timeDeltas[k + 1] ?? 100) / 1000 / n;
  add(self, short(byId.get(id).callFrame.functionName || '(anonymous)'), ms);
  // Each of our functions on the sample's stack, once.
  const ours = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const f = short(byId.get(x).callFrame.functionName);
    if (/^<?dossier_/.test(f)) ours.add(f);
  }
  for (const f of ours) add(inclusive, f, ms);
});
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(2).padStart(7)} ${k}`).join('\n');
console.log(`${dist}: ms per click (${n} clicks), self time:\n${top(self)}`);
console.log(`inclusive time of the app's and the core's functions:\n${top(inclusive)}`);
await close();
