// Issue 23, item 1: "Export" writes what the view shows: the Mentions view the mentions
// it lists, the article list its articles, Connections its pairs and the sentences of the
// pair chosen; each row with its article's title, date and sentence and a link back to
// the view, in CSV that opens cleanly in a spreadsheet and JSON with the same fields.
import { test, expect } from './console.js';
import { BASE } from '../../playwright.config.js';
import { exported } from './download.js';

const results = (page) => page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem');
const panel = (page) => page.getByRole('complementary', { name: 'Entities' });

/** The id of the entity the panel lists as `name`. */
async function entityId(page, name) {
  await page.goto(BASE);
  await panel(page).getByRole('searchbox', { name: 'Find an entity' }).fill(name);
  const exact = page.locator('button.entity-name').filter({ hasText: new RegExp(`^${name}$`) });
  return panel(page).locator('li.entity').filter({ has: exact }).first().getAttribute('data-entity');
}

/** RFC 4180: rows of fields; quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); i++; }
    else field += c;
  }
  if (field !== '' || rows.at(-1).length) rows.at(-1).push(field);
  if (!rows.at(-1).length) rows.pop();
  return rows;
}

/** A CSV download as records (header → field), after checking that it opens cleanly: a
 * UTF-8 BOM, CRLF lines, every row as wide as the header. */
function records(csv) {
  expect(csv.text.startsWith('\uFEFF'), 'a UTF-8 BOM, so spreadsheets read UTF-8').toBe(true);
  const [header, ...rows] = parseCsv(csv.text.slice(1));
  for (const r of rows) expect(r).toHaveLength(header.length);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Checks the fields every exported row of an article's text has. */
function checkSourced(rows) {
  for (const r of rows) {
    expect(r.title).toBeTruthy();
    expect(r.date).toMatch(/^\d{4}(-\d\d){0,2}$/);
    expect(r.sentence.length).toBeGreaterThan(10);
    const link = new URL(r.link);
    expect(link.pathname).toBe(BASE);
    expect(link.search).toMatch(/^\?./);
  }
}

test('the Mentions view exports exactly the mentions it lists, in its order, with title, date, sentence and a link back', async ({ page }) => {
  const id = await entityId(page, 'Power of Siberia 2');
  await page.goto(`${BASE}?view=mentions&sel=${id}&ksort=date`);
  const rows = page.locator('.kwic-row');
  await rows.first().waitFor();
  const n = Number((await page.locator('.kwic-head p').textContent()).match(/^(\d+) mentions?/)[1]);
  await expect(rows).toHaveCount(n);
  const shown = await rows.evaluateAll((rs) => rs.map((r) => ({
    mention: r.querySelector('.kwic-hit').textContent.trim(),
    title: r.querySelector('.kwic-doc').textContent.trim(),
  })));

  const csv = await exported(page, 'Mentions (CSV)');
  expect(csv.name).toBe('dossier-mentions.csv');
  const got = records(csv);
  expect(got.map((r) => ({ mention: r.mention, title: r.title }))).toEqual(shown);
  checkSourced(got);
  for (const r of got) {
    expect(r.sentence).toContain(r.mention);
    expect(r.entity).toBe('Power of Siberia 2');
  }

  const json = JSON.parse((await exported(page, 'Mentions (JSON)')).text);
  expect(json).toEqual(got.map((r) => ({ ...r, start: Number(r.start), end: Number(r.end) })));

  // The link opens the reader at that very mention.
  await page.goto(got[1].link);
  await expect(page.locator('article.reader mark.current')).toHaveText(got[1].mention);
  await expect(page.locator('#article-title')).toHaveText(got[1].title);
});

test('the article list exports its articles, in its order, with a link to each', async ({ page }) => {
  await page.goto(`${BASE}?q=pipeline`);
  await expect.poll(() => results(page).count()).toBeGreaterThan(1);
  const titles = await results(page).getByRole('link').allTextContents();
  expect(titles.length).toBeLessThan(5);
  const got = records(await exported(page, 'Articles (CSV)'));
  expect(got.map((r) => r.title)).toEqual(titles);
  checkSourced(got);
  for (const r of got) expect(r.sentence).toMatch(/pipeline/i);
  await page.goto(got[0].link);
  await expect(page.locator('#article-title')).toHaveText(got[0].title);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('search: pipeline');
});

test('the main page carries no encoder: an export loads the views module once, which writes the app’s table', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.replace(/^.*\//, '')));
  await page.goto(`${BASE}?q=pipeline`);
  await expect.poll(() => results(page).count()).toBeGreaterThan(1);
  const views = (f) => /^(views\.js|dossier-views)/.test(f);
  expect(fetched.filter(views), 'the views module, before an export').toEqual([]);
  const titles = await results(page).getByRole('link').allTextContents();
  expect(records(await exported(page, 'Articles (CSV)')).map((r) => r.title)).toEqual(titles);
  const json = JSON.parse((await exported(page, 'Articles (JSON)')).text);
  expect(json.map((r) => r.title)).toEqual(titles);
  expect(fetched.filter((f) => /^dossier-views.*\.wasm$/.test(f)), 'its wasm, once').toHaveLength(1);
});

test('Connections exports its pairs, and the sentences of the pair chosen', async ({ page }) => {
  await page.goto(`${BASE}?view=connections`);
  const cells = page.locator('table.matrix td.cell:not(.empty):not(.self)');
  await cells.first().waitFor();
  const pairs = new Map();
  for (const label of await cells.evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')))) {
    const [, a, b, n] = label.match(/^(.+) and (.+): (\d+) shared sentences?$/);
    pairs.set([a, b].sort().join(' × '), Number(n));
  }
  const got = JSON.parse((await exported(page, 'Pairs (JSON)')).text);
  expect(new Map(got.map((p) => [[p.entity_a, p.entity_b].sort().join(' × '), p.sentences]))).toEqual(pairs);
  expect(got.length).toBe(pairs.size);

  const cell = cells.first();
  await cell.click();
  await expect(page).toHaveURL(/pair=/);
  const quotes = await page.locator('ol.sentences blockquote').allTextContents();
  const sentences = records(await exported(page, 'Sentences (CSV)'));
  expect(sentences.map((s) => s.sentence)).toEqual(quotes);
  checkSourced(sentences);
  await page.goto(sentences[0].link);
  await expect(page.locator('#article-title')).toHaveText(sentences[0].title);
});

test('Export offers only what the view shows', async ({ page }) => {
  const menu = async () => {
    await page.getByText('Export', { exact: true }).click();
    const names = await page.locator('.export .menu button').allTextContents();
    await page.getByText('Export', { exact: true }).click();
    return names.map((n) => n.replace(/ \((CSV|JSON)\)$/, '')).filter((n, i, all) => all.indexOf(n) === i);
  };
  await page.goto(BASE);
  expect(await menu()).toEqual(['Articles', 'Entities']);
  await page.goto(`${BASE}?view=mentions`);
  expect(await menu()).toEqual(['Mentions', 'Articles', 'Entities']);
  // Connections and Timeline are loaded on demand: their tables are offered once drawn.
  await page.goto(`${BASE}?view=connections`);
  await page.locator('table.matrix').waitFor();
  expect(await menu()).toEqual(['Pairs', 'Articles', 'Entities']);
  await page.goto(`${BASE}?view=timeline`);
  await page.locator('svg.timeline').waitFor();
  expect(await menu()).toEqual(['Periods', 'Dates', 'Articles', 'Entities']);
});

test('the entity panel exports its entities in its order, narrowed by its search', async ({ page }) => {
  await page.goto(`${BASE}?sort=name`);
  await panel(page).getByRole('searchbox', { name: 'Find an entity' }).fill('ch');
  const rows = panel(page).locator('li.entity');
  await expect.poll(() => rows.count()).toBeGreaterThan(2);
  const shown = await rows.evaluateAll((li) => li.map((l) => l.getAttribute('data-entity')));
  expect(shown.length).toBeLessThan(12);
  const got = records(await exported(page, 'Entities (CSV)'));
  expect(got.map((r) => r.id)).toEqual(shown);
});

test('the timeline exports its periods and the dates it lists, each with a link back', async ({ page }) => {
  await page.goto(`${BASE}?view=timeline`);
  const bars = page.locator('svg.timeline g.bar-group');
  await bars.first().waitFor();
  const labels = await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  const periods = records(await exported(page, 'Periods (CSV)'));
  expect(periods).toHaveLength(labels.length);
  periods.forEach((p, i) => {
    expect(p.period).toMatch(/^\d{4}(-\d\d)?$/);
    expect(labels[i]).toContain(` ${p.mentions} mention`);
  });
  await page.goto(periods[0].link);
  await expect(page).toHaveURL(new RegExp(`when=${periods[0].period}`));
  await page.locator('.date-list mark').first().waitFor(); // the view is loaded on demand
  const listed = await page.locator('.date-list mark').allTextContents();
  expect(listed.length).toBeGreaterThan(0);
  const dates = records(await exported(page, 'Dates (CSV)'));
  expect(dates.map((d) => d.mention)).toEqual(listed);
  checkSourced(dates);
  // Each date listed overlaps the period chosen.
  const p = periods[0].period;
  const [start, end] = p.length === 4 ? [`${p}-01-01`, `${p}-12-31`] : [`${p}-01`, `${p}-31`];
  for (const d of dates) expect(d.from <= end && d.to >= start, `${d.mention}: ${d.from}..${d.to}`).toBe(true);
  await page.goto(dates[0].link);
  await expect(page.locator('#article-title')).toHaveText(dates[0].title);
});
