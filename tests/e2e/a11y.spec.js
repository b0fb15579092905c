// Accessibility: axe-core (npm, pinned) on every main view — the article list, the
// reader (with search hits too), filters that match nothing, the mentions, connections and timeline views with an entity selected, the quotes and compare views (loaded on demand) — in the
// light and dark themes, dark both from the system setting and from the theme toggle.
// Zero violations of the WCAG 2.0/2.1 A and AA rules.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BASE } from '../../playwright.config.js';
import { drop } from './own.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOC = '003_1075b8958bdb5eef.txt';

// Known violations, each to be fixed in a component; the test fails when one of them is
// no longer found, so that this list only shrinks. (The two WCAG 2.5.3 "Label in Name"
// cases it once held — mention and timeline-bar names — are fixed.)
const KNOWN = [];

/** Runs axe on the page as it is; returns one line per violating node. */
async function violations(page) {
  // Evaluated through the debugging protocol, so the page's CSP does not apply to it.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
  });
  return found;
}

/** An entity id from the reader's marks: the one with most mentions in `DOC`. */
async function someEntity(page) {
  await page.goto(`${BASE}?doc=${DOC}`);
  await page.locator('article mark[data-entity]').first().waitFor();
  const ids = await page.locator('article mark[data-entity]').evaluateAll((ms) => ms.map((m) => m.dataset.entity));
  const counts = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([id]) => id).slice(0, 2);
}

const VIEWS = [
  ['the article list', () => ''],
  ['the reader', () => `?doc=${DOC}`],
  ['the reader with a selected entity', ([a]) => `?doc=${DOC}&sel=${a}&e=${a}`],
  ['the reader with search hits', () => `?doc=${DOC}&q=Putin%20pipeline`],
  ['filters that match nothing', () => '?e=gpe-china&x=gpe-russia'],
  ['the mentions view', ([a]) => `?view=mentions&e=${a}&sel=${a}`],
  ['the connections view', ([a, b]) => `?view=connections&sel=${a}&pair=${a},${b}`],
  ['the timeline view', ([a]) => `?view=timeline&e=${a}&sel=${a}`],
  ['the quotes view', () => '?view=quotes'],
  ['the quotes view by date', () => '?view=quotes&v-by=date&v-q=said'],
  ['the quotes of one speaker', () => '?view=quotes&v-who=person-manoj-kewalramani'],
  ['the compare view with an entity chosen', ([a]) => `?view=compare&v-a=when%3D2023&v-b=when%3D2025&v-e=${a}`],
];

for (const theme of ['light', 'dark (system)', 'dark (toggle)']) {
  test(`every main view has no WCAG A/AA violation, ${theme} theme`, async ({ page }) => {
    test.slow(); // twelve views, each loaded and checked in turn
    await page.emulateMedia({ colorScheme: theme === 'dark (system)' ? 'dark' : 'light' });
    const ids = await someEntity(page);
    expect(ids.length).toBe(2);
    if (theme === 'dark (toggle)') {
      await page.getByRole('button', { name: /Dark/ }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    }
    const all = [];
    for (const [name, query] of VIEWS) {
      await page.goto(`${BASE}${query(ids)}`);
      await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
      await page.waitForTimeout(100);
      if (query(ids).includes('view=quotes')) await page.locator('.quotes-summary').waitFor();
      else if (query(ids).includes('view=compare')) await page.locator('.compare-summary').waitFor();
      else if (query(ids).includes('q=')) await page.locator('article mark.hit').first().waitFor();
      if (theme === 'dark (toggle)') await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      for (const v of await violations(page)) all.push(`${name}: ${v}`);
    }
    expect(all.filter((v) => !KNOWN.some((k) => k.test(v))), 'axe violations').toEqual([]);
    for (const k of KNOWN) expect(all.some((v) => k.test(v)), `known violation ${k} is fixed: remove it`).toBe(true);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`the reader's own documents (dialog, badge, choice) have no WCAG A/AA violation, ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(BASE);
    await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem').first()).toBeVisible();
    await drop(page, [{ name: 'notes.txt', text: 'Harbour notes\n\nPutin met officials.' }, { name: 'empty.txt', text: ' ' }]);
    const dialog = page.getByRole('dialog', { name: 'Your documents' });
    await expect(dialog.getByRole('status')).toHaveText('Added 1 document.', { timeout: 20_000 });
    await expect(dialog.getByRole('alert')).toContainText('empty.txt: is empty');
    const all = (await violations(page)).map((v) => `dialog: ${v}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('.reader[data-link*="doc=mine%2F"] .meta')).toBeVisible();
    for (const v of await violations(page)) all.push(`reader: ${v}`);
    expect(all, 'axe violations').toEqual([]);
  });
}
