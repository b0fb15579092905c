// The secondary views (crates/dossier-views: quotes), on demand: web/boot.js imports this
// module the first time the app's box for them (#views, src/app.rs) says `dossier-views`,
// with the page's two data texts, and calls `show()` each time it says so again. Every URL
// is relative to this file, so it works under any base path.
import init, { load, show } from './dossier-views.js';

/**
 * Loads the views' wasm and reads the page's corpus into it.
 * @param {string[]} parts the page's #corpus and #analysis texts
 * @returns {Promise<{show: () => void}>}
 */
export async function start([texts, data]) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('views.css', import.meta.url).href;
  document.head.append(style);
  await init();
  const error = load(texts, data);
  if (error) throw new Error(`the articles cannot be read (${error})`);
  return { show: () => show(document.getElementById('views')?.dataset.q ?? '') };
}
