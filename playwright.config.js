// End-to-end tests: a release build in dist/ served on loopback under a sub-path,
// driven in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

export const BASE = process.env.DOSSIER_BASE ?? '/dossier-e2e/';
const PORT = Number(process.env.DOSSIER_PORT ?? 8787);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node tests/serve.mjs dist ${BASE} ${PORT}`,
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: false,
  },
});
