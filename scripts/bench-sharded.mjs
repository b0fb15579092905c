#!/usr/bin/env node
// A sharded site in the browser (issue 24's targets), in headless Chromium, one site
// after another, each against static pages of the same articles in the same run:
//
//   node scripts/bench-sharded.mjs DIST:CORPUS [DIST:CORPUS …]
//   e.g. node scripts/bench-sharded.mjs /tmp/sh-5:seeds /tmp/sh-2k:/work/gen-2k /tmp/sh-20k:/work/gen-20k
//
// DIST a sharded build made with --public-url /dossier-e2e/ (scripts/sharded-dist.py),
// CORPUS the folder it was made from. For each site:
// 1. Start-up, RUNS (7) fresh contexts each, the static page and the site in turn (and
//    the sites in turn, run by run): from
//    navigation to the first highlighted article on screen (the next animation frame after
//    a `mark[data-label]` appears, and the first paint reported at or after it), for the
//    article the page carries (the corpus's first: web/boot.js draws it) and for a deep
//    link to the corpus's last article (its document shard fetched by web/site.js); and
//    to "interactive": the article's marks open entities (`mark[data-entity]`) and the
//    list's first rows are drawn. Bytes fetched before the article is readable: every
//    response that ended before its mark appeared (Resource Timing: the body as served,
//    and gzip -9 of the same files, which is what a static host sends).
// 2. Interaction, on one page (1400×900): a search submitted (the reader searches on
//    Enter, not as one types) and a click on one of the entity panel's links, each timed
//    from the event to the end of the frame that shows the last change (scripts/interact.mjs's
//    method: a MutationObserver, a user-blocking task posted from the frame's
//    animation-frame callback, settled after 150 ms without a change). The first round of
//    each query or entity fetches its files ("first time"); the next SAMPLES (40) cycle
//    over the same ones, now cached ("cached"). The anchor, timed the same way first:
//    the cheapest change the page can show, one character of the list's heading.
// 3. Memory after using every view (the list scrolled 10 screens, 10 articles opened, the
//    searches, the entities, then SPREAD (60) articles spread over the corpus, a
//    document shard each, past the cache's bound): the JavaScript heap after a GC, the
//    reader's wasm memory, the DOM's nodes, and the files and bytes fetched in all.
// Environment: RUNS, SAMPLES, SPREAD, BENCH_PORT (8901: the first site's, its static pages'
// on the next, each further site two ports on).
// A benchmark: never fails on a figure.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, median, printLoad, serve } from './browser.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const SAMPLES = Number(process.env.SAMPLES ?? 40);
const SPREAD = Number(process.env.SPREAD ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 8901);
const BASE = '/dossier-e2e/';
const QUERIES = ['putin', 'zelenskiy', '"defense minister"', 'sanctions -russia', 'petrov', 'energy summit', 'blinken', 'trade deal'];
const sites = process.argv.slice(2).map((a) => {
  const [dist, corpus] = a.split(':');
  return { dist, corpus };
});
if (!sites.length) throw new Error('usage: node scripts/bench-sharded.mjs DIST:CORPUS [DIST:CORPUS …]');

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => (b === undefined ? '?' : `${(b / 1048576).toFixed(1)} MB`);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A static page of the article in `file` (its title and paragraphs, the app's stylesheet). */
function staticPage(dir, corpus, file, css) {
  const lines = readFileSync(join(corpus, file), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  writeFileSync(join(dir, `${file}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(lines[0])}</title>${css ? `<link rel="stylesheet" href="${css}">` : ''}</head>
<body><main><article><h1>${esc(lines[0])}</h1>
${lines.slice(1).map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></main></body></html>`);
}

/** Installed before any script: times of the first highlighted text and of interactivity. */
function timer([sel, interactive]) {
  const t = (window.__t = {});
  new MutationObserver((_, o) => {
    if (t.seen === undefined && document.querySelector(sel)) {
      t.seen = performance.now();
      requestAnimationFrame(() => { t.frame = performance.now(); });
    }
    if (interactive && t.ready === undefined && interactive.every((s) => document.querySelector(s))) {
      t.ready = performance.now();
      requestAnimationFrame(() => { t.interactive = performance.now(); });
    }
    if (t.seen !== undefined && (!interactive || t.ready !== undefined)) o.disconnect();
  }).observe(document, { childList: true, subtree: true });
  const painted = (list) => {
    for (const e of list.getEntries()) if (t.seen !== undefined && e.startTime >= t.seen && t.painted === undefined) t.painted = e.startTime;
  };
  for (const type of ['paint', 'largest-contentful-paint']) new PerformanceObserver(painted).observe({ type, buffered: true });
}

async function startup(browser, url, sel, interactive) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(timer, [sel, interactive]);
  await page.goto(url);
  await page.waitForFunction((i) => window.__t.frame !== undefined && (!i || window.__t.interactive !== undefined), interactive, { timeout: 120_000 });
  // A paint after the article, or the frame after (a page whose largest paint came first).
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => {
    const t = window.__t;
    const nav = performance.getEntriesByType('navigation')[0];
    const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= t.seen);
    return { ...t, painted: t.painted ?? t.frame, files: [nav, ...before].map((r) => [r.name, r.encodedBodySize]) };
  });
  await ctx.close();
  return t;
}

/** The gzip -9 size of the file of `dist` that URL `u` names (the page: index.html). */
function gzipOf(dist, u) {
  const path = new URL(u).pathname.slice(BASE.length) || 'index.html';
  const file = join(dist, path);
  return gzipSync(readFileSync(statSync(file).isDirectory() ? join(file, 'index.html') : file), { level: 9 }).length;
}

function settler() {
  let last = 0;
  let rendered = 0;
  const first = (f) => (globalThis.scheduler?.postTask ? scheduler.postTask(f, { priority: 'user-blocking' }) : setTimeout(f));
  new MutationObserver(() => {
    const t = performance.now();
    last = t;
    requestAnimationFrame(() => { if (last === t) first(() => { if (last === t) rendered = performance.now(); }); });
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  window.__settled = (since) => new Promise((ok) => {
    const check = () => {
      if (last > since && rendered >= last && performance.now() - last > 150) ok(rendered - since);
      else if (last <= since && performance.now() - since > 3000) ok(null);
      else setTimeout(check, 20);
    };
    check();
  });
}

const q95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return s.length ? `median ${q(0.5).toFixed(1)}, p95 ${q(0.95).toFixed(1)}, worst ${s[s.length - 1].toFixed(1)} ms (${s.length})` : 'none';
};

async function interact(browser, url, files) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(settler);
  const fetched = [];
  page.on('requestfinished', (r) => r.url().includes('/shards/') && fetched.push(r.sizes().then((s) => s.responseBodySize)));
  await page.goto(url);
  await page.locator('.site-list li').first().waitFor({ timeout: 120_000 });
  await page.locator('.site-entity-link').first().waitFor({ timeout: 120_000 });
  await page.evaluate(() => window.__settled(performance.now()));
  const search = (q) => page.evaluate(async (q) => {
    const input = document.querySelector('.site-search input');
    const t0 = performance.now();
    input.value = q;
    input.form.requestSubmit();
    return window.__settled(t0);
  }, q);
  const ids = await page.locator('.site-entity-link').evaluateAll((ls) => ls.slice(0, 8).map((a) => a.dataset.id));
  const click = (id) => page.evaluate(async (id) => {
    const a = [...document.querySelectorAll('.site-entity-link')].find((x) => x.dataset.id === id);
    if (!a) return null;
    const t0 = performance.now();
    a.click();
    return window.__settled(t0);
  }, id);
  const out = { anchor: [], searchFirst: [], searchCached: [], clickFirst: [], clickCached: [] };
  // The anchor: the cheapest change the page can show, one character of the heading.
  for (let i = 0; i < SAMPLES; i++) {
    out.anchor.push(await page.evaluate(async (i) => {
      const text = document.querySelector('.site-heading').firstChild;
      const t0 = performance.now();
      text.data = i % 2 ? text.data.trimEnd() : `${text.data}\u00a0`;
      return window.__settled(t0);
    }, i));
  }
  for (const q of QUERIES) out.searchFirst.push(await search(q));
  for (let i = 0; out.searchCached.length < SAMPLES; i++) out.searchCached.push(await search(QUERIES[i % QUERIES.length]));
  for (const id of ids) out.clickFirst.push(await click(id));
  for (let i = 0; out.clickCached.length < SAMPLES; i++) out.clickCached.push(await click(ids[i % ids.length]));
  for (const k of Object.keys(out)) out[k] = out[k].filter((x) => x !== null);
  // Every view: back to the whole list (as the back button would), scrolled 10 screens
  // down (the list draws the rows in view), 10 articles opened, on the same page.
  await page.evaluate(() => {
    history.pushState(null, '', location.pathname);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForFunction(() => !document.querySelector('.site-entity') && document.querySelectorAll('.site-list li').length > 0);
  for (let i = 0; i < 10; i++) {
    const last = await page.locator('.site-list li').last().getAttribute('aria-posinset');
    if (Number(last) >= files.length) break;
    // A reader before the list was virtualised (an older build, as "before") pages instead.
    const more = page.getByRole('button', { name: 'Show more articles' });
    if (await more.count()) await more.click();
    else await page.locator('.results-pane').evaluate((p) => p.scrollBy(0, p.clientHeight));
    await page.waitForFunction((n) => document.querySelector('.site-list li:last-child')?.getAttribute('aria-posinset') !== n, last);
  }
  const drawn = await page.locator('.site-list li a').count();
  for (let i = 0; i < 10; i++) {
    await page.locator('.site-list li a').nth((i * 37) % drawn).click();
    await page.locator('.main-pane article mark[data-entity]').first().waitFor();
  }
  const rows = await page.locator('.site-list li').count();
  // Then articles across the whole corpus, a document shard each, as links followed
  // in the page (the back button's way): past the cache's bound.
  const spread = new Set(Array.from({ length: SPREAD }, (_, i) => files[Math.floor(((i + 0.5) * files.length) / SPREAD)]));
  for (const f of spread) {
    if (await page.evaluate((f) => new URLSearchParams(location.search).get('doc') === f, f)) continue;
    await page.evaluate((f) => {
      window.__shown = document.querySelector('.main-pane article');
      history.pushState(null, '', `?doc=${encodeURIComponent(f)}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, f);
    // A boolean, not the mark: a handle to it would keep each article's detached tree
    // alive (the DevTools protocol holds it), which the DOM's figures would count.
    await page.waitForFunction(() => {
      const a = document.querySelector('.main-pane article');
      return Boolean(a && a !== window.__shown && a.querySelector('mark[data-entity]'));
    });
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  // The JavaScript heap, and what it holds outside it: array buffers (a document shard's
  // bytes) and the page's DOM (the embedder's heap).
  const { usedSize, backingStorageSize, embedderHeapUsedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value;
  const mem = await page.evaluate(async () => {
    const res = performance.getEntriesByType('resource');
    // wasm-bindgen's init hands back the instance it already made.
    const glue = res.find((r) => /\/dossier-site[^/]*\.js$/.test(r.name));
    let wasm;
    if (glue) wasm = Object.values(await (await import(glue.name)).default()).find((v) => v instanceof WebAssembly.Memory)?.buffer.byteLength;
    return { wasm };
  });
  const sizes = await Promise.all(fetched);
  await page.close();
  return { ...out, heap: usedSize, buffers: backingStorageSize, dom: embedderHeapUsedSize, nodes, rows, ...mem, files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

printLoad();
const browser = await launch();
// Every site served at once (a port each for it and its static pages), and the start-up
// runs taken in turns across the sites, so that a ratio between sites (a build before and
// after a change) is not the machine's load drifting between them.
const ready = ['mark[data-entity]', '.site-list li'];
const setups = [];
for (const [i, { dist, corpus }] of sites.entries()) {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  const [first, last] = [files[0], files[files.length - 1]];
  const plain = mkdtempSync(join(tmpdir(), 'dossier-static-'));
  const css = readdirSync(dist).find((f) => f.endsWith('.css'));
  if (css) copyFileSync(join(dist, css), join(plain, css));
  for (const f of [first, last]) staticPage(plain, corpus, f, css);
  const port = PORT + 2 * i;
  const servers = [await serve(dist, BASE, port), await serve(plain, '/static/', port + 1)];
  const runs = { staticFirst: [], first: [], staticLast: [], last: [] };
  setups.push({ dist, corpus, files, first, last, port, servers, runs, site: `http://127.0.0.1:${port}${BASE}` });
}
for (let r = 0; r < RUNS; r++) {
  for (const { port, first, last, site, runs } of setups) {
    runs.staticFirst.push(await startup(browser, `http://127.0.0.1:${port + 1}/static/${first}.html`, 'article p'));
    runs.first.push(await startup(browser, `${site}?doc=${encodeURIComponent(first)}`, 'mark[data-label]', ready));
    runs.staticLast.push(await startup(browser, `http://127.0.0.1:${port + 1}/static/${last}.html`, 'article p'));
    runs.last.push(await startup(browser, `${site}?doc=${encodeURIComponent(last)}`, 'mark[data-label]', ready));
  }
}
for (const { dist, corpus, files, first, last, servers, runs, site } of setups) {
  const used = await interact(browser, site, files);
  servers.forEach((s) => s.kill());

  console.log(`\n${dist}: ${files.length.toLocaleString('en')} articles (${corpus})`);
  const row = (what, app, stat) => {
    const m = (ts, k) => median(ts.map((t) => t[k]));
    const [af, sf, ap, sp, ai] = [m(app, 'frame'), m(stat, 'frame'), m(app, 'painted'), m(stat, 'painted'), m(app, 'interactive')];
    console.log(`  ${what}: static page ${sf.toFixed(0)} / ${sp.toFixed(0)} ms, sharded site ${af.toFixed(0)} / ${ap.toFixed(0)} ms (next frame / painted, medians of ${RUNS}): ${(af / sf).toFixed(2)}× / ${(ap / sp).toFixed(2)}×; interactive ${ai.toFixed(0)} ms, ${(ai / sp).toFixed(2)}× the static page painted`);
    const f = app[app.length - 1].files;
    const raw = f.reduce((s, [, b]) => s + b, 0);
    const gz = f.reduce((s, [u]) => s + gzipOf(dist, u), 0);
    const names = f.map(([u]) => new URL(u).pathname.slice(BASE.length).replace(/-[0-9a-f]{8,}/, '-…') || 'index.html');
    // The reader's files, which the page preloads at low priority, apart.
    const reader = f.filter(([u]) => /\/(site\.(js|css)|dossier-site[^/]*)$/.test(new URL(u).pathname));
    const rgz = reader.reduce((s, [u]) => s + gzipOf(dist, u), 0);
    console.log(`    fetched before it is readable: ${f.length} files, ${kb(raw)} as served, ${kb(gz)} gzip -9, of which the reader's ${reader.length} files ${kb(rgz)} (${names.join(', ')})`);
  };
  row(`first article (in the page, ${first})`, runs.first, runs.staticFirst);
  row(`last article (a deep link, ${last})`, runs.last, runs.staticLast);
  console.log(`  anchor, one character of text → on screen: ${q95(used.anchor)}`);
  console.log(`  search submitted → results on screen: first time ${q95(used.searchFirst)}; cached ${q95(used.searchCached)}`);
  console.log(`  entity click → its view on screen: first time ${q95(used.clickFirst)}; cached ${q95(used.clickCached)}`);
  console.log(`  after every view (the list scrolled 10 screens: ${used.rows} rows drawn; 10 articles, ${QUERIES.length} searches, 8 entities, then ${Math.min(SPREAD, files.length)} articles across the corpus): JS heap ${mb(used.heap)} after a GC, array buffers ${mb(used.buffers)}, DOM heap ${mb(used.dom)}, reader's wasm ${mb(used.wasm)}, ${used.nodes} DOM nodes; ${used.files} files fetched, ${mb(used.bytes)} as served`);
}
await browser.close();
