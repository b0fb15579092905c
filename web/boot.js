// Starts Dossier. Trunk.toml's `pattern_script` loads this file as
//   <script type="module" async src="{base}boot.js?js={js}&wasm={wasm}">
// in place of Trunk's inline loader, so that the Content-Security-Policy in index.html
// can forbid inline scripts. The app's hashed file names come in the query string.
//
// If the app cannot load or start (the wasm is missing, the browser lacks WebAssembly,
// a panic at start), the error box of index.html shows why, with a Reload button; a
// panic's own message (written by the app's panic hook) is kept.
const here = new URL(import.meta.url);
const url = (name) => new URL(here.searchParams.get(name), here);
// The script is async: it may run before the body is parsed.
const box = () => document.getElementById('fatal');

function fatal(message) {
  document.getElementById('loading')?.remove(); // it will not finish
  const b = box();
  if (!b || !b.hidden) return;
  document.getElementById('fatal-message').textContent = message;
  b.hidden = false;
  document.getElementById('fatal-reload')?.focus();
}

// The Reload button works even when the app never ran.
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('#fatal-reload')) location.reload();
});

const SLOW = 30_000;
const timer = setTimeout(() => fatal(`Dossier did not start within ${SLOW / 1000} seconds.`), SLOW);
const slowShown = () => { const b = box(); return b && !b.hidden && /did not start within/.test(b.textContent); };
// The wasm is compiled while it downloads, and while the glue and the page arrive
// (start-up: docs/performance.md). If that fails (a server that does not say
// application/wasm, a browser without WebAssembly), the glue loads the wasm its own
// way, and reports what goes wrong.
const wasmUrl = url('wasm');
// A sharded site's page (a manifest instead of the corpus, crates/dossier-core/src/site)
// is read by web/site.js, loaded below: the app's wasm and glue are not fetched for it
// when the page is parsed by now (else they are, unused).
const sharded = () => document.getElementById('manifest');
const compiled = (async () => sharded() ? 0 : WebAssembly.compileStreaming(fetch(wasmUrl)))().catch(() => wasmUrl);
const glue = sharded() ? null : import(url('js').href);
const parsed = document.readyState === 'loading'
  ? new Promise((ok) => document.addEventListener('DOMContentLoaded', ok, { once: true }))
  : null;
// The first look: the linked article, highlighted, drawn from the page's #corpus (its
// format: crates/dossier-core/src/page.rs, written at build time by `dossier page`)
// while the wasm is still on its way; on a sharded site's page, web/site.js calls it
// with the `fields` of the linked article's document shard (its texts, from the first
// U+001B: the same six a document) before its own wasm runs. Only for a link that
// shows an article as it comes (no other view, hidden labels or mention to scroll to),
// once; style/main.css puts it where the app's reader will be. The app replaces it as
// it mounts (src/data.rs): until then it is text to read.
function firstLook(fields = document.getElementById('corpus')?.textContent) {
  const page = document.getElementById('corpus');
  if (!page || !fields || document.getElementById('first-look') || /[?&](view|hide|m)=/.test(location.search)) return;
  // An escaped character (U+000E and the character XOR 0x40) read back.
  const un = (s) => s.replace(/\x0e([\s\S])/g, (_, c) => String.fromCharCode(c.charCodeAt(0) ^ 64));
  const f = fields.split('\x1b');
  const doc = new URLSearchParams(location.search).get('doc');
  // Fields: file, source, date, covers, title, marked text.
  const i = f.findIndex((x, k) => k % 6 === 1 && un(x) === doc);
  if (i < 0) return;
  const [labels, zones, counts, all] = [page.dataset.labels, page.dataset.zones, page.dataset.counts, page.dataset.all].map((s) => s.split(' '));
  const el = (tag, name, ...kids) => {
    const e = document.createElement(tag);
    e.className = name;
    e.append(...kids);
    return e;
  };
  // The legend bar as the app draws it at first: each label's count in the whole corpus
  // when the link filters nothing (else none), in the room of its largest, so it wraps
  // where the app's will. Inert: it is a picture of the bar until the app's arrives.
  const filtered = /[?&](q|e|x|when|zones)=[^&]/.test(location.search);
  const names = page.dataset.names.split(',');
  const bar = el('section', 'filter-bar', el('ul', 'legend', ...labels.map((code, k) => {
    const n = el('span', 'legend-count', filtered ? '' : counts[k]);
    n.style.setProperty('--w', all[k].length); // its digits: the room of its largest
    const b = el('button', 'legend-item', el('span', 'swatch'), el('span', 'legend-name', names[k]), n);
    b.dataset.label = code;
    return el('li', '', b);
  })));
  bar.inert = true;
  const heading = el('h1', '', un(f[i + 4]));
  const article = el('article', 'reader', heading, el('p', 'meta', f.slice(i + 1, i + 4).filter(Boolean).map(un).join(' · ')));
  let block, at;
  // Text, and control characters: 0 ends a mark, 1–10 start one, 12–15 start a block.
  for (const part of f[i + 5].split(/([\x10-\x1f])/)) {
    const c = /^[\x10-\x1f]$/.test(part) ? part.charCodeAt(0) - 16 : -1;
    const zone = zones[c - 12];
    if (zone) {
      at = block = zone === 'title' ? heading : article.appendChild(el('p', 'block'));
      block.dataset.zone = zone;
    } else if (c > 0) (at = block.appendChild(el('mark', ''))).dataset.label = labels[c - 1];
    else if (c === 0) at = block;
    else at?.append(un(part));
  }
  const panes = el('div', 'layout', el('div', 'pane results-pane'), el('div', 'pane main-pane', article), el('div', 'pane entity-pane'));
  panes.dataset.pane = 'main';
  const look = el('div', '', bar, panes);
  look.id = 'first-look';
  page.after(look);
  // In the theme the reader chose (src/theme.rs), before this frame is drawn.
  const theme = localStorage.getItem('dossier-theme');
  if (/^(dark|light)$/.test(theme)) document.documentElement.dataset.theme = theme;
  return true;
}
const looked = (parsed ?? Promise.resolve()).then(() => firstLook()).catch(console.error);

// The reader's own documents (web/own.js, src/own.rs): the module loads when the reader
// first opens its dialog (the top bar's #own-open) or drops files on the page, or at
// start when documents are kept from before. It gets the app's glue and the page's two
// data texts, which the app removes from the page as it starts.
let started;
const app = new Promise((ok) => { started = ok; });
let own;
const ownModule = () => (own ??= app.then(([glue, parts]) => import(new URL('own.js', here).href).then((m) => m.start(glue, parts))));
// The top bar's button (src/components/topbar.rs) opens the dialog.
addEventListener('click', (e) => { if (e.target.closest?.('#own-open')) ownModule().then((m) => m.open()); });
// A view loaded on demand (web/views.js, crates/dossier-views): the app's box for it
// (#views, src/app.rs) says `dossier-views` each time its view changes; an export of the
// app's tables loads it too (below).
let views;
let part = ['', '']; // the reader's documents' part, as web/own.js last handed it to the app
addEventListener('dossier-own', (e) => {
  part = e.detail;
  views?.then((m) => m.own(part), () => {});
});
const viewsModule = () => (views ??= app.then(([, parts]) => import(new URL('views.js', here).href).then((m) => m.start(parts, part))));
addEventListener('dossier-views', () => {
  viewsModule().then((m) => m.show(), (e) => {
    views = null; // the next try loads it again
    const retry = Object.assign(document.createElement('button'), { type: 'button', className: 'tool', textContent: 'Retry' });
    retry.onclick = () => dispatchEvent(new Event('dossier-views'));
    document.getElementById('views')?.replaceChildren(Object.assign(document.createElement('p'), { role: 'alert', textContent: `The view could not load: ${e.message} ` }), retry);
  });
});
// Export of the app's own tables (src/components/export_menu.rs: `hand`): the app names
// the table and its rows on the menu, and the views module, which holds the encoders,
// writes the file; the main page carries none.
addEventListener('dossier-export', () => {
  const menu = document.querySelector('[data-rows]');
  if (!menu) return;
  const [table, rows] = [menu.dataset.table, menu.dataset.rows];
  menu.removeAttribute('data-rows');
  viewsModule().then((m) => m.write(table, rows)).catch((e) => {
    views = null; // the next export loads it again
    console.error('Dossier could not export:', e);
  });
});
const files = (e) => e.dataTransfer?.types.includes('Files');
// Files dragged over the page: the module (and the engine, web/own.js) loads before the drop.
addEventListener('dragover', (e) => { if (files(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; ownModule(); } });
addEventListener('drop', (e) => {
  if (!files(e)) return;
  e.preventDefault();
  // Read now: the drop's data is gone after this event.
  const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.());
  const dropped = [...e.dataTransfer.files];
  ownModule().then((m) => m.drop(dropped, entries));
});

try {
  if ((await parsed, sharded())) await (await import(new URL('site.js', here).href)).start(firstLook);
  else await startApp();
} catch (err) {
  console.error('Dossier could not start:', err);
  await parsed;
  fatal(`Dossier could not start: ${err && err.message ? err.message : err}`);
} finally {
  clearTimeout(timer);
}

async function startApp() {
  const { default: init } = await glue;
  const module_or_path = await compiled;
  await parsed; // the app mounts into the body
  const parts = ['corpus', 'analysis'].map((id) => document.getElementById(id)?.textContent ?? '');
  // The first look reaches the screen before the app's first long task: a frame, then a task.
  if (await looked) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
  const wasm = await init({ module_or_path });
  if (slowShown()) box().hidden = true; // it was only slow
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  started([await glue, parts]);
  if (localStorage.getItem('dossier-own')) ownModule().catch(console.error);
}
