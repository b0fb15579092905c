// The reader's own files, off the page's main thread: a small Web Worker of its own that
// web/own.js starts when it loads. It reads each dropped or picked file, decodes it
// (UTF-8, or UTF-16 with its byte order mark) and checks it is text, and keeps the
// documents in this browser's storage (IndexedDB: puts, reads and deletes), so that
// neither a file's decoding nor a document's copy into storage is a task of the page
// (docs/performance.md, "The reader's own documents"). It has no engine: it loads in a
// few milliseconds even when the analysis engine cannot load, and what is kept stays
// readable then. Nothing here makes a request.
//
// Each message is {id, …one request…}; each answer {id, ok: result} or {id, error: {name,
// message}}:
//   read: {files, max}  → one entry a file, in order: {name, size, kind, title, date, head, token, bytes} or
//                         {name, problem} (why it is refused: a message for the reader).
//                         kind 'txt' or 'md' (text as the document is kept: line breaks
//                         \n, Markdown's heading marks dropped), or 'html' (the page's
//                         source: the engine takes its text, crates/dossier-engine/src/html.rs);
//                         `bytes` the text as UTF-8 (an ArrayBuffer, transferred: the page
//                         hands it on to the engine worker without copying it); `head` its
//                         first line (not for HTML); `token` names the text this worker
//                         keeps until `keep`.
//   keep: {docs, forget} → one entry a document, in order: null (kept) or {name, message}
//                         (the storage's error, e.g. QuotaExceededError). Each document is
//                         {file, name, title, date, size, added, kind} with its `text`, or the
//                         `token` of a text read here; `forget`: tokens not to be kept.
//   list: true          → the documents kept, oldest first, each with its text's `bytes`
//                         and `head` as `read` gives them, not its text.
//   remove: [file]      → null, once the documents are deleted.

const DB = 'dossier';
const STORE = 'documents';

/** Texts read and not yet kept or forgotten: token → text. */
const read = new Map();
let last = 0;

self.onmessage = async ({ data: { id, ...job } }) => {
  try {
    const ok = await answer(job);
    // The texts' bytes are moved to the page, not copied (a read's or a list's entries).
    const moved = Array.isArray(ok) ? ok.map((e) => e?.bytes).filter(Boolean) : [];
    self.postMessage({ id, ok }, moved);
  } catch (e) {
    self.postMessage({ id, error: { name: e?.name ?? 'Error', message: why(e) } });
  }
};

function answer(job) {
  if (job.read) return Promise.all(job.read.files.map((f) => readFile(f, job.read.max)));
  if (job.keep) return keep(job.keep);
  if (job.list) return stored().then((all) => all.map(({ text, ...doc }) => ({ ...doc, kind: doc.kind ?? 'txt', ...handed(text, doc.kind) })));
  if (job.remove) return tx('readwrite', (s) => { for (const f of job.remove) s.delete(f); }).then(() => null);
  throw new Error('an unknown request');
}

// ---- reading files ----------------------------------------------------------------

/** A file's entry of the `read` answer (above): its text, or why it is refused. */
async function readFile(file, max) {
  const { name, size } = file;
  try {
    if (size > max) throw new Error(`is ${mb(size)}, over the limit of ${max / 1e6} MB a file`);
    const kind = /\.html?$/i.test(name) || file.type === 'text/html' ? 'html'
      : /\.(md|markdown)$/i.test(name) ? 'md'
      : /\.(txt|text)$/i.test(name) || /^text\//.test(file.type) || !/\.[^.]+$/.test(name) ? 'txt' : null;
    if (!kind) throw new Error('is not a text, Markdown or HTML file (.txt, .md, .html)');
    const raw = decode(new Uint8Array(await file.arrayBuffer()));
    const text = kind === 'md' ? plain(raw) : raw;
    if (!/\S/.test(text)) throw new Error('is empty');
    const token = ++last;
    read.set(token, text);
    return { name, size, kind, title: '', date: '', token, ...handed(text, kind) };
  } catch (e) {
    return { name, problem: why(e) };
  }
}

/**
 * Markdown's text as it reads: headings, quotes and list items without their markers,
 * links and images as their words (a URL is no part of an article's prose), emphasis and
 * code without their marks, fences and rules dropped. Line by line, so the lines and
 * blank lines that separate paragraphs stay; what is not Markdown is left as it is.
 */
function plain(md) {
  return md
    .replace(/^[ \t]*(```|~~~).*$|^[ \t]*([-*_])[ \t]*(\2[ \t]*){2,}$/gm, '')
    .replace(/^[ \t]{0,3}(#{1,6}|>+|[-*+]|\d{1,9}[.)])[ \t]+/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

/** The text of `bytes`: UTF-8 (a BOM or none) or UTF-16 with its BOM; throws if it is not text. */
function decode(bytes) {
  const [a, b, c] = bytes;
  const [encoding, skip] = a === 0xef && b === 0xbb && c === 0xbf ? ['utf-8', 3]
    : a === 0xff && b === 0xfe ? ['utf-16le', 2]
    : a === 0xfe && b === 0xff ? ['utf-16be', 2] : ['utf-8', 0];
  let text;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    throw new Error('is not readable text (it is binary, or neither UTF-8 nor UTF-16 with a byte order mark)');
  }
  // Control characters other than tab, line and page breaks: a binary file that happens to decode.
  const odd = text.match(/[\0-\x08\x0e-\x1f\x7f]/g)?.length ?? 0;
  if (text.includes('\0') || odd > text.length / 100) throw new Error('is not text (it looks like a binary file)');
  return text.replace(/\r\n?/g, '\n');
}

const encoder = new TextEncoder();

/**
 * What the page is given of a document's `text` of `kind`: its UTF-8 bytes (moved, not
 * copied, to the page and on to the engine worker, which decodes them) and, but for an
 * HTML page (whose title the engine finds), its first line that is not blank.
 */
function handed(text, kind) {
  const bytes = encoder.encode(text).buffer;
  if (kind === 'html') return { bytes };
  return { bytes, head: text.match(/^[^\S\n]*(\S.*)/m)?.[1].trim() ?? '' };
}

// ---- storage ----------------------------------------------------------------------

/** Puts each of `docs` in a transaction of its own, so that one refused loses no other. */
async function keep({ docs, forget = [] }) {
  for (const t of forget) read.delete(t);
  const out = [];
  for (const { token, ...doc } of docs) {
    if (token) doc.text = read.get(token);
    read.delete(token);
    try {
      if (typeof doc.text !== 'string') throw new Error('its text was not read');
      await tx('readwrite', (s) => s.put(doc));
      out.push(null);
    } catch (e) {
      out.push({ name: e?.name ?? 'Error', message: why(e) });
    }
  }
  return out;
}

let db;
function openDb() {
  db ??= new Promise((ok, no) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'file' });
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  db.catch(() => { db = null; }); // the next request tries again
  return db;
}

/** Runs `f(store)` in a transaction; resolves when it is committed, to the last request's result. */
async function tx(mode, f) {
  const d = await openDb();
  return new Promise((ok, no) => {
    const t = d.transaction(STORE, mode);
    const r = f(t.objectStore(STORE));
    t.oncomplete = () => ok(r?.result);
    t.onerror = t.onabort = () => no(t.error ?? new Error('the transaction was aborted'));
  });
}

/** The documents kept, oldest first. */
async function stored() {
  const all = (await tx('readonly', (s) => s.getAll())) ?? [];
  return all.sort((a, b) => a.added - b.added);
}

const mb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${Math.max(1, Math.round(n / 1e3))} KB`);
const why = (e) => (e instanceof Error || e instanceof DOMException ? e.message : String(e));
