// The analysis engine's Web Worker, started by web/engine.js on the first request: loads
// the engine (crates/dossier-engine, which Trunk builds with wasm-bindgen's `web` target
// from index.html's worker link) and answers each message {id, file, text} with
// {id, jsonl} or {id, error}; and each {id, add: {texts, data, docs}} (the page's corpus
// and the reader's documents, each {file, title, date, text}) with {id, progress: [done,
// of, file]} as it goes (file: the reader's document read last, or ""), then {id, parts: [texts, data, ...messages]} (the documents' part of
// the corpus with them added, in the page's format) or {id, error}. A module worker: every URL is relative to this file, so
// it works under any base path; its files are same-origin, as the page's CSP asks.
import init, { analyse, add_documents } from './dossier-engine.js';

// Fetched and compiled at once, while the first message waits.
const ready = init();
ready.catch(() => {}); // reported with each answer below, not as an unhandled rejection

const message = (e) => (e instanceof Error ? e.message : String(e));

/** The reader's documents' part of the page's corpus with them added (crates/dossier-engine). */
function add({ texts, data, docs }, id) {
  const field = (k) => docs.map((d) => String(d[k] ?? ''));
  const progress = (done, of, file) => self.postMessage({ id, progress: [done, of, file] });
  return { id, parts: add_documents(texts, data, field('file'), field('title'), field('date'), field('text'), progress) };
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
    self.postMessage(job ? add(job, id) : { id, jsonl: analyse(file, text) });
  } catch (e) {
    // Bad input is an Error with the engine's message; a trap (a panic: the profile
    // aborts) leaves the instance unusable.
    self.postMessage({ id, error: message(e), fatal: e instanceof WebAssembly.RuntimeError });
  }
};
