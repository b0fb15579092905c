// Screenshots of the main views (Connections, Timeline, Quotes and Compare on demand) in both themes (docs/screenshots/, shown in the README),
// the phone layout, where the panels become tabs, and the reader's own documents.
import { test, expect } from '@playwright/test';
import { BASE } from '../../playwright.config.js';
import { drop } from './own.js';

const VIEWS = {
  reader: '?doc=003_1075b8958bdb5eef.txt&sel=person-vladimir-putin',
  mentions: '?view=mentions&sel=person-xi-jinping',
  connections: '?view=connections&pair=person-vladimir-putin,person-xi-jinping',
  timeline: '?view=timeline&when=2024-05',
  quotes: '?view=quotes',
  compare: '?view=compare&v-a=doc%3D003_1075b8958bdb5eef.txt&v-b=doc%3D002_d15cae400df2b21d.txt&v-e=person-vladimir-putin',
};

for (const scheme of ['light', 'dark']) {
  for (const [name, query] of Object.entries(VIEWS)) {
    test(`${name} view, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1360, height: 860 });
      await page.goto(`${BASE}${query}`);
      await expect(page.getByRole('main')).toBeVisible();
      // The views loaded on demand: shot once drawn.
      if (name === 'connections') await expect(page.locator('ol.sentences li').first()).toBeVisible();
      if (name === 'timeline') await expect(page.locator('.date-list li').first()).toBeVisible();
      if (name === 'quotes') await expect(page.locator('.quote').first()).toBeVisible();
      if (name === 'compare') await expect(page.locator('.compare-mentions mark').first()).toBeVisible();
      await expect(page.locator('.notice')).toHaveCount(0);
      await page.screenshot({ path: `docs/screenshots/${name}-${scheme}.png` });
    });
  }
}

test('the reader\'s own documents: the dialog over a dropped article', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(BASE);
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem').first()).toBeVisible();
  await drop(page, [
    { name: 'harbour-talks.txt', text: 'Harbour talks in Odesa\n\nPutin and Xi Jinping were named again on Tuesday as officials in Odesa met to discuss grain exports through the harbour.\n\nThe European Union said sanctions would stay.' },
    { name: 'scan.pdf', text: '%PDF-1.7' },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Your documents' });
  await expect(dialog.getByRole('status')).toHaveText('Added 1 document.', { timeout: 20_000 });
  await page.screenshot({ path: 'docs/screenshots/own-documents.png' });
});

test('on a phone the panels become tabs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(BASE);
  const tabs = page.getByRole('navigation', { name: 'Panels' });
  await expect(tabs).toBeVisible();
  const list = page.getByRole('navigation', { name: 'Articles' });
  await expect(list).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Entities' })).toBeHidden();
  await tabs.getByRole('button', { name: 'Entities' }).click();
  await expect(page.getByRole('complementary', { name: 'Entities' })).toBeVisible();
  await expect(list).toBeHidden();
  await tabs.getByRole('button', { name: 'Articles' }).click();
  await list.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(list).toBeHidden();
  await page.screenshot({ path: 'docs/screenshots/phone-reader.png' });
});

test('the print stylesheet keeps the reader, the legend and the link', async ({ page }) => {
  await page.goto(`${BASE}?doc=003_1075b8958bdb5eef.txt`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('article.reader')).toBeVisible();
  await expect(page.locator('.legend')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Entities' })).toBeHidden();
  const link = await page.locator('article.reader').evaluate((a) => getComputedStyle(a, '::after').content);
  expect(link).toContain('/dossier-e2e/?doc=003_1075b8958bdb5eef.txt');
});
