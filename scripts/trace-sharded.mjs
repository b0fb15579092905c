#!/usr/bin/env node
// Where a sharded site's cached searches and entity clicks spend the renderer's main
// thread: a Chromium trace (devtools.timeline) over `n` of each, after a round that
// fetches their files, as bench-sharded.mjs times them (the same 8 queries, the entity
// panel's first 8 entities; the clicks' first round apart, untraced). Prints, for each
// kind, the time from the event to its last change in the page, the files it fetched,
// and the main thread's time by event (script, style, layout, pre-paint, paint,
// layerize, commit, GC, …) from the event until 50 ms after its last change (the frame
// that shows it): the median interaction's and the two slowest, so that what the slow
// ones (the p95) wait for shows apart from the typical one.
//
//   node scripts/trace-sharded.mjs <site> [n]     # a sharded build (sharded-dist.py); n: 24
//
// Environment: BENCH_PORT (8901).
//
// A benchmark: it prints figures and never fails.
import { launch, printLoad, serve } from './browser.mjs';

const [dist, nArg = '24'] = process.argv.slice(2);
if (!dist) throw new Error('usage: node scripts/trace-sharded.mjs <site> [n]');
const n = Number(nArg);
const PORT = Number(process.env.BENCH_PORT ?? 8901);
const QUERIES = ['putin', 'zelenskiy', '"defense minister"', 'sanctions -russia', 'petrov', 'energy summit', 'blinken', 'trade deal'];
// Top-level events of the main thread, by what they are.
const KINDS = {
  script: ['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.run'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation'],
  layout: ['Layout'],
  prePaint: ['PrePaint'],
  paint: ['Paint', 'PaintImage'],
  layerize: ['Layerize', 'UpdateLayer', 'UpdateLayerTree'],
  commit: ['Commit'],
  hitTest: ['HitTest'],
  gc: ['MinorGC', 'MajorGC', 'BlinkGC.AtomicPhase', 'V8.GCIncrementalMarking', 'V8.GCFinalizeMC', 'V8.GCScavenger', 'ThreadState::performIdleLazySweep', 'V8.GC_MC_INCREMENTAL'],
  parse: ['ParseHTML', 'ParseAuthorStyleSheet'],
};
const kindOf = new Map(Object.entries(KINDS).flatMap(([k, names]) => names.map((x) => [x, k])));

printLoad();
const server = await serve(dist, '/dossier-e2e/', PORT);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`http://127.0.0.1:${PORT}/dossier-e2e/`);
await page.locator('.site-entity-link').first().waitFor({ timeout: 120_000 });
await page.locator('.site-list li').first().waitFor({ timeout: 120_000 });
// Each interaction between two marks: its event, and the end of the frame after its last change.
await page.evaluate(() => {
  window.__settle = (name) => new Promise((ok) => {
    let last = performance.now();
    const o = new MutationObserver(() => { last = performance.now(); });
    o.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    const check = () => {
      if (performance.now() - last > 150) {
        o.disconnect();
        performance.mark(`${name}:end`, { startTime: last });
        ok();
      } else setTimeout(check, 20);
    };
    setTimeout(check, 20);
  });
});
// Each returns the number of files it fetched.
const search = (q, name) => page.evaluate(async ([q, name]) => {
  const files = () => performance.getEntriesByType('resource').filter((r) => r.name.includes('/shards/')).length;
  const before = files();
  const input = document.querySelector('.site-search input');
  performance.mark(`${name}:start`);
  input.value = q;
  input.form.requestSubmit();
  await window.__settle(name);
  return files() - before;
}, [q, name]);
const ids = await page.locator('.site-entity-link').evaluateAll((ls) => ls.slice(0, 8).map((a) => a.dataset.id));
const click = (id, name) => page.evaluate(async ([id, name]) => {
  const files = () => performance.getEntriesByType('resource').filter((r) => r.name.includes('/shards/')).length;
  const before = files();
  const a = [...document.querySelectorAll('.site-entity-link')].find((x) => x.dataset.id === id);
  performance.mark(`${name}:start`);
  a?.click();
  await window.__settle(name);
  return files() - before;
}, [id, name]);
// As bench-sharded.mjs: the searches (a round to fetch their files, then `n` traced),
// then the clicks (the same); each click requires its entity or lifts it.
const fetches = new Map();
for (const [i, q] of QUERIES.entries()) await search(q, `warm-s${i}`);
const names = [];
page.on('request', (r) => r.url().includes('/shards/') && names.push(r.url().split('/shards/')[1]));
await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
for (let i = 0; i < n; i++) fetches.set(`search${i}`, await search(QUERIES[i % QUERIES.length], `search${i}`));
for (const [i, id] of ids.entries()) await click(id, `warm-c${i}`);
for (let i = 0; i < n; i++) fetches.set(`click${i}`, await click(ids[i % ids.length], `click${i}`));
const trace = JSON.parse((await browser.stopTracing()).toString());
console.log(`files fetched while tracing (the clicks' first round among them): ${names.length} (${[...new Set(names.map((f) => f[0]))].join(', ')})`);
await browser.close();
server.kill();

const events = trace.traceEvents ?? trace;
// The renderer's main thread: the one that ran the marks.
const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && /:(start|end)$/.test(e.name));
const main = marks[0] && [marks[0].pid, marks[0].tid];
const spans = new Map();
for (const m of marks) {
  const [name, edge] = m.name.split(':');
  const s = spans.get(name) ?? {};
  s[edge] = m.ts;
  spans.set(name, s);
}
const top = events.filter((e) => e.ph === 'X' && main && e.pid === main[0] && e.tid === main[1] && kindOf.has(e.name)).sort((a, b) => a.ts - b.ts);
const fmt = (us) => (us / 1000).toFixed(1);
for (const kind of ['search', 'click']) {
  const rows = [...spans].filter(([k, s]) => k.startsWith(kind) && s.start && s.end).map(([k, s]) => {
    const by = {};
    let end = s.start;
    // Events nested in others of the list count once (the outermost).
    for (const e of top) {
      if (e.ts < s.start || e.ts > s.end + 50_000 || e.ts < end) continue;
      by[kindOf.get(e.name)] = (by[kindOf.get(e.name)] ?? 0) + e.dur;
      end = e.ts + e.dur;
    }
    return { name: k, files: fetches.get(k), what: kind === 'search' ? QUERIES[Number(k.slice(6)) % QUERIES.length] : ids[Number(k.slice(5)) % ids.length], total: s.end - s.start, by };
  }).sort((a, b) => a.total - b.total);
  if (!rows.length) continue;
  const median = rows[Math.floor(rows.length / 2)];
  const worst = rows.slice(-2);
  const line = (r) => `${r.what}: ${fmt(r.total)} ms from the event to the last change, ${r.files} files fetched; main thread: ${Object.entries(r.by).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`;
  console.log(`${kind} (cached, ${rows.length}; ${rows.filter((r) => r.files).length} fetched files): median ${line(median)}`);
  for (const r of worst) console.log(`  slow: ${line(r)}`);
}
