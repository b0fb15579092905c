// What the benchmark scripts share: Debian's Chromium, headless, with the flags of
// playwright.config.js, and the project's static server (tests/serve.mjs) on loopback.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(new URL('..', import.meta.url).pathname);

/** About `bytes` of news text titled `title`: the seeds' long paragraphs in turn. */
export function newsText(bytes, title) {
  const paras = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(root, 'seeds', f), 'utf8').split('\n').slice(1).map((l) => l.trim()).filter((l) => l.length > 80));
  const out = [title, ''];
  let size = title.length;
  for (let i = 0; size < bytes; i++) {
    const p = paras[i % paras.length];
    out.push(p, '');
    size += p.length + 2;
  }
  return out.join('\n');
}

/** The machine's load averages, printed first: the figures that follow depend on them. */
export function printLoad() {
  console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

/** Headless Chromium (`$CHROMIUM`, default /usr/bin/chromium). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serves `dir` under `base` on `port`; resolves once it listens, stopped when Node exits. */
export async function serve(dir, base, port) {
  const p = spawn('node', [join(root, 'tests/serve.mjs'), dir, base, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => p.kill());
  await new Promise((ok) => p.stdout.once('data', ok));
  return p;
}

/**
 * The explorer of the site in `dist` (built with --public-url /dossier-e2e/), served on
 * `port` and open in a 1400×900 page once its entity panel is drawn. `entities(n)` gives
 * the ids of the panel's first `n` entities, `clickEntity(id)` presses one's name (which
 * sets or lifts that filter), `close()` stops the browser and the server.
 */
export async function openExplorer(dist, port) {
  const base = '/dossier-e2e/';
  const server = await serve(dist, base, port);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}${base}`);
  await page.locator('li.entity button.entity-name').first().waitFor({ timeout: 60_000 });
  return {
    browser,
    page,
    entities: (n) => page.locator('li.entity').evaluateAll((ls, n) => ls.slice(0, n).map((l) => l.dataset.entity), n),
    clickEntity: (id) => page.evaluate(
      (id) => document.querySelector(`li.entity[data-entity="${id}"] button.entity-name`)?.click(), id),
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
}

/**
 * Cold loads of each site in `sites` (built with --public-url /dossier-e2e/), `runs`
 * times, the sites in turn so that builds are compared side by side in one run: each
 * load is a fresh browser context (nothing cached, no optimised code kept), served from
 * `port` + the site's position. `init` (optional) runs in the page before any script;
 * once the article list is drawn, `read` is evaluated in the page. Resolves with each
 * site's readings, one per load.
 */
export async function coldLoads(sites, runs, port, read, init) {
  const base = '/dossier-e2e/';
  const servers = await Promise.all(sites.map((s, i) => serve(s, base, port + i)));
  const browser = await launch();
  const res = sites.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < sites.length; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      if (init) await page.addInitScript(init);
      await page.goto(`http://127.0.0.1:${port + i}${base}`);
      await page.locator('p.count').waitFor({ timeout: 60_000 });
      res[i].push(await page.evaluate(read));
      await ctx.close();
    }
  }
  await browser.close();
  servers.forEach((s) => s.kill());
  return res;
}

/** The median of `xs` (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
