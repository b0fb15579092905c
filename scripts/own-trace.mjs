#!/usr/bin/env node
// What the main thread runs in its long tasks while a reader's documents are analysed
// and shown (web/own.js): a Chromium performance trace (playwright's `startTracing`, the
// DevTools timeline and V8's sampling profiler), read back here. A profile, never fails.
//
//   node scripts/own-trace.mjs [dist] [drop|type|quiet] [ms]   # a site built with --public-url /dossier-e2e/
//   BENCH_PORT=8908 …                                    # another port than 8797
//   TRACE=/tmp/own.json …                                 # also keep the trace (chrome://tracing, DevTools)
//   COLD=1 …                                              # the engine not warmed up first (below)
//   HTML=1 …                                              # `drop`: the 1 MB as an HTML page (each paragraph a <p>)
//   BOX=1 …                                               # `quiet`: a page holding only a text box instead (the floor)
//   SIZE=4900000 …                                        # `drop`: that many bytes instead of 1 MB (the 5 MB a file limit: web/own.js)
//   FILES=2 …                                             # `drop`: that many files of SIZE bytes at once (2 × 4.9 MB: near the 10 MB in all)
//
// `drop` (the default): the engine warmed up (an analysis, then 1.5 s), 1 MB (the seeds'
// paragraphs recombined) dropped, traced until 1.5 s after its title heads the reader.
// `type`: keystrokes in the search box, one each 30 ms, while 3 MB (three files) are
// analysed, until the first is shown. `quiet`: 60 keystrokes with nothing dropped, each
// after the previous one's results are on screen, as `bench-own.mjs` types (the search's
// own cost; it also prints the median CPU of each keystroke's three parts: its frame, the
// tasks after it, the next frame). For each main-thread task over `ms` (default 50;
// for `type`, each keystroke's frame over it, default 16) it prints when it ran, how
// long, and how much of that the main thread ran (its CPU time: on a loaded machine a
// task's wall time is stretched by waiting for a core), and where its time went: the timeline's events by self time (script, style,
// layout, paint, GC) and the functions the sampling profiler saw most (JavaScript by name,
// wasm by name when the wasm keeps its names, else by index).
import { writeFileSync } from 'node:fs';
import { launch, newsText, printLoad, serve } from './browser.mjs';

const [dist = 'dist', mode = 'drop', msArg] = process.argv.slice(2);
/** The bytes dropped in `drop`. */
const DROP = Number(process.env.SIZE ?? 1_000_000);
/** How many files of DROP bytes `drop` drops at once: the first is titled 'A long read', and opens. */
const FILES = Number(process.env.FILES ?? 1);
/** `text` as an HTML page: its first line the <h1>, each paragraph a <p>. */
const html = (text) => {
  const [title, ...paras] = text.split('\n\n');
  return `<!doctype html><title>${title}</title><h1>${title}</h1>\n${paras.map((p) => `<p>${p}</p>`).join('\n')}`;
};
const typing = mode === 'type' || mode === 'quiet';
const over = Number(msArg ?? (typing ? 16 : 50));
const port = Number(process.env.BENCH_PORT ?? 8797);
const base = '/dossier-e2e/';

printLoad();
await serve(dist, base, port);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
if (process.env.BOX) {
  await page.setContent('<input id="search-input">');
} else {
  await page.goto(`http://127.0.0.1:${port}${base}`);
  await page.locator('li.entity button.entity-name').first().waitFor({ timeout: 60_000 });
}
// COLD=1: no warm-up, as in bench-own.mjs's keystrokes (the drop loads web/own.js and
// starts the engine).
if (!process.env.COLD && !process.env.BOX) {
  await page.evaluate(async () => {
    const engine = await import(new URL('engine.js', location.href).href);
    await engine.analyse('a.txt', 'Talks\n\nPutin met Xi.');
    await new Promise((ok) => setTimeout(ok, 1500));
  });
}
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
    'toplevel', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler', 'v8', 'latencyInfo'],
});
const marks = await page.evaluate(async ([mode, big, parts]) => {
  const drop = (files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: name.endsWith('.html') ? 'text/html' : 'text/plain' }));
    dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    performance.mark('bench:dropped'); // the tasks after this one are the page's
  };
  const title = () => document.querySelector('#article-title')?.textContent;
  const keys = [];
  if (mode === 'drop') {
    drop(big.map((text, i) => [`long-${i + 1}.${text.startsWith('<') ? 'html' : 'txt'}`, text]));
    await new Promise((ok) => {
      const check = () => (title() === 'A long read' ? setTimeout(ok, 1500) : setTimeout(check, 5));
      check();
    });
  } else {
    if (mode === 'type') drop(parts.map((text, i) => [`part-${i + 1}.txt`, text]));
    else performance.mark('bench:dropped');
    // The drop opens the dialog (modal: the search box behind it is inert) once
    // web/own.js has loaded: closed before each keystroke, as a reader closes it to type.
    const close = () => { const d = document.getElementById('own-dialog'); return d?.open && (d.close(), true); };
    const input = document.getElementById('search-input');
    const words = ['russia', 'china', 'trade', 'summit'];
    const max = mode === 'quiet' ? 60 : 2000;
    for (let i = 0; title() !== 'Part 1' && i < max; i++) {
      const w = words[Math.floor(i / 7) % words.length];
      if (close()) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      const t0 = performance.now();
      performance.mark(`key:${i}`);
      // The frame that shows the keystroke, asked for before it (as in bench-own.mjs); the
      // search the page runs after that frame is in the next keystroke's tasks or its own.
      const frame = new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      input.value = w.slice(0, (i % 7) + 1);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame;
      keys.push([t0, performance.now() - t0]);
      if (mode === 'quiet') await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok))); // its results
      await new Promise((ok) => setTimeout(ok, 30));
    }
  }
  return keys;
}, [mode, Array.from({ length: FILES }, (_, i) => newsText(DROP, i ? `A long read, part ${i + 1}` : 'A long read')).map((t) => (process.env.HTML ? html(t) : t)), mode === 'type' ? [1, 2, 3].map((n) => newsText(1_000_000, `Part ${n}`)) : []]);
const buffer = await browser.stopTracing();
if (process.env.TRACE) writeFileSync(process.env.TRACE, buffer);
printLoad();
await browser.close();

const events = JSON.parse(buffer.toString()).traceEvents;
const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain'
  && events.some((x) => x.pid === e.pid && x.name === 'ParseHTML' || x.pid === e.pid && x.name === 'FunctionCall'));
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
const tasks = onMain.filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
  .sort((a, b) => a.ts - b.ts);
// Top-level tasks only (a RunTask nested in another is part of it).
const top = [];
for (const t of tasks) if (!top.length || t.ts >= top.at(-1).ts + top.at(-1).dur) top.push(t);
const slices = onMain.filter((e) => e.ph === 'X' && e.dur !== undefined && !/RunTask$/.test(e.name)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);

// The sampling profiler's samples on the main thread: [ts, leaf frame, stack of frames].
const samples = [];
const profiles = new Map();
for (const e of events) {
  if (e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid) profiles.set(e.id, { t: e.args.data.startTime, nodes: new Map() });
}
for (const e of events) {
  if (e.name !== 'ProfileChunk' || !profiles.has(e.id)) continue;
  const p = profiles.get(e.id);
  const d = e.args.data;
  for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
  (d.cpuProfile?.samples ?? []).forEach((id, i) => {
    p.t += d.timeDeltas[i];
    samples.push([p.t, id, p]);
  });
}
const name = (n) => {
  const f = n.callFrame;
  const fn = (f.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/g, '');
  return f.url && !/wasm/.test(f.url) && !fn.startsWith('(') ? `${fn} ${f.url.split('/').pop().split('?')[0]}:${f.lineNumber + 1}` : fn;
};
const stack = (id, p) => {
  const out = [];
  for (let n = p.nodes.get(id); n; n = p.nodes.get(n.parent)) out.push(name(n));
  return out;
};

const origin = top[0]?.ts ?? 0;
const ms = (us) => (us / 1000).toFixed(1);
function describe(t) {
  const end = t.ts + t.dur;
  const inner = slices.filter((e) => e.ts >= t.ts && e.ts < end);
  // Self time per event name: an event's time less its children's.
  const self = new Map();
  const open = [];
  for (const e of inner) {
    while (open.length && e.ts >= open.at(-1).ts + open.at(-1).dur) open.pop();
    const parent = open.at(-1);
    const label = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName || ''}`.trim()
      : e.name === 'TimerFire' || e.name === 'EventDispatch' ? `${e.name} ${e.args?.data?.type ?? ''}`.trim() : e.name;
    self.set(label, (self.get(label) ?? 0) + e.dur);
    if (parent) self.set(parent.label, self.get(parent.label) - Math.min(e.dur, parent.ts + parent.dur - e.ts));
    e.label = label;
    open.push(e);
  }
  const events = [...self].filter(([, d]) => d >= 1000).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, d]) => `${k} ${ms(d)}`).join(', ');
  // Samples: by leaf (self), and each function on the stack once (inclusive).
  const leaf = new Map();
  const incl = new Map();
  let n = 0;
  for (const [ts, id, p] of samples) {
    if (ts < t.ts || ts >= end) continue;
    n++;
    const s = stack(id, p);
    leaf.set(s[0], (leaf.get(s[0]) ?? 0) + 1);
    for (const f of new Set(s)) incl.set(f, (incl.get(f) ?? 0) + 1);
  }
  const rank = (m, k) => [...m].filter(([f]) => !/^\((root|program|idle)\)$/.test(f)).sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([f, c]) => `${(100 * c / n).toFixed(0)}% ${f}`).join('; ');
  const ours = new Map([...incl].filter(([f]) => /^<?dossier_|\.js:\d+$/.test(f) && !/dossier-app-[0-9a-f]+\.js/.test(f)));
  const deep = process.env.DEEP ? `\n  inclusive: ${rank(incl, 40)}` : '';
  return `  events by self ms: ${events}\n  samples (${n}), self: ${rank(leaf, 8)}\n  inclusive, the app's functions: ${rank(ours, 12)}${deep}`;
}

/**
 * The median CPU (wall) of each keystroke's parts, from the sixth on (the first ones warm
 * the code up): its frame (the first task after its input that commits a frame), the tasks
 * after it (the search), and the next frame (its results).
 */
function parts() {
  const keys = onMain.filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('key:')).sort((a, b) => a.ts - b.ts);
  const commits = onMain.filter((e) => e.name === 'Commit' && e.ph === 'X');
  const [own, search, next] = [[], [], []];
  const add = (list, ts) => list.push([ts.reduce((a, t) => a + (t.tdur ?? 0), 0), ts.reduce((a, t) => a + t.dur, 0)]);
  for (let k = 5; k < keys.length - 1; k++) {
    const ts = top.filter((t) => t.ts >= keys[k].ts - 1000 && t.ts < keys[k + 1].ts - 1000);
    const frames = ts.filter((t) => commits.some((c) => c.ts >= t.ts && c.ts < t.ts + t.dur));
    if (frames.length < 2) continue;
    add(own, [frames[0]]);
    add(search, ts.filter((t) => t.ts > frames[0].ts && t.ts < frames[1].ts));
    add(next, [frames[1]]);
  }
  const median = (list, i) => ms(list.map((x) => x[i]).sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN);
  const show = (list) => `${median(list, 0)} (${median(list, 1)})`;
  return `median CPU (wall) ms of ${own.length} keystrokes: its frame ${show(own)}, the tasks after it ${show(search)}, the next frame ${show(next)}`;
}

const measures = onMain.filter((e) => e.cat === 'blink.user_timing' && e.ph === 'b' && e.name.startsWith('dossier'));
const ends = onMain.filter((e) => e.cat === 'blink.user_timing' && e.ph === 'e');
const span = (b) => ends.find((e) => e.name === b.name && e.ts >= b.ts && (e.id2?.local ?? e.id) === (b.id2?.local ?? b.id));
// The main thread's CPU in all, in the tasks after the one that dropped the files (which
// made them from the text and started the profiler: this script's, not the page's): a
// figure a loaded machine stretches far less than wall time.
const dropped = onMain.find((e) => e.cat === 'blink.user_timing' && e.name === 'bench:dropped')?.ts ?? 0;
const after = top.filter((t) => t.ts > dropped);
const cpuMs = (ts) => ms(ts.reduce((a, t) => a + (t.tdur ?? 0), 0));
console.log(`main thread after the drop: ${after.length} tasks, ${cpuMs(after)} ms of CPU in all (${ms(after.reduce((a, t) => a + t.dur, 0))} ms wall); `
  + `longest task's CPU ${ms(Math.max(0, ...after.map((t) => t.tdur ?? 0)))} ms`);
console.log(`measures (ms from the first task): ${measures.map((e) => `${e.name} at ${ms(e.ts - origin)} for ${span(e) ? ms(span(e).ts - e.ts) : '?'}`).join(', ')}`);
if (mode === 'drop') {
  const long = after.filter((t) => t.dur > over * 1000);
  const cpu = long.filter((t) => t.tdur > over * 1000);
  console.log(`${long.length} main-thread tasks over ${over} ms, ${ms(long.reduce((a, t) => a + t.dur, 0))} ms in all; `
    + `${cpu.length} of them ran over ${over} ms of CPU`);
  for (const t of long) console.log(`task at ${ms(t.ts - origin)} ms: ${ms(t.dur)} ms (CPU ${t.tdur === undefined ? '?' : ms(t.tdur)} ms)\n${describe(t)}`);
} else {
  const sorted = marks.map(([, d]) => d).sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
  // The tasks that ran over 50 ms of CPU, whatever the keystrokes waited for.
  for (const t of after.filter((t) => t.tdur > 50_000)) console.log(`task at ${ms(t.ts - origin)} ms: ${ms(t.dur)} ms (CPU ${ms(t.tdur)} ms)\n${describe(t)}`);
  console.log(`${marks.length} keystrokes: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)}, p95 ${p95.toFixed(1)} ms`);
  if (mode === 'quiet') console.log(parts());
  // Each slow keystroke: the main-thread tasks between its input and its frame.
  const keyMarks = onMain.filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('key:'));
  for (const m of keyMarks) {
    const i = Number(m.name.slice(4));
    const d = marks[i]?.[1];
    if (!(d > over)) continue;
    const inKey = top.filter((t) => t.ts + t.dur > m.ts && t.ts < m.ts + d * 1000 && t.dur > 2000);
    console.log(`keystroke ${i} at ${ms(m.ts - origin)} ms: ${d.toFixed(1)} ms to its frame; tasks over 2 ms meanwhile (start+wall/CPU): ${inKey.map((t) => `${ms(t.ts - m.ts)}+${ms(t.dur)}/${t.tdur === undefined ? '?' : ms(t.tdur)}`).join(' ')}`);
    for (const t of inKey) console.log(describe(t));
  }
}
process.exit(0);
