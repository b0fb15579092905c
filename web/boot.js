// Starts Dossier. Trunk.toml's `pattern_script` loads this file as
//   <script type="module" src="{base}boot.js?js={js}&wasm={wasm}">
// in place of Trunk's inline loader, so that the Content-Security-Policy in index.html
// can forbid inline scripts. The app's hashed file names come in the query string.
//
// If the app cannot load or start (the wasm is missing, the browser lacks WebAssembly,
// a panic at start), the error box of index.html shows why, with a Reload button; a
// panic's own message (written by the app's panic hook) is kept.
const here = new URL(import.meta.url);
const box = document.getElementById('fatal');

function fatal(message) {
  if (!box || !box.hidden) return;
  document.getElementById('fatal-message').textContent = message;
  box.hidden = false;
  document.getElementById('fatal-reload')?.focus();
}

// The Reload button works even when the app never ran.
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('#fatal-reload')) location.reload();
});

const SLOW = 30_000;
const timer = setTimeout(() => fatal(`Dossier did not start within ${SLOW / 1000} seconds.`), SLOW);
let slowShown = () => box && !box.hidden && /did not start within/.test(box.textContent);
try {
  const { default: init } = await import(new URL(here.searchParams.get('js'), here).href);
  const wasm = await init({ module_or_path: new URL(here.searchParams.get('wasm'), here) });
  if (slowShown()) box.hidden = true; // it was only slow
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (err) {
  console.error('Dossier could not start:', err);
  fatal(`Dossier could not start: ${err && err.message ? err.message : err}`);
} finally {
  clearTimeout(timer);
}
