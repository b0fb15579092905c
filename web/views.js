// The secondary views (crates/dossier-views: quotes, compare, connections, timeline), on demand: web/boot.js imports this
// module the first time the app's box for them (#views, src/app.rs) says `dossier-views`,
// or the app exports one of its tables (its encoders are here, not on the main page), with
// the page's two data texts, and calls `show()` each time it says so again. Every URL
// is relative to this file, so it works under any base path.
import init, { export_rows, export_table, load, own, own_more, show } from './dossier-views.js';

/**
 * Loads the views' wasm and reads the page's corpus into it, with the reader's documents'
 * part if there is one (web/own.js hands it to the app as well).
 * @param {string[]} parts the page's #corpus and #analysis texts
 * @param {(Uint8Array|string)[]} mine the reader's documents' part, texts and analysis as UTF-8 bytes ('' if none)
 * @returns {Promise<{show: () => void, own: (part: Uint8Array[]) => Promise<void>, write: (table: string, rows: string) => Promise<void>}>}
 */
export async function start([texts, data], mine) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('views.css', import.meta.url).href;
  document.head.append(style);
  await init();
  const error = load(texts, data);
  if (error) throw new Error(`the articles cannot be read (${error})`);
  // The part is read a slice at a time, each a task of its own (as the app reads it:
  // web/own.js), then the view drawn anew on it.
  const join = async ([t, d]) => {
    let failed = own(t, d);
    while (!failed && (failed = own_more(10)) === undefined) await new Promise((ok) => setTimeout(ok));
    if (failed) throw new Error(`your documents cannot be read (${failed})`);
    if (document.getElementById('views')) show(document.getElementById('views').dataset.q ?? '');
  };
  // The last part handed on, joined: an export waits for it, so that the app's rows
  // name the documents this module holds too.
  let joined = mine[0].length ? join(mine) : Promise.resolve();
  await joined;
  // The app's export menu lists the tables the view offers (#views' data-offers); their
  // buttons name them in data-export ("Pairs csv"), and the view writes them.
  addEventListener('click', (e) => {
    const [name, format] = e.target.closest?.('[data-export]')?.dataset.export.split(' ') ?? [];
    if (name) export_table(name, format);
  });
  return {
    show: () => show(document.getElementById('views')?.dataset.q ?? ''),
    own: (part) => (joined = join(part)),
    // The app's table `table` ("Articles csv") from its `rows` (src/components/export_menu.rs: Rows).
    write: async (table, rows) => {
      await joined.catch(() => {});
      if (!export_rows(table, rows)) throw new Error(`no table ${table}`);
    },
  };
}
