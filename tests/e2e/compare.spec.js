// The compare view (issue 26), through URLs: two sets of articles side by side (two
// articles, two periods, two filters), each a side of the URL (`v-a`, `v-b`: the query
// string of its filters), within the filters of the filter bar; entities only in A, in
// both and only in B with their counts and change of share; an entity's mentions on
// both sides linking to their places; each side's quotes; a malformed side dropped with
// the notice; the export. Also the Quotes view's "quoted by X" and "X quoted about Y".
import { test, expect } from './console.js';
import { BASE } from '../../playwright.config.js';

const view = (page) => page.getByRole('region', { name: 'Compare', exact: true });
const summary = (page) => view(page).locator('.compare-summary');
const table = (page, name) => view(page).getByRole('region', { name });
const A_DOC = '003_1075b8958bdb5eef.txt'; // the Belt and Road Forum, October 2023
const B_DOC = '002_d15cae400df2b21d.txt'; // the SCO summit and the parade, 2025
const side = (q) => encodeURIComponent(q);
const TWO = `${BASE}?view=compare&v-a=${side(`doc=${A_DOC}`)}&v-b=${side(`doc=${B_DOC}`)}`;
/** The count in a table's heading, "Only in A (dropped in B) (12)". */
const counted = async (page, name) => Number((await table(page, name).getByRole('heading').first().textContent()).match(/\((\d+)\)$/)[1]);

test('the Compare tab opens the view, loaded on demand; without sides both are every article', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(BASE);
  await page.waitForTimeout(300);
  expect(fetched.filter((p) => /views/.test(p))).toEqual([]);
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/view=compare/);
  await expect(summary(page)).toHaveText(/^0 entities only in A, \d+ in both, 0 only in B\.$/);
  await expect(view(page).getByRole('heading', { name: 'A: every article' })).toBeVisible();
  expect(fetched.some((p) => p.endsWith('/dossier-views_bg.wasm'))).toBe(true);
});

test('two articles: entities only in A, in both and only in B, with counts and change', async ({ page }) => {
  await page.goto(TWO);
  await expect(view(page).getByRole('heading', { name: /^A: the article “Putin Visits China/ })).toBeVisible();
  await expect(view(page).getByRole('heading', { name: /^B: the article “Putin's Strategic Visit/ })).toBeVisible();
  await expect(view(page).locator('.compare-size').first()).toHaveText(/^1 article, \d+ mentions$/);
  const [onlyA, both, onlyB] = [await counted(page, /^Only in A/), await counted(page, /^In both/), await counted(page, /^Only in B/)];
  expect(onlyA).toBeGreaterThan(0);
  expect(both).toBeGreaterThan(0);
  expect(onlyB).toBeGreaterThan(0);
  await expect(summary(page)).toHaveText(`${onlyA} entities only in A, ${both} in both, ${onlyB} only in B.`);
  // Vladimir Putin is in both, with a share on each side and a signed change.
  const putin = table(page, /^In both/).getByRole('row', { name: /^Vladimir Putin/ });
  await expect(putin.getByRole('cell').nth(0)).toHaveText(/^\d+ mentions in 1 article \(\d+\.\d %\)$/);
  await expect(putin.getByRole('cell').nth(2)).toHaveText(/^([+−]\d+\.\d|0\.0)$/);
  // Only in A: nothing on side B.
  await expect(table(page, /^Only in A/).getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('none');
  // Hidden labels are left out of the comparison, and of the sides' mentions.
  const mentions = async () => Number((await view(page).locator('.compare-size').first().textContent()).match(/(\d+) mentions/)[1]);
  const shown = await mentions();
  await page.goto(`${TWO}&hide=DATE`);
  await expect(view(page).locator('.compare-size').first()).not.toHaveText(`1 article, ${shown} mentions`);
  expect(await mentions()).toBeLessThan(shown);
  await expect(table(page, /^In both/).getByRole('row').filter({ has: page.locator('.compare-label', { hasText: 'DATE' }) })).toHaveCount(0);
  await page.goto(TWO);
  // Swapped, A's entities are B's.
  await view(page).getByRole('link', { name: 'Swap A and B' }).click();
  await expect(page).toHaveURL(new RegExp(`v-a=doc%3D${B_DOC.replace('.', '\\.')}`));
  await expect(summary(page)).toHaveText(`${onlyB} entities only in A, ${both} in both, ${onlyA} only in B.`);
});

test('an entity chosen by keyboard shows its mentions on both sides, each linking to its place in the article', async ({ page }) => {
  await page.goto(TWO);
  const link = table(page, /^In both/).getByRole('rowheader').first().getByRole('link');
  const name = await link.textContent();
  // By keyboard: the link, then Enter.
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]v-e=[^&]+/);
  const box = view(page).getByRole('region', { name: `Mentions of ${name}` });
  await expect(box.getByRole('heading', { name: `Mentions of ${name}` })).toBeFocused();
  await expect(box.getByRole('heading', { level: 4 }).first()).toHaveText(/^In A: \d+ mentions? in 1 article$/);
  await expect(box.getByRole('heading', { level: 4 }).last()).toHaveText(/^In B: \d+ mentions? in 1 article$/);
  await expect(link).toHaveAttribute('aria-current', 'true');
  const first = box.locator('.compare-side').last().getByRole('listitem').first();
  await expect(first.locator('mark')).toBeVisible();
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`[?&]doc=${B_DOC.replace('.', '\\.')}`));
  await expect(page).toHaveURL(/[?&]m=\d+/);
  await expect(page.locator('article mark.current')).toBeVisible();
  await page.goBack();
  await expect(box.getByRole('heading', { level: 3 })).toBeVisible();
  await box.getByRole('link', { name: 'Close the mentions' }).click();
  await expect(page).not.toHaveURL(/v-e=/);
  await expect(box).toHaveCount(0);
  // Closed, the focus is back on the entity's link.
  await expect(link).toBeFocused();
});

test('two periods and two searches set by the forms, kept in the URL, within the filter bar', async ({ page }) => {
  await page.goto(`${BASE}?view=compare`);
  await view(page).getByRole('textbox', { name: 'Dates in (A)' }).fill('2023');
  await view(page).getByRole('button', { name: 'Show A' }).click();
  await expect(page).toHaveURL(/v-a=when%3D2023/);
  await view(page).getByRole('textbox', { name: 'Dates in (B)' }).fill('2025');
  await view(page).getByRole('searchbox', { name: 'Search (B)' }).fill('parade');
  await view(page).getByRole('button', { name: 'Show B' }).click();
  await expect(page).toHaveURL(/v-b=q%3Dparade%26when%3D2025/);
  await expect(view(page).getByRole('heading', { name: 'A: dates in 2023' })).toBeVisible();
  await expect(view(page).getByRole('heading', { name: 'B: matching “parade”, dates in 2025' })).toBeVisible();
  await page.reload();
  await expect(view(page).getByRole('searchbox', { name: 'Search (B)' })).toHaveValue('parade');
  await expect(view(page).getByRole('textbox', { name: 'Dates in (A)' })).toHaveValue('2023');
  // The filter bar's filters narrow both sides; moved to a side, they leave the bar.
  await page.goto(`${BASE}?view=compare&e=person-sergei-lavrov`);
  await view(page).getByRole('link', { name: 'Move the filters above to A' }).click();
  await expect(page).toHaveURL(/v-a=e%3Dperson-sergei-lavrov/);
  await expect(page).not.toHaveURL(/[?&]e=/);
  await expect(view(page).getByRole('heading', { name: 'A: naming Sergei Lavrov' })).toBeVisible();
  await expect(view(page).locator('.notice')).toHaveCount(0);
});

test('a malformed side is dropped with the notice, and the rest of the view works', async ({ page }) => {
  await page.goto(`${BASE}?view=compare&v-a=${side('when=May&view=quotes&q=gas')}&v-b=${side('doc=nope.txt')}&v-e=nobody`);
  await expect(view(page).locator('.notice')).toHaveText(
    'Part of this link was ignored: in A, “view”, which is not a filter; in A, period “May”; in B, unknown article “nope.txt”; no entity “nobody”.',
  );
  await expect(view(page).getByRole('heading', { name: 'A: matching “gas”' })).toBeVisible();
  await expect(view(page).getByRole('heading', { name: 'B: every article' })).toBeVisible();
  await expect(summary(page)).toHaveText(/only in B\.$/);
  // A link the view makes writes the sides cleaned.
  await view(page).getByRole('link', { name: 'Swap A and B' }).click();
  await expect(page).toHaveURL(/v-b=q%3Dgas(&|$)/);
});

test('each side has its quotes, by speaker', async ({ page }) => {
  await page.goto(TWO);
  const quotes = view(page).getByRole('region', { name: 'Quotes' });
  await expect(quotes.getByRole('heading', { level: 4 }).first()).toHaveText(/^In A: \d+ quotes?$/);
  const speaker = quotes.locator('.compare-side').first().locator('summary').first();
  await expect(speaker).toHaveText(/\(\d+\)$/);
  await speaker.click();
  await expect(quotes.locator('.compare-side').first().locator('.quote').first()).toBeVisible();
});

test('the comparison exports as CSV and JSON, every entity', async ({ page }) => {
  await page.goto(TWO);
  const total = (await counted(page, /^Only in A/)) + (await counted(page, /^In both/)) + (await counted(page, /^Only in B/));
  for (const [name, check] of [
    ['Export CSV', (t) => {
      const lines = t.replace(/\r\n$/, '').split('\r\n');
      expect(lines[0]).toBe('\uFEFFentity_id,entity,label,presence,mentions_a,articles_a,share_a,mentions_b,articles_b,share_b,change,link');
      expect(lines).toHaveLength(total + 1);
    }],
    ['Export JSON', (t) => {
      const rows = JSON.parse(t);
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((r) => r.presence))).toEqual(new Set(['only_a', 'both', 'only_b']));
      const putin = rows.find((r) => r.entity === 'Vladimir Putin');
      expect(putin.change).toBeCloseTo(putin.share_b - putin.share_a, 1);
      expect(putin.link).toContain(`${BASE}?view=compare&`);
    }],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), view(page).getByRole('button', { name }).click()]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    check(Buffer.concat(chunks).toString('utf8'));
  }
});

test('the Quotes view: quoted by X, and X quoted about Y, in the URL', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes`);
  const quotes = page.getByRole('region', { name: 'Quotes', exact: true });
  const all = Number((await quotes.locator('.quotes-summary').textContent()).match(/^\d+/)[0]);
  await quotes.getByRole('link', { name: 'Only the quotes of Manoj Kewalramani' }).click();
  await expect(page).toHaveURL(/v-who=person-manoj-kewalramani/);
  await expect(quotes.locator('.quotes-summary')).toHaveText(/^5 quotes in \d+ articles?$/);
  await expect(quotes.getByRole('heading', { level: 3 })).toHaveCount(1);
  const about = quotes.getByRole('navigation', { name: 'Quoted about' }).getByRole('link').first();
  const [, subject, n] = (await about.textContent()).match(/^(.*) \((\d+)\)$/);
  await about.click();
  await expect(page).toHaveURL(/v-about=[^&]+/);
  await expect(quotes.getByText(`Quotes of Manoj Kewalramani about ${subject}.`)).toBeVisible();
  await expect(quotes.locator('.quotes-summary')).toHaveText(new RegExp(`^${n} quotes? in`));
  await quotes.getByRole('link', { name: 'Every speaker' }).click();
  await expect(quotes.locator('.quotes-summary')).toHaveText(new RegExp(`^${all} quotes in`));
  await page.goto(`${BASE}?view=quotes&v-who=nobody`);
  await expect(quotes.locator('.notice')).toHaveText('Part of this link was ignored: no speaker “nobody”.');
  await expect(quotes.locator('.quotes-summary')).toHaveText(new RegExp(`^${all} quotes in`));
});

test('the tables sort by a column pressed, either way, in the URL, and the focus stays', async ({ page }) => {
  await page.goto(TWO);
  const both = table(page, /^In both/);
  const header = (name) => both.getByRole('columnheader', { name, exact: true });
  /** Side B's mentions down the table, as its cells write them ("none" is 0). */
  const inB = async () => (await both.locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.cells[2].textContent)))
    .map((t) => Number(t.match(/^(\d+) mentions?/)?.[1] ?? 0));
  await expect(header('B')).not.toHaveAttribute('aria-sort');
  await header('B').getByRole('button').click();
  await expect(page).toHaveURL(/[?&]v-sort=b-desc/);
  await expect(header('B')).toHaveAttribute('aria-sort', 'descending');
  await expect(header('A')).not.toHaveAttribute('aria-sort');
  const down = await inB();
  expect(down.length).toBeGreaterThan(2);
  expect(down).toEqual(down.toSorted((x, y) => y - x));
  await expect(header('B').getByRole('button')).toBeFocused();
  // Pressed again: the other way; every table follows the one order.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]v-sort=b-asc/);
  await expect(header('B')).toHaveAttribute('aria-sort', 'ascending');
  expect(await inB()).toEqual(down.toSorted((x, y) => x - y));
  await expect(table(page, /^Only in B/).getByRole('columnheader', { name: 'B', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await page.reload();
  await expect(header('B')).toHaveAttribute('aria-sort', 'ascending');
  // By name, A to Z first.
  await header('Entity').getByRole('button').click();
  await expect(page).toHaveURL(/[?&]v-sort=entity-asc/);
  const names = await both.locator('tbody th a').allTextContents();
  expect(names).toEqual(names.toSorted((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0)));
  // An order that does not exist is said, and the tables keep their own.
  await page.goto(`${TWO}&v-sort=loudness`);
  await expect(view(page).locator('.notice')).toHaveText('Part of this link was ignored: no order “loudness”.');
  await expect(both.locator('th[aria-sort]')).toHaveCount(0);
});
