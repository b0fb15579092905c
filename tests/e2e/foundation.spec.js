// The foundation: the embedded corpus, the article list, the reader, and the URL as state.
import { test, expect } from './console.js';
import { BASE } from '../../playwright.config.js';

const TITLES = [
  'Geopolitics in a China-Russia Dialogue: Putin and Xi Ahead of New Moves',
  'Putin meets Xi in China at a time when the world is shaken by global conflicts',
  "Putin's Strategic Visit to China: Aligning Forces Amidst the Ukraine Conflict",
  'Putin Visits China as Moscow and Beijing Reaffirm Ties',
];

test('a deep link under the sub-path lists the five articles', async ({ page }) => {
  await page.goto(`${BASE}?q=`);
  const list = page.getByRole('navigation', { name: 'Articles' });
  for (const title of TITLES) {
    await expect(list.getByRole('link', { name: title, exact: true })).toBeVisible();
  }
  await expect(list.getByRole('listitem')).toHaveCount(5);
});

test('opening an article changes the URL, survives a reload, and back leaves it', async ({ page }) => {
  await page.goto(BASE);
  const title = TITLES[3];
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page).toHaveURL(/[?&]doc=003_1075b8958bdb5eef\.txt/);
  const heading = page.getByRole('heading', { level: 1, name: title });
  await expect(heading).toBeVisible();
  await expect(page.getByText('Olivia Wang contributed reporting.')).toBeVisible();

  await page.reload();
  await expect(heading).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(BASE);

  await page.goBack();
  await expect(page).not.toHaveURL(/doc=/);
  await expect(heading).toHaveCount(0);
  await page.goForward();
  await expect(heading).toBeVisible();
});

test('the search query filters the list and lives in the URL', async ({ page }) => {
  await page.goto(BASE);
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Kyrgyzstan');
  await expect(page).toHaveURL(/[?&]q=Kyrgyzstan/);
  const list = page.getByRole('navigation', { name: 'Articles' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('Kyrgyzstan');
});

test('a malformed URL shows a notice, not a broken page', async ({ page }) => {
  await page.goto(`${BASE}?doc=%E0%A4%A&doc=nope.txt&zzz=%ZZ&q=%`);
  await expect(page.getByRole('status')).toContainText('ignored');
  // A query of punctuation only is ignored, so every article is listed.
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem')).toHaveCount(5);
});

test('the README screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${BASE}?doc=003_1075b8958bdb5eef.txt`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot.png' });
});
