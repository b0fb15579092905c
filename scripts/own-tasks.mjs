#!/usr/bin/env node
// The main thread after a reader's 1 MB drop (web/own.js), in headless Chromium: a profile
// by the Long Tasks API, never fails. For each of two fresh pages, the engine warmed up
// first (an analysis, then 1.5 s), then 1 MB (the seeds' paragraphs recombined) dropped:
// the long tasks from the drop until 1.5 s after its title heads the reader (count, sum,
// longest, each), and the page's own measures meanwhile (dossier:own:worker, dossier:own:app:
// the answer read, joined and mounted; dossier:index: the index built again).
//
//   node scripts/own-tasks.mjs [dist]        # a site built with --public-url /dossier-e2e/
//   CV=0 node scripts/own-tasks.mjs …         # without web/own.css's `content-visibility: auto` on the article's parts
//   BENCH_PORT=8908 …                         # another port than 8796
import { launch, newsText, printLoad, serve } from './browser.mjs';

const [dist = 'dist'] = process.argv.slice(2);
const port = Number(process.env.BENCH_PORT ?? 8796);
const base = '/dossier-e2e/';


printLoad();
await serve(dist, base, port);
const browser = await launch();
const big = newsText(1_000_000, 'A long read');
for (let run = 0; run < 2; run++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => ({ start: e.startTime, ms: e.duration }))))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}${base}`);
  await page.locator('li.entity button.entity-name').first().waitFor({ timeout: 60_000 });
  if (process.env.CV === '0') await page.addStyleTag({ content: 'article.reader .part { content-visibility: visible !important }' });
  const r = await page.evaluate(async (big) => {
    const engine = await import(new URL('engine.js', location.href).href);
    await engine.analyse('a.txt', 'Talks\n\nPutin met Xi.');
    await new Promise((ok) => setTimeout(ok, 1500));
    const dt = new DataTransfer();
    dt.items.add(new File([big], 'long.txt', { type: 'text/plain' }));
    const t0 = performance.now();
    dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((ok) => {
      const check = () => (document.querySelector('#article-title')?.textContent === 'A long read' ? setTimeout(ok, 1500) : setTimeout(check, 5));
      check();
    });
    const long = window.__long.filter((e) => e.start >= t0);
    const tasks = long.map((e) => Math.round(e.ms));
    const each = long.map((e) => `${Math.round(e.start - t0)}:${Math.round(e.ms)}`).join(' ');
    const measures = performance.getEntriesByType('measure').filter((e) => e.startTime >= t0 && e.name.startsWith('dossier'))
      .map((e) => `${e.name} at ${Math.round(e.startTime - t0)} ms: ${Math.round(e.duration)} ms`);
    return { tasks, each, measures };
  }, big);
  const sum = r.tasks.reduce((a, b) => a + b, 0);
  console.log(`run ${run + 1}${process.env.CV === '0' ? ' (without content-visibility)' : ''}: ${r.tasks.length} long tasks, ${sum} ms in all, `
    + `longest ${Math.max(0, ...r.tasks)} ms (each, at ms after the drop:ms long: ${r.each}); ${r.measures.join('; ')}`);
  await page.close();
}
printLoad();
await browser.close();
process.exit(0);
