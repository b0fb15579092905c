#!/usr/bin/env node
// What a click on an entity costs the page's main thread, in thread time (CPU), which a
// busy machine disturbs less than wall time: a Chromium trace of `clicks` clicks on the
// entity panel's first entities (each set, then lifted), after 20 to warm up.
//
//   node scripts/click-cpu.mjs <site> [clicks] [open] [css]
//
// `clicks` defaults to 40; `open`: with the first article open in the reader (any other
// word: none); `css`: a stylesheet added to the page first, to try a rule on a built site.
// Prints, per click: all the main thread's tasks, the script run in callbacks (Leptos's
// effects and the handlers), the event dispatch, style, layout, pre-paint, paint, and
// layerize with commit (the trace's events of those names, which may nest). A benchmark:
// never fails.
import { openExplorer } from './browser.mjs';

const [dist, clicksArg = '40', open, css] = process.argv.slice(2);
const n = Number(clicksArg);
const { browser, page, entities, clickEntity, close } = await openExplorer(dist, 8794);
await page.waitForTimeout(500);
if (open === 'open') {
  await page.locator('ol.articles li.article a').first().click();
  await page.locator('article.reader mark[data-entity]').first().waitFor();
}
if (css) await page.addStyleTag({ content: css });
const ids = await entities(15);
const click = (i) => clickEntity(ids[Math.floor(i / 2) % ids.length]);
for (let i = 0; i < 20; i++) { await click(i); await page.waitForTimeout(40); }
await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
for (let i = 0; i < n; i++) { await click(i); await page.waitForTimeout(100); }
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
// The page's main thread is the one that parsed its HTML, else the one with most script.
const key = (e) => `${e.pid}:${e.tid}`;
const scripted = new Map();
for (const e of events) if (e.name === 'FunctionCall') scripted.set(key(e), (scripted.get(key(e)) ?? 0) + 1);
const main = [...scripted].sort((a, b) => b[1] - a[1])[0]?.[0];
const on = events.filter((e) => key(e) === main && e.ph === 'X' && typeof e.tdur === 'number');
const per = (...names) => (on.filter((e) => names.includes(e.name)).reduce((a, e) => a + e.tdur, 0) / 1000 / n).toFixed(2);
console.log(`${dist}: thread time per click (${n} clicks${open === 'open' ? ', an article open' : ''}): tasks ${per('ThreadControllerImpl::RunTask', 'RunTask')} ms; `
  + `script in callbacks ${per('FunctionCall')} ms (event dispatch ${per('EventDispatch')} ms), style ${per('UpdateLayoutTree')} ms, `
  + `layout ${per('Layout')} ms, pre-paint ${per('PrePaint')} ms, paint ${per('Paint')} ms, layerize and commit ${per('Layerize', 'Commit')} ms`);
await close();
