#!/usr/bin/env node
// Reading the page's analysis at start-up, over many cold loads: each load is a fresh
// browser context (nothing cached, no optimised code kept), and the sites given are
// loaded in turn, so that two builds are compared side by side in one run.
//
//   node scripts/cold.mjs <site> [<site> …]      # RUNS=9 by default
//
// Reads the app's own `dossier:read` (the page's corpus and analysis decoded) and
// `dossier:index` measures once the article list is drawn; prints each site's median,
// and every load's reading time. A benchmark:
// never fails.
import { coldLoads, median } from './browser.mjs';

const sites = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 9);
const res = await coldLoads(sites, runs, 8780, () =>
  ['dossier:read', 'dossier:index'].map((n) => performance.getEntriesByName(n)[0]?.duration ?? NaN));
sites.forEach((s, i) => {
  const a = res[i].map((x) => x[0]);
  console.log(`${s}: read median ${median(a).toFixed(0)} ms `
    + `[${[...a].sort((x, y) => x - y).map((x) => x.toFixed(0)).join(' ')}], `
    + `index median ${median(res[i].map((x) => x[1])).toFixed(0)} ms (${runs} cold loads)`);
});
