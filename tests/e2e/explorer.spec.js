// The explorer: highlighted reading, entity facets, filters, mentions and the URL as state.
import { test, expect } from './console.js';
import { BASE } from '../../playwright.config.js';

const DOC = '003_1075b8958bdb5eef.txt';

const results = (page) => page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem');
const panel = (page) => page.getByRole('complementary', { name: 'Entities' });

/** Titles of the listed articles. */
async function listed(page) {
  // The app renders the list in one go at start-up: wait for it before reading.
  await page.locator('p.count').waitFor();
  return results(page).getByRole('link').allTextContents();
}

/** Titles of the articles whose reader shows a mark of `id`. */
async function articlesMentioning(page, id) {
  const out = [];
  const links = await page.getByRole('navigation', { name: 'Articles' }).getByRole('link').all();
  const hrefs = await Promise.all(links.map((l) => l.getAttribute('href')));
  for (const href of hrefs) {
    const url = new URL(href, page.url());
    url.searchParams.delete('e');
    await page.goto(url.toString());
    const title = await page.locator('#article-title').textContent();
    if (await page.locator(`mark[data-entity="${id}"]`).count()) out.push(title);
  }
  return out;
}

test('every mention is a labelled mark with an accessible name', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const marks = page.locator('article mark[data-label][data-entity]');
  await marks.first().waitFor();
  expect(await marks.count()).toBeGreaterThan(50);
  await expect(page.getByRole('button', { name: 'Vladimir Putin, person' }).first()).toBeVisible();
  const labels = await marks.evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.label))]);
  for (const l of ['PERSON', 'ORG', 'GPE', 'NORP', 'DATE']) expect(labels).toContain(l);
  // Every label also has a non-colour cue: a tag drawn by CSS.
  const tag = await marks.first().evaluate((m) => getComputedStyle(m, '::after').content);
  expect(tag).not.toBe('none');
});

test('captions and site text are shown apart and left out of counts by default', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const caption = page.locator('p.block[data-zone="caption"]', { hasText: 'Olivia Wang contributed reporting.' });
  await expect(caption).toBeVisible();
  const site = page.locator('p.block[data-zone="boilerplate"]', { hasText: 'Back to top button' });
  await expect(site).toBeVisible();
  // Each says what it is, by a tag the stylesheet draws (the app's and the first look's).
  const tag = (block) => block.evaluate((p) => getComputedStyle(p, '::before').content);
  expect(await tag(caption)).toBe('"caption or credit"');
  expect(await tag(site)).toBe('"site text"');
  expect(await tag(page.locator('p.block[data-zone="body"]').first())).toBe('none');
  const personCount = () => page.locator('.legend-item[data-label="PERSON"] .legend-count').textContent();
  const before = Number(await personCount());
  await page.getByLabel('Count captions, credits and site text').check();
  await expect(page).toHaveURL(/zones=all/);
  await expect.poll(async () => Number(await personCount())).toBeGreaterThan(before);
});

test('requiring an entity in two articles lists exactly those two, and the link reproduces it', async ({ page }) => {
  await page.goto(BASE);
  const row = panel(page).locator('li.entity', { hasText: /· 2 articles$/ }).first();
  const id = await row.getAttribute('data-entity');
  const name = await row.locator('.entity-name').textContent();
  await row.locator('.entity-name').click();
  await expect(page).toHaveURL(new RegExp(`[?&]e=${id}`));
  await expect(results(page)).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`with ${name}`);
  const titles = await listed(page);

  const url = page.url();
  await page.reload();
  expect(await listed(page)).toEqual(titles);
  await page.goBack();
  await expect(results(page)).toHaveCount(5);
  await page.goForward();
  await expect(results(page)).toHaveCount(2);

  expect((await articlesMentioning(page, id)).sort()).toEqual([...titles].sort());
  await page.goto(url);
  await page.getByRole('link', { name: `Remove filter: with ${name}` }).click();
  await expect(results(page)).toHaveCount(5);
});

test('setting or lifting a filter moves nothing outside the article list', async ({ page }) => {
  // Regression: the chips used to sit in the bar above the panes, and the first one
  // wrapped it onto a second line, moving the reader and both side panes down.
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${BASE}?doc=${DOC}`);
  await expect(page.locator('article mark[data-entity]').first()).toBeVisible();
  await expect(results(page).first()).toBeVisible();
  const place = () => page.evaluate(() => Object.fromEntries(
    ['article.reader h1', 'aside.entity-pane', 'section.filter-bar', 'nav[aria-label="Articles"] p.count']
      .map((s) => [s, Math.round(document.querySelector(s).getBoundingClientRect().top)])));
  const before = await place();
  const row = panel(page).locator('li.entity').first();
  await row.locator('.entity-name').click();
  await expect(page.getByRole('list', { name: 'Active filters' })).toBeVisible();
  const during = await place();
  const list = 'nav[aria-label="Articles"] p.count';
  expect(during[list], 'the list makes room for the chips').toBeGreaterThan(before[list]);
  delete before[list];
  delete during[list];
  expect(during).toEqual(before);
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  const after = await place();
  delete after[list];
  expect(after).toEqual(before);
});

test('excluding an entity drops the articles that mention it', async ({ page }) => {
  await page.goto(BASE);
  const row = panel(page).locator('li.entity', { hasText: /· 2 articles$/ }).first();
  const name = await row.locator('.entity-name').textContent();
  await panel(page).getByRole('button', { name: `Exclude ${name}`, exact: true }).click();
  await expect(results(page)).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`without ${name}`);
});

test('required entities combine with AND', async ({ page }) => {
  await page.goto(BASE);
  const rows = panel(page).locator('li.entity', { hasText: /· 2 articles$/ });
  const a = await rows.nth(0).getAttribute('data-entity');
  const b = await rows.nth(1).getAttribute('data-entity');
  await page.goto(`${BASE}?e=${a}`);
  const withA = await listed(page);
  await page.goto(`${BASE}?e=${b}`);
  const withB = await listed(page);
  await page.goto(`${BASE}?e=${a},${b}`);
  const both = withA.filter((t) => withB.includes(t));
  await expect(results(page)).toHaveCount(both.length);
  expect(await listed(page)).toEqual(both);
});

test('the legend hides and shows a label', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const dates = page.locator('article mark[data-label="DATE"]');
  await dates.first().waitFor();
  expect(await dates.count()).toBeGreaterThan(0);
  const toggle = page.locator('.legend-item[data-label="DATE"]');
  await toggle.click();
  await expect(page).toHaveURL(/hide=DATE/);
  await expect(dates).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.goBack();
  await dates.first().waitFor();
  expect(await dates.count()).toBeGreaterThan(0);
});

test('clicking a mark requires and selects its entity; n and p step through its mentions', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const first = page.getByRole('button', { name: 'Vladimir Putin, person' }).first();
  const id = await first.getAttribute('data-entity');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`sel=${id}`));
  await expect(page).toHaveURL(/[?&]m=\d+/);
  const stepper = page.getByRole('group', { name: /^Mentions of / });
  const position = async () => Number((await stepper.textContent()).match(/(\d+) of/)[1]);
  await expect(stepper).toContainText(/\d+ of \d+/);
  const at = await position();
  // The view changes first and its history entry follows after the frame (app.rs).
  const m = () => new URL(page.url()).searchParams.get('m');
  const m1 = m();
  await page.keyboard.press('n');
  await expect.poll(position).toBe(at + 1);
  await expect(page.locator('mark.current')).toBeFocused();
  await expect.poll(m).not.toBe(m1);
  const m2 = m();
  await page.getByRole('button', { name: 'Previous mention' }).click();
  await expect.poll(position).toBe(at);
  await expect.poll(m).not.toBe(m2);
  await page.reload();
  await expect.poll(position).toBe(at);
});

test('hovering a mark shows its card with canonical name, aliases and counts', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  await page.getByRole('button', { name: 'Vladimir Putin, person' }).first().hover();
  const card = page.getByRole('tooltip');
  await expect(card).toContainText('Vladimir Putin');
  await expect(card).toContainText('Written as:');
  await expect(card).toContainText(/\d+ mentions in \d+ articles/);
});

test('keys: / focuses search, j and k move through results, Esc clears', async ({ page }) => {
  await page.goto(BASE);
  await page.locator('p.count').waitFor();
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(page).toHaveURL(/doc=000_/);
  await page.keyboard.press('j');
  await expect(page).toHaveURL(/doc=001_/);
  await page.keyboard.press('k');
  await expect(page).toHaveURL(/doc=000_/);
  const id = await page.locator('mark[data-entity]').first().getAttribute('data-entity');
  await page.goto(`${BASE}?e=${id}`);
  await expect(page.getByRole('list', { name: 'Active filters' })).toBeVisible();
  await page.locator('body').press('Escape');
  await expect(page).not.toHaveURL(/e=/);
});

test('the theme toggle switches to dark and is remembered', async ({ page }) => {
  await page.goto(BASE);
  await page.getByRole('button', { name: /Dark/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /Light/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the entity panel shows aliases, sorts and searches', async ({ page }) => {
  await page.goto(BASE);
  const putin = panel(page).locator('li.entity', { hasText: 'Vladimir Putin' });
  await expect(putin.locator('.aliases')).toContainText('Putin');
  await panel(page).getByRole('searchbox', { name: 'Find an entity' }).fill('gabu');
  await expect(panel(page).locator('li.entity')).toHaveCount(1);
  await panel(page).getByRole('searchbox', { name: 'Find an entity' }).fill('');
  await panel(page).getByRole('button', { name: 'name' }).click();
  await expect(page).toHaveURL(/sort=name/);
  const names = panel(page).locator('section[data-label="PERSON"] .entity-name');
  await expect.poll(async () => {
    const shown = await names.allTextContents();
    return shown.length > 1 && shown.join('|') === [...shown].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())).join('|');
  }).toBe(true);
});

test('export downloads the filtered articles and entities as CSV and JSON', async ({ page }) => {
  await page.goto(BASE);
  const row = panel(page).locator('li.entity', { hasText: /· 2 articles$/ }).first();
  const id = await row.getAttribute('data-entity');
  await page.goto(`${BASE}?e=${id}`);
  await expect(results(page)).toHaveCount(2);
  const files = await results(page).getByRole('link').evaluateAll((as) =>
    as.map((a) => new URL(a.href).searchParams.get('doc')));

  const fetchDownload = async (name) => {
    await page.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };

  // (tests/e2e/export-focus.spec.js checks each view's export field by field.)
  const csv = await fetchDownload('Articles (CSV)');
  expect(csv.name).toBe('dossier-articles.csv');
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const lines = csv.text.trim().split(/\r\n/); // (trim takes the BOM too)
  expect(lines[0]).toBe('title,date,source,url,matches,sentence,file,link');
  expect(lines).toHaveLength(3);
  const json = JSON.parse((await fetchDownload('Articles (JSON)')).text);
  expect(json.map((a) => a.file).sort()).toEqual([...files].sort());

  const entities = JSON.parse((await fetchDownload('Entities (JSON)')).text);
  const entity = entities.find((e) => e.id === id);
  expect(entity.articles).toBe(2);
  expect(entities.every((e) => e.mentions > 0 && e.articles <= 2)).toBe(true);
});

test('text search: words, "phrases", prefix* and -exclusion, with highlighted snippets', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await page.goto(BASE);
  await search.fill('"belt and road"');
  await expect(page).toHaveURL(/q=%22belt%20and%20road%22/);
  const belt = await listed(page);
  expect(belt.length).toBeGreaterThan(0);
  await expect(results(page).first().locator('.snippet mark.hit').first()).toHaveText(/belt and road/i);

  await search.fill('"belt and road" -kyrgyzstan');
  await expect.poll(async () => (await listed(page)).length).toBe(belt.length - 1);
  expect(await listed(page)).not.toContain('Putin Visits China as Moscow and Beijing Reaffirm Ties');

  await search.fill('kyrgyz*');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first().locator('mark.hit').first()).toHaveText(/^Kyrgyz/);

  await search.fill('"no such phrase anywhere"');
  await expect(results(page)).toHaveCount(0);
  await expect(page.getByText('No article matches these filters.')).toBeVisible();
});

test('the mentions view lists every mention in context, sorts, and opens the reader at one', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const id = await page.getByRole('button', { name: 'Vladimir Putin, person' }).first().getAttribute('data-entity');
  await page.goto(`${BASE}?view=mentions&sel=${id}`);
  const rows = page.locator('.kwic-row');
  const count = Number((await page.locator('.kwic-head p').textContent()).match(/^(\d+) mentions/)[1]);
  const panelCount = Number((await panel(page).locator(`li.entity[data-entity="${id}"] .entity-counts`).textContent()).match(/(\d+) mentions/)[1]);
  expect(count).toBe(panelCount);
  await expect(rows).toHaveCount(Math.min(count, 200));
  await page.getByRole('button', { name: 'date', exact: true }).click();
  await expect(page).toHaveURL(/ksort=date/);
  const third = rows.nth(2);
  const hit = (await third.locator('.kwic-hit').textContent()).trim();
  await third.locator('.kwic-hit').click();
  await expect(page).toHaveURL(/[?&]doc=[^&]+.*[?&]m=\d+/);
  await expect(page).not.toHaveURL(/view=mentions/);
  await expect(page.locator('mark.current')).toHaveText(hit);
  await expect(page.locator('mark.current')).toBeFocused();
});

test('the connections grid opens the sentences a pair shares', async ({ page }) => {
  await page.goto(`${BASE}?view=connections`);
  const cells = page.locator('table.matrix td.cell:not(.empty)');
  await cells.first().waitFor();
  expect(await cells.count()).toBeGreaterThan(10);
  const cell = cells.first();
  const name = await cell.getAttribute('aria-label');
  const [, a, b, n] = name.match(/^(.+) and (.+): (\d+) shared sentences$/);
  await cell.click();
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/pair=/);
  const shared = page.getByRole('region', { name: `${a} and ${b}: ${n} sentences` });
  await expect(shared.locator('ol.sentences > li')).toHaveCount(Number(n));
  await page.reload();
  await expect(shared.locator('ol.sentences > li')).toHaveCount(Number(n));
});

test('the timeline places dates, filters by a period, and lists the dates it cannot place', async ({ page }) => {
  await page.goto(`${BASE}?view=timeline`);
  await expect(page.getByRole('heading', { name: /Dates that cannot be placed \(\d+\)/ })).toBeVisible();
  const bars = page.locator('svg.timeline g.bar-group');
  expect(await bars.count()).toBeGreaterThan(1);
  const bar = page.getByRole('button', { name: /^Mar 2023 \d+ mentions?\b/ });
  const label = await bar.getAttribute('aria-label');
  const articles = Number(label.match(/in (\d+) articles?\b/)[1]);
  await bar.click();
  await expect(page).toHaveURL(/when=2023-03/);
  await expect(results(page)).toHaveCount(articles);
  await expect(page.getByRole('heading', { name: /^Dates in Mar 2023/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('dates in Mar 2023');
  await page.goBack();
  await expect(results(page)).toHaveCount(5);
});

test('two changes within one frame are shown at once and each gets its history entry', async ({ page }) => {
  await page.goto(BASE);
  // evaluateAll does not wait: the panel is drawn after the first frame.
  await panel(page).locator('li.entity').nth(1).waitFor();
  const ids = await panel(page).locator('li.entity').evaluateAll((ls) => ls.slice(0, 2).map((l) => l.dataset.entity));
  expect(ids).toHaveLength(2);
  // Both clicks run before the browser draws a frame. In that frame the view shows both
  // filters; the history entries follow after it (app.rs, Navigator::go). The check runs
  // in the frame's animation-frame callbacks, after the app's own: a timeout here could
  // run after a frame on a busy machine (it made this test flaky).
  const before = await page.evaluate(async (ids) => {
    for (const id of ids) document.querySelector(`li.entity[data-entity="${id}"] button.entity-name`).click();
    await new Promise((ok) => requestAnimationFrame(ok));
    return { chips: document.querySelectorAll('.chips li.chip').length, search: location.search };
  }, ids);
  expect(before).toEqual({ chips: 2, search: '' });
  await expect(page).toHaveURL(new RegExp(`[?&]e=${ids[0]}(%2C|,)${ids[1]}`));
  const chips = page.getByRole('list', { name: 'Active filters' }).getByRole('listitem');
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]e=${ids[0]}(&|$)`));
  await expect(chips).toHaveCount(1);
  await page.goBack();
  await expect(chips).toHaveCount(0);
  await expect(results(page)).toHaveCount(5);
});

test('a run of keystrokes in the search box is one history entry, recorded once typing pauses; Back leaves the search', async ({ page }) => {
  // Every history write the app makes, counted (the router writes through these two).
  await page.addInitScript(() => {
    window.__writes = [];
    for (const m of ['pushState', 'replaceState']) {
      const f = History.prototype[m];
      History.prototype[m] = function (...args) { window.__writes.push(`${m} ${args[2]}`); return f.apply(this, args); };
    }
  });
  await page.goto(`${BASE}?doc=${DOC}`);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await expect(page.locator('#article-title')).not.toBeEmpty();
  const before = await page.evaluate(() => history.length);
  await box.pressSequentially('pipeline', { delay: 40 });
  await expect(page).toHaveURL(/[?&]q=pipeline(&|$)/);
  await expect(results(page)).not.toHaveCount(5);
  // The first keystroke adds an entry (for Back), the rest edit it: one push in all, then
  // edits only, the address's at most once a keystroke and the router's once a pause.
  const writes = await page.evaluate(() => window.__writes);
  expect(writes.filter((w) => w.startsWith('pushState')), writes.join('\n')).toHaveLength(1);
  expect(writes[0], writes.join('\n')).toMatch(/^pushState /);
  expect(writes.length, writes.join('\n')).toBeLessThanOrEqual(2 * 'pipeline'.length);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page).toHaveURL(new RegExp(`doc=${DOC}`));
  await expect(box).toHaveValue('');
  await expect(results(page)).toHaveCount(5);
});

test('a space typed at the end of a search stays in the box when an article opens', async ({ page }) => {
  await page.goto(BASE);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.pressSequentially('china ', { delay: 40 });
  await expect(page).toHaveURL(/[?&]q=china(%20|\+)?(&|$)/);
  await results(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/[?&]doc=/);
  await expect(page.locator('#article-title')).not.toBeEmpty();
  // The view changed under the box: its text is still what was typed, so the next word
  // is a word of its own.
  await expect(box).toHaveValue('china ');
  await box.press('End');
  await box.pressSequentially('xi', { delay: 40 });
  await expect(box).toHaveValue('china xi');
  await expect(page).toHaveURL(/[?&]q=china(%20|\+)xi(&|$)/);
});

test('a search typed just before a reload is kept: the address follows each search, before the held history entry', async ({ page }) => {
  // The typing pause never ends here (Navigator::type_to's 500 ms timer never fires), so the
  // reload comes while the search's history entry is held, however slow the machine.
  await page.addInitScript(() => {
    const set = window.setTimeout;
    window.setTimeout = (f, ms, ...rest) => set(f, ms === 500 ? 2 ** 31 - 1 : ms, ...rest);
  });
  await page.goto(`${BASE}?doc=${DOC}`);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill('pipe');
  await expect(page).toHaveURL(/[?&]q=pipe(&|$)/);
  const before = await page.evaluate(() => history.length);
  await page.evaluate(async () => {
    const input = document.getElementById('search-input');
    for (const q of ['pipel', 'pipeli', 'pipeline']) {
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The keystroke's frame, then its search's task (Navigator::typed).
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      await new Promise((ok) => setTimeout(ok));
    }
  });
  await expect(page).toHaveURL(/[?&]q=pipeline(&|$)/);
  await page.reload();
  await expect(page).toHaveURL(/[?&]q=pipeline(&|$)/);
  await expect(page).toHaveURL(new RegExp(`doc=${DOC}`));
  await expect(box).toHaveValue('pipeline');
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('Back while a typed search waits for its history entry shows the entry moved to, and the search is not recorded over it', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill('pipe');
  await expect(page).toHaveURL(/[?&]q=pipe(&|$)/);
  // More keystrokes, then Back at once: their entry is still held (Navigator::type_to).
  await page.evaluate(() => {
    const input = document.getElementById('search-input');
    for (const q of ['pipel', 'pipeli', 'pipeline']) {
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    history.back();
  });
  await expect(page).not.toHaveURL(/q=/);
  await expect(box).toHaveValue('');
  await page.waitForTimeout(1000);
  await expect(page).not.toHaveURL(/q=/);
  await expect(box).toHaveValue('');
  // Forward returns to the search's entry: "pipe", or "pipeline" if that search ran
  // before Back (its address is set at once: Navigator::type_to), the box as the URL says.
  await page.goForward();
  await expect(page).toHaveURL(/[?&]q=pipe(line)?(&|$)/);
  const q = new URL(page.url()).searchParams.get('q');
  await expect(box).toHaveValue(q);
});

test('a keystroke shows in its frame and its results in the next; fast typing ends showing the last query\'s results', async ({ page }) => {
  await page.goto(`${BASE}?q=pipeline`);
  const expected = await listed(page);
  const count = await page.locator('p.count').textContent();
  await page.goto(BASE);
  await expect(results(page)).toHaveCount(5);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  // One keystroke: its frame shows the character with the lists as they were; the search
  // runs after that frame (Navigator::typed), and the next frame shows its results.
  const frames = await page.evaluate(async () => {
    const input = document.getElementById('search-input');
    const seen = () => [input.value, document.querySelectorAll('ol.articles li').length];
    const first = new Promise((ok) => requestAnimationFrame(() => ok(seen())));
    input.value = 'p';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const atKey = await first;
    const atNext = await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(seen()))));
    return { atKey, atNext };
  });
  expect(frames.atKey).toEqual(['p', 5]);
  expect(frames.atNext[0]).toBe('p');
  expect(frames.atNext[1]).toBeLessThan(5);
  // Keystrokes faster than frames, then one more after a frame: only the latest text is
  // searched, and the view ends on it, with its link.
  await page.evaluate(async () => {
    const input = document.getElementById('search-input');
    const type = (q) => { input.value = q; input.dispatchEvent(new Event('input', { bubbles: true })); };
    for (const q of ['pi', 'pip', 'pipe', 'pipel']) type(q);
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    for (const q of ['pipeli', 'pipelin', 'pipeline']) type(q);
  });
  await expect(box).toHaveValue('pipeline');
  await expect(page).toHaveURL(/[?&]q=pipeline(&|$)/);
  await expect(page.locator('p.count')).toHaveText(count);
  expect(await listed(page)).toEqual(expected);
});

test('the printed page links to the view shown, before its history entry', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  await page.locator('article.reader mark[data-entity]').first().waitFor();
  const id = await panel(page).locator('li.entity').first().getAttribute('data-entity');
  const seen = await page.evaluate(async (id) => {
    document.querySelector(`li.entity[data-entity="${id}"] button.entity-name`).click();
    await new Promise((ok) => requestAnimationFrame(ok)); // before the history entry
    return { link: document.querySelector('article.reader').dataset.link, url: location.href };
  }, id);
  expect(seen.link).toContain(`e=${id}`);
  expect(seen.url).not.toContain(`e=${id}`);
  await expect(page).toHaveURL(seen.link);
});

test('"Copy link" puts the address of the current view on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${BASE}?doc=${DOC}&hide=DATE`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The view's own address: the page's, with its parameters in the app's order.
  const params = (u) => [...new URL(u).searchParams].sort();
  expect(new URL(copied).pathname).toBe(new URL(page.url()).pathname);
  expect(params(copied)).toEqual(params(page.url()));
  expect(copied).toContain('hide=DATE');
});

test('with an article open and a filter on, selecting an entity highlights its marks and the mention; back clears them', async ({ page }) => {
  await page.goto(`${BASE}?doc=${DOC}`);
  const mark = page.getByRole('button', { name: 'Vladimir Putin, person' }).first();
  const id = await mark.getAttribute('data-entity');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('summit');
  await expect(page).toHaveURL(/q=summit/);
  await mark.click();
  await expect(page).toHaveURL(new RegExp(`sel=${id}`));
  const all = page.locator(`article.reader mark[data-entity="${id}"]`);
  await expect(all.first()).toHaveClass(/\bsel\b/);
  expect(await page.locator('article.reader mark.sel').count()).toBe(await all.count());
  await expect(page.locator('article.reader mark.current')).toHaveCount(1);
  await page.goBack();
  await expect(page.locator('article.reader mark.sel')).toHaveCount(0);
  await expect(page.locator('article.reader mark.current')).toHaveCount(0);
});

test('an entity row shows whether it is required, following the URL', async ({ page }) => {
  await page.goto(BASE);
  const row = panel(page).locator('li.entity').first();
  const id = await row.getAttribute('data-entity');
  const same = panel(page).locator(`li.entity[data-entity="${id}"]`);
  await row.locator('button.entity-name').click();
  await expect(page).toHaveURL(new RegExp(`e=${id}`));
  await expect(same).toHaveClass(/\brequired\b/);
  await expect(same.locator('button.entity-name')).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(same).not.toHaveClass(/\brequired\b/);
  await expect(same.locator('button.entity-name')).toHaveAttribute('aria-pressed', 'false');
});

test('pressing an entity with the keyboard keeps the focus on it, though its row is drawn anew and moves', async ({ page }) => {
  await page.goto(BASE);
  const row = panel(page).locator('li.entity').nth(2);
  const id = await row.getAttribute('data-entity');
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && `${a.closest('li.entity')?.dataset.entity} ${a.className}`;
  });
  // (An excluded entity leaves the panel, as no matching article mentions it.)
  for (const [button, param, pressed] of [['entity-name', 'e', 'true'], ['entity-name', 'e', 'false']]) {
    await panel(page).locator(`li.entity[data-entity="${id}"] button.${button}`).focus();
    await page.keyboard.press('Enter');
    await expect(panel(page).locator(`li.entity[data-entity="${id}"] button.${button}`)).toHaveAttribute('aria-pressed', pressed);
    const filtered = new RegExp(`[?&]${param}=[^&]*${id}`);
    await expect(page).toHaveURL((u) => filtered.test(u.search) === (pressed === 'true'));
    await expect.poll(focused).toBe(`${id} ${button}`);
  }
});

test('a search that leaves a label with no entity drops its group, with an article open, without an error', async ({ page }) => {
  await page.goto(BASE);
  await page.locator('ol.articles li.article a').first().click();
  await expect(page.locator('article.reader mark[data-entity]').first()).toBeVisible();
  const drawn = panel(page).locator('section.entity-group:not([hidden])');
  const before = await drawn.count();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('r');
  await expect(page).toHaveURL(/q=r/);
  await expect.poll(() => drawn.count()).toBeLessThan(before);
  await expect(page.locator('#fatal')).toBeHidden();
});

test('the article links keep the filters and mark the open article, following the URL', async ({ page }) => {
  await page.goto(`${BASE}?q=Putin`);
  const links = page.locator('ol.articles li.article a');
  await expect(links.first()).toBeVisible();
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/[?&]q=Putin(&|$)/);
    expect(href).toMatch(/[?&]doc=[^&]+\.txt/);
  }
  // A filter added after the rows were drawn reaches their links too.
  await page.locator('#search-input').fill('Putin China');
  await expect(page).toHaveURL(/q=Putin(%20|\+)China/);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/[?&]q=Putin(%20|\+)China(&|$)/);
  }
  const first = page.locator('ol.articles li.article').first();
  await first.locator('a').click();
  await expect(page.locator('article.reader')).toBeVisible();
  await expect(first).toHaveClass(/\bcurrent\b/);
  await expect(first.locator('a')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('ol.articles li.article.current')).toHaveCount(1);
  await page.goBack();
  await expect(page.locator('ol.articles li.article.current')).toHaveCount(0);
  await expect(page.locator('ol.articles a[aria-current]')).toHaveCount(0);
});
