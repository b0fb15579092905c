// Long result lists (40 articles generated from the seeds, built into dist-many/): the
// list draws one page of articles, and the next page as its end comes into view or when
// "Show more" is pressed; a change of the filters starts again from one page.
import { test, expect } from '@playwright/test';
import { MANY } from '../../playwright.config.js';

// Articles drawn at once (src/components/results_list.rs).
const PAGE = 8;
const rows = (page) => page.locator('ol.articles li.article');
const more = (page) => page.locator('.results-pane button.more');
const toEnd = (page) => page.locator('.results-pane').evaluate((p) => { p.scrollTop = p.scrollHeight; });

test('a long list draws a page, and the next as its end scrolls into view', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(MANY);
  await expect(page.locator('p.count')).toHaveText('40 articles');
  await expect(rows(page)).toHaveCount(PAGE);
  await expect(more(page)).toHaveText(`Show more (${40 - PAGE} more articles)`);
  // Scrolled to the end again and again (rows out of view have an estimated height, so
  // one jump may fall short of the real end): the list grows a page at a time to 40.
  const counts = [PAGE];
  await expect.poll(async () => {
    await toEnd(page);
    const n = await rows(page).count();
    if (n !== counts[counts.length - 1]) counts.push(n);
    return n;
  }, { timeout: 20_000 }).toBe(40);
  for (let k = 1; k < counts.length; k++) {
    expect(counts[k] > counts[k - 1] && (counts[k] % PAGE === 0 || counts[k] === 40), `${counts}`).toBe(true);
  }
  await expect(more(page)).toHaveCount(0);
  // Every article once (generated articles may share a title: their links differ).
  const links = await rows(page).locator('a').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('doc')));
  expect(new Set(links).size).toBe(40);
});

test('"Show more" draws the next page, and a filter starts again from one', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(MANY);
  await expect(rows(page)).toHaveCount(PAGE);
  // Pressed where it is, out of view (scrolling to it would draw the next page anyway).
  await more(page).evaluate((b) => b.click());
  await expect(rows(page)).toHaveCount(2 * PAGE);
  await expect(more(page)).toHaveText(`Show more (${40 - 2 * PAGE} more articles)`);
  await page.locator('.results-pane').evaluate((p) => { p.scrollTop = 0; });
  await page.locator('li.entity button.entity-name').first().click();
  await expect(page.locator('p.count')).toHaveText(/ of 40 articles match$/);
  const n = Number((await page.locator('p.count').textContent()).split(' ')[0]);
  await expect(rows(page)).toHaveCount(Math.min(n, PAGE));
});

test('the entity panel draws a label\'s entities as the group scrolls near', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(MANY);
  const groups = page.locator('.entity-pane section.entity-group:not([hidden])');
  await expect(groups.first().locator('li.entity').first()).toBeVisible();
  const last = groups.last();
  const label = await last.getAttribute('data-label');
  const shown = Math.min(12, Number(await last.locator('.group-count').textContent()));
  // Far below the view: its header and count are there, its rows not yet, their room is.
  await expect(last.locator('li.entity')).toHaveCount(0);
  await expect(last.locator('ul.entities')).toHaveAttribute('style', `min-height: ${4 * shown}rem`);
  const drawn = page.locator(`section[data-label="${label}"] li.entity`);
  await expect.poll(async () => {
    await page.locator('.entity-pane').evaluate((p) => { p.scrollTop = p.scrollHeight; });
    return drawn.count();
  }, { timeout: 20_000 }).toBe(shown);
  await expect(last.locator('ul.entities')).not.toHaveAttribute('style', /min-height/);
});

test('without IntersectionObserver the lists are drawn from the start', async ({ page }) => {
  await page.addInitScript(() => { delete window.IntersectionObserver; });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(MANY);
  // One page of articles more than the first, and "Show more" still there for the rest.
  await expect(rows(page)).toHaveCount(2 * PAGE);
  await expect(more(page)).toHaveText(`Show more (${40 - 2 * PAGE} more articles)`);
  // Every group of the panel has its entities, none only their room.
  const groups = page.locator('.entity-pane section.entity-group:not([hidden])');
  for (const group of await groups.all()) {
    const shown = Math.min(12, Number(await group.locator('.group-count').textContent()));
    await expect(group.locator('li.entity')).toHaveCount(shown);
  }
});

test('a change of the filters sets in the entity rows only what changed', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(MANY);
  await expect(page.locator('li.entity').first()).toBeVisible();
  // Every attribute and text set in the kept rows, with the value it had and the value it
  // was given (the next record's old value, or the value now).
  await page.locator('.entity-pane').evaluate((pane) => {
    window.__sets = [];
    new MutationObserver((records) => {
      records.forEach((r, k) => {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (!r.target.isConnected || !el?.closest('li.entity')) return;
        const same = (x) => x.target === r.target && x.type === r.type && x.attributeName === r.attributeName;
        const next = records.slice(k + 1).find(same);
        const now = r.type === 'attributes' ? r.target.getAttribute(r.attributeName) : r.target.data;
        window.__sets.push({ what: r.attributeName ?? 'text', old: r.oldValue, now: next ? next.oldValue : now });
      });
    }).observe(pane, { subtree: true, attributes: true, attributeOldValue: true, characterData: true, characterDataOldValue: true });
  });
  const ids = await page.locator('li.entity').evaluateAll((ls) => ls.slice(0, 6).map((l) => l.dataset.entity));
  for (const id of ids) {
    for (const lift of [false, true]) { // filter, then lift the filter
      await page.locator(`li.entity[data-entity="${id}"] button.entity-name`).click();
      await expect(page.locator('li.entity button[aria-pressed="true"]')).toHaveCount(lift ? 0 : 1);
    }
  }
  const sets = await page.evaluate(() => window.__sets);
  // Counts, bars and pressed states changed (the observer saw the rows change)…
  for (const what of ['text', 'style', 'aria-pressed', 'class']) expect(sets.some((s) => s.what === what), what).toBe(true);
  // …and nothing was set to the value it had: each would cost a style recalculation.
  expect(sets.filter((s) => s.old === s.now)).toEqual([]);
});
