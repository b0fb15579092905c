// "Quoted n times" (issue 26): in the entity panel and the entity's card, how often a
// person or an organisation is a quote's speaker in the matching articles, from the
// quotes the page carries; it opens the Quotes view limited to them (`v-who`). The
// counts are checked against the Quotes view's own groups.
import { test, expect } from './console.js';
import { BASE } from '../../playwright.config.js';

const panel = (page) => page.getByRole('complementary', { name: 'Entities' });
const quotes = (page) => page.getByRole('region', { name: 'Quotes', exact: true });

/** The Quotes view's speakers and their counts, as its group headings give them ("Name (n)"). */
async function speakers(page, query) {
  await page.goto(`${BASE}?view=quotes${query}`);
  const headings = quotes(page).getByRole('heading', { level: 3 });
  await headings.first().waitFor();
  const all = await headings.allTextContents();
  return new Map(all.filter((h) => !h.startsWith('Unattributed')).map((h) => {
    const [, name, n] = h.match(/^(.+) \((\d+)\)$/);
    return [name, Number(n)];
  }));
}

/** The panel's "quoted n times" buttons shown, by entity name. */
async function quoted(page, query) {
  await page.goto(`${BASE}?${query}`);
  for (const label of ['PERSON', 'ORG']) {
    const more = panel(page).locator(`section[data-label="${label}"] button.more`);
    await panel(page).locator(`section[data-label="${label}"] li.entity`).first().waitFor();
    if (await more.count()) await more.click();
  }
  // Rows are drawn as their group comes near the pane's view: scroll to its end.
  await panel(page).locator('section[data-label="ORG"] li.entity').last().scrollIntoViewIfNeeded();
  const shown = panel(page).locator('button.entity-quoted:not([hidden])');
  return new Map((await shown.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')))).map((l) => {
    const [, name, n] = l.match(/^(.+), quoted (once|(\d+) times)$/);
    return [name, n === 'once' ? 1 : Number(l.match(/(\d+) times$/)[1])];
  }));
}

test('the panel says how often each speaker is quoted, as the Quotes view counts them', async ({ page }) => {
  const said = await speakers(page, '');
  const panelSays = await quoted(page, '');
  expect(panelSays.size).toBeGreaterThan(2);
  for (const [name, n] of panelSays) expect(said.get(name), name).toBe(n);
  expect(panelSays.get('Manoj Kewalramani')).toBe(5);
  // Under a filter the counts are of the matching articles.
  const some = await speakers(page, '&e=person-sergei-lavrov');
  const filtered = await quoted(page, 'e=person-sergei-lavrov');
  for (const [name, n] of filtered) expect(some.get(name), name).toBe(n);
  const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  expect(total(filtered)).toBeGreaterThan(0);
  expect(total(filtered)).toBeLessThan(total(panelSays));
});

test('"quoted n times" opens the Quotes view of that speaker, and a reload keeps it', async ({ page }) => {
  await page.goto(`${BASE}?e=person-manoj-kewalramani`);
  const row = panel(page).locator('li.entity', { has: page.getByRole('button', { name: 'Manoj Kewalramani, quoted 5 times' }) });
  await row.getByRole('button', { name: /quoted 5 times/ }).click();
  await expect(page).toHaveURL(/[?&]view=quotes/);
  await expect(page).toHaveURL(/[?&]v-who=person-manoj-kewalramani/);
  await expect(page).toHaveURL(/[?&]e=person-manoj-kewalramani/);
  await expect(quotes(page).getByText('Quotes of Manoj Kewalramani.')).toBeVisible();
  await expect(quotes(page).locator('.quote')).toHaveCount(5);
  await page.reload();
  await expect(quotes(page).locator('.quote')).toHaveCount(5);
});

test('an entity that is no speaker shows no count, in the panel or its card', async ({ page }) => {
  await page.goto(BASE);
  const said = await speakers(page, '');
  await page.goto(BASE);
  const people = panel(page).locator('section[data-label="PERSON"] li.entity');
  await people.first().waitFor();
  const names = await people.locator('.entity-name').allTextContents();
  const silent = names.find((n) => !said.has(n));
  expect(silent, 'a person the seeds never quote').toBeTruthy();
  const row = people.filter({ has: page.getByRole('button', { name: silent, exact: true }) });
  await expect(row.locator('.entity-counts')).toBeVisible();
  await expect(row.locator('button.entity-quoted:not([hidden])')).toHaveCount(0);
  await expect(row).not.toContainText('quoted');
});

test('the card of a quoted speaker says how often, and of another nothing', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes`);
  const group = quotes(page).locator('.quote-group', { has: page.getByRole('heading', { name: /^Manoj Kewalramani/ }) });
  await group.locator('.quote').first().getByRole('link').click();
  await expect(page).toHaveURL(/[?&]doc=/);
  const mark = page.locator('article.reader mark[data-entity="person-manoj-kewalramani"]').first();
  await mark.hover();
  await expect(page.getByRole('tooltip')).toContainText('quoted 5 times');
  const place = page.locator('article.reader mark[data-label="GPE"]').first();
  await place.hover();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expect(page.getByRole('tooltip')).not.toContainText('quoted');
});
