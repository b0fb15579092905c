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
const compiled = (async () => WebAssembly.compileStreaming(fetch(wasmUrl)))().catch(() => wasmUrl);
const glue = import(url('js').href);
const parsed = document.readyState === 'loading'
  ? new Promise((ok) => document.addEventListener('DOMContentLoaded', ok, { once: true }))
  : null;
try {
  const { default: init } = await glue;
  const module_or_path = await compiled;
  await parsed; // the app mounts into the body
  const wasm = await init({ module_or_path });
  if (slowShown()) box().hidden = true; // it was only slow
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (err) {
  console.error('Dossier could not start:', err);
  await parsed;
  fatal(`Dossier could not start: ${err && err.message ? err.message : err}`);
} finally {
  clearTimeout(timer);
}
