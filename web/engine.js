// The analysis engine, on demand. `analyse(file, text)` resolves to the mentions of one
// text as JSON Lines, exactly as `dossier extract --format jsonl` prints them for a
// folder holding that file (crates/dossier-engine), or rejects with an Error saying why.
//
// Nothing of the engine is fetched before the first call (or `prepare()`): it starts the
// Web Worker (web/engine-worker.js), which fetches the engine's glue and wasm. URLs are relative to
// this module, so it works under any base path. If the worker cannot load, or stops (a
// trap: the profile aborts on a panic; an error it did not catch), every pending call
// rejects and the next call starts a new one, which holds none of the texts handed to the
// last (`next` says which worker the next call goes to: web/own.js hands the texts again).
const WORKER = new URL('./engine-worker.js', import.meta.url);

let worker = null;
let started = 0; // how many workers have started: the current one's number
let last = 0;
/** The calls the current worker has not answered yet: id → { resolve, reject }. */
const pending = new Map();

/** Drops the current worker, rejecting what it has not answered with `reason`. */
function stop(reason) {
  worker?.terminate();
  worker = null;
  for (const { reject } of pending.values()) reject(reason);
  pending.clear();
}

/**
 * Why worker `w` is dropped: `detail` said. Once it had loaded it stopped, and the texts
 * it held are gone (the Error's `stopped` is true: web/own.js then hands them to a new
 * one); else it could not load.
 */
function failure(w, detail) {
  if (!w.loaded) return new Error(/^the analysis engine/.test(detail) ? detail : `the analysis engine could not load${detail ? `: ${detail}` : ''}`);
  return Object.assign(new Error(`the analysis engine stopped${detail ? `: ${detail}` : ''}`), { stopped: true });
}

function start() {
  const w = new Worker(WORKER, { type: 'module', name: 'dossier-engine' });
  started++;
  w.onmessage = ({ data }) => {
    if (data.loaded) {
      w.loaded = true;
      const { start, ms, ...detail } = data.loaded;
      performance.measure('dossier:engine:load', { start: start - performance.timeOrigin, duration: ms, detail });
      return;
    }
    const call = pending.get(data.id);
    if (data.fatal) {
      // The worker is unusable: this call and every other pending one fail alike.
      if (worker === w) stop(failure(w, data.error));
      else call?.reject(failure(w, data.error));
      return;
    }
    if (!call) return;
    if (data.progress) return call.progress?.(...data.progress);
    pending.delete(data.id);
    if (typeof data.jsonl === 'string') call.resolve(data.jsonl);
    else if (Array.isArray(data.parts)) call.resolve({ parts: data.parts, heads: data.heads, problems: data.problems, left: data.left });
    else call.reject(new Error(data.error));
  };
  // The worker's script or one of its imports could not be fetched or run, or later an
  // error it did not catch.
  w.onerror = (e) => {
    e.preventDefault();
    if (worker === w) stop(failure(w, e.message));
  };
  return w;
}

/**
 * The number of the worker the next call goes to: the current one's, or a new one's once
 * it has stopped (or before the first). A text handed to another is not in it.
 * @returns {number}
 */
export function next() {
  return worker ? started : started + 1;
}

/**
 * The mentions of `text`, the text of the file named `file`, as JSON Lines.
 * @param {string} file
 * @param {string} text
 * @returns {Promise<string>}
 */
export function analyse(file, text) {
  if (typeof file !== 'string' || typeof text !== 'string') {
    return Promise.reject(new TypeError('analyse(file, text) takes two strings'));
  }
  return call({ file, text });
}

/**
 * The reader's documents analysed with the page's corpus (`texts`, `data`: the #corpus and
 * #analysis texts): resolves to their part of the whole, in the same format (the
 * documents, their analysis and the entities they name, with the corpus's ids:
 * crates/dossier-core/src/part.rs), as {parts: [texts, data], heads, problems, left}:
 * texts and data as UTF-8 bytes (Uint8Array); `heads` each document's headline and
 * `problems` why each was left out (a message after its name), null where not; `left`
 * a message for each other document left out. A document's `bytes` (its text as UTF-8,
 * web/own-worker.js) are transferred to the worker, not copied: the page's part of a
 * drop does not grow with the text. Give them once to a worker (`next`); after that it
 * keeps the text (until a call leaves the document out) and `bytes` may be left out. It
 * rejects with an Error whose `stopped` is true if the worker stopped meanwhile.
 * @param {string} texts
 * @param {string} data
 * @param {{file: string, title: string, date: string, kind: string, bytes?: ArrayBuffer, text?: string}[]} docs
 * @param {(done: number, of: number, file: string) => void} [progress] how far the analysis is, and the
 *   file of the reader's document it read last ("" before the first)
 * @returns {Promise<{parts: [Uint8Array, Uint8Array], heads: (string|null)[], problems: (string|null)[], left: string[]}>}
 */
export function addDocuments(texts, data, docs, progress) {
  return call({ add: { texts, data, docs } }, progress, docs.map((d) => d.bytes).filter(Boolean));
}

/**
 * Starts the engine without a request: it loads and warms up (web/engine-worker.js) while
 * the reader chooses what to add, so the first analysis does not wait for it.
 */
export function prepare() {
  worker ??= start();
}

/** Sends `message` to the worker (started if need be), moving `transfer`; resolves to its answer. */
function call(message, progress, transfer = []) {
  return new Promise((resolve, reject) => {
    worker ??= start();
    const id = ++last;
    pending.set(id, { resolve, reject, progress });
    worker.postMessage({ id, ...message }, transfer);
  });
}
