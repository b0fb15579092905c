// The analysis engine's Web Worker, started by web/engine.js on the first request: loads
// the engine (crates/dossier-engine, which Trunk builds with wasm-bindgen's `web` target
// from index.html's worker link) and answers each message {id, file, text} with
// {id, jsonl} or {id, error}; and each {id, add: {texts, data, docs}} (the page's corpus
// and the reader's documents, each {file, title, date, kind, bytes}: bytes the text as
// UTF-8, an ArrayBuffer transferred here, or none for a document this worker was given
// before, whose text it keeps; or `text`, a string) with {id, progress: [done, of, file]}
// as it goes (file: the reader's document read last, or ""), then {id, parts: [texts,
// data], heads, problems, left} (the documents' part of the corpus with them added, in
// the page's format, as UTF-8 bytes whose buffers are
// transferred, not copied) or {id, error}. A module worker: every URL is relative to this file, so
// it works under any base path; its files are same-origin, as the page's CSP asks.
import init, { analyse, add_documents } from './dossier-engine.js';

// Fetched and compiled at once, while the first message waits.
const started = performance.now();
const ready = init();
ready.catch(() => {}); // reported with each answer below, not as an unhandled rejection
// How long the engine took to load (fetch, compile, start), and its wasm's fetch alone
// (docs/performance.md): posted once, web/engine.js records it as a performance measure.
ready.then(() => {
  const wasm = performance.getEntriesByType('resource').find((e) => /\.wasm$/.test(e.name));
  const ms = performance.now() - started;
  if (WARM) analyse('warm-up.txt', warmUp());
  self.postMessage({ loaded: {
    start: performance.timeOrigin + started, ms, warm: performance.now() - started - ms,
    fetch: wasm ? wasm.responseEnd - wasm.startTime : null, bytes: wasm?.encodedBodySize ?? null,
  } });
}, () => {});

// A browser runs new wasm in a baseline compiler and optimises a function for its next
// call once it has run a while; the analysis of one long text is a few calls, each run to
// its end in the code it started in. So a short text is analysed first, as the engine
// loads: its hot functions are optimised before a reader's text arrives
// (docs/performance.md: 1 MB analysed first in about half the time). `?warm=0` (the
// benchmark's comparison) leaves it out.
const WARM = new URL(import.meta.url).searchParams.get('warm') !== '0';

/** About 20 KB of news-like text, every paragraph different: names, places, dates, amounts, quotes. */
function warmUp() {
  const out = ['Talks in Geneva end without a deal'];
  for (let i = 0; i < 60; i++) {
    out.push(`Mr. Putin met Xi Jinping in Beijing on ${1 + (i % 28)} May ${1990 + i}, officials said. `
      + `“We agreed on ${i + 2} points,” said Angela Merkel, the former chancellor of Germany, `
      + `after the United Nations and the World Bank pledged $${i + 3} million (${i % 9}%) to Kenya.`);
  }
  return out.join('\n\n');
}

const message = (e) => (e instanceof Error ? e.message : String(e));

const encoder = new TextEncoder();

/**
 * The reader's documents' part of the page's corpus with them added (crates/dossier-engine:
 * add_documents): `heads` each document's headline, `problems` why each was left out
 * (null if it was not), `left` a message for each other left out.
 */
function add({ texts, data, docs }, id) {
  const field = (k) => docs.map((d) => String(d[k] ?? ''));
  const bytes = docs.map((d) => d.bytes ?? (typeof d.text === 'string' ? encoder.encode(d.text) : undefined));
  const progress = (done, of, file) => self.postMessage({ id, progress: [done, of, file] });
  const [t, d, heads, problems, ...left] = add_documents(texts, data, field('file'), field('title'), field('date'), field('kind'), bytes, progress);
  return { id, parts: [t, d], heads, problems, left };
}

self.onmessage = async ({ data: { id, file, text, add: job } }) => {
  try {
    await ready;
  } catch (e) {
    // `fatal`: the client drops this worker, so a later call tries a new one.
    self.postMessage({ id, error: `the analysis engine could not load: ${message(e)}`, fatal: true });
    return;
  }
  try {
    if (job) {
      const answer = add(job, id);
      self.postMessage(answer, answer.parts.map((b) => b.buffer));
    } else {
      self.postMessage({ id, jsonl: analyse(file, text) });
    }
  } catch (e) {
    // Bad input is an Error with the engine's message; a trap (a panic: the profile
    // aborts) leaves the instance unusable.
    self.postMessage({ id, error: message(e), fatal: e instanceof WebAssembly.RuntimeError });
  }
};
