// Issue 23, items 2 and 7, as a new reader meets them: search hits marked and stepped
// through in the reader, the query language's stop words and quotes, a long search cut
// between words with a notice; counts in the singular for one, dates as written, entity
// bars to scale, empty filters that say so and offer a way back.
import { test, expect } from './console.js';
import { BASE } from '../../playwright.config.js';

const results = (page) => page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem');
const panel = (page) => page.getByRole('complementary', { name: 'Entities' });
const reader = (page) => page.locator('article.reader');

/** Whether `el` lies inside the window. */
const inView = (el) => el.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
});

test('unquoted words are ANDed without stop words; the tag shows the search as typed', async ({ page }) => {
  await page.goto(`${BASE}?q=${encodeURIComponent('Power of Siberia')}`);
  await expect(results(page)).toHaveCount(3);
  // Only "Power" and "Siberia" count and are marked: "of" (110 times) is neither.
  for (const meta of await results(page).locator('.meta').allTextContents()) {
    const n = Number(/(\d+) match/.exec(meta)[1]);
    expect(n, meta).toBeLessThan(12);
  }
  const marked = await results(page).locator('mark.hit').allTextContents();
  expect(marked.length).toBeGreaterThan(0);
  expect(marked.map((t) => t.toLowerCase())).not.toContain('of');
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.locator('.chip-text')).toHaveText('search: Power of Siberia');

  // A quoted phrase is one phrase, and its tag shows its own quotes only.
  await page.goto(`${BASE}?q=${encodeURIComponent('"Power of Siberia"')}`);
  await expect(results(page)).toHaveCount(3);
  await expect(chips.locator('.chip-text')).toHaveText('search: "Power of Siberia"');
  await expect(results(page).first().locator('mark.hit').first()).toHaveText(/^Power of Siberia$/);
});

test('an article opened from a search marks every hit, scrolls to the first and steps through them', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 700 });
  await page.goto(`${BASE}?q=${encodeURIComponent('pipeline Siberia')}`);
  await results(page).first().getByRole('link').click();
  const hits = reader(page).locator('mark.hit');
  await expect(hits.first()).toBeVisible();
  const n = await hits.evaluateAll((ms) => new Set(ms.map((m) => m.dataset.hit)).size);
  expect(n).toBeGreaterThan(1);
  for (const t of await hits.allTextContents()) expect(t).toMatch(/^(pipeline|Siberia)/i);

  const counter = page.getByRole('group', { name: 'Search hits' });
  await expect(counter).toContainText(`hit 1 of ${n}`);
  await expect(counter.locator('[aria-live="polite"]')).toHaveText(`hit 1 of ${n}`);
  const current = reader(page).locator('mark.hit.current-hit');
  await expect(current.first()).toHaveAttribute('data-hit', '0');
  await expect.poll(() => inView(current.first())).toBe(true);

  // Keys: h next, Shift+H previous; buttons too; wrapping at the ends.
  await page.locator('body').press('h');
  await expect(counter).toContainText(`hit 2 of ${n}`);
  await expect(current.first()).toHaveAttribute('data-hit', '1');
  await expect.poll(() => inView(current.first())).toBe(true);
  await page.locator('body').press('Shift+H');
  await expect(counter).toContainText(`hit 1 of ${n}`);
  await counter.getByRole('button', { name: 'Previous hit' }).click();
  await expect(counter).toContainText(`hit ${n} of ${n}`);
  await expect(current.first()).toHaveAttribute('data-hit', String(n - 1));
  await counter.getByRole('button', { name: 'Next hit' }).click();
  await expect(counter).toContainText(`hit 1 of ${n}`);
  // Enter in the search box steps too, as in a browser's find bar.
  await page.getByRole('searchbox', { name: 'Search articles' }).press('Enter');
  await expect(counter).toContainText(`hit 2 of ${n}`);
});

test('hits look unlike entity marks, beyond colour, in both themes', async ({ page }) => {
  await page.goto(`${BASE}?q=Putin&doc=003_1075b8958bdb5eef.txt`);
  // A hit inside a mention: "Putin" is a PERSON mark holding a hit.
  const inner = reader(page).locator('mark[data-label="PERSON"] mark.hit').first();
  await expect(inner).toBeVisible();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const [hit, mention] = await Promise.all([inner, inner.locator('xpath=..')].map((l) => l.evaluate((e) => {
      const s = getComputedStyle(e);
      return { bg: s.backgroundColor, line: s.textDecorationLine, style: s.textDecorationStyle };
    })));
    expect(hit.bg, scheme).not.toBe(mention.bg);
    expect(hit.line, scheme).toContain('underline');
    expect(hit.style, scheme).toBe('wavy');
    expect(mention.style, scheme).not.toBe('wavy');
  }
});

test('a search longer than the limit is cut between words, and says so', async ({ page }) => {
  const long = 'pipeline '.repeat(130).trim(); // 1,169 characters
  await page.goto(`${BASE}?q=${encodeURIComponent(long)}`);
  await expect(page.getByRole('status').filter({ hasText: 'ignored' })).toContainText('the search after its first 1000 characters');
  const kept = await page.getByRole('searchbox', { name: 'Search articles' }).inputValue();
  expect(kept.endsWith('pipeline'), 'cut between words').toBe(true);
  await expect(results(page)).toHaveCount(3);
});

/** Draws every group of the entity panel (each is drawn as it scrolls near). */
async function drawPanel(page) {
  await expect(panel(page).locator('.entity-counts').first()).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await panel(page).evaluate((p) => p.scrollBy(0, 400));
    await page.waitForTimeout(50);
  }
}

test('counts of one are in the singular, everywhere', async ({ page }) => {
  await page.goto(BASE);
  await drawPanel(page);
  const texts = await panel(page).locator('.entity-counts').allTextContents();
  expect(texts.map((t) => t.trim())).toContain('1 mention · 1 article');
  for (const t of texts) expect(t).not.toMatch(/\b1 (mentions|articles)\b/);

  // "1 match" in the list, for a word written once in the corpus.
  await page.goto(`${BASE}?q=friendship`);
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first().locator('.meta')).toContainText('1 match');
  await expect(results(page).first().locator('.meta')).not.toContainText('1 matches');
  await expect(page.locator('p.count')).toHaveText('1 of 5 articles match');

  // The hover card of an entity named once: found in the panel, read in its article.
  await page.goto(BASE);
  const once = panel(page).locator('li.entity').filter({ hasText: '1 mention · 1 article' }).first();
  const id = await once.getAttribute('data-entity');
  await page.goto(`${BASE}?e=${id}`);
  await results(page).first().getByRole('link').click();
  await reader(page).locator(`mark[data-entity="${id}"]`).first().hover();
  await expect(page.getByRole('tooltip')).toContainText('1 mention in 1 article');
});

test('a link that is partly wrong says "ignored" once', async ({ page }) => {
  await page.goto(`${BASE}?zzz=1&e=nobody`);
  const notice = page.getByRole('status').filter({ hasText: 'ignored' });
  await expect(notice).toHaveText('Part of this link was ignored: unknown parameter “zzz”; unknown entity “nobody”');
});

test('dates are shown as the articles write them', async ({ page }) => {
  await page.goto(`${BASE}?doc=000_d68bc4f991126bb0.txt`);
  await drawPanel(page);
  const dates = panel(page).locator('section[data-label="DATE"] .entity-name');
  await expect(dates.first()).toBeAttached();
  const names = await dates.allTextContents();
  expect(names).toContain('November');
  expect(names).not.toContain('november');
  await expect(reader(page).locator('mark[data-entity="date-november"]').first()).toHaveAttribute('aria-label', 'November, date');
});

test('entity bars are to scale', async ({ page }) => {
  await page.goto(BASE);
  const bar = (id) => panel(page).locator(`li.entity[data-entity="${id}"] .bar`);
  const count = async (id) => Number(/^(\d+)/.exec(await panel(page).locator(`li.entity[data-entity="${id}"] .entity-counts`).textContent())[1]);
  await expect(bar('person-xi-jinping')).toBeVisible();
  const [putin, xi] = [await count('person-vladimir-putin'), await count('person-xi-jinping')];
  const [wp, wx] = [(await bar('person-vladimir-putin').boundingBox()).width, (await bar('person-xi-jinping').boundingBox()).width];
  expect(putin).toBeGreaterThan(xi * 1.5);
  expect(wp / wx).toBeCloseTo(putin / xi, 1);
});

test('filters that match nothing say so, with a way back, in the list, the panel and the welcome', async ({ page }) => {
  // China and Russia are in every article: requiring one and excluding the other leaves none.
  await page.goto(`${BASE}?e=gpe-china&x=gpe-russia`);
  await expect(results(page)).toHaveCount(0);
  await expect(page.locator('.welcome')).toContainText('0 of 5 articles match these filters');
  await expect(page.locator('.welcome')).not.toContainText('160 entities');
  const list = page.locator('.results-pane');
  await expect(list.getByText('No article matches these filters.')).toBeVisible();
  await expect(list.getByRole('link', { name: 'clear them all' })).toBeVisible();
  await expect(panel(page).getByText('No article matches these filters, so there is no entity to list.')).toBeVisible();
  await panel(page).getByRole('link', { name: 'Clear filters' }).click();
  await expect(results(page)).toHaveCount(5);
  await expect(panel(page).locator('li.entity').first()).toBeVisible();
  await expect(page.locator('.welcome p').first()).toHaveText(/^5 articles, \d+ entities\./);

  // A filter that keeps some: the welcome counts what it keeps.
  await page.goto(`${BASE}?q=friendship`);
  await expect(page.locator('.welcome p').first()).toHaveText(/^1 of 5 articles match these filters, naming \d+ entities\./);
});
