// Connections and timeline as a new reader uses them (issue 23, items 3 and 4): who
// appears with whom among people by default, any entity as the first row, a list of
// pairs, a grid that is one Tab stop; a time axis to scale with labels that do not run
// together, a period dragged or chosen by its two ends, durations apart from dates, and
// a chart that fits a phone.
import { test, expect } from './console.js';
import { test as plain } from '@playwright/test';
import { BASE } from '../../playwright.config.js';

const section = (page, name) => page.getByRole('region', { name, exact: true });

/** Elements of `root` that the Tab key stops on. */
async function tabStops(root) {
  return root.evaluate((r) =>
    [...r.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(
      (e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0,
    ).length,
  );
}

test('connections show people by default, and who appears with whom without filtering', async ({ page }) => {
  await page.goto(`${BASE}?view=connections`);
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  // Putin and Kim Jong-un, both people, meet in the grid without a filter on Kim.
  await expect(grid.getByRole('gridcell', { name: /^Vladimir Putin and Kim Jong-un: \d+ shared sentences?$/ })).toHaveCount(1);
  const rows = await grid.locator('tbody th[scope="row"]').allTextContents();
  expect(rows).toContain('Xi Jinping');
  expect(rows).not.toContain('Russia');
  // More labels on request; a label hidden in the legend leaves the grid.
  await page.getByRole('checkbox', { name: /country or city/ }).check();
  await expect(page).toHaveURL(/cl=PERSON,GPE/);
  await expect(grid.locator('tbody th[scope="row"]', { hasText: /^Russia$/ })).toHaveCount(1);
  await page.goto(`${BASE}?view=connections&cl=PERSON,GPE&hide=PERSON`);
  await expect(grid.locator('tbody th[scope="row"]', { hasText: /^Russia$/ })).toHaveCount(1);
  await expect(grid.locator('tbody th[scope="row"]', { hasText: /^Vladimir Putin$/ })).toHaveCount(0);
});

test('any entity can be the first row of the connections grid, from a searchable picker', async ({ page }) => {
  await page.goto(`${BASE}?view=connections`);
  const picker = page.getByRole('combobox', { name: 'First row' });
  await picker.fill('Power of Siberia 2');
  await picker.press('Enter');
  await expect(page).toHaveURL(/[?&]row=[^&]+/);
  const first = page.getByRole('grid').locator('tbody th[scope="row"]').first();
  await expect(first).toHaveText('Power of Siberia 2');
  await page.reload();
  await expect(first).toHaveText('Power of Siberia 2');
  await expect(picker).toHaveValue('Power of Siberia 2');
});

test('the connections grid is one Tab stop, moved in by the arrow keys, and keeps focus', async ({ page }) => {
  await page.goto(`${BASE}?view=connections`);
  const view = section(page, 'Connections');
  await page.getByRole('grid').waitFor();
  expect(await tabStops(view)).toBeLessThan(20);
  const start = page.getByRole('grid').locator('td[tabindex="0"]');
  await expect(start).toHaveCount(1);
  await start.focus();
  // Down to Xi's row, left to Putin's column.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  const cell = page.locator('td.cell:focus');
  await expect(cell).toHaveAttribute('aria-label', /^Xi Jinping and Vladimir Putin: (\d+) shared sentences$/);
  const n = Number((await cell.getAttribute('aria-label')).match(/(\d+) shared/)[1]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/pair=/);
  await expect(page.getByRole('region', { name: `Xi Jinping and Vladimir Putin: ${n} sentences` })).toBeVisible();
  await expect(page.locator('td.cell:focus')).toHaveCount(1);
});

test('connections as a list of pairs, with counts and a link to read them', async ({ page }) => {
  await page.goto(`${BASE}?view=connections`);
  await page.getByRole('button', { name: 'List of pairs' }).click();
  await expect(page).toHaveURL(/cv=list/);
  const table = page.getByRole('table', { name: /pairs, most sentences first/ });
  const first = table.locator('tbody tr').first();
  const [a, b, sentences, articles] = await first.locator('td').allTextContents();
  expect(Number(sentences)).toBeGreaterThan(0);
  expect(Number(articles)).toBeGreaterThan(0);
  await first.getByRole('link', { name: `Read the ${sentences} sentences of ${a} and ${b}` }).click();
  await expect(page.getByRole('region', { name: `${a} and ${b}: ${sentences} sentences` }).locator('ol.sentences > li')).toHaveCount(Number(sentences));
  expect(await tabStops(section(page, 'Connections'))).toBeLessThan(112 / 2);
  await page.reload();
  await expect(table).toBeVisible();
});

test('the timeline\'s bars are one Tab stop, moved along by the arrow keys', async ({ page }) => {
  await page.goto(`${BASE}?view=timeline`);
  const bars = page.locator('svg.timeline g.bar-group');
  await bars.first().waitFor();
  const n = await bars.count();
  expect(n).toBeGreaterThan(2);
  await expect(page.locator('svg.timeline g.bar-group[tabindex="0"]')).toHaveCount(1);
  const name = (i) => bars.nth(i).getAttribute('aria-label');
  const focusedName = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await page.locator('svg.timeline g.bar-group[tabindex="0"]').focus();
  expect(await focusedName()).toBe(await name(n - 1));
  await page.keyboard.press('Home');
  expect(await focusedName()).toBe(await name(0));
  await page.keyboard.press('ArrowRight');
  expect(await focusedName()).toBe(await name(1));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/when=/);
  // After the choice the chosen bar holds the Tab stop.
  await expect(page.locator('svg.timeline g.bar-group[tabindex="0"]')).toHaveAttribute('aria-label', await name(1));
});

/** The timeline's bars: their period's place in months and their x. */
async function bars(page) {
  const months = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
  await page.locator('svg.timeline g.bar-group').first().waitFor();
  const found = await page.locator('svg.timeline g.bar-group').evaluateAll((gs) =>
    gs.map((g) => [g.getAttribute('aria-label'), g.querySelector('.bar-fill').getBoundingClientRect().x]),
  );
  return found.map(([label, x]) => {
    const m = label.match(/^(?:(\w{3}) )?(\d{4})/);
    return { at: m[1] ? Number(m[2]) * 12 + months[m[1]] : Number(m[2]), x };
  });
}

for (const [width, height] of [[1366, 900], [390, 844]]) {
  test(`the timeline's axis is to scale and its labels do not run together, at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`${BASE}?view=timeline`);
    const b = await bars(page);
    expect(b.length).toBeGreaterThan(2);
    // Placed by date: the same width for each month (or year), gaps included.
    const per = (b[b.length - 1].x - b[0].x) / (b[b.length - 1].at - b[0].at);
    expect(b[b.length - 1].at - b[0].at).toBeGreaterThan(b.length - 1);
    for (const { at, x } of b) expect(Math.abs(b[0].x + per * (at - b[0].at) - x)).toBeLessThan(1.5);
    const labels = await page.locator('svg.timeline text.axis:not([text-anchor])').evaluateAll((ts) =>
      ts.map((t) => t.getBoundingClientRect()).map((r) => [r.left, r.right]).sort((p, q) => p[0] - q[0]),
    );
    expect(labels.length).toBeGreaterThan(1);
    for (let i = 1; i < labels.length; i++) expect(labels[i][0]).toBeGreaterThan(labels[i - 1][1]);
    // Nothing cut off: the chart fits the screen.
    const svg = await page.locator('svg.timeline').boundingBox();
    expect(svg.x).toBeGreaterThanOrEqual(0);
    expect(svg.x + svg.width).toBeLessThanOrEqual(width);
  });
}

/** A `when` key as the page words it: "2023-03" → "Mar 2023", "2023" → "2023". */
const inWords = (key) => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [year, month] = key.split('-');
  return month ? `${months[Number(month) - 1]} ${year}` : year;
};

test('a period is chosen by dragging across the timeline, and kept in the URL', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${BASE}?view=timeline`);
  const groups = page.locator('svg.timeline g.bar-group');
  await groups.first().waitFor();
  const from = await groups.nth(0).locator('.bar-hit').boundingBox();
  const to = await groups.nth(2).locator('.bar-hit').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 5);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - 5, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/when=\d{4}(-\d\d)?\.\.\d{4}(-\d\d)?/);
  const when = decodeURIComponent(new URL(page.url()).searchParams.get('when'));
  const [a, b] = when.split('..').map(inWords);
  const heading = page.getByRole('heading', { name: new RegExp(`^Dates from ${a} to ${b} \\(\\d+\\)`) });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`dates from ${a} to ${b}`);
  await expect(groups.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(heading).toBeVisible();
});

test('a period is chosen by its two ends from the keyboard', async ({ page }) => {
  await page.goto(`${BASE}?view=timeline`);
  const period = page.getByRole('group', { name: 'Period' });
  const from = period.getByRole('combobox', { name: 'From' });
  const to = period.getByRole('combobox', { name: 'To' });
  await from.waitFor(); // the view is loaded on demand
  const options = await from.locator('option').evaluateAll((os) => os.map((o) => o.value));
  expect(options.length).toBeGreaterThan(2);
  await from.focus();
  await from.selectOption(options[1]);
  await expect(page).toHaveURL(new RegExp(`when=${options[1]}\\.\\.${options[options.length - 1]}`));
  await to.selectOption(options[2]);
  await expect(page).toHaveURL(new RegExp(`when=${options[1]}\\.\\.${options[2]}(&|$)`));
  await expect(page.getByRole('heading', { name: new RegExp(`^Dates from ${inWords(options[1])} to ${inWords(options[2])}`) })).toBeVisible();
  await period.getByRole('button', { name: 'All dates' }).click();
  await expect(page).not.toHaveURL(/when=/);
  await expect(from).toBeFocused();
});

test('lengths of time are not listed as dates that cannot be placed', async ({ page }) => {
  await page.goto(`${BASE}?view=timeline`);
  const list = page.getByRole('region', { name: /^Dates that cannot be placed/ });
  await expect(list.locator('li').first()).toBeVisible();
  const texts = await list.locator('li mark').allTextContents();
  for (const duration of ['two-day', '100 years', 'months']) expect(texts).not.toContain(duration);
  // Relative dates that need a day of publication stay listed.
  expect(texts.length).toBeGreaterThan(0);
  await expect(page.locator('.view-timeline p.meta')).toContainText(/\d+ durations? \(lengths of time, not dates\)/);
});

test('leaving the timeline before its next frame is drawn breaks nothing', async ({ page }) => {
  // The chart measures its width a frame after it is drawn; by then the reader may have
  // gone back, and the view is gone (the console fixture fails the test on a panic).
  await page.goto(BASE);
  await page.getByRole('link', { name: 'Timeline', exact: true }).waitFor();
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => {
      document.querySelector('a[href*="view=timeline"]').click();
      history.back();
    });
    await page.waitForTimeout(100);
  }
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.locator('svg.timeline')).toBeVisible();
});

// Without the console check: the failed fetch is logged; the test checks what the reader sees.
plain('connections and timeline come with the views module, on demand, and a failed load can be retried', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(BASE);
  await page.getByRole('link', { name: 'Connections', exact: true }).waitFor();
  await page.waitForTimeout(300);
  expect(fetched.filter((p) => /views/.test(p))).toEqual([]);
  // The module's first fetch fails: the reader is told, and Retry loads it.
  let failures = 0;
  await page.route('**/dossier-views_bg.wasm', (r) => (failures++ === 0 ? r.abort() : r.continue()));
  await page.getByRole('link', { name: 'Connections', exact: true }).click();
  await expect(page.locator('#views [role="alert"]')).toHaveText(/The view could not load/);
  await page.locator('#views').getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('table.matrix td.cell:not(.empty)').first()).toBeVisible();
  await expect(page.locator('#views [role="alert"]')).toHaveCount(0);
  // Deep links draw the view; the timeline's period filters the article list.
  await page.goto(`${BASE}?view=timeline&when=2023-03`);
  await expect(page.getByRole('heading', { name: /^Dates in Mar 2023/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('dates in Mar 2023');
});
