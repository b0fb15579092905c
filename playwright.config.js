// End-to-end tests: a release build in dist/ served on loopback under a sub-path,
// driven in Debian's Chromium (never a downloaded browser). A second build, made from
// the hostile corpus of tests/fixtures/hostile/ into dist-hostile/, is served on the
// next port for tests/e2e/hostile.spec.js, and a third, of 40 articles generated from the
// seeds (scripts/gen-corpus.py) into dist-many/, on the port after, for the long lists.
import { defineConfig } from '@playwright/test';

export const BASE = process.env.DOSSIER_BASE ?? '/dossier-e2e/';
const PORT = Number(process.env.DOSSIER_PORT ?? 8787);
const DIST = process.env.DOSSIER_DIST ?? 'dist';
const HOSTILE_PORT = PORT + 1;
const HOSTILE_DIST = process.env.DOSSIER_HOSTILE_DIST ?? 'dist-hostile';
/** The hostile build's address (scripts/test.sh builds it with --public-url /hostile/). */
export const HOSTILE = `http://127.0.0.1:${HOSTILE_PORT}/hostile/`;
const MANY_PORT = PORT + 2;
const MANY_DIST = process.env.DOSSIER_MANY_DIST ?? 'dist-many';
/** The 40-article build's address (scripts/test.sh builds it with --public-url /many/). */
export const MANY = `http://127.0.0.1:${MANY_PORT}/many/`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  workers: 2,
  // One retry on CI: the machine is shared and noisy; a retried pass is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node tests/serve.mjs ${DIST} ${BASE} ${PORT}`,
      url: `http://127.0.0.1:${PORT}${BASE}`,
      reuseExistingServer: false,
    },
    {
      // Waits for the port only: the other tests run even where no hostile build exists.
      command: `node tests/serve.mjs ${HOSTILE_DIST} /hostile/ ${HOSTILE_PORT}`,
      port: HOSTILE_PORT,
      reuseExistingServer: false,
    },
    {
      command: `node tests/serve.mjs ${MANY_DIST} /many/ ${MANY_PORT}`,
      port: MANY_PORT,
      reuseExistingServer: false,
    },
  ],
});
