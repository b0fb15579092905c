// Value entities as a reader expects them (issue 23, item 7): a date tied to the time of
// writing ("this week") is each article's own, and an amount groups with its hedged
// form ("approximately $240 billion" with "$240 billion"): crates/dossier-core/src/value_key.rs.
import { test, expect } from '@playwright/test';
import { BASE } from '../../playwright.config.js';

const panel = (page) => page.getByRole('complementary', { name: 'Entities' });

/** The rows of the entity panel's `label` group, every group drawn and expanded. */
async function rows(page, label) {
  await page.goto(BASE);
  await expect(panel(page).locator('.entity-counts').first()).toBeVisible();
  const group = panel(page).locator(`section.entity-group[data-label="${label}"]`);
  await group.scrollIntoViewIfNeeded();
  const more = group.getByRole('button', { name: /^Show all/ });
  if (await more.count()) await more.click();
  await expect(group.locator('li.entity').first()).toBeVisible();
  return group.locator('li.entity');
}

test('a date such as "this week" is one entity per article, never one across articles', async ({ page }) => {
  const dates = await rows(page, 'DATE');
  const thisWeek = dates.filter({ has: page.locator('.entity-name', { hasText: /^this week$/i }) });
  expect(await thisWeek.count(), 'articles saying "this week"').toBeGreaterThan(1);
  for (const counts of await thisWeek.locator('.entity-counts').allTextContents()) {
    expect(counts.trim()).toMatch(/· 1 article$/);
  }
  // A date not tied to the time of writing stays one entity across articles.
  const months = dates.filter({ has: page.locator('.entity-name', { hasText: /^march and april$/i }) });
  await expect(months).toHaveCount(1);
  await expect(months.locator('.entity-counts')).toContainText('2 articles');
});

test('an amount and its approximate form are one entity', async ({ page }) => {
  const money = await rows(page, 'MONEY');
  const amount = money.filter({ hasText: '$240 billion' });
  await expect(amount).toHaveCount(1);
  await expect(amount.locator('.entity-counts')).toContainText('2 mentions');
  // Its name and the forms it is written in hold both.
  const written = (await amount.locator('.entity-name, .aliases').allTextContents()).join(' ');
  expect(written).toContain('approximately $240 billion');
  expect(written.split('$240 billion').length - 1, written).toBe(2);
});
