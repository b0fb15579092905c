// The analysis engine's Web Worker, started by web/engine.js on the first request: loads
// the engine (crates/dossier-engine, which Trunk builds with wasm-bindgen's `web` target
// from index.html's worker link) and answers each message {id, file, text} with
// {id, jsonl} or {id, error}. A module worker: every URL is relative to this file, so
// it works under any base path; its files are same-origin, as the page's CSP asks.
import init, { analyse } from './dossier-engine.js';

// Fetched and compiled at once, while the first message waits.
const ready = init();
ready.catch(() => {}); // reported with each answer below, not as an unhandled rejection

const message = (e) => (e instanceof Error ? e.message : String(e));

self.onmessage = async ({ data: { id, file, text } }) => {
  try {
    await ready;
  } catch (e) {
    // `fatal`: the client drops this worker, so a later call tries a new one.
    self.postMessage({ id, error: `the analysis engine could not load: ${message(e)}`, fatal: true });
    return;
  }
  try {
    self.postMessage({ id, jsonl: analyse(file, text) });
  } catch (e) {
    // Bad input is an Error with the engine's message; a trap (a panic: the profile
    // aborts) leaves the instance unusable.
    self.postMessage({ id, error: message(e), fatal: e instanceof WebAssembly.RuntimeError });
  }
};
