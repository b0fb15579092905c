// What the benchmark scripts share: Debian's Chromium, headless, with the flags of
// playwright.config.js, and the project's static server (tests/serve.mjs) on loopback.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(new URL('..', import.meta.url).pathname);

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
