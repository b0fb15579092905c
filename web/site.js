// The reader of a sharded site (issue 24): web/boot.js imports this module, instead of
// starting the app, when the page carries a manifest (#manifest) instead of the corpus.
// The wasm beside it (crates/dossier-site) holds the manifest, says which file holds
// what, and reads each fetched file with the core's one decoder of its format (length
// and address checked first); this module fetches the files (same origin, shards/ beside
// the page), keeps them decoded in a cache bounded by their decoded size (a document
// shard's documents read one at a time, as shown), and draws: the legend's counts and
// each label's top entities from the head, the article list run by run, an article from
// its document shard, an entity's articles and mentions from its entity shard, a search
// from the search index's fragments (words, phrases, prefixes, exclusions), entities
// required and excluded (AND/NOT) with it, any entity found by its name from the name
// index, a period chosen on the timeline (the head's timelines, then the period files of
// its buckets), an entity's connections (the entities named in most of its articles, from
// its entity shard), who said what (view=quotes: the quotes runs of the articles kept, the
// speakers file; one speaker's quotes from their speaker files) and what changed between two sides (view=compare: each side's entity
// counts summed from the counts runs); the panel's groups go on past the head's top
// entities (the ranked runs) and count under the filters (the counts runs). The list keeps at most WINDOW rows drawn, whatever the corpus's size;
// the keys of the app move through it (j/k or the arrows, Home/End in the list, / and
// Esc). The URL is the state (the app's doc, e, x, q, when, view, the timeline's v-by, Compare's v-a, v-b, v-sort, v-e);
// texts reach the page as text nodes only.
// The wasm's glue (./dossier-site.js), imported by `start` rather than statically, so that
// a deep link's first look (its article drawn from its shard, `lookFrom`) waits for this
// module and the shard, not for the glue too.
let clauses, counts, decode, doc_at, export_compared, export_docs, export_end, export_names, export_quotes_only, export_rows, export_start, locate, mention_files, name_files, name_words, open, prefix_files, said_files, term_files;

const here = import.meta.url;
/**
 * The decoded files kept in memory, in characters of their JSON (least recently used
 * dropped first): the decoder's JSON is what JSON.parse makes objects of, about 1.4
 * times the file's bytes, so this bounds the heap by what decoding made, not by what
 * was fetched.
 */
const BOUND = 16 << 20;
/**
 * Characters of JSON the head and the article-list runs are kept within (Cache `kept`;
 * keepLists fills half of it): 20,000 articles' 67 runs (2.2 MB) are 3.0 M.
 */
const KEPT = 8 << 20;
/** Bytes of files a prefix search may fetch (their JSON: about half of BOUND). */
const PREFIX_BYTES = 8 << 20;
/** Rows a list draws at a time ("Show more" draws the next). */
const PAGE = 50;
/** Rows a list keeps drawn: past it, those at the far end from the page drawn go. */
const WINDOW = 2 * PAGE;
/** Mentions an entity's card shows with their context. */
const MENTIONS = 8;
/** A pane shows its loading state when a fetch takes longer than this, in ms. */
const SLOW = 100;
/** Entities the panel's search lists at most (the most mentioned of those it finds). */
const FOUND = 20;
/** Entity-table runs the panel's search fetches at most for one query (~1.6 KB gzip each). */
const FOUND_RUNS = 8;
/** Entity ids a filter list keeps, as the app's parser (src/url.rs, MAX_IDS). */
const MAX_IDS = 50;
/** Connections an entity's view lists (its shard holds the 50 most shared). */
const PARTNERS = 20;
/** A month timeline spanning more years than this is drawn by year (as the app's). */
const YEARS_OF_MONTHS = 6;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A file that cannot be shown: kind `missing` (Retry may help) or `version` (Reload). */
class Fault extends Error {
  constructor(thrown) {
    const [kind, message] = String(thrown).split('\t');
    super(message ?? kind);
    this.kind = message ? kind : 'version';
  }
}

/**
 * Decoded files, each { p: promise of the file, size: its JSON's length once read }, in
 * least recently used order: past `bound` characters, the least recently used go.
 */
class Cache {
  constructor(bound) {
    this.bound = bound;
    this.files = new Map();
    this.held = 0;
  }
}
const cache = new Cache(BOUND);
/**
 * The head and the article-list runs, which every view's rows are drawn from, kept apart
 * so that a search's or an entity's files, however many, never push them out: a cached
 * interaction draws its rows without a fetch.
 */
const kept = new Cache(KEPT);
const cacheOf = (name) => (name.startsWith('l-') || name.startsWith('h-') ? kept : cache);

/**
 * Files asked for before the wasm can read them (the linked article's shard, the page's
 * preloads), by name: promises of their bytes, undefined if the fetch failed, each taken
 * once by `fetched` (a retry fetches again). Read while the wasm loads, they are at hand
 * when it runs: the first screen's files need no fetch after it.
 */
const asked = new Map();

/** The bytes of file `name` asked for now (`asked`). */
function ask(name) {
  const bytes = fetch(new URL(`shards/${name}`, here))
    .then((r) => (r.ok ? r.arrayBuffer() : undefined))
    .then((b) => b && new Uint8Array(b), () => undefined);
  asked.set(name, bytes);
  return bytes;
}

/**
 * The document shard that would hold the linked article, from the manifest's `d`
 * records (kind, name, bytes, first document, number of documents, first document's
 * file; fields U+001F, records U+001E, texts escaped as the page's), fetched now: the
 * last whose first file is not after the link's, as documents are in file-name order
 * (`Manifest::doc_shard_of_file`, which the reader asks once its wasm runs, and whose
 * decoder checks the shard).
 */
function linkedShard() {
  // Found and fetched by the page's inline script (scripts/shard-site.mjs, lookNow).
  const given = document.getElementById('manifest').linked;
  if (given) {
    asked.set(given.name, given.bytes);
    return given;
  }
  const doc = new URLSearchParams(location.search).get('doc');
  const un = (s) => s.replace(/\x0e([\s\S])/g, (_, c) => String.fromCharCode(c.charCodeAt(0) ^ 64));
  let shard;
  for (const record of (doc && document.getElementById('manifest').textContent.split('\x1e')) || []) {
    const f = record.split('\x1f');
    if (f[0] !== 'd' || f.length !== 6) continue;
    if ((f[5].includes('\x0e') ? un(f[5]) : f[5]) > doc) break;
    shard = f;
  }
  if (!shard) return undefined;
  const [, name, length] = shard;
  return { name, length: Number(length), bytes: ask(name) };
}

/**
 * A file's address, as `site::address`: 64-bit FNV-1a of its bytes as 16 hex digits,
 * here in four 16-bit limbs (h0 the lowest), so that every product and carry stays a
 * small integer (with 32-bit halves and a float carry it took about twice as long in
 * Chromium, on a deep link's path: 264 KB hashed before the article is drawn). The prime
 * is 2^40 + 0x1b3: 0x1b3 times each limb, plus the low two limbs 40 bits up.
 */
function address(bytes) {
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}

/**
 * The linked article drawn by web/boot.js's first look (`look`) from its shard's texts
 * as soon as they arrive, if the reader has not drawn yet and the shard's length and
 * address are the manifest's: a link's article on screen without waiting for the wasm.
 * Whether it was drawn.
 */
async function lookFrom(shard, look) {
  const b = await shard.bytes;
  if (document.getElementById('first-look')) return true; // drawn by the page's inline script
  if (!b || document.getElementById('site') || b.length !== shard.length || `d-${address(b)}.txt` !== shard.name) return;
  const text = new TextDecoder().decode(b);
  return look(text.slice(text.indexOf('\x1b')));
}

async function fetched(name) {
  let bytes;
  const pending = asked.get(name);
  asked.delete(name);
  try {
    if (pending) bytes = await pending;
    else {
      const r = await fetch(new URL(`shards/${name}`, here));
      if (r.ok) bytes = new Uint8Array(await r.arrayBuffer());
    }
  } catch {
    // the network failed: the decoder says the file is missing
  }
  try {
    if (name.startsWith('g-')) {
      // A counts run: numbers, not JSON (lib.rs, flat_counts): `at` each document's
      // offset into `pairs`, which hold (entity, mentions).
      const a = counts(name, bytes);
      const n = a[1];
      return [{ first: a[0], at: a.subarray(2, 3 + n), pairs: a.subarray(3 + n) }, a.byteLength];
    }
    const json = decode(name, bytes);
    const value = JSON.parse(json);
    if (!name.startsWith('d-')) return [value, json.length];
    // A document shard: its file names now, each document read from the bytes when it
    // is shown (docIn), its JSON about 1.3 times its bytes.
    Object.assign(value, { name, bytes, docs: [] });
    return [value, json.length + 2.3 * bytes.length];
  } catch (e) {
    // The decoder throws `kind<TAB>message`; anything else is a file it cannot read.
    throw new Fault(e instanceof Error ? `version\t${e.message}` : e);
  }
}

/** The decoded file `name`: from its cache, else fetched and decoded once. */
function file(name) {
  if (!name) return Promise.reject(new Fault('version\tthe site has no such file'));
  const c = cacheOf(name);
  let hit = c.files.get(name);
  if (hit) {
    c.files.delete(name);
    c.files.set(name, hit);
    return hit.p;
  }
  hit = { size: 0 };
  hit.p = fetched(name).then(([value, size]) => {
    hit.size = size;
    c.held += size;
    for (const [k, v] of c.files) {
      if (c.held <= c.bound || v === hit) break;
      if (v.size) { c.files.delete(k); c.held -= v.size; }
    }
    return value;
  }, (e) => { c.files.delete(name); throw e; });
  c.files.set(name, hit);
  return hit.p;
}

/**
 * The directory, read once into the wasm's manifest: the files of search, entity tables
 * and shards (kept out of the cache's bound, so that it is never fetched twice).
 */
let read;
const directory = () => (read ??= file(locate('directory', '')).catch((e) => { read = null; throw e; }));

const el = (tag, props = {}, ...kids) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids.filter((k) => k !== null && k !== undefined));
  return e;
};

// The view's query string: the URL's, ahead of it while a new history entry waits for
// the frame that shows its view (go).
let now = location.search;
const param = (k) => new URLSearchParams(now).get(k);

/**
 * The entity ids of the filter list `k` (`e` required, `x` excluded), read as the app
 * reads them (src/url.rs): comma-separated, each once, at most MAX_IDS; an entity both
 * required and excluded is excluded.
 */
function filters(k) {
  const list = (key) => [...new Set((param(key) ?? '').split(',').filter(Boolean))].slice(0, MAX_IDS);
  const x = list('x');
  return k === 'x' ? x : list('e').filter((id) => !x.includes(id));
}

/** A URL that changes only the query string: `set` over the current parameters (lists keep their commas). */
function href(set) {
  const p = new URLSearchParams(now);
  for (const [k, v] of Object.entries(set)) v === null ? p.delete(k) : p.set(k, v);
  const s = p.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : location.pathname;
}

/**
 * The parameters that put entity `id` in the filter list `k` (`e` or `x`) and out of the
 * other, or take it out of `k` if it is there already (as the app's panel buttons do).
 */
function toggle(k, id) {
  const other = k === 'e' ? 'x' : 'e';
  const on = filters(k);
  const off = filters(other).filter((i) => i !== id);
  const next = on.includes(id) ? on.filter((i) => i !== id) : [...on, id];
  return { [k]: next.join(',') || null, [other]: off.join(',') || null };
}

/**
 * The URL's period (`when`), read as the app reads it (src/url.rs, `period`): `YYYY` or
 * `YYYY-MM`, or two of one kind as `from..to`, put in order; null when there is none or
 * it is malformed (the app drops it too).
 */
function when(w = param('when')) {
  if (!w) return null;
  const ends = w.split('..');
  const ok = (k) => /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(k);
  if (ends.length > 2 || !ends.every(ok) || ends[0].length !== ends.at(-1).length) return null;
  const [from, to] = [ends[0], ends.at(-1)].sort();
  return { from, to };
}

/** A bucket's key in words: `May 2024`, `2024`. */
const period = (k) => (k.length === 7 ? `${MONTHS[Number(k.slice(5)) - 1]} ${k.slice(0, 4)}` : k);

/** A period in words: `in May 2024`, or `from May 2024 to July 2024`. */
const span = (w) => (w.from === w.to ? `in ${period(w.from)}` : `from ${period(w.from)} to ${period(w.to)}`);

/** The view the URL asks for: `timeline`, `connections`, `quotes`, `compare`, else the articles. */
function view() {
  const v = param('view');
  return ['timeline', 'connections', 'quotes', 'compare'].includes(v) ? v : 'articles';
}

/** A link that sets `set` over the parameters of the moment it is followed. */
function link(set, props, ...kids) {
  const a = el('a', { href: href(set), ...props }, ...kids);
  a.dataset.set = JSON.stringify(set);
  return a;
}

/**
 * Fills `pane` with what `work` makes, under `key` (nothing done if it already shows it):
 * a loading state if that takes over SLOW ms, a fault's message with Retry or Reload if it
 * fails; nothing partial. A later call for the same pane wins: `work` is handed
 * `current()`, whether its call still is the pane's, for what it changes in place (docList
 * reusing the list shown); nodes it hands back that are the pane's already stay where
 * they are. `quiet`: what the pane shows stays until the new content is ready, and stays
 * if it cannot be.
 */
async function fill(pane, key, label, work, quiet = false) {
  if (pane.dataset.key === key && !pane.querySelector('.site-fault')) return;
  pane.dataset.key = key;
  const mine = {};
  pane.token = mine;
  const timer = setTimeout(() => {
    if (pane.token !== mine || quiet) return;
    pane.setAttribute('aria-busy', 'true');
    pane.replaceChildren(el('p', { className: 'site-loading', role: 'status', textContent: `Loading ${label}…` }));
  }, SLOW);
  let nodes;
  try {
    nodes = await work(() => pane.token === mine);
  } catch (e) {
    if (quiet) return;
    nodes = [faultBox(e, label, () => { delete pane.dataset.key; fill(pane, key, label, work); })];
  }
  clearTimeout(timer);
  if (pane.token !== mine) return;
  pane.removeAttribute('aria-busy');
  const kids = pane.childNodes;
  if (nodes.length !== kids.length || nodes.some((node, i) => kids[i] !== node)) pane.replaceChildren(...nodes);
}

/** The message for a file that cannot be shown, with Retry (missing) or Reload (another version). */
function faultBox(e, label, retry) {
  if (!(e instanceof Fault)) console.error(e);
  const missing = e instanceof Fault && e.kind === 'missing';
  const text = missing
    ? `${label[0].toUpperCase()}${label.slice(1)} cannot be fetched: ${e.message}. Check the connection and retry.`
    : `This page is from another version of the site, so ${label} cannot be shown (${e.message}). Reload to get the current version.`;
  const button = el('button', { type: 'button', textContent: missing ? 'Retry' : 'Reload' });
  button.addEventListener('click', missing ? retry : () => location.reload());
  return el('div', { className: 'site-fault', role: 'alert' }, el('p', { textContent: text }), button);
}

/** The article-list rows of documents `docs`, from their runs (cached as files are). */
async function rowsOf(docs) {
  const names = docs.map((d) => locate('list', String(d)));
  const runs = new Map(await Promise.all([...new Set(names)].map(async (n) => [n, await file(n)])));
  return docs.map((d, i) => {
    const run = runs.get(names[i]);
    return run.rows[d - run.first];
  });
}

/** Row `i` of `of` in a list: document `d`'s title, date and source (`r`), a link that opens it. */
function rowItem(r, d, i, of, open) {
  const meta = [r.date, r.source].filter(Boolean).join(' · ');
  const a = link({ doc: r.file }, { className: 'site-row' }, el('span', { className: 'site-title', textContent: r.title }));
  Object.assign(a.dataset, { file: r.file, doc: d });
  if (meta) a.append(el('small', { textContent: meta }));
  if (r.file === open) a.setAttribute('aria-current', 'page');
  return el('li', { ariaPosInSet: String(i + 1), ariaSetSize: String(of) }, a);
}

/**
 * The list item `li` made row `i` of `of` as rowItem makes it, writing only the text and
 * attributes that differ (a row of the same document keeps its text; each written value
 * invalidates the element's style); an item that is not a row (a loading state) is
 * replaced.
 */
function setRow(li, r, d, i, of, open) {
  const a = li.firstElementChild;
  const meta = [r.date, r.source].filter(Boolean).join(' · ');
  const small = a?.querySelector('small');
  if (!a?.classList.contains('site-row') || Boolean(small) !== Boolean(meta)) {
    li.replaceWith(rowItem(r, d, i, of, open));
    return;
  }
  const put = (node, k, v) => node.getAttribute(k) !== v && node.setAttribute(k, v);
  put(li, 'aria-posinset', String(i + 1));
  put(li, 'aria-setsize', String(of));
  put(a, 'href', href({ doc: r.file }));
  put(a, 'data-doc', String(d));
  if (a.dataset.file !== r.file) {
    Object.assign(a.dataset, { file: r.file, set: JSON.stringify({ doc: r.file }) });
    a.firstElementChild.textContent = r.title;
  }
  if (small && small.textContent !== meta) small.textContent = meta;
  if (r.file === open) put(a, 'aria-current', 'page');
  else a.removeAttribute('aria-current');
}

/**
 * A list row's height in px, as last measured (the mean of a list's drawn rows; before
 * any, a one-line title and its date): what a row not drawn stands for beside a list,
 * and how many rows a new list draws at first (a window's height of them).
 */
let rowHeight = 50;

/**
 * A list of documents drawn as it scrolls (virtualised): a new list draws the rows a
 * window's height holds, and scrolling draws those it brings into view, with a screenful
 * either side, keeping the rows drawn already and letting the others go; the rows not
 * drawn stand in an empty block above and below the list, `rowHeight` px each, so that
 * the scroll bar is the whole list's (blocks beside the list, not its padding: a change
 * of the padding of a row's parent turns off the browser's scroll anchoring, and rows
 * drawn above would move the row under the pointer between a press and its release). The page holds as many rows at 20,000 articles as at 200, and an
 * interaction's frame draws one screenful (bench-sharded.mjs: drawing 50 rows held a
 * cached entity click's frame 8–10 ms). Rows whose run is slow to come show a loading
 * state, a run that cannot be read a fault with Retry, where the rows would be.
 * `reveal(i)` draws row i (the keys), `update()` the rows in view (the page's scroll).
 *
 * Given `current` (fill's: the results pane's list, from show), a list the pane shows
 * already is taken over rather than made anew: its heading, blocks and row items stay
 * in the page, and only the text and attributes that change are written (setRow), once
 * the new rows are at hand and if the call is still the pane's. The list's earlier
 * owner, its draws and measures, then leave it alone (`list.owner`).
 */
async function docList(heading, docs, current) {
  const old = current && shownList();
  const list = old ?? el('ol', { className: 'site-list' });
  const [title, above, below] = old?.parts ?? [el('h2', { className: 'site-heading' }), ...[0, 1].map(() => el('div', { ariaHidden: 'true' }))];
  list.parts = [title, above, below];
  const mine = {};
  if (!old) {
    list.owner = mine;
    title.textContent = heading;
    // Its owner's handler: one listener whoever owns the list.
    list.addEventListener('focusin', (e) => list.focused(e));
  }
  const owned = () => list.owner === mine;
  const n = docs.length;
  let [from, to] = [0, 0]; // docs[from..to] are drawn
  let h = rowHeight; // this list's height for a row not drawn
  const pad = () => {
    if (!owned()) return;
    above.style.height = from ? `${from * h}px` : '';
    below.style.height = to < n ? `${(n - to) * h}px` : '';
  };
  // Only `note` in the list (a loading state, a fault), where rows a.. would be.
  const only = (a, note) => {
    if (!owned()) return;
    list.replaceChildren(el('li', { className: 'site-list-note' }, note));
    [from, to] = [a, a];
    pad();
  };
  // Rows a..b drawn, those drawn already kept in place: one draw at a time, the last one
  // asked for drawn (those it overtook are not).
  let drawing = Promise.resolve();
  let asked;
  const draw = (a, b) => {
    const mine = (asked = [Math.max(0, a), Math.min(n, b)]);
    const done = drawing.then(() => asked === mine && drawRows(...mine));
    drawing = done.catch(() => {});
    return done;
  };
  const drawRows = async (a, b) => {
    if (a === from && b === to) return;
    const was = [from, to];
    let [k0, k1] = [Math.max(a, from), Math.min(b, to)]; // rows kept
    if (k0 >= k1) [k0, k1] = [b, b];
    // Slow to come: a loading state in their place, for which the rows kept go too.
    const slow = setTimeout(() => only(a, el('p', { className: 'site-loading', role: 'status', textContent: 'Loading the articles…' })), SLOW);
    let before, after;
    try {
      [before, after] = await Promise.all([rowsOf(docs.slice(a, k0)), rowsOf(docs.slice(k1, b))]);
      if (from !== was[0] || to !== was[1]) [before, after, k0, k1] = [await rowsOf(docs.slice(a, b)), [], b, b];
    } finally {
      clearTimeout(slow);
    }
    if (!owned()) return;
    const open = param('doc');
    const items = (rows, x) => rows.map((r, k) => rowItem(r, docs[x + k], x + k, n, open));
    if (k0 < k1) {
      for (let i = from; i < k0; i++) list.firstElementChild.remove();
      for (let i = k1; i < to; i++) list.lastElementChild.remove();
      list.prepend(...items(before, a));
      list.append(...items(after, k1));
    } else list.replaceChildren(...items(before, a), ...items(after, k1));
    [from, to] = [a, b];
    pad();
  };
  /** The rows in view drawn (`ahead`: with half a screen either side at least), from the layout as it is. */
  const update = (ahead = true) => {
    if (!n || !list.isConnected || !owned()) return;
    const r = list.getBoundingClientRect();
    const pane = list.closest('.pane')?.getBoundingClientRect();
    // Offsets from where the list's first row would be.
    const origin = r.top - from * h;
    const top = Math.max(0, pane?.top ?? 0) - origin;
    const bottom = Math.min(innerHeight, pane?.bottom ?? innerHeight) - origin;
    const drawn = r.height;
    if (bottom <= 0 || top >= from * h + drawn + (n - to) * h) return;
    if (to > from && drawn > 0) {
      rowHeight = drawn / (to - from);
      // Measured before any row above is let go, the block below only changes; on a
      // scroll only, not in the frame after an interaction's (which would take two).
      if (ahead && !from && Math.abs(h - rowHeight) > 1) {
        h = rowHeight;
        pad();
      }
    }
    const start = from * h;
    const at = (y) => (y < start ? y / h : y < start + drawn ? from + ((y - start) / drawn) * (to - from) : to + (y - start - drawn) / h);
    const [first, last] = [Math.max(0, Math.floor(at(top))), Math.min(n, Math.ceil(at(bottom)))];
    const screen = Math.max(1, last - first);
    const margin = ahead ? screen / 2 : 0;
    if (first >= from && last <= to && (!from || first - from >= margin) && (to === n || to - last >= margin)) return;
    draw(first - screen, last + screen).catch((e) => only(first, faultBox(e, 'the articles', () => update())));
  };
  if (old) {
    const rows = await rowsOf(docs.slice(0, Math.ceil(innerHeight / rowHeight)));
    if (!current()) return [];
    takeOver(list, title, heading, rows, docs);
    list.owner = mine;
    [from, to] = [0, rows.length];
    pad();
  } else await draw(0, Math.ceil(innerHeight / rowHeight));
  // Once drawn, the rows in view if the first ones do not fill it (scrolled, shorter rows).
  requestAnimationFrame(() => setTimeout(() => update(false)));
  // A row reached by Tab at either end of those drawn brings the next screenful (not one
  // focused by a press: rows drawn between the press and the release could take the click).
  list.focused = (e) => {
    if (!e.target.matches(':focus-visible')) return;
    const i = Number(e.target.closest('li')?.ariaPosInSet) - 1;
    const screen = Math.ceil(innerHeight / rowHeight);
    if ((i >= to - 2 && to < n) || (i <= from + 1 && from > 0)) draw(i - screen, i + screen + 1).catch(() => update());
  };
  list.docs = docs;
  list.update = update;
  list.reveal = async (i) => {
    if (i < from || i >= to) {
      const half = Math.ceil(innerHeight / rowHeight / 2);
      await draw(i - half, i + half + 1);
    }
    return i >= from && i < to ? list.children[i - from]?.querySelector('a') : undefined;
  };
  return [title, above, list, below];
}

/** The list `list` showing `rows` (of `docs`, from the first) under `heading`, its items kept and rewritten (setRow). */
function takeOver(list, title, heading, rows, docs) {
  if (title.textContent !== heading) title.textContent = heading;
  const open = param('doc');
  rows.forEach((r, i) => {
    const li = list.children[i];
    if (li) setRow(li, r, docs[i], i, docs.length, open);
    else list.append(rowItem(r, docs[i], i, docs.length, open));
  });
  while (list.children.length > rows.length) list.lastElementChild.remove();
}

/** Resolves when the page is next idle. */
const idle = () => new Promise((ok) => (globalThis.requestIdleCallback ? requestIdleCallback(ok) : setTimeout(ok, 50)));

/**
 * The article-list runs fetched and decoded one at a time, each when the page is idle,
 * from the first, while the cache `kept` holds less than half its bound: then the rows
 * of any list (a search's, an entity's, a combination of filters not seen before) are
 * drawn without a fetch. 20,000 articles' runs are 67 files, 2.2 MB (each about 2.1 KB
 * gzip, 141 KB in all).
 */
async function keepLists() {
  for (let row = 0; row < site.documents && kept.held < kept.bound / 2;) {
    await idle();
    const run = await file(locate('list', String(row))).catch(() => null);
    if (!run?.rows.length) return;
    row = run.first + run.rows.length;
  }
}

/**
 * The site kept for the next visit, offline too, by web/sw.js (a service worker over the
 * base path): registered once the first screen is drawn, and told the deploy (its head
 * file) and what the page fetched before it ran, which it keeps. Where service workers
 * are not allowed (an insecure origin, a browser's setting) the site works as before.
 */
async function keepForOffline() {
  const workers = globalThis.isSecureContext && navigator.serviceWorker;
  if (!workers) return;
  await workers.register(new URL('sw.js', here));
  const { active } = await workers.ready;
  const urls = performance.getEntriesByType('resource').map((r) => r.name);
  active?.postMessage({ deploy: site.head, page: location.href, urls });
}

/** The list the results pane shows (docList's), if any. */
const shownList = () => panes.results.querySelector('.site-list');

/** Marks the open article's row in the list `list` (the results pane's), if it is drawn. */
function markCurrent(list = shownList()) {
  const doc = param('doc');
  for (const a of list?.querySelectorAll('a') ?? []) {
    if (a.dataset.file === doc) a.setAttribute('aria-current', 'page');
    else if (a.hasAttribute('aria-current')) a.removeAttribute('aria-current');
  }
}

/**
 * `n` with its thousands separated by commas (`20,000`), as `toLocaleString('en')` writes
 * it, whose first call loads the locale's data: 40–140 ms on the way to the first list
 * at 20,000 articles on a loaded machine (bench-sharded.mjs).
 */
const digits = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
const count = (n, one, many = `${one}s`) => `${digits(n)} ${n === 1 ? one : many}`;

// The head's entities (each label's top ones) by number and by id; any other is read
// from its table run and name fragment, cached as files are, so these stay bounded.
const entities = new Map();
const ids = new Map();
function know(ix, row) {
  entities.set(ix, row);
  ids.set(row.id, ix);
}

/** Entity number `ix`'s row (the head's, or its table run's, from the directory). */
async function entityRow(ix) {
  if (entities.has(ix)) return entities.get(ix);
  await directory();
  const run = await file(locate('table', String(ix)));
  return run.rows[ix - run.first];
}

/** The number of the entity of id `id` (the head's, or its name-index fragment's), or undefined. */
async function entityOf(id) {
  if (ids.has(id)) return ids.get(id);
  await directory();
  for (const frag of await Promise.all(JSON.parse(name_files(id)).map(file))) {
    if (Object.hasOwn(frag, id) && (await entityRow(frag[id][0]))?.id === id) return frag[id][0];
  }
  return undefined;
}

/**
 * Entity `ix`'s mentions as lists of [document, mention] pairs, in document order: its
 * shard's list, or its parts' (a common entity's: hundreds of thousands at 20,000
 * articles, so they are read in place, never copied into one list).
 */
async function mentionLists(ix) {
  await directory();
  const shard = await file(locate('entities', String(ix)));
  const parts = JSON.parse(mention_files(ix));
  if (!parts.length) return [shard.rows[ix - shard.first].mentions];
  return (await Promise.all(parts.map(file))).map((p) => p.mentions);
}

/** The documents of mention lists `lists` (in document order), each once. */
function docsOf(lists) {
  const out = [];
  for (const list of lists) for (const [d] of list) if (d !== out[out.length - 1]) out.push(d);
  return out;
}

/**
 * Term `w`'s postings as lists of [document, ...positions], in document order (a document
 * once), from its fragments or its parts; read in place, never copied.
 */
async function postingLists(w) {
  const where = JSON.parse(term_files(w));
  const files = await Promise.all((where.parts ?? where.fragments ?? []).map(file));
  return files.map((f) => (Object.hasOwn(f, w) ? f[w] : []));
}

/** The documents of posting lists `lists`, in order. */
function docsIn(lists) {
  const out = [];
  for (const list of lists) for (const e of list) out.push(e[0]);
  return out;
}

/** The documents in both of the ordered lists `a` and `b`. */
function both(a, b) {
  const out = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else { out.push(a[i]); i++; j++; }
  }
  return out;
}

/**
 * The documents holding a clause's words, in order: one word, or a phrase's words at
 * consecutive positions (the fragments carry no paragraph: a phrase across two, which
 * the app does not count, is found here).
 */
async function clauseDocs(words) {
  const lists = await Promise.all(words.map(postingLists));
  const docs = lists.map(docsIn).reduce(both);
  if (words.length === 1) return docs;
  // Positions only of the documents holding every word.
  const keep = new Set(docs);
  const at = lists.map((ls) => {
    const m = new Map();
    for (const list of ls) for (const e of list) if (keep.has(e[0])) m.set(e[0], e);
    return m;
  });
  const follows = (d, p) => at.every((m, i) => i === 0 || m.get(d).indexOf(p + i, 1) > 0);
  return docs.filter((d) => at[0].get(d).some((p, k) => k > 0 && follows(d, p)));
}

/** A prefix whose files are more than the cache holds: the reader is asked for more letters. */
class Wide extends Error {}

/** The documents holding a word that starts with `prefix`, in order: its fragments' and parts' terms. */
async function prefixDocs(prefix) {
  const where = JSON.parse(prefix_files(prefix));
  if (where.bytes > PREFIX_BYTES) throw new Wide(`“${prefix}*” is the start of too many words to look for here (${(where.bytes / 1048576).toFixed(1)} MB of the index): type more of the word.`);
  const seen = new Uint8Array(site.documents);
  for (const f of await Promise.all(where.files.map(file))) {
    for (const [t, list] of Object.entries(f)) if (t.startsWith(prefix)) for (const e of list) seen[e[0]] = 1;
  }
  const out = [];
  seen.forEach((x, d) => x && out.push(d));
  return out;
}

/**
 * The documents matching `q`, in order: holding every clause's word or phrase, and none
 * of the excluded ones (`-word`, `-"a phrase"`), a prefix (`word*`) any word starting
 * with it, the clauses read as the app reads them.
 */
function searchDocs(q) {
  return memo(`q${q}`, () => matching(q));
}

/** searchDocs' documents, made from the files. */
async function matching(q) {
  await directory();
  const all = JSON.parse(clauses(q));
  if (!all.length) return [];
  const found = await Promise.all(all.map((c) => (c.prefix ? prefixDocs(c.words[0]) : clauseDocs(c.words))));
  const kept = found.filter((_, i) => !all[i].negated);
  const left = found.filter((_, i) => all[i].negated);
  const docs = kept.length ? kept.reduce(both) : [...Array(site.documents).keys()];
  if (!left.length) return docs;
  const out = new Uint8Array(site.documents);
  for (const list of left) for (const d of list) out[d] = 1;
  return docs.filter((d) => !out[d]);
}

/** The documents of the ordered list `a` that are not in the ordered list `b`. */
function minus(a, b) {
  const out = [];
  for (let i = 0, j = 0; i < a.length; i++) {
    while (j < b.length && b[j] < a[i]) j++;
    if (b[j] !== a[i]) out.push(a[i]);
  }
  return out;
}

/** The head's all-zones timeline by year (`year`) or by month. */
const timelineOf = (h, year) => h.timelines.find((t) => t.all && t.year === year);

/** The decoded period files of buckets `keys`, each file once. */
async function periodFiles(keys) {
  await directory();
  return Promise.all([...new Set(keys.map((k) => locate('period', k)))].map(file));
}

/**
 * The documents mentioning a date in the period `w` (its buckets of the head's timeline of
 * its kind), in order: the period files of its buckets, merged.
 */
async function periodDocs(w) {
  const keys = timelineOf(await file(site.head), w.from.length === 4).buckets.map((b) => b[0]).filter((k) => k >= w.from && k <= w.to);
  const seen = new Uint8Array(site.documents);
  for (const f of await periodFiles(keys)) for (const k of keys) if (Object.hasOwn(f, k)) for (const d of f[k]) seen[d] = 1;
  const out = [];
  seen.forEach((x, d) => x && out.push(d));
  return out;
}

/** An entity id the site does not have, in a filter. */
class NoEntity extends Error {}

/**
 * Results kept made: an entity's or a search's document list (each at most 4 bytes a
 * document), an entity's card (its first mentions' texts, cardOf).
 */
const LISTS = 48;
const made = new Map();

/**
 * The result of `key` (a document list, a card), made by `make` once and kept among the
 * LISTS last used (or in `kept`, among its `bound` last used): a common entity's documents are read from
 * hundreds of thousands of mentions, which took most of a cached entity click at 20,000 articles
 * (bench-sharded.mjs).
 */
function memo(key, make, kept = made, bound = LISTS) {
  let p = kept.get(key);
  if (p) kept.delete(key);
  else p = make().catch((e) => { kept.delete(key); throw e; });
  kept.set(key, p);
  if (kept.size > bound) kept.delete(kept.keys().next().value);
  return p;
}

/** The articles naming entity `id`, in order, and its row. */
async function entityDocs(id) {
  const ix = await entityOf(id);
  if (ix === undefined) throw new NoEntity(`No entity of this site has the id ${id}.`);
  return Promise.all([memo(`e${ix}`, async () => docsOf(await mentionLists(ix))), entityRow(ix)]);
}

/** `names` joined as a sentence says them: `A`, `A and B`, `A, B and C` (`or` for `and` if asked). */
const listed = (names, and = 'and') => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`);

/**
 * The documents of the view: those matching the search `q`, naming every entity of `e`
 * and mentioning a date in the period `w`, less those naming any of `x`, each an ordered
 * list merged as a search's clauses are; with the heading's words for it (`with “q”
 * naming A and B, not naming C, mentioning a date in May 2024`).
 */
async function selection(q, e, x, w) {
  const [found, named, left, dated] = await Promise.all([
    q ? searchDocs(q) : null,
    Promise.all(e.map(entityDocs)),
    Promise.all(x.map(entityDocs)),
    w ? periodDocs(w) : null,
  ]);
  const lists = [...(found ? [found] : []), ...named.map(([d]) => d), ...(dated ? [dated] : [])];
  let docs = lists.length ? lists.reduce(both) : [...Array(site.documents).keys()];
  for (const [d] of left) docs = minus(docs, d);
  let words = q ? `with “${q}”` : '';
  if (named.length) words += `${words && ' '}naming ${listed(named.map(([, r]) => r.name))}`;
  if (left.length) words += `${words && ', '}not naming ${listed(left.map(([, r]) => r.name), 'or')}`;
  if (w) words += `${words && ', '}mentioning a date ${span(w)}`;
  return [docs, words];
}

/** Document `i` (0: its first) of the document shard `shard`, read once, when first asked for. */
function docIn(shard, i) {
  try {
    return (shard.docs[i] ??= JSON.parse(doc_at(shard.name, shard.bytes, i)));
  } catch (e) {
    throw new Fault(e instanceof Error ? `version\t${e.message}` : e);
  }
}

/** Document number `d`'s text and marks, from its shard. */
async function docAt(d) {
  const shard = await file(locate('docs', String(d)));
  return docIn(shard, d - shard.first);
}

/** The reader: title, byline and blocks with their marks. */
function article(d) {
  const heading = el('h1', { textContent: d.title });
  const node = el('article', { className: 'reader' }, heading, el('p', { className: 'meta', textContent: d.byline }));
  for (const b of d.blocks) {
    const block = b.zone === 'title' ? heading : node.appendChild(el('p', { className: 'block' }));
    if (b.zone === 'title') heading.replaceChildren();
    block.dataset.zone = b.zone;
    for (const p of b.parts) {
      if (typeof p === 'string') { block.append(p); continue; }
      const [text, label, ix, m] = p;
      const mark = el('mark', { textContent: text, tabIndex: 0 });
      Object.assign(mark.dataset, { label, entity: ix, m });
      block.append(mark);
    }
  }
  return node;
}

/** The article stored in file `name`. */
async function articleOf(name) {
  const where = locate('file', name);
  const shard = where && (await file(where));
  const i = shard ? shard.files.indexOf(name) : -1;
  const d = i >= 0 && docIn(shard, i);
  if (!d) return [el('p', { className: 'site-note', textContent: `No article of this site is called ${name}.` })];
  return [article(d)];
}

/** A mention with the text around it in its block: [before, mark, after]. */
function context(d, m) {
  for (const b of d.blocks) {
    const at = b.parts.findIndex((p) => typeof p !== 'string' && p[3] === m);
    if (at < 0) continue;
    const text = (p) => (p === undefined ? '' : typeof p === 'string' ? p : p[0]);
    const before = b.parts.slice(0, at).map(text).join('');
    const after = b.parts.slice(at + 1).map(text).join('');
    return [before.length > 60 ? `…${before.slice(-60)}` : before, b.parts[at], after.length > 60 ? `${after.slice(0, 60)}…` : after];
  }
  return null;
}

/**
 * Entity `ix`'s first `n` mentions as [document, mention] pairs: from its shard, or from
 * as few of its parts as hold them (a common entity's first part, not its dozens).
 */
async function firstMentions(ix, n) {
  await directory();
  const parts = JSON.parse(mention_files(ix));
  if (!parts.length) {
    const shard = await file(locate('entities', String(ix)));
    return shard.rows[ix - shard.first].mentions.slice(0, n);
  }
  const out = [];
  for (const p of parts) {
    if (out.length >= n) break;
    out.push(...(await file(p)).mentions.slice(0, n - out.length));
  }
  return out;
}

/**
 * What entity `ix`'s card shows, made once and kept among the LISTS last used (as
 * document lists are): its row, and its first mentions, each with its article's file and
 * title and the text around it. A card shown again draws from this, with no file read.
 */
function cardOf(ix) {
  return memo(`c${ix}`, async () => {
    const [e, first] = await Promise.all([entityRow(ix), firstMentions(ix, MENTIONS)]);
    // Their shards fetched together, not one after another.
    const docs = await Promise.all(first.map(([d]) => docAt(d)));
    const mentions = first.map(([, m], i) => [docs[i], context(docs[i], m)]).filter(([, c]) => c)
      .map(([d, c]) => ({ file: d.file, title: d.title, before: c[0], text: c[1][0], label: c[1][1], after: c[2] }));
    return { e, mentions };
  });
}

/** An entity's card: name, counts, a way back, and its first mentions in context. */
async function entityCard(id) {
  const ix = await entityOf(id);
  if (ix === undefined) return [el('p', { className: 'site-note', textContent: `No entity of this site has the id ${id}.` })];
  const { e, mentions } = await cardOf(ix);
  const list = el('ol', { className: 'site-mentions' });
  for (const m of mentions) {
    const mark = el('mark', { textContent: m.text });
    mark.dataset.label = m.label;
    list.append(el('li', {}, link({ doc: m.file }, { className: 'site-row' }, el('span', { className: 'site-title', textContent: m.title }), el('q', {}, m.before, mark, m.after))));
  }
  const label = labels.get(e.label) ?? e.label;
  return [
    el('section', { className: 'site-entity', ariaLabel: e.name },
      el('h2', { textContent: e.name }),
      el('p', { className: 'meta', textContent: `${label} · ${count(e.mentions, 'mention')} in ${count(e.documents, 'article')}` }),
      el('p', {}, link({ e: null, x: null }, { textContent: 'All articles' }), ' · ', link({ view: 'connections' }, { textContent: 'Connections' })),
      el('h3', { textContent: 'Mentions' }), list),
  ];
}

// The labels' names, from the head.
const labels = new Map();

function legend(h) {
  return el('ul', { className: 'legend' }, ...h.labels.filter((l) => l.all).map((l) => {
    const item = el('span', { className: 'legend-item' }, el('span', { className: 'swatch' }), el('span', { className: 'legend-name', textContent: l.name }), el('span', { className: 'legend-count', textContent: digits(l.all) }));
    item.dataset.label = l.code;
    return el('li', {}, item);
  }));
}

function nameLabels(h) {
  for (const l of h.labels) labels.set(l.code, l.name);
}

/**
 * An entity's row in the panel: its name, which requires it (`e`), and "−", which
 * excludes it (`x`); pressed again, either lifts what it set, as the app's panel does.
 * Their links and pressed states follow the URL (pressed).
 */
function entityItem(e, withLabel = false) {
  const a = el('button', { type: 'button', className: 'site-entity-link', textContent: e.name });
  const out = el('button', { type: 'button', className: 'site-exclude', textContent: '−', ariaLabel: `Exclude ${e.name}`, title: `Leave out the articles naming ${e.name}` });
  Object.assign(a.dataset, { label: e.label, toggle: 'e', id: e.id });
  Object.assign(out.dataset, { toggle: 'x', id: e.id });
  const on = filters(a.dataset.toggle).includes(e.id);
  a.setAttribute('aria-pressed', String(on));
  out.setAttribute('aria-pressed', String(filters('x').includes(e.id)));
  const what = withLabel ? `${labels.get(e.label) ?? e.label} · ` : '';
  return el('li', {}, a, ' ', out, el('small', { textContent: ` ${what}${count(e.documents, 'article')}` }));
}

/** The panel's filter buttons' pressed states, as the URL has them. */
function pressed() {
  const on = { e: filters('e'), x: filters('x') };
  for (const b of document.querySelectorAll('#site [data-toggle]')) {
    const state = String(on[b.dataset.toggle].includes(b.dataset.id));
    // Set only when it changes: each setting invalidates the button's style.
    if (b.getAttribute('aria-pressed') !== state) b.setAttribute('aria-pressed', state);
  }
}

/** The head's top entities a label at most (`site::HEAD_ENTITIES`): a label with fewer has no more. */
const HEAD_ENTITIES = 50;
/** Entities a panel group lists at first; each "More" lists this many more ranks. */
const GROUP = 10;
const MORE = 50;
/**
 * Each label's entities in most documents first, as far as they are known (the head's
 * top ones, then the ranked runs "More" read), with `full` once the last is; and how many
 * ranks each group lists (the panel's own state, as the app's "Show all" is).
 */
const ranks = new Map();
const listedRanks = new Map();

/**
 * The panel's groups: each label's entities in most articles first, GROUP of them, and
 * "More" for the next MORE ranks (the ranked runs). Under the filters, each entity listed
 * counts the articles they keep that name it (the counts runs of those articles), those
 * naming none are left out and the others come in that order.
 */
async function topEntities(h, q, required, excluded, w) {
  nameLabels(h);
  for (const e of h.top) {
    know(e.ix, e);
    if (!ranks.has(e.label)) ranks.set(e.label, Object.assign([], { full: false }));
    const have = ranks.get(e.label);
    if (!have.some((r) => r.ix === e.ix) && have.length < HEAD_ENTITIES) have.push(e);
  }
  for (const have of ranks.values()) have.full ||= have.length < HEAD_ENTITIES;
  let counts = null;
  let note = null;
  if (q || required.length || excluded.length || w) {
    try {
      const [docs] = await selection(q, required, excluded, w);
      counts = await memo(`n${q}\n${required}\n${excluded}\n${w && span(w)}`, () => countsOver(docs));
      if (!counts) note = el('p', { className: 'site-note', role: 'status', textContent: `The filters keep ${count(docs.length, 'article')}, too many to count their entities here: the counts are the whole corpus’s. Narrow the filters to count them.` });
    } catch (e) {
      if (e instanceof Wide || e instanceof NoEntity) note = el('p', { className: 'site-note', role: 'status', textContent: e.message });
      else note = faultBox(e, 'the entities’ counts under the filters', () => { delete panes.top.dataset.key; show(); });
    }
  }
  const groups = [...ranks].map(([code, have]) => group(code, have, counts));
  return [note, ...groups].filter(Boolean);
}

/**
 * The panel's groups and rows as drawn, kept by label and by entity: a change of the
 * filters writes only the counts, the order and the pressed states that differ into
 * them (rebuilding the panel took a cached entity click at 20,000 articles from about
 * 20 to 40–60 ms, clickt-style timing at load 15–20).
 */
const groupNodes = new Map();
const rowNodes = new Map();

/** Entity `e`'s row in the panel, kept, its count text and pressed states as now. */
function rowFor(e, counted) {
  let li = rowNodes.get(e.ix);
  if (!li) rowNodes.set(e.ix, (li = entityItem(e)));
  const small = li.lastElementChild;
  const text = ` ${counted ? `${count(counted[1], 'article')} kept of ${digits(e.documents)}` : count(e.documents, 'article')}`;
  if (small.textContent !== text) small.textContent = text;
  for (const b of li.querySelectorAll('[data-toggle]')) {
    const state = String(filters(b.dataset.toggle).includes(e.id));
    if (b.getAttribute('aria-pressed') !== state) b.setAttribute('aria-pressed', state);
  }
  return li;
}

/** A label's group in the panel (topEntities), its rows counted by `counts` if given. */
function group(code, have, counts) {
  const name = labels.get(code) ?? code;
  let g = groupNodes.get(code);
  if (!g) {
    g = { section: el('section', { className: 'site-group', ariaLabel: name }, el('h2', { textContent: name })), list: el('ul'), none: el('p', { className: 'site-note' }) };
    g.more = el('button', { type: 'button', className: 'site-more-entities', textContent: 'More', ariaLabel: `More: ${name}` });
    g.more.addEventListener('click', () => moreOf(code, g.more));
    g.section.append(g.list, g.none, g.more);
    groupNodes.set(code, g);
  }
  g.section.querySelector('.site-fault')?.remove();
  const listed = listedRanks.get(code) ?? GROUP;
  // Rows naming none of the articles kept are hidden, not taken out (an excluded one
  // stays, for its "−" to lift it): a change of the filters then writes counts and
  // `hidden` only, in the order of the corpus's counts (moving rows took a cached click
  // at 20,000 articles from about 25 to 35–40 ms, load 17).
  const out = counts && filters('x');
  const rows = have.slice(0, listed);
  const items = rows.map((e) => {
    const li = rowFor(e, counts && (counts.get(e.ix) ?? [0, 0]));
    const hide = Boolean(counts) && !counts.has(e.ix) && !out.includes(e.id);
    if (li.hidden !== hide) li.hidden = hide;
    return li;
  });
  const kids = g.list.children;
  if (items.length !== kids.length || items.some((li, i) => kids[i] !== li)) g.list.replaceChildren(...items);
  const shown = items.filter((li) => !li.hidden);
  const none = shown.length ? '' : `None of the ${count(Math.min(listed, have.length), 'first entity', 'first entities')} is named in the articles kept.`;
  if (g.none.textContent !== none) g.none.textContent = none;
  // Each written only when it changes: every write invalidates the element's style.
  const put = (node, k, v) => node[k] !== v && (node[k] = v);
  put(g.list, 'hidden', !shown.length);
  put(g.none, 'hidden', Boolean(shown.length));
  put(g.more, 'hidden', !(have.length > listed || !have.full));
  put(g.more, 'disabled', false);
  return g.section;
}

/**
 * The next MORE ranks of label `code` listed in its group: read from its ranked runs
 * when the head's are listed already (a fault in their place, with Retry).
 */
async function moreOf(code, button) {
  const have = ranks.get(code);
  const want = (listedRanks.get(code) ?? GROUP) + MORE;
  button.disabled = true;
  try {
    if (have.length < want && !have.full) await directory();
    while (have.length < want && !have.full) {
      const name = locate('ranked', `${code}:${have.length}`);
      if (!name) { have.full = true; break; }
      const run = await file(name);
      for (const r of run.rows.slice(have.length - run.first)) {
        know(r.ix, r);
        have.push(r);
      }
    }
  } catch (e) {
    button.hidden = true;
    button.after(faultBox(e, `more ${labels.get(code) ?? code} entities`, () => { delete panes.top.dataset.key; show(); }));
    return;
  }
  listedRanks.set(code, want);
  // The group redrawn, the focus where the next ones start.
  delete panes.top.dataset.key;
  await show();
  const next = panes.top.querySelector(`.site-group[aria-label="${CSS.escape(labels.get(code) ?? code)}"]`);
  const buttons = next?.querySelectorAll('.site-entity-link');
  (buttons?.[Math.min(want - MORE, buttons.length - 1)] ?? next?.querySelector('.site-more-entities'))?.focus();
}

/**
 * Counts runs the counts of one selection read at most: 24 runs of 256 KB, 6 MB of text,
 * about 10 MB as numbers (under BOUND). A selection's articles are spread over the corpus
 * (the 268 with a date in 2022 of 20,000 meet most of its runs: 18, 4.5 MB, 1.3 MB gzip),
 * so the bound is what the cache can hold, not a number of articles.
 */
const COUNT_RUNS = 24;

/**
 * The entities named in documents `docs` (in order), as a Map of entity → [mentions,
 * articles], summed from their counts runs; null when those are more than COUNT_RUNS.
 */
async function countsOver(docs) {
  await directory();
  const names = [];
  for (const d of docs) {
    const name = locate('counts', String(d));
    if (name !== names.at(-1)) names.push(name);
    if (names.length > COUNT_RUNS) return null;
  }
  const runs = await Promise.all(names.map(file));
  // Summed in two arrays over every entity (at 20,000 articles 178,013: 1.4 MB for
  // the call), not a Map an entity at a time: a large selection sums 650,000 pairs.
  const mentions = new Uint32Array(site.entities);
  const articles = new Uint32Array(site.entities);
  const named = [];
  let r = 0;
  for (const d of docs) {
    while (d >= runs[r].first + runs[r].at.length - 1) r++;
    const { at, pairs, first } = runs[r];
    for (let k = at[d - first], end = at[d - first + 1]; k < end; k += 2) {
      const e = pairs[k];
      if (!articles[e]++) named.push(e);
      mentions[e] += pairs[k + 1];
    }
  }
  return new Map(named.map((e) => [e, [mentions[e], articles[e]]]));
}

/**
 * The entities whose names (canonical or aliases) hold a word starting with each word of
 * `text`, from the name index's fragments of each word (ids, which hold a `-`, left
 * out), in entity order.
 */
async function entitiesNamed(text) {
  const words = JSON.parse(name_words(text));
  if (!words.length) return [];
  await directory();
  const sets = await Promise.all(words.map(async (w) => {
    const found = new Set();
    for (const frag of await Promise.all(JSON.parse(name_files(w)).map(file))) {
      for (const [k, list] of Object.entries(frag)) if (k.startsWith(w) && !k.includes('-')) for (const ix of list) found.add(ix);
    }
    return found;
  }));
  return [...sets[0]].filter((ix) => sets.every((s) => s.has(ix))).sort((a, b) => a - b);
}

/**
 * The panel's search over all entities: the FOUND most mentioned of those whose names
 * start a word with what is typed, with their table runs, at most FOUND_RUNS of them;
 * past that, only the head's (each label's top entities) among them, with a note to
 * type more.
 */
async function findEntities(text) {
  const all = await entitiesNamed(text);
  const runs = new Set(all.filter((ix) => !entities.has(ix)).map((ix) => locate('table', String(ix))));
  const wide = runs.size > FOUND_RUNS;
  const shown = wide ? all.filter((ix) => entities.has(ix)) : all;
  const rows = await Promise.all(shown.map(entityRow));
  rows.sort((a, b) => b.mentions - a.mentions);
  const say = !all.length
    ? `No entity’s name has a word starting with “${text}”.`
    : wide
      ? `${count(all.length, 'entity', 'entities')} found: the most named shown; type more of the name for the others.`
      : `${count(all.length, 'entity', 'entities')} found${all.length > FOUND ? `, the ${FOUND} most mentioned shown` : ''}.`;
  return [el('p', { className: 'site-note', role: 'status', textContent: say }),
    el('ul', { className: 'site-found', ariaLabel: 'Entities found' }, ...rows.slice(0, FOUND).map((e) => entityItem(e, true)))];
}

/** Shows the panel's search results for what the find box holds (the top entities when it is empty). */
function find() {
  const text = panes.find.value.trim();
  panes.top.hidden = Boolean(text);
  panes.found.hidden = !text;
  if (text) fill(panes.found, `find:${text}`, 'the entities found', () => findEntities(text));
}

/**
 * The keys of the panel's search: ↓ from the box to the first entity found, ↑ and ↓
 * through them, ↑ from the first back to the box, Enter in the box requires the first.
 */
function findKeys(e) {
  const buttons = [...panes.found.querySelectorAll('.site-entity-link')];
  const at = buttons.indexOf(e.target);
  const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : null;
  if (e.target === panes.find && e.key === 'Enter') {
    e.preventDefault();
    buttons[0]?.click();
  } else if (to !== null && (e.target === panes.find || at >= 0)) {
    e.preventDefault();
    e.stopPropagation();
    (to < 0 ? panes.find : buttons[Math.min(to, buttons.length - 1)])?.focus();
  }
}

/** The name of entity `id`, for a chip (its id if it cannot be had). */
async function nameOf(id) {
  try {
    const ix = await entityOf(id);
    return ix === undefined ? id : (await entityRow(ix)).name;
  } catch {
    return id;
  }
}

/**
 * The active filters as chips, each with a link that removes it, and "Clear filters"
 * (as the app's filter bar): the search, each entity required, each one excluded.
 */
async function chips(q, required, excluded, w) {
  const key = `${q}\n${required}\n${excluded}\n${w && span(w)}`;
  if (panes.chips.dataset.key === key) return;
  panes.chips.dataset.key = key;
  const chip = (kind, text, set) => {
    const li = el('li', { className: 'chip' }, el('span', { className: 'chip-text', textContent: text }),
      link(set, { className: 'chip-x', textContent: '×', ariaLabel: `Remove filter: ${text}`, title: 'Remove' }));
    li.dataset.kind = kind;
    return li;
  };
  const names = await Promise.all([...required, ...excluded].map(nameOf));
  if (panes.chips.dataset.key !== key) return;
  const list = [];
  if (q) list.push(chip('text', `search: ${q}`, { q: null }));
  required.forEach((id, i) => list.push(chip('require', `with ${names[i]}`, { e: required.filter((x) => x !== id).join(',') || null })));
  excluded.forEach((id, i) => list.push(chip('exclude', `without ${names[required.length + i]}`, { x: excluded.filter((x) => x !== id).join(',') || null })));
  if (w) list.push(chip('when', `a date ${span(w)}`, { when: null }));
  panes.chips.replaceChildren(...(list.length
    ? [el('ul', { className: 'chips', ariaLabel: 'Active filters' }, ...list), link({ q: null, e: null, x: null, when: null }, { className: 'clear-all', textContent: 'Clear filters' })]
    : []));
}

/**
 * The list of the articles the filters keep (the search `q`, entities required and
 * excluded, the period `w`), under a heading that counts them and says the filters; a
 * prefix too wide or an entity the site lacks, a note.
 */
async function selected(q, required, excluded, w, current) {
  let docs, words;
  try {
    [docs, words] = await selection(q, required, excluded, w);
  } catch (e) {
    if (e instanceof Wide || e instanceof NoEntity) return [el('p', { className: 'site-note', role: 'status', textContent: e.message })];
    throw e;
  }
  return docList(`${count(docs.length, 'article')} ${words}`.trim(), docs, current);
}

/** Period files the timeline fetches at most to count its buckets under the filters (≤ 2 MB). */
const COUNT_FILES = 16;

/**
 * The timeline (view=timeline): the head's dates mentioned in all zones, by month (by
 * year past YEARS_OF_MONTHS years, or as `v-by` says), one row a bucket with its articles,
 * mentions and a bar; a bucket's link chooses it as the period (`when`), or lifts it. Under
 * other filters, a column counts the articles they keep in each bucket (from the buckets'
 * period files). Below, the articles of every filter, the period too.
 */
async function timelineView(q, required, excluded, w) {
  const h = await file(site.head);
  const months = timelineOf(h, false);
  const first = months.buckets[0]?.[0] ?? '';
  const last = months.buckets.at(-1)?.[0] ?? '';
  const by = param('v-by');
  const year = by === 'year' || (by !== 'month' && (w ? w.from.length === 4 : last.slice(0, 4) - first.slice(0, 4) > YEARS_OF_MONTHS));
  const t = timelineOf(h, year);
  const filtered = Boolean(q || required.length || excluded.length);
  let matching = null;
  let say = '';
  if (filtered) {
    const keys = t.buckets.map((b) => b[0]);
    if (new Set(keys.map((k) => locate('period', k))).size > COUNT_FILES) {
      say = 'The timeline has too many periods to count the filtered articles in each: choose a period, or draw it by year.';
    } else {
      try {
        const [docs] = await selection(q, required, excluded, null);
        const kept = new Uint8Array(site.documents);
        for (const d of docs) kept[d] = 1;
        const got = await periodFiles(keys);
        matching = new Map(keys.map((k) => [k, 0]));
        for (const f of got) for (const k of keys) if (Object.hasOwn(f, k)) matching.set(k, f[k].reduce((n, d) => n + kept[d], 0));
      } catch (e) {
        if (!(e instanceof Wide || e instanceof NoEntity)) throw e;
      }
    }
  }
  const max = t.buckets.reduce((m, b) => Math.max(m, matching ? matching.get(b[0]) : b[2]), 1);
  const rows = t.buckets.map(([key, mentions, docs]) => {
    const on = w && w.from.length === key.length && key >= w.from && key <= w.to;
    const a = link({ when: on && w.from === w.to ? null : key }, { textContent: period(key) });
    if (on) a.setAttribute('aria-current', 'true');
    const bar = el('span', { className: 'site-bar' });
    bar.style.width = `${((100 * (matching ? matching.get(key) : docs)) / max).toFixed(1)}%`;
    return el('tr', {}, el('th', { scope: 'row' }, a),
      matching && el('td', { textContent: matching.get(key).toLocaleString('en') }),
      el('td', { textContent: docs.toLocaleString('en') }),
      el('td', { textContent: mentions.toLocaleString('en') }),
      el('td', { className: 'site-bar-cell', ariaHidden: 'true' }, bar));
  });
  const heads = ['Period', ...(matching ? ['Kept'] : []), 'Articles', 'Dates'];
  const table = el('table', { className: 'site-timeline' },
    el('caption', { textContent: `Dates mentioned in the articles, by ${year ? 'year' : 'month'}` },
      matching ? el('small', { textContent: ' (kept: the articles the filters keep)' }) : null),
    el('thead', {}, el('tr', {}, ...heads.map((x) => el('th', { scope: 'col', textContent: x })), el('td'))),
    el('tbody', {}, ...rows));
  const left = [t.coarser && `${count(t.coarser, 'date')} too coarse for ${year ? 'years' : 'months'}`,
    t.unresolved && `${count(t.unresolved, 'date')} that cannot be placed`,
    t.durations && `${count(t.durations, 'length')} of time`].filter(Boolean);
  return [
    el('h2', { className: 'site-heading', textContent: 'Timeline' }),
    el('p', { className: 'site-note' }, link({ 'v-by': year ? 'month' : 'year' }, { textContent: year ? 'By month' : 'By year' }),
      w ? ' · ' : null, w ? link({ when: null }, { textContent: 'Every period' }) : null),
    t.buckets.length ? el('div', { className: 'site-scroll' }, table) : el('p', { className: 'site-note', textContent: 'No article mentions a date that can be placed.' }),
    say ? el('p', { className: 'site-note', role: 'status', textContent: say }) : null,
    left.length ? el('p', { className: 'site-note', textContent: `Not drawn: ${listed(left)}.` }) : null,
    ...(q || required.length || excluded.length || w
      ? await selected(q, required, excluded, w)
      : await docList(count(site.documents, 'article'), [...Array(site.documents).keys()])),
  ].filter(Boolean);
}

/**
 * An entity's connections (view=connections): the PARTNERS entities named in most of
 * its articles, from its entity shard, each a link to its own connections and to the
 * articles naming both; fetched when the view opens.
 */
async function connections(id) {
  if (!id) return [el('p', { className: 'site-note', textContent: 'Choose an entity, in the panel or in an article, to see the entities named in most of its articles.' })];
  const ix = await entityOf(id);
  if (ix === undefined) return [el('p', { className: 'site-note', textContent: `No entity of this site has the id ${id}.` })];
  await file(site.head).then(nameLabels, () => {});
  const [shard, e] = await Promise.all([file(locate('entities', String(ix))), entityRow(ix)]);
  const partners = shard.rows[ix - shard.first].partners.slice(0, PARTNERS);
  const rows = await Promise.all(partners.map(([p]) => entityRow(p)));
  const heading = el('h2', { className: 'site-heading', textContent: `Connections of ${e.name}` });
  if (!rows.length) return [heading, el('p', { className: 'site-note', textContent: `No other entity is named in the articles naming ${e.name}.` })];
  const body = rows.map((r, i) => {
    const both = count(partners[i][1], 'article');
    const name = link({ e: r.id, x: null }, { className: 'site-entity-name', textContent: r.name });
    name.dataset.label = r.label;
    return el('tr', {}, el('th', { scope: 'row' }, name),
      el('td', { textContent: labels.get(r.label) ?? r.label }),
      el('td', {}, link({ e: `${id},${r.id}`, x: null, view: null }, { textContent: partners[i][1].toLocaleString('en'), ariaLabel: `${both} naming ${e.name} and ${r.name}` })));
  });
  return [heading,
    el('table', { className: 'site-connections' },
      el('caption', { textContent: `The entities named in most of the ${count(e.documents, 'article')} naming ${e.name}` }),
      el('thead', {}, el('tr', {}, ...['Entity', 'Kind', 'Articles naming both'].map((x) => el('th', { scope: 'col', textContent: x })))),
      el('tbody', {}, ...body))];
}

/** Quotes a page of the Quotes view draws ("More quotes" the next). */
const QUOTES = 50;
/** Quotes runs one page of the Quotes view reads at most before it offers more. */
const QUOTE_RUNS = 8;
/** Quotes the view draws at most: past them, the filters are to narrow. */
const MAX_QUOTES = 500;
/** Speakers the Quotes view names as the most quoted. */
const TOP_SPEAKERS = 10;

/** A note in a pane (not an error: nothing to retry). */
const note = (text) => el('p', { className: 'site-note', role: 'status', textContent: text });

/** The speaker entity id `id` of a view's parameter read: [its number, its row], or a NoEntity. */
async function named(id) {
  const ix = await entityOf(id);
  if (ix === undefined) throw new NoEntity(`No entity of this site has the id ${id}.`);
  return [ix, await entityRow(ix)];
}

/**
 * Who said what (view=quotes): the quotes of the articles the filters keep, in article
 * order, a page at a time from their quotes runs ("More quotes"); `v-who` keeps one
 * speaker's, read from their speaker files (all their quotes, whatever the corpus's
 * size, in article order; under the filters, those of the articles kept), `v-about` those
 * naming an entity (their articles first narrowed by the entity's own), `v-q` those
 * whose words or speaker hold the text. Above them, the most quoted speakers of the
 * corpus (the speakers file): the first ones as links, every one in a list to pick from.
 */
async function quotesView(q, required, excluded, w) {
  const [text, who, about] = ['v-q', 'v-who', 'v-about'].map(param);
  await directory();
  let docs, words;
  let speaker, subject;
  const filtered = q || required.length || excluded.length || w;
  try {
    [docs, words] = filtered ? await selection(q, required, excluded, w) : [everyDoc(), ''];
    if (who) speaker = await named(who);
    if (about) [subject] = await Promise.all([named(about), entityDocs(about).then(([d]) => { docs = both(docs, d); })]);
  } catch (e) {
    if (e instanceof Wide || e instanceof NoEntity) return [note(e.message)];
    throw e;
  }
  const speakers = await file(locate('speakers', ''));
  const find = el('input', { type: 'search', name: 'v-q', value: text ?? '', ariaLabel: 'Search the quotes', placeholder: 'Search the quotes' });
  const form = el('form', { className: 'site-search site-quote-search', role: 'search' }, find, el('button', { type: 'submit', textContent: 'Search quotes' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(href({ 'v-q': find.value.trim() || null }));
  });
  const only = [
    speaker && link({ 'v-who': null }, { className: 'chip-x', textContent: `quoted: ${speaker[1].name} ×`, ariaLabel: `Remove: quoted ${speaker[1].name}` }),
    subject && link({ 'v-about': null }, { className: 'chip-x', textContent: `about ${subject[1].name} ×`, ariaLabel: `Remove: about ${subject[1].name}` }),
  ].filter(Boolean);
  const top = el('ol', { className: 'site-speakers', ariaLabel: 'Most quoted' }, ...speakers.top.slice(0, TOP_SPEAKERS).map(([, n, id, name]) =>
    el('li', {}, link({ 'v-who': id }, { textContent: name }), el('small', { textContent: ` ${count(n, 'quote')}` }))));
  const list = el('ol', { className: 'site-quotes' });
  const status = el('p', { className: 'site-note', role: 'status' });
  const more = el('button', { type: 'button', className: 'site-more', textContent: 'More quotes' });
  const match = quoteMatch(text, speaker?.[0], subject?.[0]);
  // One speaker's: their speaker files, the articles kept a set (none: every article).
  const theirs = speaker && { files: JSON.parse(said_files(speaker[0])), at: 0, row: 0, kept: filtered || about ? new Set(docs) : null, speaker };
  const pager = { at: 0, shown: 0 };
  const page = async () => {
    const found = theirs ? await saidPage(theirs, match) : await quotePage(docs, pager, match);
    const rows = await rowsOf(found.map(([d]) => d));
    list.append(...found.map(([, qt], i) => quoteItem(qt, rows[i])));
    pager.shown += found.length;
    const done = theirs ? theirs.at >= theirs.files.length : pager.at >= docs.length;
    const from = theirs ? '' : `, from the first ${count(pager.at, 'article')} of ${digits(docs.length)}`;
    status.textContent = `${count(pager.shown, 'quote')} shown${done ? '' : from}.`;
    more.hidden = done || pager.shown >= MAX_QUOTES;
    if (!done && pager.shown >= MAX_QUOTES) status.textContent += ' Narrow the filters or search the quotes to see others.';
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const before = list.children.length;
      await page();
      list.children[before]?.querySelector('a')?.focus();
    } catch (e) {
      more.after(faultBox(e, 'more quotes', () => { more.nextElementSibling?.remove(); more.click(); }));
    } finally {
      more.disabled = false;
    }
  });
  await page();
  const quoted = speaker && speakers.top.find(([e]) => e === speaker[0]);
  const heading = speaker
    ? `Quotes of ${speaker[1].name}${quoted ? `: ${count(quoted[1], 'quote')} in the corpus` : ''}${filtered || about ? `, in ${count(docs.length, 'article')} ${words}` : ''}`
    : `Quotes in ${count(docs.length, 'article')} ${words}`;
  return [
    el('h2', { className: 'site-heading', textContent: heading.trim() }),
    el('p', { className: 'site-note', textContent: `${count(speakers.quotes, 'quote')} in the corpus, ${digits(speakers.attributed)} with a speaker named.` }),
    form,
    speakers.top.length ? speakerPicker(speakers.top, speaker?.[1].id) : null,
    only.length ? el('p', { className: 'site-note' }, ...only.flatMap((a, i) => (i ? [' ', a] : [a]))) : null,
    speakers.top.length ? el('h3', { textContent: 'Most quoted in the corpus' }) : null,
    speakers.top.length ? top : null,
    el('h3', { textContent: speaker ? `Quotes of ${speaker[1].name}, in article order` : 'Quotes, in article order' }),
    list, status, more,
  ].filter(Boolean);
}

/**
 * The speaker picker: the speakers file's most quoted speakers (every one, most quoted
 * first), the one shown (`current`) chosen; choosing one shows their quotes (`v-who`).
 */
function speakerPicker(top, current) {
  const select = el('select', { name: 'v-who', ariaLabel: 'Speaker' }, el('option', { value: '', textContent: 'Every speaker' }),
    ...top.map(([, n, id, name]) => el('option', { value: id, textContent: `${name} (${count(n, 'quote')})`, selected: id === current })));
  const form = el('form', { className: 'site-speaker-pick', ariaLabel: 'Quotes of one speaker' },
    el('label', {}, 'Quotes of ', select), ' ', el('button', { type: 'submit', textContent: 'Show' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(href({ 'v-who': select.value || null }));
  });
  return form;
}

/**
 * The next quotes of one speaker (`theirs`: their speaker files, where the last page
 * stopped, the articles kept) that `match` keeps: QUOTES of them at most, from
 * QUOTE_RUNS files at most; [document, quote] pairs, each quote given its speaker.
 */
async function saidPage(theirs, match) {
  const out = [];
  const [ix, row] = theirs.speaker;
  let read = 0;
  while (theirs.at < theirs.files.length && out.length < QUOTES && read < QUOTE_RUNS) {
    const { rows } = await file(theirs.files[theirs.at]);
    read += 1;
    while (theirs.row < rows.length && out.length < QUOTES) {
      const [e, d, qt] = rows[theirs.row++];
      if (e !== ix || (theirs.kept && !theirs.kept.has(d))) continue;
      qt.who ??= [e, row.id, row.name];
      if (match(qt)) out.push([d, qt]);
    }
    if (theirs.row >= rows.length) [theirs.at, theirs.row] = [theirs.at + 1, 0];
  }
  return out;
}

/** Whether a quote is shown: its words or speaker holding `text` (any case), of speaker `who`, naming `about`. */
function quoteMatch(text, who, about) {
  const t = text?.toLowerCase();
  return (qt) => (who === undefined || qt.who?.[0] === who)
    && (about === undefined || qt.about.includes(about))
    && (!t || qt.words.toLowerCase().includes(t) || Boolean(qt.who?.[2].toLowerCase().includes(t)));
}

/**
 * The next quotes of documents `docs` that `match` keeps, from `pager.at` on: QUOTES of
 * them at most, from QUOTE_RUNS quotes runs at most; [document, quote] pairs.
 */
async function quotePage(docs, pager, match) {
  const out = [];
  let runs = 0;
  while (pager.at < docs.length && out.length < QUOTES && runs < QUOTE_RUNS) {
    const run = await file(locate('quotes', String(docs[pager.at])));
    runs += 1;
    const end = run.first + run.rows.length;
    while (pager.at < docs.length && docs[pager.at] < end && out.length < QUOTES) {
      const d = docs[pager.at++];
      for (const qt of run.rows[d - run.first]) if (match(qt)) out.push([d, qt]);
    }
  }
  return out;
}

/** A quote as the view lists it: the words, who said them (a link to their quotes), its article (a link). */
function quoteItem(qt, row) {
  const who = qt.who ? link({ 'v-who': qt.who[1] }, { className: 'site-speaker', textContent: qt.who[2] }) : el('span', { className: 'site-speaker', textContent: 'Unattributed' });
  const words = el(qt.direct ? 'q' : 'span', { className: 'site-words', textContent: qt.words });
  return el('li', {}, el('blockquote', {}, words), el('p', { className: 'meta' }, who, qt.direct ? '' : ' (reported)', ' · ', link({ doc: row.file }, { textContent: row.title })));
}

/** Entities a table of the comparison lists at most (the most mentioned, or the largest change). */
const COMPARED = 15;

/**
 * A side of the comparison, from its parameter's value (the query string of its filters,
 * as the app's: `q`, `e`, `x`, `when`, or `doc`, that article alone), within the articles
 * `base` (the filter bar's, null for all): its documents, and its filters in words.
 */
async function sideOf(value, base) {
  const p = new URLSearchParams(value);
  const doc = p.get('doc');
  let docs, words;
  if (doc) {
    const n = await numberOf(doc);
    docs = n < 0 ? [] : [n];
    words = n < 0 ? `no article called ${doc}` : (await rowsOf([n]))[0].title;
  } else {
    const list = (k) => [...new Set((p.get(k) ?? '').split(',').filter(Boolean))].slice(0, MAX_IDS);
    const x = list('x');
    const e = list('e').filter((id) => !x.includes(id));
    const w = when(p.get('when'));
    const q = p.get('q') ?? '';
    [docs, words] = q || e.length || x.length || w ? await selection(q, e, x, w) : [everyDoc(), 'every article'];
  }
  return { docs: base ? both(docs, base) : docs, words: words || 'every article' };
}

/**
 * What changed between two sides (view=compare, `v-a` and `v-b`, each a side's filters
 * as the app's Compare keeps them): the entities only A names, both name and only B names,
 * with their mentions and articles on each side and the change of their share of the
 * side's mentions, summed from the counts runs of each side's articles (within the
 * filter bar's), sorted as `v-sort` says; an entity chosen (`v-e`), its mentions on each
 * side; a side's choice by period below, and any two filters by link.
 */
async function compareView(q, required, excluded, w) {
  const [a, b] = ['v-a', 'v-b'].map(param);
  const h = await file(site.head);
  nameLabels(h);
  const heading = el('h2', { className: 'site-heading', textContent: 'Compare' });
  const chooser = sidesForm(h, a, b);
  if (!a || !b) return [heading, note('Choose two periods to compare what the articles of each name; a link can give any two filters (v-a and v-b, each a query string such as when=2024, e=an-entity-id or doc=a-file.txt).'), chooser];
  let compared;
  try {
    compared = await comparisonOf(a, b, q, required, excluded, w);
  } catch (e) {
    if (e instanceof Wide || e instanceof NoEntity) return [heading, note(e.message), chooser];
    throw e;
  }
  const { sides, said, totals, tables, sort } = compared;
  if (!tables) return [heading, el('p', { className: 'site-note' }, said.join('; ')), note('A side keeps too many articles to count its entities here: narrow it, or the filters.'), chooser];
  const chosen = param('v-e');
  const [mentions, ...drawn] = await Promise.all([chosen && sideMentions(chosen, sides), ...tables.map(([caption, list]) => comparedTable(caption, list, sort, chosen))]);
  return [heading, el('ul', { className: 'site-sides' }, ...said.map((t) => el('li', { textContent: t }))),
    note(`Shares are of each side’s ${digits(totals[0])} and ${digits(totals[1])} mentions; a change is in percentage points, B less A.`),
    mentions, ...drawn, chooser];
}

/**
 * Entity `id`'s mentions on each side of the comparison (`v-e`, as the app's Compare):
 * how many, and the first MENTIONS in context, each a link to its article; from its
 * mention lists (its entity shard or parts) and the document shards of those shown.
 */
async function sideMentions(id, sides) {
  const ix = await entityOf(id);
  if (ix === undefined) return note(`No entity of this site has the id ${id}.`);
  const [e, lists] = await Promise.all([entityRow(ix), mentionLists(ix)]);
  const columns = await Promise.all(sides.map(async (side, i) => {
    const kept = new Set(side.docs);
    const first = [];
    let total = 0;
    for (const list of lists) {
      for (const dm of list) {
        if (!kept.has(dm[0])) continue;
        total += 1;
        if (first.length < MENTIONS) first.push(dm);
      }
    }
    const docs = await Promise.all(first.map(([d]) => docAt(d)));
    const items = first.map(([, m], k) => [docs[k], context(docs[k], m)]).filter(([, c]) => c).map(([d, c]) => {
      const mark = el('mark', { textContent: c[1][0] });
      mark.dataset.label = c[1][1];
      return el('li', {}, link({ doc: d.file }, { className: 'site-row' }, el('span', { className: 'site-title', textContent: d.title }), el('q', {}, c[0], mark, c[2])));
    });
    const more = total > items.length ? ` (the first ${items.length})` : '';
    return el('section', { className: 'site-side-mentions', ariaLabel: `${'AB'[i]}: ${e.name}` },
      el('h4', { textContent: `${'AB'[i]}: ${count(total, 'mention')}${more}` }), el('ol', { className: 'site-mentions' }, ...items));
  }));
  return el('section', { className: 'site-compare-entity', ariaLabel: `Mentions of ${e.name}` },
    el('h3', { textContent: `Mentions of ${e.name} on each side` }), ...columns, el('p', {}, link({ 'v-e': null }, { textContent: 'Close the mentions' })));
}

/**
 * Comparisons kept made (comparisonOf), each every entity named on its sides (31,000
 * rows at 20,000 articles, a few MB), so only a few: going back to one draws its tables
 * with nothing summed or sorted again.
 */
const COMPARISONS = 2;
const comparisons = new Map();

/**
 * The comparison of sides `a` and `b` (`v-a`, `v-b`) within the filter bar's articles,
 * as `v-sort` orders it: each side's documents and words, its mentions in all, and the
 * three tables' rows in order (null when a side keeps too many articles to count).
 */
function comparisonOf(a, b, q, required, excluded, w) {
  const sort = compareSort();
  const key = `${a}\n${b}\n${sort && `${sort.column}${sort.ascending}`}\n${q}\n${required}\n${excluded}\n${w && span(w)}`;
  return memo(key, async () => {
    const base = q || required.length || excluded.length || w ? (await selection(q, required, excluded, w))[0] : null;
    const sides = await Promise.all([a, b].map((v) => sideOf(v, base)));
    const counts = await Promise.all(sides.map((s) => countsOver(s.docs)));
    const said = sides.map((s, i) => `${'AB'[i]}: ${count(s.docs.length, 'article')}, ${s.words}`);
    if (counts.some((c) => !c)) return { sides, said, tables: null };
    const totals = counts.map((c) => [...c.values()].reduce((n, [m]) => n + m, 0));
    const share = (c, i) => (totals[i] ? (100 * c[0]) / totals[i] : 0);
    const rows = [...new Set([...counts[0].keys(), ...counts[1].keys()])].map((e) => {
      const [ca, cb] = counts.map((c) => c.get(e) ?? [0, 0]);
      return { e, a: ca, b: cb, change: share(cb, 1) - share(ca, 0) };
    });
    const tables = [
      ['Only in A (dropped in B)', rows.filter((r) => !r.b[0]).sort((x, y) => y.a[0] - x.a[0] || x.e - y.e)],
      ['In both', rows.filter((r) => r.a[0] && r.b[0]).sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.e - y.e)],
      ['Only in B (new in B)', rows.filter((r) => !r.a[0]).sort((x, y) => y.b[0] - x.b[0] || x.e - y.e)],
    ];
    if (sort) {
      const by = SORT_KEYS[sort.column];
      // Stable: ties keep each table's own order, either way.
      for (const [, list] of tables) list.sort((x, y) => (sort.ascending ? by(x) - by(y) : by(y) - by(x)));
    }
    return { sides, said, totals, tables, sort };
  }, comparisons, COMPARISONS);
}

/** What the comparison's tables can be sorted by (`v-sort`), each a row's key. */
const SORT_KEYS = { a: (r) => r.a[0], b: (r) => r.b[0], change: (r) => r.change };

/**
 * The tables' order, as the app's Compare reads `v-sort` (crates/dossier-views,
 * comparison.rs `Sort`): `a` or `b` (a side's mentions) or `change`, then `-asc` or
 * `-desc`; null for anything else, each table then in its own order. Not by the entity's
 * name, which is fetched for the rows shown only.
 */
function compareSort() {
  const m = /^(a|b|change)-(asc|desc)$/.exec(param('v-sort') ?? '');
  return m && { column: m[1], ascending: m[2] === 'asc' };
}

/**
 * A column's header: for a column the tables sort by, a link to sort by it (largest
 * first, or the other way if they are sorted by it already), `aria-sort` saying how they are.
 */
function compareHeader(title, column, sort) {
  if (!column) return el('th', { scope: 'col', textContent: title });
  const by = sort?.column === column ? sort : null;
  const th = el('th', { scope: 'col' }, link({ 'v-sort': `${column}-${by && !by.ascending ? 'asc' : 'desc'}` }, { className: 'site-sort', textContent: title }));
  if (by) th.setAttribute('aria-sort', by.ascending ? 'ascending' : 'descending');
  return th;
}

/**
 * A table of the comparison: its COMPARED first rows of `list`, each entity a link that
 * shows its mentions on each side (`v-e`; `chosen`, the one shown); headers sort by
 * `sort`'s columns.
 */
async function comparedTable(caption, list, sort, chosen) {
  const shown = list.slice(0, COMPARED);
  const names = await Promise.all(shown.map((r) => entityRow(r.e)));
  const signed = (x) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(2)}`;
  const body = shown.map((r, i) => {
    const e = names[i];
    const name = link({ 'v-e': e.id }, { className: 'site-entity-name', textContent: e.name });
    name.dataset.label = e.label;
    if (e.id === chosen) name.setAttribute('aria-current', 'true');
    return el('tr', {}, el('th', { scope: 'row' }, name), el('td', { textContent: labels.get(e.label) ?? e.label }),
      ...[r.a[0], r.a[1], r.b[0], r.b[1]].map((n) => el('td', { textContent: digits(n) })), el('td', { textContent: signed(r.change) }));
  });
  const more = list.length > shown.length ? ` (the first ${COMPARED} of ${digits(list.length)})` : '';
  // Focusable, for a table wider than the pane to scroll by keyboard.
  return el('div', { className: 'site-scroll', tabIndex: 0, role: 'group', ariaLabel: caption }, el('table', { className: 'site-compare' },
    el('caption', { textContent: `${caption}: ${count(list.length, 'entity', 'entities')}${more}` }),
    el('thead', {}, el('tr', {}, ...[['Entity'], ['Kind'], ['A mentions', 'a'], ['A articles'], ['B mentions', 'b'], ['B articles'], ['Change', 'change']].map(([x, c]) => compareHeader(x, c, sort)))),
    el('tbody', {}, ...body)));
}

/** The sides chosen by period: two lists of the head's years and months, and Compare. */
function sidesForm(h, a, b) {
  const keys = [...timelineOf(h, true).buckets, ...timelineOf(h, false).buckets].map(([k]) => k);
  const pick = (name, value) => {
    const chosen = new URLSearchParams(value ?? '').get('when');
    const select = el('select', { name, ariaLabel: `Side ${name.slice(-1).toUpperCase()}` }, el('option', { value: '', textContent: 'Every article' }),
      ...keys.map((k) => el('option', { value: k, textContent: period(k), selected: k === chosen })));
    return el('label', {}, `Side ${name.slice(-1).toUpperCase()} `, select);
  };
  const form = el('form', { className: 'site-sides-form', ariaLabel: 'Compare two periods' }, pick('v-a', a), ' ', pick('v-b', b), ' ', el('button', { type: 'submit', textContent: 'Compare' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const side = (n) => (form.elements[n].value ? `when=${form.elements[n].value}` : '');
    go(href({ 'v-a': side('v-a') || 'q=', 'v-b': side('v-b') || 'q=' }));
  });
  return form;
}

// Export (issue 24, item 3): the mentions or the quotes of the articles the view keeps, in
// the tables of the app's export and `dossier extract` (mentions: doc, start, end, text,
// label, canonical, zone; quotes: those of `dossier extract --quotes`; in the Quotes view,
// only the quotes it shows), or in the Compare view its comparison (the one-page
// Compare's columns, every row in the order drawn), written by the wasm with the core's
// one encoder. The document shards (a comparison's rows: batches) are fetched one at
// a time, each written and let go, with the entity-table runs their names need; the parts
// are joined into a Blob, so memory holds one shard, not the corpus. Progress counts the
// shards; Cancel stops between two; a file that cannot be read stops the export with
// Retry or Reload, and no file is offered.

/** A call of the wasm's export, its throw a Fault. */
function exporting(f, ...args) {
  try {
    return f(...args);
  } catch (e) {
    throw new Fault(e instanceof Error ? `version\t${e.message}` : e);
  }
}

/** The bytes of file `name` as fetched, undefined if they cannot be (not kept: the HTTP cache does). */
async function bytesOf(name) {
  try {
    const r = await fetch(new URL(`shards/${name}`, here));
    if (r.ok) return new Uint8Array(await r.arrayBuffer());
  } catch {
    // the network failed: the decoder says the file is missing
  }
  return undefined;
}

/**
 * The `table` (`mentions`, `quotes`) of documents `docs` (in order) as a Blob in `format`
 * (`csv`, `json`), shard after shard, `progress(n, of)` after each; null once
 * `job.cancelled`. `only`: for quotes, those the Quotes view shows ([search, speaker
 * entity, entity named], each null for any).
 */
async function exportTable(table, docs, format, job, progress, only) {
  await directory();
  const shards = new Map();
  for (const d of docs) {
    const name = locate('docs', String(d));
    if (!shards.has(name)) shards.set(name, []);
    shards.get(name).push(d);
  }
  const steps = [...shards].map(([name, list]) => async () => exporting(export_docs, name, await bytesOf(name), Uint32Array.from(list)));
  return exportSteps(table, format, steps, job, progress, only);
}

/**
 * The table `table` in `format` written by `steps`, each a call of the wasm that keeps
 * the next rows and returns the entity-table runs their names need (fetched then), as a
 * Blob; null once `job.cancelled` (checked after each step).
 */
async function exportSteps(table, format, steps, job, progress, only) {
  const parts = [exporting(export_start, table, format)];
  if (only) exporting(export_quotes_only, only[0] ?? '', only[1] ?? undefined, only[2] ?? undefined);
  let n = 0;
  progress(n, steps.length);
  try {
    for (const step of steps) {
      const runs = JSON.parse(await step());
      if (job.cancelled) return null;
      for (const run of runs) exporting(export_names, run, await bytesOf(run));
      parts.push(exporting(export_rows));
      progress(++n, steps.length);
    }
  } finally {
    parts.push(export_end());
  }
  return new Blob(parts, { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
}

/** Rows of the comparison a step of its export writes. */
const COMPARED_BATCH = 2000;

/**
 * The comparison the view shows (its sides, the filter bar's articles, `v-sort`) as a
 * Blob in `format`: its three tables' rows in the order drawn, every one, a batch at a
 * time; with what the export says it is.
 */
async function exportComparison(format, job, progress) {
  const [a, b] = ['v-a', 'v-b'].map(param);
  if (!a || !b) throw new NoEntity('Choose two sides to compare before exporting the comparison.');
  const { said, totals, tables } = await comparisonOf(a, b, param('q'), filters('e'), filters('x'), when());
  if (!tables) throw new NoEntity('A side keeps too many articles to count its entities here: narrow it, or the filters.');
  const rows = tables.flatMap(([, list]) => list);
  const base = new URL(href({ 'v-e': null }), location.href).href;
  const link = `${base}${base.includes('?') ? '&' : '?'}v-e=`;
  const steps = [];
  for (let i = 0; i < rows.length || i === 0; i += COMPARED_BATCH) {
    const flat = rows.slice(i, i + COMPARED_BATCH).flatMap((r) => [r.e, r.a[0], r.a[1], r.b[0], r.b[1]]);
    steps.push(async () => exporting(export_compared, Uint32Array.from(flat), Uint32Array.from(totals), link));
  }
  const blob = await exportSteps('compare', format, steps, job, progress);
  return [blob, `the comparison of ${count(rows.length, 'entity', 'entities')} (${said.join('; ')})`];
}

/** Offers `blob` for download as `name`, as the app's export does. */
function download(blob, name) {
  const url = URL.createObjectURL(blob);
  el('a', { href: url, download: name }).click();
  // Revoking at once can cancel the download: the browser takes it first.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * The Export menu of the filter bar: the mentions or the quotes of the articles the view
 * keeps, as CSV or JSON; below it, the export's progress (a bar, n of m shards, Cancel), then what
 * became of it. One export at a time.
 */
function exportMenu() {
  const status = el('div', { className: 'site-export' });
  const summary = el('summary', { className: 'tool', textContent: 'Export' });
  const menu = el('ul', { className: 'menu', ariaLabel: 'Export the mentions or quotes of the articles kept' });
  const box = el('details', { className: 'export' }, summary, menu);
  // The export shown (null once cancelled), and the end of the last one: an export starts
  // once the one before has stopped, for the wasm holds one at a time.
  let job = null;
  let last = Promise.resolve();
  const run = async (table, format) => {
    box.open = false;
    if (job) job.cancelled = true;
    const mine = (job = { cancelled: false });
    const before = last;
    let stopped;
    last = new Promise((ok) => { stopped = ok; });
    const say = (...nodes) => mine === job && status.replaceChildren(...nodes);
    const [q, required, excluded, w] = [param('q'), filters('e'), filters('x'), when()];
    const bar = el('progress', { max: 1, value: 0, ariaLabel: 'Export progress' });
    const line = el('span', { textContent: 'Finding the articles to export…' });
    const cancel = el('button', { type: 'button', textContent: 'Cancel' });
    cancel.addEventListener('click', () => {
      mine.cancelled = true;
      say(el('p', { role: 'status', textContent: 'Export cancelled.' }));
      job = null;
    });
    say(el('p', { role: 'status' }, line), bar, ' ', cancel);
    try {
      await before;
      const progress = (one, many) => (n, of) => {
        Object.assign(bar, { max: Math.max(of, 1), value: n });
        line.textContent = `Exporting ${what}: ${n} of ${count(of, one, many)}`;
      };
      let what = 'the comparison';
      let blob;
      if (table === 'compare') {
        [blob, what] = await exportComparison(format, mine, progress('batch', 'batches'));
      } else {
        const [docs, only] = await exported(table, q, required, excluded, w);
        what = `the ${table} of ${count(docs.length, 'article')}`;
        blob = await exportTable(table, docs, format, mine, progress('shard'), only);
      }
      if (!blob || mine !== job) return;
      const name = `dossier-${table === 'compare' ? 'comparison' : table}.${format}`;
      download(blob, name);
      say(el('p', { role: 'status', textContent: `Exported ${what} as ${name}.` }));
    } catch (e) {
      if (e instanceof Wide || e instanceof NoEntity) say(el('p', { className: 'site-note', role: 'status', textContent: e.message }));
      else say(faultBox(e, 'the articles to export', () => run(table, format)));
    } finally {
      if (mine === job) job = null;
      stopped();
    }
  };
  for (const [table, format, text] of [['mentions', 'csv', 'Mentions (CSV)'], ['mentions', 'json', 'Mentions (JSON)'], ['quotes', 'csv', 'Quotes (CSV)'], ['quotes', 'json', 'Quotes (JSON)'], ['compare', 'csv', 'Comparison (CSV)'], ['compare', 'json', 'Comparison (JSON)']]) {
    const b = el('button', { type: 'button', textContent: text });
    b.addEventListener('click', () => run(table, format));
    const item = el('li', {}, b);
    if (table === 'compare') {
      item.hidden = true;
      compareItems.push(item);
    }
    menu.append(item);
  }
  return [box, status];
}

/** The Export menu's items of the comparison, shown in the Compare view only. */
const compareItems = [];

/**
 * The documents whose `table` (`mentions`, `quotes`) an export writes, in order: those
 * the filters keep; for quotes in the Quotes view, those its speaker and entity named
 * keep too, with [search, speaker, entity named] for the wasm to keep the quotes shown.
 */
async function exported(table, q, required, excluded, w) {
  let [docs] = q || required.length || excluded.length || w ? await selection(q, required, excluded, w) : [everyDoc()];
  if (table !== 'quotes' || view() !== 'quotes') return [docs, null];
  const [text, who, about] = ['v-q', 'v-who', 'v-about'].map(param);
  const only = [text?.trim() || null, null, null];
  for (const [i, id] of [[1, who], [2, about]]) {
    if (!id) continue;
    const [[ix], [d]] = await Promise.all([named(id), entityDocs(id)]);
    only[i] = ix;
    docs = both(docs, d);
  }
  return [docs, only];
}

let panes;
let site;
let all;

/** Every document's number, in order (the whole list's), made once. */
function everyDoc() {
  if (!all) {
    // A loop: spreading `keys()` of 20,000 took tens of ms in code not yet optimised.
    all = new Array(site.documents);
    for (let i = 0; i < all.length; i++) all[i] = i;
  }
  return all;
}

/** Draws the panes the URL asks for (only those that change). */
function show() {
  const [doc, q] = ['doc', 'q'].map(param);
  const [required, excluded, w, v] = [filters('e'), filters('x'), when(), view()];
  // The entity card: the last entity required.
  const e = required.at(-1);
  const sel = `${q}\n${required}\n${excluded}\n${w && span(w)}`;
  const [key, label, work] = v === 'timeline'
    ? [`tl:${param('v-by')}\n${sel}`, 'the timeline', () => timelineView(q, required, excluded, w)]
    : v === 'connections'
      ? [`cn:${e ?? ''}`, 'the connections', () => connections(e)]
      : v === 'quotes'
        ? [`qt:${['v-q', 'v-who', 'v-about'].map(param)}\n${sel}`, 'the quotes', () => quotesView(q, required, excluded, w)]
        : v === 'compare'
          ? [`cp:${['v-a', 'v-b', 'v-sort', 'v-e'].map(param)}\n${sel}`, 'the comparison', () => compareView(q, required, excluded, w)]
          : q || required.length || excluded.length || w
        ? [`sel:${sel}`, q ? 'the search results' : required.length || excluded.length ? 'the entity’s articles' : 'the articles', (current) => selected(q, required, excluded, w, current)]
        : ['all', 'the article list', (current) => docList(count(site.documents, 'article'), everyDoc(), current)];
  // Another list starts at its top, where its rows are drawn from; scrolled now, before
  // anything changes, the layout is the last frame's and nothing is laid out again. Not
  // read for the first list, in a pane just made: that read would lay the page out at
  // once (tens of ms at start, on a deep link's way to being interactive).
  const shown = panes.results.dataset.key;
  if (shown && shown !== key && panes.results.scrollTop) panes.results.scrollTop = 0;
  if (panes.search.value !== (q ?? '')) panes.search.value = q ?? '';
  // On a phone, where the panes stack, the one the link is about comes first (site.css).
  const first = doc ? 'main' : e && v === 'articles' ? 'entities' : 'results';
  if (panes.main.parentElement.dataset.first !== first) panes.main.parentElement.dataset.first = first;
  chips(q, required, excluded, w);
  pressed();
  for (const a of panes.views.querySelectorAll('a')) {
    if (a.dataset.view === v) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const item of compareItems) item.hidden = v !== 'compare';
  fill(panes.results, key, label, work);
  if (doc) {
    if (panes.main.dataset.key !== `look:${doc}`) fill(panes.main, `doc:${doc}`, 'the article', () => articleOf(doc));
  } else fill(panes.main, 'none', 'the article', async () => [el('p', { className: 'site-note', textContent: 'Choose an article from the list.' })]);
  // The entity's card and the top entities fill apart: a click changes the card only.
  fill(panes.card, `e:${e ?? ''}`, 'the entity', async () => {
    if (!e) return [];
    await file(site.head).then(nameLabels, () => {}); // its label's name, if the head is there
    return entityCard(e);
  });
  return fill(panes.top, `top:${sel}`, 'the entities', async () => {
    const h = await file(site.head);
    const bar = document.querySelector('#site .filter-bar');
    if (!bar.querySelector('.legend')) bar.prepend(legend(h));
    return topEntities(h, q, required, excluded, w);
  });
}

/** Opens the entity of the mark `mark` (its row gives its id for the URL). */
async function openMark(mark) {
  try {
    const row = await entityRow(Number(mark.dataset.entity));
    go(href({ e: row.id, x: null, q: null }));
  } catch (e) {
    mark.after(faultBox(e, 'the entity', () => openMark(mark)));
  }
}

/**
 * Shows the view of `url` (a query string, or the page's path), then adds its history
 * entry once the frame that shows it has been drawn (pushState took up to 5 ms of a
 * search's frame at 20,000 articles, on a loaded machine: bench-sharded.mjs).
 */
function go(url) {
  now = new URL(url, location.href).search;
  show();
  markCurrent();
  requestAnimationFrame(() => setTimeout(() => history.pushState(null, '', url)));
}

/** The number of the document stored in file `name` (its shard's, fetched if need be). */
async function numberOf(name) {
  const where = locate('file', name);
  if (!where) return -1;
  const shard = await file(where);
  const i = shard.files.indexOf(name);
  return i < 0 ? -1 : shard.first + i;
}

/**
 * Opens the next (`to` = 1) or previous (-1) article of the list, or its first ('first')
 * or last ('last'), as the app's j and k do; its row is drawn and marked, and keeps the
 * focus if the list had it.
 */
async function step(to) {
  const list = shownList();
  if (!list?.docs.length) return;
  const doc = param('doc');
  const drawn = doc && list.querySelector('a[aria-current]');
  const at = drawn ? list.docs.indexOf(Number(drawn.dataset.doc)) : doc ? list.docs.indexOf(await numberOf(doc).catch(() => -1)) : -1;
  const last = list.docs.length - 1;
  const i = to === 'first' ? 0 : to === 'last' ? last : at < 0 ? (to > 0 ? 0 : last) : Math.min(last, Math.max(0, at + to));
  if (i === at) return;
  const [row] = await rowsOf([list.docs[i]]);
  const focused = list.contains(document.activeElement);
  go(href({ doc: row.file }));
  const a = await list.reveal(i);
  if (!a || shownList() !== list) return;
  markCurrent();
  a.scrollIntoView({ block: 'nearest' });
  if (focused) a.focus({ preventScroll: true });
}

// Steps run one after another, each from where the last one left the URL.
let stepping = Promise.resolve();

/** The app's keys: / the search box, j/k and the arrows through the list, Home/End in it, Esc. */
function keys(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t.matches?.('input, textarea, select')) {
    if (e.key === 'Escape') t.blur();
    return;
  }
  const inList = t.closest?.('.site-list');
  const to = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1, Home: inList && 'first', End: inList && 'last' }[e.key];
  if (e.key === '/') panes.search.focus();
  else if (to) stepping = stepping.then(() => step(to)).catch((err) => console.error(err));
  else if (e.key === 'Escape' && /[?&](e|x|q|when)=/.test(now)) go(href({ e: null, x: null, q: null, when: null }));
  else return;
  e.preventDefault();
}

/**
 * Starts the reader: the linked article's shard asked for, the wasm, the manifest, the
 * layout; then the panes fill as files arrive. `firstLook`: web/boot.js's, which
 * draws the linked article from its shard's texts while the wasm loads.
 */
export async function start(firstLook) {
  // The linked article's document shard: { name, length, bytes: promise of its bytes }.
  const early = linkedShard();
  // The first screen's files the page preloads (the head, the first list run).
  for (const link of document.querySelectorAll('link[rel=preload][href^="shards/"]')) ask(link.getAttribute('href').slice('shards/'.length));
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('site.css', here).href }));
  const glue = import('./dossier-site.js');
  let compiled;
  // The page's own article, drawn by web/boot.js from `#corpus` as the page was parsed.
  let looked = document.getElementById('first-look');
  // A link to an article the page does not carry: its shard's texts drawn first, while the
  // glue loads and the wasm compiles (off the main thread: its instantiation, the manifest
  // read and the panes built, 50–150 ms on a loaded machine, would otherwise come first).
  if (early && firstLook && !looked) {
    const url = new URL('dossier-site_bg.wasm', here);
    compiled = WebAssembly.compileStreaming(fetch(url)).catch(() => url);
    looked = await lookFrom(early, firstLook).catch(console.error);
  }
  // Either article reaches the screen before the wasm's instantiation, the panes and the
  // first files read (tens of ms of main thread, which held its frame back; the page's own
  // article's shard, preloaded, is read at once now): a frame, then a task, as web/boot.js
  // does for the app.
  if (looked) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
  const reader = await glue;
  ({ clauses, counts, decode, doc_at, export_compared, export_docs, export_end, export_names, export_quotes_only, export_rows, export_start, locate, mention_files, name_files, name_words, open, prefix_files, said_files, term_files } = reader);
  await reader.default(compiled && { module_or_path: await compiled });
  try {
    site = JSON.parse(open(document.getElementById('manifest').textContent));
  } catch (e) {
    throw new Error(new Fault(e).message);
  }
  // The linked article's shard first, before the panes are built: the head and the first
  // list run are on their way already (the page preloads them), and the directory is
  // fetched at once by a link that needs it (a search, an entity), not before the shard.
  const doc = param('doc');
  if (doc) file(locate('file', doc)).catch(() => {});
  const search = el('input', { type: 'search', name: 'q', ariaLabel: 'Search the articles', placeholder: 'Search the articles' });
  const form = el('form', { className: 'site-search', role: 'search' }, search, el('button', { type: 'submit', textContent: 'Search' }));
  const chipBox = el('div', { className: 'active-filters' });
  const tab = (v, text) => {
    const a = link({ view: v === 'articles' ? null : v }, { textContent: text });
    a.dataset.view = v;
    return el('li', {}, a);
  };
  const views = el('nav', { className: 'site-views', ariaLabel: 'Views' },
    el('ul', {}, tab('articles', 'Articles'), tab('timeline', 'Timeline'), tab('connections', 'Connections'), tab('quotes', 'Quotes'), tab('compare', 'Compare')));
  const bar = el('section', { className: 'filter-bar' }, views, form, chipBox, ...exportMenu());
  panes = {
    search,
    results: el('div', { className: 'pane results-pane', ariaLabel: 'Articles', role: 'region' }),
    main: el('div', { className: 'pane main-pane', ariaLabel: 'Article', role: 'region' }),
    card: el('div'),
    top: el('div'),
    find: el('input', { type: 'search', ariaLabel: 'Find an entity', placeholder: 'Find an entity', autocomplete: 'off' }),
    found: el('div', { hidden: true }),
    chips: chipBox,
    views,
  };
  // The first look's article stays on screen until the shard's replaces it.
  const look = document.getElementById('first-look');
  const drawn = look?.querySelector('.reader');
  if (drawn) {
    panes.main.append(drawn);
    panes.main.dataset.key = `look:${param('doc')}`;
  }
  const entityPane = el('div', { className: 'pane entity-pane', ariaLabel: 'Entities', role: 'region' }, panes.card, el('div', { className: 'site-find' }, panes.find), panes.found, panes.top);
  panes.find.addEventListener('input', find);
  entityPane.addEventListener('keydown', findKeys);
  const root = el('div', { id: 'site' }, bar, el('div', { className: 'layout' }, panes.results, panes.main, entityPane));
  (look ?? document.getElementById('manifest')).after(root);
  look?.remove();
  document.getElementById('loading')?.remove();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(href({ q: search.value.trim() || null }));
  });
  root.addEventListener('click', (e) => {
    const a = e.target.closest('a[href]');
    const filter = e.target.closest('button[data-toggle]');
    if (filter) go(href(toggle(filter.dataset.toggle, filter.dataset.id)));
    else if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey && (a.dataset.set || a.getAttribute('href').startsWith('?'))) {
      e.preventDefault();
      go(a.dataset.set ? href(JSON.parse(a.dataset.set)) : a.getAttribute('href'));
    } else if (e.target.closest('.main-pane mark[data-entity]')) openMark(e.target.closest('mark'));
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.matches?.('.main-pane mark[data-entity]')) openMark(e.target);
  });
  addEventListener('keydown', keys);
  // The list's rows follow its scrolling, the pane's or the page's (a phone's), once a frame.
  let scrolled = false;
  const follow = () => {
    if (scrolled) return;
    scrolled = true;
    requestAnimationFrame(() => {
      scrolled = false;
      shownList()?.update();
    });
  };
  addEventListener('scroll', follow, { capture: true, passive: true });
  addEventListener('resize', follow);
  addEventListener('popstate', () => {
    now = location.search;
    show();
    markCurrent();
  });
  show();
  // Once the head is there (the legend and the entity pane draw from it), the first
  // look's article from its shard, in place, for its marks to open entities.
  // Its shard, fetched above, is drawn in the task after the head's, so that the head's
  // panes come first.
  const swap = () => drawn && panes.main.contains(drawn) && fill(panes.main, `doc:${doc}`, 'the article', () => articleOf(doc), true);
  const swapped = file(site.head).catch(() => {}).then(() => new Promise((ok) => setTimeout(() => ok(swap()))));
  // Then, once the first screen is drawn, the rows of every list, as the page idles.
  swapped.then(keepLists, keepLists);
  swapped.then(idle).then(keepForOffline).catch(() => {});
}
