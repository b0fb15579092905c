// Issue 23, item 6: the keyboard focus kept after each action (Exclude, a Connections
// cell, a Timeline bar), Esc clearing the search filter with its text, and a skip link to
// the entities.
import { test, expect } from './console.js';
import { BASE } from '../../playwright.config.js';

const results = (page) => page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem');
const panel = (page) => page.getByRole('complementary', { name: 'Entities' });

/** What has the focus: its tag, class and accessible label or text, and whether it shows a ring. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return 'body';
  return {
    tag: a.tagName.toLowerCase(),
    cls: a.getAttribute('class') ?? '',
    name: a.getAttribute('aria-label') ?? a.textContent.trim(),
    ring: a.matches(':focus-visible'),
  };
});

test('after "Exclude" the focus moves to the entity that took its place, with a ring', async ({ page }) => {
  await page.goto(BASE);
  const rows = panel(page).locator('section[data-label="PERSON"] li.entity');
  await rows.nth(3).waitFor();
  const gone = await rows.nth(2).getAttribute('data-entity');
  await rows.nth(2).locator('button.entity-exclude').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]x=${gone}`));
  await expect(panel(page).locator(`li.entity[data-entity="${gone}"]`)).toHaveCount(0);
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', cls: 'entity-exclude', ring: true });
  const at = await page.evaluate(() => document.activeElement.closest('li.entity')?.dataset.entity);
  expect(at).toBe(await rows.nth(2).getAttribute('data-entity'));
});

test('choosing a Connections cell keeps the focus on it, with a ring', async ({ page }) => {
  await page.goto(`${BASE}?view=connections`);
  const start = page.getByRole('grid').locator('td[tabindex="0"]');
  await start.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  // The arrow keys move the focus in the next frame.
  const cell = page.locator('td.cell:focus');
  await expect(cell).toHaveAttribute('aria-label', /^Xi Jinping and .+: [1-9]\d* shared sentences?$/);
  const name = await cell.getAttribute('aria-label');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/pair=/);
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'td', name, ring: true });
  await expect(page.locator('table.matrix td.cell.selected').first()).toBeAttached();
});

test('choosing a Timeline bar keeps the focus on it, with a ring', async ({ page }) => {
  await page.goto(`${BASE}?view=timeline`);
  const bar = page.locator('svg.timeline g.bar-group').nth(1);
  await bar.waitFor();
  const name = await bar.getAttribute('aria-label');
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/when=/);
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'g', name, ring: true });
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/when=/);
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'g', name });
});

test('Esc in the search box clears the search filter too, and keeps the focus there', async ({ page }) => {
  await page.goto(`${BASE}?q=pipeline`);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await expect.poll(() => results(page).count()).toBeLessThan(5);
  await box.focus();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/q=/);
  await expect(box).toHaveValue('');
  await expect(results(page)).toHaveCount(5);
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await expect(box).toBeFocused();
  await page.goBack(); // the search comes back with Back
  await expect(page).toHaveURL(/q=pipeline/);
  await expect(box).toHaveValue('pipeline');
});

test('a skip link reaches the first entity in a few Tabs', async ({ page }) => {
  await page.goto(BASE);
  await panel(page).locator('li.entity').first().waitFor();
  let presses = 0;
  while (presses < 4) {
    await page.keyboard.press('Tab');
    presses++;
    if ((await focused(page)).name === 'Skip to entities') break;
  }
  expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Skip to entities', ring: true });
  await page.keyboard.press('Enter');
  // The focus moves in the next frame (on a phone the pane is drawn first).
  await expect(page.locator('#entity-list')).toBeFocused();
  await page.keyboard.press('Tab');
  presses += 2;
  const first = await panel(page).locator('li.entity').first().getAttribute('data-entity');
  expect(await page.evaluate(() => document.activeElement.closest('li.entity')?.dataset.entity)).toBe(first);
  expect(presses).toBeLessThanOrEqual(5);
});
