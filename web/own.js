// The reader's own documents: the "Add documents" dialog; dropped, picked or pasted text
// read and kept in this browser (IndexedDB) by a worker of their own
// (web/own-worker.js: a file's decoding and a document's copy into storage are no task
// of the page), and handed to the engine worker, which analyses it with the corpus
// (web/engine.js, crates/dossier-engine) and gives back the documents' part; the app
// joins it to its corpus, a slice at a time, and shows the whole (src/own.rs: show_own).
//
// Loaded on demand by web/boot.js: when the reader first opens the dialog or drags files
// over the page, or at start when documents are kept from before; it starts the engine
// at once, so that the engine has loaded and warmed up by the time the files come.
// Nothing here sends anything: the text stays in this page, its worker and the browser's storage (the page's CSP
// allows requests to its own origin only).
//
// Every text reaches the DOM as text (textContent, never markup). A file's text never
// passes through this page as a string: its worker decodes and checks it and gives its
// bytes, which are moved (transferred, not copied) to the engine worker; an HTML page's
// text is taken there (crates/dossier-engine/src/html.rs), with no DOM: nothing of it runs
// or is fetched, only its text is kept.
import { addDocuments, next, prepare } from './engine.js';

/**
 * Largest file, and largest total, kept (docs/performance.md, "The reader's own documents":
 * the worker analyses about 1 MB a second here, each addition only the documents added,
 * but a reload analyses them all again, and the app's join and index each take one task
 * growing with the total).
 */
export const MAX_FILE = 5_000_000;
export const MAX_TOTAL = 10_000_000;
/** A drop this large (bytes in all) shows a progress bar and the file being read. */
const SLOW = 200_000;
/** How long (ms) one task reads the reader's part for (src/own.rs: show_own_more). */
const SLICE_MS = 10;
/** The largest page corpus (its two texts, in characters) that `warmUp` reads again. */
const WARM_MAX = 200_000;
/** Set while documents are kept, so that web/boot.js loads this module at start. */
const FLAG = 'dossier-own';
const PREFIX = 'mine/';

let app; // the app's wasm-bindgen module: show_own
let page; // the page's #corpus and #analysis texts
// The documents kept: { file, name, title, date, kind, size, added, head }, and until the
// engine worker has them their text's `bytes` (or a pasted `text`).
let docs = [];
let files; // web/own-worker.js: reads files, keeps documents
let ui; // the dialog's parts
let work = Promise.resolve(); // analyses run one after another
let warmed = false; // whether `warmUp` has run
let mounted = false; // whether the app has been told to draw its views again (mount_own)
/** No part: the app's data is then the page's own (show_own). */
const NONE = new Uint8Array();

/** Resolves in a task of its own: the browser draws and answers the reader in between. */
const nextTask = () => new Promise((ok) => setTimeout(ok));
/**
 * Input in a field this recent (ms) means the reader is typing: the join of a finished
 * analysis, the views' remount and the document's opening, tasks of 10-30 ms each, wait
 * for a pause, so that no keystroke waits behind them (docs/performance.md, "Keystrokes").
 */
const TYPING = 400;
/** How long (ms) they wait for that pause once the answer has come; then each goes between two keys. */
const HOLD = 3000;
let typed = -Infinity; // when the reader last typed in a field (performance.now())
const noteTyping = () => { typed = performance.now(); };
const mb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${Math.max(1, Math.round(n / 1e3))} KB`);
const limit = (n) => `${n / 1e6} MB`;
const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Starts the module: `appModule` is the app's glue, `parts` the page's two texts. */
export async function start(appModule, parts) {
  [app, page] = [appModule, parts];
  addEventListener('input', noteTyping, { capture: true, passive: true });
  // Loaded because the reader means to add documents (or has some): the engine, and the
  // worker that reads and keeps them, start now.
  prepare();
  files = startReader();
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('./own.css', import.meta.url).href }));
  try {
    docs = await files.ask({ list: true });
  } catch (e) {
    docs = [];
    report([`Your documents could not be read from this browser's storage: ${why(e)}`]);
  }
  if (docs.length) await show('');
  return { open, drop };
}

// ---- the dialog -------------------------------------------------------------------

function el(tag, props = {}, ...kids) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids.filter((k) => k != null));
  return e;
}

function build() {
  const input = el('input', { type: 'file', multiple: true, hidden: true, accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html' });
  input.addEventListener('change', () => { add([...input.files]); input.value = ''; });
  const pick = el('button', { type: 'button', className: 'own-pick', textContent: 'Choose files…' });
  pick.addEventListener('click', () => input.click());
  const title = el('input', { type: 'text', id: 'own-title', autocomplete: 'off' });
  const date = el('input', { type: 'date', id: 'own-date' });
  const text = el('textarea', { id: 'own-text', rows: 6 });
  const paste = el('button', { type: 'submit', textContent: 'Add this text' });
  const form = el('form', { className: 'own-paste' },
    el('h3', { textContent: 'Or paste a text' }),
    el('label', { htmlFor: 'own-text', textContent: 'Text' }), text,
    el('div', { className: 'own-row' },
      el('label', {}, 'Title (optional) ', title),
      el('label', {}, 'Date (optional) ', date)),
    paste);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!text.value.trim()) { report(['The pasted text is empty: nothing was added.']); text.focus(); return; }
    const name = title.value.trim() || 'Pasted text';
    add([{ pasted: true, name, title: title.value.trim(), date: date.value, text: text.value }]).then((ok) => {
      if (ok) { text.value = ''; title.value = ''; date.value = ''; }
    });
  });
  const status = el('p', { className: 'own-status', role: 'status', tabIndex: -1 });
  const bar = el('progress', { className: 'own-progress', hidden: true, max: 1 });
  bar.setAttribute('aria-label', 'Analysing your documents');
  const messages = el('ul', { className: 'own-messages' });
  const list = el('ul', { className: 'own-list' });
  const listHead = el('h3', { id: 'own-list-head' });
  list.setAttribute('aria-labelledby', 'own-list-head');
  const clear = el('button', { type: 'button', className: 'own-clear', textContent: 'Remove all' });
  // Removing all asks first: a pasted text is kept nowhere else.
  const question = el('span');
  const yes = el('button', { type: 'button', textContent: 'Yes, remove' });
  const no = el('button', { type: 'button', textContent: 'No, keep' });
  const confirm = el('p', { className: 'own-confirm', hidden: true }, question, ' ', yes, ' ', no);
  clear.addEventListener('click', () => {
    question.textContent = `Remove ${docs.length === 1 ? 'your document' : `all ${docs.length} of your documents`} from this browser? A pasted text is kept nowhere else.`;
    [clear.hidden, confirm.hidden] = [true, false];
    no.focus();
  });
  yes.addEventListener('click', () => remove(docs.map((d) => d.file)));
  no.addEventListener('click', () => { [clear.hidden, confirm.hidden] = [false, true]; clear.focus(); });
  const close = el('button', { type: 'button', className: 'own-close', textContent: 'Close' });
  // After a failed analysis (`failed`): the documents kept analysed again.
  const retry = el('button', { type: 'button', className: 'own-retry', textContent: 'Try again', hidden: true });
  retry.addEventListener('click', () => {
    // The button hides itself: the focus goes to the status line that reports the retry.
    retry.hidden = true;
    status.focus();
    report([]);
    show('', `Analysed ${plural(docs.length, 'document')}.`);
  });
  const whose = el('fieldset', { className: 'own-whose' }, el('legend', { textContent: 'Show in the views' }),
    ...WHOSE.map(([code, text]) => el('label', {}, el('input', { type: 'radio', name: 'own-whose', value: code }), ` ${text}`)));
  whose.addEventListener('change', (e) => choose(e.target.value));
  const dialog = el('dialog', { className: 'own-dialog', id: 'own-dialog' },
    el('h2', { id: 'own-heading', textContent: 'Your documents' }),
    el('p', { className: 'own-note', textContent:
      `Add articles of your own to explore them with the corpus. They are kept in this browser only and never sent anywhere. Text, Markdown or HTML files, up to ${limit(MAX_FILE)} each and ${limit(MAX_TOTAL)} in all.` }),
    el('p', { className: 'own-drop' }, el('span', { textContent: 'Drop files anywhere on the page, or ' }), pick, input),
    form, bar, status, el('div', { role: 'alert' }, messages), retry, listHead, list, clear, confirm, whose, close);
  dialog.setAttribute('aria-labelledby', 'own-heading');
  close.addEventListener('click', () => dialog.close());
  // Escape closes the dialog, and only the dialog (the app's own shortcut clears filters).
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.stopPropagation(); e.preventDefault(); dialog.close(); }
  });
  dialog.addEventListener('close', () => document.getElementById('own-open')?.focus());
  document.body.append(dialog);
  return { dialog, status, bar, messages, retry, list, listHead, clear, confirm, pick, whose };
}

/** Opens the dialog, the focus on its first control. */
export function open() {
  ui ??= build();
  draw();
  if (!ui.dialog.open) ui.dialog.showModal();
  ui.pick.focus();
}

/** The list of documents kept, each with a link that opens it and a Remove button. */
function draw() {
  if (!ui) return;
  const total = docs.reduce((n, d) => n + d.size, 0);
  ui.listHead.textContent = docs.length ? `Kept in this browser: ${plural(docs.length, 'document')}, ${mb(total)}` : 'No documents of yours yet';
  ui.clear.hidden = !docs.length;
  ui.confirm.hidden = true;
  const chosen = new URLSearchParams(location.search).get('own') ?? 'both';
  ui.whose.hidden = !docs.length && chosen === 'both';
  for (const r of ui.whose.querySelectorAll('input')) r.checked = r.value === chosen;
  ui.list.replaceChildren(...docs.map((d) => {
    const link = el('a', { href: `?doc=${encodeURIComponent(d.file)}`, textContent: label(d) });
    link.addEventListener('click', () => ui.dialog.close());
    const rm = el('button', { type: 'button', className: 'own-remove', textContent: 'Remove' });
    rm.setAttribute('aria-label', `Remove ${label(d)}`);
    rm.addEventListener('click', () => remove([d.file]));
    return el('li', {}, link, el('span', { className: 'own-meta', textContent: ` ${d.name} · ${mb(d.size)} ` }), rm);
  }));
}

/** Whose articles the views show (`own` in the URL, src/url.rs: Whose), as the chip words it (src/wording.rs). */
const WHOSE = [['both', 'all articles'], ['corpus', 'the corpus only'], ['mine', 'your documents only']];

/** Shows whose articles `code` (of WHOSE) names: a new view, in the URL. */
function choose(code) {
  const url = new URL(location.href);
  if (code === 'both') url.searchParams.delete('own');
  else url.searchParams.set('own', code);
  go(url, true);
}

/** Moves the app's router to `url`, a new history entry if `push` (it reads the URL on popstate). */
function go(url, push) {
  history[push ? 'pushState' : 'replaceState'](push ? null : history.state, '', url);
  dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
}

/**
 * A document's title: the one given, else its first line (its `head`: the reader's worker
 * or the engine found it), else its file's name.
 */
function label(d) {
  const first = d.head || d.name;
  return d.title || (first.length > 90 ? `${first.slice(0, 89).trim()}…` : first.trim());
}

/** The first line of `text` that is not blank, found without splitting a text of megabytes. */
const firstLine = (text) => text.match(/^[^\S\n]*(\S.*)/m)?.[1].trim() ?? '';

function say(text) {
  if (ui) ui.status.textContent = text;
}

/** Shows one message a file that was not added (kept until the next action). */
function report(lines) {
  ui ??= build();
  ui.messages.replaceChildren(...lines.map((t) => el('li', { textContent: t })));
}

/** Adds `lines` to the messages shown. */
function tell(lines) {
  if (!lines.length) return;
  ui ??= build();
  ui.messages.append(...lines.map((t) => el('li', { textContent: t })));
}

// ---- adding and removing ----------------------------------------------------------

/** Files dropped on the page (`entries`: their FileSystemEntry, for folders). */
export async function drop(files, entries = []) {
  open();
  const all = [];
  for (const [i, f] of files.entries()) {
    const entry = entries[i];
    if (entry?.isDirectory) all.push(...await folder(entry));
    else all.push(f);
  }
  return add(all);
}

/** The files of a dropped folder and of its folders. */
async function folder(dir) {
  const entries = await new Promise((ok, no) => {
    const out = [];
    const reader = dir.createReader();
    const next = () => reader.readEntries((batch) => (batch.length ? (out.push(...batch), next()) : ok(out)), no);
    next();
  });
  const files = [];
  for (const e of entries) {
    if (e.isDirectory) files.push(...await folder(e));
    else files.push(await new Promise((ok, no) => e.file(ok, no)));
  }
  return files;
}

/** Reads, checks, keeps and analyses `items` (Files, or pasted {pasted, name, title, date, text}). */
async function add(items) {
  const problems = [];
  const fresh = [];
  const forget = []; // the worker's texts of files read but not added
  let total = docs.reduce((n, d) => n + d.size, 0);
  say(`Reading ${plural(items.length, 'file')}…`);
  const read = await readAll(items.filter((i) => !i.pasted));
  for (const item of items) {
    const doc = item.pasted ? { ...item, kind: 'txt', size: new Blob([item.text]).size, head: firstLine(item.text) } : read.shift();
    try {
      if (doc.problem) throw new Error(doc.problem);
      if (total + doc.size > MAX_TOTAL) throw new Error(`would take your documents over ${limit(MAX_TOTAL)} in all; remove some first`);
      doc.file = uniqueName(doc.name, fresh);
      doc.added = Date.now();
      total += doc.size;
      fresh.push(doc);
    } catch (e) {
      if (doc.token) forget.push(doc.token);
      problems.push(`${item.name}: ${why(e)}`);
    }
  }
  if (!fresh.length) {
    if (forget.length) files.ask({ keep: { docs: [], forget } }).catch(() => {});
    report(problems);
    say(problems.length ? 'Nothing was added.' : '');
    return false;
  }
  // Kept and analysed at once: the worker does not wait for the storage, whose worker
  // keeps each document in a transaction of its own, so that one refused loses no other;
  // a text it read is kept from its own copy (`token`), not sent back.
  const keeping = (async () => {
    const stored = fresh.map(({ file, name, title, date, kind, size, added, text, token }) => (
      token ? { file, name, title, date, kind, size, added, token } : { file, name, title, date, kind, size, added, text }));
    let answers;
    try {
      answers = await files.ask({ keep: { docs: stored, forget } });
    } catch (e) {
      answers = fresh.map(() => e);
    }
    const kept = fresh.filter((doc, i) => {
      const e = answers[i];
      if (e) problems.push(`${doc.name}: ${quota(e) ? "this browser's storage is full, so it was not added" : `could not be kept: ${why(e)}`}`);
      return !e;
    });
    report(problems);
    return kept;
  })();
  return show('', (n) => `Added ${plural(n, 'document')}.`, { fresh, keeping });
}

/**
 * The worker's `read` answer for `list` (Files), one entry a file; each file refused,
 * saying why, if the worker fails.
 */
async function readAll(list) {
  if (!list.length) return [];
  try {
    return await files.ask({ read: { files: list, max: MAX_FILE } });
  } catch (e) {
    return list.map(({ name }) => ({ name, problem: `could not be read: ${why(e)}` }));
  }
}

/** Removes the documents kept in `list` (their file names). */
async function remove(list) {
  const gone = new Set(list);
  try {
    await files.ask({ remove: list });
  } catch (e) {
    report([`Could not remove from this browser's storage: ${why(e)}`]);
    return;
  }
  const before = docs.length;
  docs = docs.filter((d) => !gone.has(d.file));
  if (!docs.length) localStorage.removeItem(FLAG);
  report([]);
  leave(gone);
  await show('', `Removed ${plural(before - docs.length, 'document')}.`);
  ui?.pick.focus();
}

/**
 * Takes a removed document (of `gone`) out of the URL if it is the one open, so the view
 * goes back to the list rather than naming a document that is no longer here.
 */
function leave(gone) {
  const url = new URL(location.href);
  if (!gone.has(url.searchParams.get('doc'))) return;
  for (const k of ['doc', 'm']) url.searchParams.delete(k);
  go(url, false);
}

/** A file name for `name` that no kept or `fresh` document has. */
function uniqueName(name, fresh) {
  const base = PREFIX + (name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'text');
  const taken = new Set([...docs, ...fresh].map((d) => d.file));
  let file = base;
  for (let n = 2; taken.has(file); n++) file = `${base}-${n}`;
  return file;
}

/**
 * Analyses the kept documents with the corpus in the worker and shows the result, opening
 * `openFile`; then says `done`. With `adding` ({fresh, keeping}: documents being kept,
 * and a promise of those kept), the analysis of all with them starts at once, beside the
 * storing (docs/performance.md): what could not be kept is left out (the others then
 * analysed again), nothing is shown if none was, the first kept opens, and `done` is a
 * function of how many were kept.
 */
function show(openFile, done = '', adding = null) {
  const run = async () => {
    let list = [...docs, ...(adding?.fresh ?? [])];
    if (!list.length) {
      await redraw(NONE, NONE, '');
      say(done);
      draw();
      return true;
    }
    const size = list.reduce((n, d) => n + d.size, 0);
    const slow = size > SLOW;
    if (ui && slow) Object.assign(ui.bar, { hidden: false, value: 0 });
    say(`Analysing ${plural(list.length, 'document')} (${mb(size)})…`);
    performance.mark('dossier:own:start');
    const analyse = async (list) => {
      await restore(list);
      return addDocuments(page[0], page[1], list.map(handOver),
        (d, of, file) => progress(d / of, slow && list.findIndex((x) => x.file === file), list));
    };
    try {
      let answer = analyse(list);
      answer.catch(() => {}); // awaited below, or left if its documents could not be kept
      if (!warmed) await warmUp();
      let kept = [];
      if (adding) {
        kept = await adding.keeping;
        if (kept.length) localStorage.setItem(FLAG, '1');
        docs = [...docs, ...kept];
        if (!kept.length) {
          say('Nothing was added.');
          return false;
        }
        if (kept.length < adding.fresh.length) {
          list = docs;
          answer = analyse(list);
          answer.catch(() => {});
        }
      }
      const { parts: [texts, data], heads, problems, left } = await recovered(answer, () => analyse(list));
      performance.measure('dossier:own:worker', 'dossier:own:start');
      const refused = await leftOut(list, heads, problems, new Set(kept));
      if (adding) {
        kept = kept.filter((d) => !refused.has(d));
        openFile = kept[0]?.file;
        done = kept.length ? done(kept.length) : 'Nothing was added.';
      }
      performance.mark('dossier:own:show');
      await redraw(texts, data, openFile, performance.now() + HOLD);
      // The texts the app was handed: the documents', not the corpus's again (tests/e2e).
      performance.measure('dossier:own:app', { start: 'dossier:own:show', detail: { texts: texts.length } });
      performance.measure('dossier:own', 'dossier:own:start');
      tell(left);
      say(done);
      return kept.length > 0 || !adding;
    } catch (e) {
      failed(e, adding?.fresh.filter((d) => docs.includes(d)) ?? []);
      say('');
      // The views said the documents kept were being analysed (src/own.rs: pending): drawn again, they no longer do.
      if (!mounted) app.mount_own();
      return false;
    } finally {
      if (ui) ui.bar.hidden = true;
      draw();
    }
  };
  const next = work.then(run);
  work = next.catch(() => {});
  return next;
}

/**
 * What the engine worker is given of `d`: its fields, and its text's bytes (or pasted
 * text) the first time only, moved there (the worker keeps the text: web/engine.js); the
 * worker's number noted (`d.worker`), as a new worker must be given the text again.
 */
function handOver(d) {
  const { file, title, date, kind, bytes, text } = d;
  d.worker = next();
  delete d.bytes;
  delete d.text;
  return { file, title, date, kind, bytes, text };
}

/**
 * Gives back to each document of `list` that a new engine worker (web/engine.js: `next`)
 * will not hold, and whose text was handed to another, its text's bytes from this
 * browser's storage (web/own-worker.js): the worker that held it stopped, or could not
 * load. One that is no longer kept is left without: the engine then leaves it out, saying why.
 */
async function restore(list) {
  const lost = list.filter((d) => d.worker && d.worker !== next() && !d.bytes && d.text == null);
  if (!lost.length) return;
  const kept = new Map((await files.ask({ list: true })).map((d) => [d.file, d.bytes]));
  for (const d of lost) if (kept.has(d.file)) d.bytes = kept.get(d.file);
}

/**
 * The engine's `answer`; if its worker stopped meanwhile (the texts it held gone with it:
 * a trap, an error it did not catch), the answer of a new worker, `again()`, given every
 * text again from this browser's storage (`restore`): once, saying so while it runs and after.
 */
async function recovered(answer, again) {
  try {
    return await answer;
  } catch (e) {
    if (!e?.stopped) throw e;
    ui ??= build();
    say('The analysis engine stopped; starting it again and adding your documents back from this browser…');
    const second = await again();
    tell(['The analysis engine stopped and was started again; your documents were added back from this browser’s storage.']);
    return second;
  }
}

/**
 * Says why the documents could not be analysed (`e`), naming each of `fresh` (those of
 * this drop, kept): all are still kept, and Try again (or a reload) analyses them again.
 */
function failed(e, fresh) {
  report([
    ...fresh.map((d) => `${d.name}: kept in this browser, but not analysed: ${why(e)}`),
    `Your documents could not be analysed: ${why(e)}. They are still kept in this browser; try again, or reload the page.`,
  ]);
  ui.retry.hidden = false;
}

/**
 * Notes each document's headline (`heads`, the engine's answer for `list`) and says why
 * each it left out was (`problems`): one of the `fresh` documents (added now) is also
 * taken out of this browser's storage, as a file refused when read is never kept; one
 * kept from before stays kept. Returns the documents left out.
 */
async function leftOut(list, heads, problems, fresh) {
  const out = new Set();
  const lines = [];
  for (const [i, d] of list.entries()) {
    if (heads[i] != null) d.head = heads[i];
    if (!problems[i]) continue;
    out.add(d);
    lines.push(`${fresh.has(d) ? d.name : label(d)}: ${problems[i]}`);
  }
  const gone = [...out].filter((d) => fresh.has(d)).map((d) => d.file);
  if (gone.length) {
    docs = docs.filter((d) => !gone.includes(d.file));
    if (!docs.length) localStorage.removeItem(FLAG);
    await files.ask({ remove: gone }).catch((e) => lines.push(`Could not remove from this browser's storage: ${why(e)}`));
  }
  tell(lines);
  return out;
}

/**
 * Has the app read the page's own corpus as a part (the page format is the part's) three
 * times, once, while the worker analyses the first documents: in `show`'s turn, so never
 * between a part's read and its mount. A browser runs new wasm in a baseline compiler and
 * optimises a function for its next call once it has run a while (as web/engine-worker.js
 * says); the app's reader of the part has run once, at start, on the page's corpus, which
 * for a small corpus leaves it in baseline code, and the reader's part then took one task
 * 2–4 times as long (docs/performance.md). A larger corpus's read at start has done this
 * already, and reading it again would be a long task: it is left out. Each read is a task
 * of its own, so that a keystroke meanwhile waits for one read at most, not three. Each
 * read's result is kept for the page's life, as the app keeps what it reads;
 * `show_own(NONE, NONE)` then leaves the page's data as the one read.
 */
async function warmUp() {
  warmed = true;
  if (page[0].length + page[1].length > WARM_MAX) return;
  const encoder = new TextEncoder();
  const part = [encoder.encode(page[0]), encoder.encode(page[1])];
  for (let i = 0; i < 3; i++) {
    await nextTask();
    performance.mark('dossier:own:warm');
    app.show_own(...part);
    app.show_own_more(Infinity);
    performance.measure('dossier:own:warm', 'dossier:own:warm');
  }
  app.show_own(NONE, NONE);
  app.show_own_more(Infinity);
}

/**
 * Shows how far the analysis is: the bar at `share` (0 to 1) and, for a large drop, the
 * file being read, `at` in `list`, the documents analysed (-1 or false: none yet, or a
 * small drop).
 */
function progress(share, at, list) {
  if (!ui) return;
  ui.bar.value = share;
  const d = list[at];
  if (d) say(`Analysing ${label(d)}: ${at + 1} of ${plural(list.length, 'document')}, ${Math.floor(share * 100)}% done…`);
}

/**
 * Has the app show the reader's documents' part `texts` and `data` (UTF-8 bytes; none if empty)
 * joined to its corpus (throws why not), then open the document
 * in file `openFile` unless it is empty; the focus goes back to the element of the same id
 * once the views are drawn again. Each step waits while the reader types: for a pause
 * until `until` (performance.now() time), then for the gap after a keystroke (`pause`).
 */
async function redraw(texts, data, openFile, until = 0) {
  await pause(until);
  const focused = document.activeElement?.id;
  // The views loaded on demand hold their own copy of the data (web/boot.js hands it on).
  dispatchEvent(new CustomEvent('dossier-own', { detail: [texts, data] }));
  const error = app.show_own(texts, data);
  if (error) throw new Error(error);
  // Read a slice at a time, each a task of its own (src/data.rs: Joining), drawn in the
  // next task, the document added opened in the one after: each shorter than all
  // (docs/performance.md). Between the two last a frame may show the view that was
  // open, on the new data.
  for (;;) {
    await pause(until, true);
    const read = app.show_own_more(SLICE_MS);
    if (read === undefined) continue;
    if (read) throw new Error(read);
    break;
  }
  await pause(until, true);
  app.mount_own();
  mounted = true;
  if (openFile) {
    await pause(until, true);
    go(opening(openFile), true);
  }
  if (focused) requestAnimationFrame(() => document.getElementById(focused)?.focus());
}

/**
 * Resolves once the reader has not typed for TYPING ms (or the browser says no input is
 * pending, where it can tell), in an idle period (the frame that shows the last key drawn
 * first); in a task of its own if `task`. At `until`, if the reader still types, in the gap
 * a keystroke leaves instead (`afterKey`): the step then runs between two keys.
 */
async function pause(until, task = false) {
  const busy = () => performance.now() - typed < TYPING || navigator.scheduling?.isInputPending?.();
  if (!busy()) return task ? nextTask() : undefined;
  if (until) { // an analysis's answer (not a removal's redraw)
    say('Analysed; adding them to the views once you pause typing…');
    if (ui) ui.bar.value = ui.bar.max;
  }
  while (busy() && performance.now() < until) {
    await new Promise((ok) => setTimeout(ok, Math.max(1, Math.min(typed + TYPING, until) - performance.now())));
  }
  if (busy()) return afterKey();
  return new Promise((ok) => (window.requestIdleCallback ? requestIdleCallback(ok, { timeout: 100 }) : setTimeout(ok)));
}

/**
 * Resolves after the next keystroke's two frames (its character, then its search's
 * results: src/app.rs, `Navigator::typed`), when the next key is furthest off; or after
 * TYPING ms if none comes.
 */
const afterKey = () => new Promise((ok) => {
  const frame = (then) => requestAnimationFrame(() => setTimeout(then));
  const key = () => { clearTimeout(timer); frame(() => frame(ok)); };
  const timer = setTimeout(() => { removeEventListener('input', key, true); ok(); }, TYPING);
  addEventListener('input', key, { capture: true, once: true });
});

/** The URL that opens `file`, keeping the search the box holds (typed, perhaps not yet searched). */
function opening(file) {
  const url = new URL(`?doc=${encodeURIComponent(file)}`, location.href);
  const q = document.getElementById('search-input')?.value;
  if (q?.trim()) url.searchParams.set('q', q);
  return url;
}

// ---- the worker that reads and keeps ---------------------------------------------

/**
 * Starts web/own-worker.js: `ask(request)` resolves to its answer, or rejects with an
 * Error (a DOMException's name kept) saying why; if the worker cannot load or stops,
 * what it has not answered rejects and the next request starts a new one.
 */
function startReader() {
  let worker = null;
  let last = 0;
  const pending = new Map();
  const fail = (w, error) => {
    if (worker !== w) return;
    worker.terminate();
    worker = null;
    for (const { no } of pending.values()) no(error);
    pending.clear();
  };
  const begin = () => {
    const w = new Worker(new URL('./own-worker.js', import.meta.url), { type: 'module', name: 'dossier-own' });
    w.onmessage = ({ data: { id, ok, error } }) => {
      const call = pending.get(id);
      pending.delete(id);
      if (error) call?.no(Object.assign(new Error(error.message), { name: error.name }));
      else call?.ok(ok);
    };
    w.onerror = (e) => {
      e.preventDefault();
      fail(w, new Error(`the page's reader of your files could not load${e.message ? `: ${e.message}` : ''}`));
    };
    return w;
  };
  worker = begin();
  const ask = (request) => new Promise((ok, no) => {
    worker ??= begin();
    const id = ++last;
    pending.set(id, { ok, no });
    worker.postMessage({ id, ...request });
  });
  return { ask };
}

const quota = (e) => e?.name === 'QuotaExceededError';
/** Why `e` (an Error, a DOMException, or the worker's {name, message}) happened. */
const why = (e) => (typeof e?.message === 'string' ? e.message : String(e));
