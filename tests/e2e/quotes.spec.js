// The quotes view (issue 26), through URLs: loaded on demand (nothing of it fetched until
// a link asks for it), every quote of the filtered articles grouped by speaker or by
// article, the speaker's mention highlighted, a link to the place in the article, a
// search inside the quotes, the empty and failed states, and its export.
import { test, expect } from './console.js';
import { test as plain } from '@playwright/test';
import { BASE } from '../../playwright.config.js';

const view = (page) => page.getByRole('region', { name: 'Quotes', exact: true });
const summary = (page) => view(page).locator('.quotes-summary');

test('the views module is fetched only when a link asks for the quotes view', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(BASE);
  await expect(page.getByRole('link', { name: 'Quotes', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  expect(fetched.filter((p) => /views/.test(p))).toEqual([]);
  await page.getByRole('link', { name: 'Quotes', exact: true }).click();
  await expect(page).toHaveURL(/view=quotes/);
  await expect(summary(page)).toHaveText(/^\d+ quotes in \d+ articles$/);
  expect(fetched.some((p) => p.endsWith('/dossier-views_bg.wasm'))).toBe(true);
});

test('quotes are grouped by speaker, the speaker highlighted, and link to the place in the article', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes`);
  const group = view(page).locator('.quote-group', { has: page.getByRole('heading', { name: /^Manoj Kewalramani/ }) });
  await expect(group.locator('.quote')).toHaveCount(5);
  // The most quoted first, the unattributed last.
  await expect(view(page).getByRole('heading', { level: 3 }).first()).toHaveText(/^Manoj Kewalramani \(5\)$/);
  await expect(view(page).getByRole('heading', { level: 3 }).last()).toHaveText(/^Unattributed \(\d+\)$/);
  await expect(group.locator('mark[data-label="PERSON"]').first()).toBeVisible();
  const link = group.locator('.quote').first().getByRole('link');
  await link.click();
  await expect(page).toHaveURL(/[?&]doc=[^&]+/);
  await expect(page).toHaveURL(/[?&]m=\d+/);
  await expect(page).not.toHaveURL(/view=quotes/);
  await expect(page.locator('article mark.current')).toBeVisible();
  // Back to the view, as it was.
  await page.goBack();
  await expect(summary(page)).toHaveText(/quotes in/);
});

test('a speaker picked from every speaker of the corpus shows their quotes alone; the URL keeps them, and Every speaker shows all again', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes`);
  // The view comes with the on-demand views module: read its groups once it is drawn.
  await expect(summary(page)).toHaveText(/quotes in/);
  const groups = await view(page).locator('.quote-group h3').allTextContents();
  const named = groups.filter((g) => !g.startsWith('Unattributed'));
  const picker = view(page).getByRole('combobox', { name: 'Speaker' });
  // The speakers in the groups' order, each with their quotes, after "Every speaker".
  const options = await picker.locator('option').allTextContents();
  expect(options).toEqual(['Every speaker', ...named.map((g) => g.replace(/ \((\d+)\)$/, (_, n) => ` (${n} ${n === '1' ? 'quote' : 'quotes'})`))]);
  // The second: its group alone.
  await picker.selectOption({ index: 2 });
  await view(page).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/v-who=/);
  await expect(view(page).locator('.quote-group h3')).toHaveText([named[1]]);
  await page.reload();
  await expect(view(page).locator('.quote-group h3')).toHaveText([named[1]]);
  await expect(view(page).getByRole('combobox', { name: 'Speaker' })).toHaveValue(/.+/);
  await view(page).getByRole('combobox', { name: 'Speaker' }).selectOption('');
  await view(page).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).not.toHaveURL(/v-who=/);
  await expect(view(page).locator('.quote-group h3')).toHaveCount(groups.length);
});

test('the filters apply, the search inside quotes and the order are in the URL', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes`);
  const all = Number((await summary(page).textContent()).match(/^\d+/)[0]);
  await page.goto(`${BASE}?view=quotes&e=person-sergei-lavrov`);
  const some = Number((await summary(page).textContent()).match(/^\d+/)[0]);
  expect(some).toBeGreaterThan(0);
  expect(some).toBeLessThan(all);
  const box = view(page).getByRole('searchbox', { name: 'Search in quotes' });
  await box.fill('delicate moment');
  await box.press('Enter');
  await expect(page).toHaveURL(/v-q=delicate%20moment/);
  await expect(summary(page)).toHaveText('No quote matches “delicate moment”.');
  await page.goto(`${BASE}?view=quotes&v-q=delicate%20moment`);
  await expect(summary(page)).toHaveText('1 quote in 1 article');
  await expect(box).toHaveValue('delicate moment');
  await view(page).getByRole('link', { name: 'Date' }).click();
  await expect(page).toHaveURL(/v-by=date/);
  await expect(view(page).getByRole('link', { name: 'Date' })).toHaveAttribute('aria-current', 'true');
  await page.reload();
  await expect(view(page).getByRole('heading', { level: 3 })).toHaveCount(1);
  await expect(page.locator('.notice')).toHaveCount(0);
});

test('an order the link names that does not exist is said, and speaker order shown', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes&v-by=loudness`);
  await expect(view(page).locator('.notice')).toHaveText('Part of this link was ignored: no order “loudness”; quotes are grouped by speaker.');
  await expect(view(page).getByRole('link', { name: 'Speaker' })).toHaveAttribute('aria-current', 'true');
  await view(page).getByRole('link', { name: 'Date' }).click();
  await expect(page).toHaveURL(/v-by=date/);
  await expect(view(page).locator('.notice')).toHaveCount(0);
});

test('a filter with no articles says so', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes&e=gpe-china&x=gpe-russia`);
  await expect(summary(page)).toHaveText('No quotes in these articles.');
  await expect(view(page).locator('.quote')).toHaveCount(0);
});

test('quotes export as CSV and JSON, the rows shown', async ({ page }) => {
  await page.goto(`${BASE}?view=quotes&v-q=delicate%20moment`);
  await expect(summary(page)).toHaveText('1 quote in 1 article');
  for (const [name, check] of [
    ['Export CSV', (t) => expect(t.split('\n')[0]).toMatch(/^\uFEFF?doc,start,end,text,kind,cue,speaker/)],
    ['Export JSON', (t) => expect(JSON.parse(t)).toHaveLength(1)],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), view(page).getByRole('button', { name }).click()]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8');
    check(text);
    expect(text).toContain('Antony Blinken');
  }
});

// Without the console check: the failed fetch is logged; the test checks what the reader sees.
plain('a views module that cannot load says so, and the rest of the page works', async ({ page }) => {
  await page.route('**/dossier-views_bg.wasm', (r) => r.abort());
  await page.goto(`${BASE}?view=quotes`);
  await expect(page.locator('#views [role="alert"]')).toHaveText(/The view could not load/);
  await page.getByRole('link', { name: 'Mentions' }).click();
  await expect(page).toHaveURL(/view=mentions/);
});
