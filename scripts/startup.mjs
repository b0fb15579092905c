#!/usr/bin/env node
// Start-up: time from navigation to the first highlighted article on screen, in
// headless Chromium, against a plain static HTML page of the same article served the
// same way (tests/serve.mjs, loopback).
//
//   node scripts/startup.mjs [dist] [base] [doc-file] [runs]
//   defaults: dist /dossier-e2e/ <first .txt of seeds/> 7
//
// Each run is a fresh browser context (empty cache). Two times, both from navigation:
// - "frame": performance.now() at the first animation frame after the element appears
//   (a highlighted mention, `mark[data-label]`, in Dossier: the loader's first look or
//   the app's reader, whichever comes first; the article's first paragraph in the
//   static page),
//   recorded by a MutationObserver installed before any script runs. An animation frame
//   runs before the frame's style, layout and paint, so this leaves them out.
// - "painted": the first paint the browser reports (Paint Timing and Largest Contentful
//   Paint entries, whose time is when the frame was presented) at or after that moment:
//   the article on screen, the frame's rendering included (if none comes, the start of
//   the animation frame after, and the script says so).
// Also, for Dossier, the next frame after the app's own marks (`mark[data-entity]`)
// appear: when the article can be clicked.
// Prints the median of each and the ratios. For a big build, the app's figure is
// dominated by the whole-corpus analysis.
//
// Environment: DOSSIER_CORPUS, the corpus the build was made from (default seeds/);
// STARTUP_PORT, the port of the build's server (default 8791; the static page's is the
// next); FIRST_LOOK=1 times the first look only, not waiting for the app (a sharded
// site's page, which the app does not read yet).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, serve } from './browser.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const [dist = 'dist', base = '/dossier-e2e/', docArg, runsArg = '7'] = process.argv.slice(2);
const corpusDir = process.env.DOSSIER_CORPUS ?? join(root, 'seeds');
const doc = docArg || readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()[0];
const runs = Number(runsArg);
const port = Number(process.env.STARTUP_PORT ?? 8791);
const firstLookOnly = process.env.FIRST_LOOK === '1';

// The static page: the same article as <h1> + <p>s, with the app's own stylesheet.
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = readFileSync(join(corpusDir, doc), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const css = readdirSync(dist).find((f) => f.endsWith('.css'));
const plain = mkdtempSync(join(tmpdir(), 'dossier-static-'));
if (css) copyFileSync(join(dist, css), join(plain, css));
writeFileSync(join(plain, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(lines[0])}</title>${css ? `<link rel="stylesheet" href="${css}">` : ''}</head>
<body><main><article><h1>${esc(lines[0])}</h1>
${lines.slice(1).map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></main></body></html>`);

const servers = [await serve(dist, base, port), await serve(plain, '/static/', port + 1)];
const browser = await launch();

async function measure(url, selector, appSelector) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(([sel, appSel]) => {
    const t = (window.__t = {});
    if (appSel) {
      new MutationObserver((_, o) => {
        if (!document.querySelector(appSel)) return;
        o.disconnect();
        requestAnimationFrame(() => { t.app = performance.now(); });
      }).observe(document, { childList: true, subtree: true });
    }
    new MutationObserver((_, o) => {
      if (t.seen !== undefined || !document.querySelector(sel)) return;
      t.seen = performance.now();
      o.disconnect();
      requestAnimationFrame(() => {
        t.frame = performance.now();
        // Should the browser report no paint (Largest Contentful Paint reports only an
        // element larger than any before), the frame after: that frame was drawn by then.
        requestAnimationFrame(() => {
          const next = performance.now();
          setTimeout(() => { if (t.painted === undefined) [t.painted, t.fallback] = [next, true]; }, 5_000);
        });
      });
    }).observe(document, { childList: true, subtree: true });
    const painted = (list) => {
      for (const e of list.getEntries()) {
        if (t.seen !== undefined && e.startTime >= t.seen && t.painted === undefined) t.painted = e.startTime;
      }
    };
    for (const type of ['paint', 'largest-contentful-paint']) {
      new PerformanceObserver(painted).observe({ type, buffered: true });
    }
  }, [selector, appSelector]);
  await page.goto(url);
  await page.waitForFunction((app) => window.__t.frame !== undefined && window.__t.painted !== undefined
    && (!app || window.__t.app !== undefined), appSelector, { timeout: 60_000 });
  const t = await page.evaluate(() => window.__t);
  await ctx.close();
  return t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const app = [];
const stat = [];
for (let i = 0; i < runs; i++) {
  stat.push(await measure(`http://127.0.0.1:${port + 1}/static/`, 'article p'));
  const appMarks = firstLookOnly ? undefined : 'mark[data-entity]';
  app.push(await measure(`http://127.0.0.1:${port}${base}?doc=${encodeURIComponent(doc)}`, 'mark[data-label]', appMarks));
}
await browser.close();
servers.forEach((s) => s.kill());
console.log(`document ${doc}, ${runs} runs, median ms from navigation to the first highlighted article`);
for (const [key, what] of [['frame', 'next frame'], ['painted', 'painted']]) {
  const [a, s] = [median(app.map((t) => t[key])), median(stat.map((t) => t[key]))];
  const runsOf = (ts) => ts.map((t) => t[key].toFixed(0)).join(' ');
  console.log(`${what}:`);
  console.log(`  static HTML page: ${s.toFixed(0)} ms   (runs: ${runsOf(stat)})`);
  console.log(`  Dossier:          ${a.toFixed(0)} ms   (runs: ${runsOf(app)})`);
  console.log(`  ratio: ${(a / s).toFixed(2)}×  (goal ≤ 2×)`);
}
if (!firstLookOnly) {
  console.log(`the app's own article, next frame: ${median(app.map((t) => t.app)).toFixed(0)} ms   (runs: ${app.map((t) => t.app.toFixed(0)).join(' ')})`);
}
const fellBack = [...stat, ...app].filter((t) => t.fallback).length;
if (fellBack) console.log(`(${fellBack} loads reported no paint: their painted time is the frame after)`);
