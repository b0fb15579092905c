// The analysis engine on demand (crates/dossier-engine, web/engine.js): the page fetches
// none of it at load; the first `analyse` call starts a Web Worker that fetches the
// engine, same-origin, under the page's CSP; its answer is exactly what the CLI prints
// for a folder holding the same file.
//
// The expected lines come from the CLI itself, run by this test (`cargo run`, the dev
// profile: the same analysis, and the build `cargo test` has already made), so they can
// never be stale; the fixture is not from seeds/.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { BASE } from '../../playwright.config.js';

const FIXTURE = 'tests/fixtures/engine';
const FILE = readdirSync(FIXTURE).find((f) => f.endsWith('.txt'));
const TEXT = readFileSync(`${FIXTURE}/${FILE}`, 'utf8');
const ENGINE = /\/(engine\.js|engine-worker\.js|dossier-engine[^/]*)$/;

let expected;
test.beforeAll(() => {
  test.setTimeout(600_000); // a first build of the CLI on a busy machine
  expected = execFileSync('cargo', ['run', '--locked', '-q', '-p', 'dossier-cli', '--', 'extract', FIXTURE, '--format', 'jsonl'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
});

test.beforeEach(async ({ page }) => {
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  // The engine's worker's console included.
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && page.problems.push(`${m.type()}: ${m.text()}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(BASE);
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
});

/** Imports the client module in the page and runs `analyse(file, text)`: the lines, or the error's message. */
const analyse = (page, file, text) => page.evaluate(async ([base, file, text]) => {
  const engine = await import(new URL(`${base}engine.js`, location.href).href);
  return engine.analyse(file, text).then((jsonl) => ({ jsonl }), (e) => ({ error: e.message }));
}, [BASE, file, text]);

test('a text is analysed in a worker fetched on demand, as the CLI analyses it', async ({ page }) => {
  expect(page.requests.filter((u) => ENGINE.test(new URL(u).pathname)), 'engine files fetched at load').toEqual([]);
  const atLoad = page.requests.length;

  expect(expected.split('\n').length).toBeGreaterThan(10);
  expect(await analyse(page, FILE, TEXT)).toEqual({ jsonl: expected });

  const origin = new URL(page.url()).origin;
  const fetched = page.requests.slice(atLoad).map((u) => new URL(u));
  expect(fetched.filter((u) => u.origin !== origin), 'requests to other origins').toEqual([]);
  expect(fetched.map((u) => u.pathname).sort()).toEqual(
    ['engine.js', 'engine-worker.js', 'dossier-engine.js', 'dossier-engine_bg.wasm'].map((f) => `${BASE}${f}`).sort());

  // A second text: the same worker, nothing fetched again.
  const before = page.requests.length;
  const again = await analyse(page, 'short.txt', 'Port talks\n\nAnna Kowalski spoke in Amsterdam.');
  expect(again.jsonl).toContain('"doc": "short.txt"');
  expect(again.jsonl).toContain('"text": "Amsterdam", "label": "GPE"');
  expect(page.requests.slice(before)).toEqual([]);

  expect(await page.evaluate(() => window.__csp), 'CSP violations').toEqual([]);
  expect(page.problems).toEqual([]);
});

test('bad input is a clear error, and the engine keeps working', async ({ page }) => {
  expect(await analyse(page, 'blank.txt', ' \n\n \t')).toEqual({ error: 'blank.txt: the text is empty' });
  expect(await analyse(page, 'blank.txt', undefined)).toEqual({ error: 'analyse(file, text) takes two strings' });
  expect((await analyse(page, FILE, TEXT)).jsonl).toBe(expected);
  expect(page.problems).toEqual([]);
});

test('an engine that cannot load rejects with a reason, and a later call loads it again', async ({ page }) => {
  // A wasm that cannot be fetched: the worker's answer (which drops that worker).
  const wasm = (url) => url.pathname === `${BASE}dossier-engine_bg.wasm`;
  await page.route(wasm, (route) => route.abort());
  expect((await analyse(page, FILE, TEXT)).error).toMatch(/^the analysis engine could not load: /);
  await page.unroute(wasm);

  // A worker script that is not there: the Worker's error event. page.route cannot hold a
  // worker's own script or its imports (github.com/microsoft/playwright/issues/32355),
  // so the page's next Worker is pointed at a missing file.
  await page.evaluate(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url, options) {
        super(new URL('no-such-worker.js', url), options);
        window.Worker = Real;
      }
    };
  });
  expect((await analyse(page, FILE, TEXT)).error).toBe('the analysis engine could not load');

  expect((await analyse(page, FILE, TEXT)).jsonl).toBe(expected);
});
