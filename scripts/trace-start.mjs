#!/usr/bin/env node
// Where one load of a page goes before its first highlighted article is on screen: a
// Chromium trace (devtools.timeline, loading) of a fresh context's navigation, printed as
// one waterfall in ms from the navigation's start: each request (when it was sent, its
// priority, whether it blocks rendering, when its response began and ended), the main
// thread's tasks over 1 ms by what they ran (wall and thread time) (HTML parsed, a script evaluated or compiled,
// a wasm compiled, style, layout, paint), and the marks bench-sharded.mjs times: the
// article's first mark in the page ("seen"), the next animation frame ("frame") and the
// first paint at or after it.
//
//   node scripts/trace-start.mjs <url> [selector]     # selector: mark[data-label]
//
// e.g. with a sharded site served by tests/serve.mjs on :8711:
//   node scripts/trace-start.mjs 'http://127.0.0.1:8711/dossier-e2e/?doc=00000.txt'
//
// A benchmark: it prints what it saw and never fails.
import { launch, printLoad } from './browser.mjs';

const [url, sel = 'mark[data-label]'] = process.argv.slice(2);
if (!url) throw new Error('usage: node scripts/trace-start.mjs <url> [selector]');

/** Installed before any script: the first `sel` in the page and the next frame, as marks. */
function marker(sel) {
  new MutationObserver((_, o) => {
    if (!document.querySelector(sel)) return;
    o.disconnect();
    performance.mark('seen');
    requestAnimationFrame(() => performance.mark('frame'));
  }).observe(document, { childList: true, subtree: true });
}

printLoad();
const browser = await launch();
const ctx = await browser.newContext();
const page = await ctx.newPage();
await page.addInitScript(marker, sel);
// A first page of the same origin, so that the trace starts before the navigation.
await page.goto('about:blank');
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'loading', 'blink.user_timing', 'v8.execute'],
});
await page.goto(url);
await page.waitForFunction(() => performance.getEntriesByName('frame').length, null, { timeout: 60_000 });
await page.waitForTimeout(500);
const paints = await page.evaluate(() => ({
  seen: performance.getEntriesByName('seen')[0]?.startTime,
  frame: performance.getEntriesByName('frame')[0]?.startTime,
  paint: performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
}));
const trace = JSON.parse((await browser.stopTracing()).toString());
await browser.close();

const events = trace.traceEvents ?? trace;
// The trace's clock against the page's: the mark "seen" in both.
const seen = events.find((e) => e.name === 'seen' && e.cat?.includes('blink.user_timing'));
const t0 = seen.ts - paints.seen * 1000;
const ms = (ts) => ((ts - t0) / 1000).toFixed(1).padStart(7);
const rows = [];
// Requests: sent, response, finished.
const reqs = new Map();
for (const e of events) {
  const d = e.args?.data;
  if (!d?.requestId) continue;
  const r = reqs.get(d.requestId) ?? {};
  if (e.name === 'ResourceSendRequest') Object.assign(r, { sent: e.ts, url: d.url, priority: d.priority, blocking: d.renderBlocking });
  if (e.name === 'ResourceReceiveResponse') r.response = e.ts;
  if (e.name === 'ResourceFinish') r.end = e.ts;
  reqs.set(d.requestId, r);
}
for (const r of reqs.values()) {
  if (!r.url) continue;
  const name = decodeURIComponent(new URL(r.url).pathname.split('/').pop() || 'the page').slice(0, 34);
  rows.push([r.sent, `request ${name.padEnd(34)} ${String(r.priority).padEnd(8)} ${r.blocking ?? ''} response ${r.response ? ms(r.response) : '      ?'} end ${r.end ? ms(r.end) : '      ?'}`]);
}
// The renderer's main thread: the one that parsed the page.
const parse = events.find((e) => e.name === 'ParseHTML' && e.ts >= t0);
const WHAT = {
  ParseHTML: 'parse HTML', EvaluateScript: 'evaluate script', 'v8.compileModule': 'compile module', 'v8.compile': 'compile script',
  'v8.wasm.compileLazy': 'wasm lazy compile', 'v8.wasm.streamFromResponseCallback': 'wasm stream', FunctionCall: 'function',
  RunMicrotasks: 'microtasks', TimerFire: 'timer', FireAnimationFrame: 'animation frame', EventDispatch: 'event',
  ParseAuthorStyleSheet: 'parse CSS', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'pre-paint', Paint: 'paint',
  Layerize: 'layerize', Commit: 'commit', 'v8.run': 'script', 'v8.evaluateModule': 'evaluate module', MinorGC: 'GC', MajorGC: 'GC',
};
let end = 0;
for (const e of events.filter((x) => x.ph === 'X' && parse && x.pid === parse.pid && x.tid === parse.tid && x.ts >= t0).sort((a, b) => a.ts - b.ts)) {
  if (!WHAT[e.name] || e.dur < 1000 || e.ts < end) continue; // the outermost of each task
  end = e.ts + e.dur;
  const d = e.args?.data ?? e.args?.beginData ?? {};
  const where = (d.url ?? d.fileName ?? d.stackTrace?.[0]?.url ?? '').split('/').pop().split('?')[0];
  const cpu = e.tdur === undefined ? '' : ` (CPU ${(e.tdur / 1000).toFixed(1)})`;
  rows.push([e.ts, `main    ${WHAT[e.name].padEnd(18)} ${(e.dur / 1000).toFixed(1).padStart(6)} ms${cpu} ${where}`]);
}
// Off the main thread: wasm compiled.
for (const e of events.filter((x) => x.ph === 'X' && /wasm/i.test(x.name) && x.ts >= t0 && x.dur >= 1000)) {
  rows.push([e.ts, `wasm    ${e.name.padEnd(18)} ${(e.dur / 1000).toFixed(1).padStart(6)} ms (thread ${e.tid})`]);
}
for (const e of events.filter((x) => x.name === 'firstContentfulPaint' || x.name === 'firstPaint' || x.name === 'largestContentfulPaint::Candidate')) {
  if (e.ts >= t0) rows.push([e.ts, `paint   ${e.name}`]);
}
for (const [name, at] of [['seen', paints.seen], ['frame', paints.frame]]) rows.push([t0 + at * 1000, `page    ${name === 'seen' ? 'article in the page' : 'next frame'}`]);
rows.sort((a, b) => a[0] - b[0]);
for (const [ts, text] of rows) console.log(`${ms(ts)}  ${text}`);
console.log(`page: seen ${paints.seen?.toFixed(1)}, next frame ${paints.frame?.toFixed(1)}; ${paints.paint.map(([n, t]) => `${n} ${t.toFixed(1)}`).join(', ')} (ms from navigation)`);
