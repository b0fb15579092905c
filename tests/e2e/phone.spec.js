// On a phone (390×844, touch): one navigation with every destination in it, filters
// chosen in the entity panel that keep the reader there, a tap on a name that opens its
// card (a filter only from its buttons), and rows that never end cut off without a sign
// (issue 23, item 8).
import { test, expect } from '@playwright/test';
import { BASE } from '../../playwright.config.js';

const DOC = '003_1075b8958bdb5eef.txt';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** The visible links and buttons of every navigation but the article list, each with its box. */
const destinations = (page) => page.evaluate(() => [...document.querySelectorAll('nav:not([aria-label="Articles"]) :is(a, button)')]
  .filter((el) => el.checkVisibility())
  .map((el) => {
    const r = el.getBoundingClientRect();
    return { name: el.textContent.trim(), left: r.left, right: r.right };
  }));

for (const [where, query] of [['the article list', ''], ['an open article', `?doc=${DOC}`]]) {
  test(`from ${where}, one navigation names each destination once, all in view`, async ({ page }) => {
    await page.goto(`${BASE}${query}`);
    await expect(page.getByRole('navigation', { name: 'Panels' })).toBeVisible();
    const found = await destinations(page);
    const names = found.map((d) => d.name);
    expect(new Set(names).size, `destinations: ${names.join(', ')}`).toBe(names.length);
    for (const name of ['Articles', 'Mentions', 'Connections', 'Timeline', 'Entities']) {
      expect(names, `${name} among ${names.join(', ')}`).toContain(name);
    }
    for (const d of found) {
      expect(d.left, `${d.name} starts in view`).toBeGreaterThanOrEqual(0);
      expect(d.right, `${d.name} ends in view`).toBeLessThanOrEqual(390);
    }
  });
}

test('each destination of the navigation shows its pane or view', async ({ page }) => {
  await page.goto(BASE);
  const nav = page.getByRole('navigation', { name: 'Panels' });
  await nav.getByRole('button', { name: 'Mentions' }).tap();
  await expect(page).toHaveURL(/view=mentions/);
  await expect(page.getByRole('heading', { name: 'Mentions in context' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Mentions' })).toHaveAttribute('aria-pressed', 'true');
  await nav.getByRole('button', { name: 'Entities' }).tap();
  await expect(page.getByRole('complementary', { name: 'Entities' })).toBeVisible();
  await expect(page.getByRole('main')).toBeHidden();
  await nav.getByRole('button', { name: 'Articles' }).tap();
  const list = page.getByRole('navigation', { name: 'Articles' });
  await expect(list).toBeVisible();
  await list.getByRole('link').first().tap();
  await expect(page).toHaveURL(/doc=/);
  await expect(page.locator('article.reader h1')).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Reader' })).toHaveAttribute('aria-pressed', 'true');
});

test('choosing entities keeps the reader in the entity panel', async ({ page }) => {
  await page.goto(BASE);
  await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Entities' }).tap();
  const panel = page.getByRole('complementary', { name: 'Entities' });
  await panel.locator('.entity-name').first().tap();
  await expect(page).toHaveURL(/[?&]e=/);
  await expect(panel).toBeVisible();
  // A second filter, from the same panel without reopening it.
  await panel.locator('.entity-exclude').nth(2).tap();
  await expect(page).toHaveURL(/[?&]x=/);
  await expect(panel).toBeVisible();
});

test('a tap on a name opens its card, and only its buttons filter', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const marks = page.locator('article.reader mark[data-entity]');
  await expect(marks.first()).toBeVisible();
  // The visible mark that ends furthest right: its card must still fit on the screen.
  const k = await marks.evaluateAll((ms) => {
    let best = 0;
    ms.forEach((m, i) => {
      const r = m.getBoundingClientRect();
      if (r.bottom < 700 && r.top > 0 && r.right > ms[best].getBoundingClientRect().right) best = i;
    });
    return best;
  });
  const mark = marks.nth(k);
  const id = await mark.getAttribute('data-entity');
  await mark.tap();
  const card = page.getByRole('dialog');
  await expect(card).toBeVisible();
  expect(page.url(), 'a tap alone filters nothing').not.toMatch(/[?&](e|x)=/);
  await expect(card).not.toContainText(/alt|click/i);
  const box = await card.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  await expect(card.getByRole('button', { name: /^Require/ })).toBeFocused();
  await card.getByRole('button', { name: /^Exclude/ }).tap();
  await expect(page).toHaveURL(new RegExp(`[?&]x=${id}`));
  await expect(card).toBeHidden();

  // "Require" filters by it; "Close" and a tap elsewhere close the card, filtering nothing.
  await page.goto(`${BASE}?doc=${DOC}`);
  await marks.first().tap();
  await card.getByRole('button', { name: 'Close' }).tap();
  await expect(card).toBeHidden();
  expect(page.url()).not.toMatch(/[?&](e|x)=/);
  await marks.first().tap();
  await expect(card).toBeVisible();
  await page.locator('article.reader h1').tap();
  await expect(card).toBeHidden();
  await marks.first().tap();
  await card.getByRole('button', { name: /^Require/ }).tap();
  await expect(page).toHaveURL(/[?&]e=/);
  await expect(card).toBeHidden();
});

test('a row wider than the screen shows that it scrolls', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  await expect(page.locator('.legend .legend-item').first()).toBeVisible();
  const rows = await page.evaluate(() => [...document.querySelectorAll('.legend, .view-tabs, .pane-tabs')]
    .filter((el) => el.checkVisibility())
    .map((el) => ({
      name: el.className,
      overflows: el.scrollWidth > el.clientWidth + 1,
      mask: getComputedStyle(el).maskImage,
    })));
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    if (r.overflows) expect(r.mask, `${r.name} is cut off with no fade`).not.toBe('none');
  }
  // Scrolled to its end, the legend's last label is not faded.
  const legend = page.locator('.legend');
  if (await legend.evaluate((l) => l.scrollWidth > l.clientWidth + 1)) {
    await legend.evaluate((l) => { l.scrollLeft = l.scrollWidth; });
    await expect.poll(() => legend.evaluate((l) => getComputedStyle(l).getPropertyValue('--fade-end').trim())).toBe('0px');
  }
});

test('a pasted search longer than the limit says it was cut', async ({ page }) => {
  await page.goto(BASE);
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('pipeline '.repeat(130).trim());
  await expect(page.getByRole('status').filter({ hasText: 'first 1000 characters' })).toBeVisible();
});

test.describe('on the narrowest phones (320 px)', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('every destination of the navigation shows its whole name', async ({ page }) => {
    await page.goto(BASE);
    await expect(page.getByRole('navigation', { name: 'Panels' })).toBeVisible();
    const cut = await page.evaluate(() => [...document.querySelectorAll('nav[aria-label="Panels"] button')]
      .filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth)
      .map((el) => el.textContent.trim()));
    expect(cut, 'names cut behind an ellipsis').toEqual([]);
  });
});
