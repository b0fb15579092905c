// A sharded site read by the page (issue 24): the build's app with the page of a small
// corpus forced into shards (scripts/sharded-dist.py: `dossier page --shards always`, then
// the build's own step for a sharded page, scripts/shard-site.mjs), served in place of
// dist/. Runs only when DOSSIER_SHARDED names that corpus's folder:
//   DOSSIER_SHARDED=target/corpus-sharded DOSSIER_DIST=dist-sharded playwright test tests/e2e/sharded.spec.js
// Opening, the article list, another article, an entity, a search (words, a quoted
// phrase, an exclusion), the panel's search over all entities, entities required and
// excluded with a search; a corrupt shard and a missing one give a message with Reload or
// Retry, never wrong data; the export of what the filters keep, equal to `dossier
// extract`'s rows, and with a shard missing, no file.
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BASE } from '../../playwright.config.js';
import { exported } from './download.js';

const CORPUS = process.env.DOSSIER_SHARDED;

// Any uncaught error fails a test, and any console error but a failed fetch, which the
// fault tests cause on purpose.
const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
    await use(page);
    expect(errors, 'no errors in the console').toEqual([]);
  },
});
test.skip(!CORPUS, 'needs a sharded build (DOSSIER_SHARDED, DOSSIER_DIST)');
// The site's service worker (web/sw.js) would answer the page's fetches itself, out of
// reach of the fault tests' routes: it runs only in the tests of going offline.
test.use({ serviceWorkers: 'block' });

/** The corpus's files, in order (documents are in file-name order). */
const files = () => readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
/** A document's title: its first line. */
const title = (f) => readFileSync(join(CORPUS, f), 'utf8').split('\n')[0].trim();

const results = (page) => page.getByRole('region', { name: 'Articles' });
const reader = (page) => page.getByRole('region', { name: 'Article', exact: true });
const entities = (page) => page.getByRole('region', { name: 'Entities' });

/**
 * Row `i` (0: the first) of the results list, scrolled to: the list draws the rows in
 * view, so its pane (on a phone, the page) is scrolled a screen at a time towards the
 * row until it is drawn, then to it.
 */
async function scrollToRow(page, i) {
  await expect.poll(() => results(page).evaluate((pane, i) => {
    const rows = [...pane.querySelectorAll('.site-list li[aria-posinset]')];
    const at = (li) => Number(li.getAttribute('aria-posinset')) - 1;
    const row = rows.find((li) => at(li) === i);
    if (row) {
      row.scrollIntoView({ block: 'nearest' });
      return true;
    }
    const scroller = pane.scrollHeight > pane.clientHeight ? pane : document.scrollingElement;
    const step = 0.9 * Math.min(innerHeight, pane.clientHeight);
    scroller.scrollBy(0, rows.length && i < at(rows[0]) ? -step : step);
    return false;
  }, i), { timeout: 20_000, intervals: [50] }).toBe(true);
  return results(page).locator(`.site-list li[aria-posinset="${i + 1}"]`);
}

test('a sharded page opens: the first article at once, then the list, the legend and the top entities', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const [first] = files();
  await page.goto(`${BASE}?doc=${first}`);
  await expect(reader(page).locator('h1')).toHaveText(title(first));
  await expect(reader(page).locator('mark[data-label="PERSON"]').first()).toBeVisible();
  // What the first look does not need (the page carries its article) is asked for at low
  // priority: the reader's glue, wasm and stylesheet, the head, the list run, and the
  // article's shard, which the page asks for itself.
  const priorities = await page.locator('link[rel=preload], link[rel=modulepreload]').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('href').replace(/.*\//, '').replace(/-[0-9a-f]{16}\.txt$/, '')} ${l.fetchPriority}`));
  expect(priorities.sort()).toEqual(['d low', 'dossier-site.js low', 'dossier-site_bg.wasm low', 'h low', 'l low', 'site.css low', 'site.js auto']);
  // The list from its run, the rows in view drawn, the others as it scrolls.
  await expect(results(page).getByRole('heading', { name: `${files().length} articles` })).toBeVisible();
  await expect(results(page).locator('.site-list li').first()).toContainText(title(files()[0]));
  await expect(await scrollToRow(page, 99)).toContainText(title(files()[99]));
  // Label counts and each label's top entities from the head.
  await expect(page.locator('#site .legend-item[data-label="PERSON"] .legend-count')).toHaveText(/^\d[\d,]*$/);
  await expect(entities(page).getByRole('button', { name: 'Vladimir Putin', exact: true })).toBeVisible();
  // Same origin only; the first screen from the page, the head and one list run; the
  // article's shard after it, which makes the first look's marks open their entities.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  const shards = () => requests.filter((u) => u.includes('/shards/')).map((u) => u.split('/shards/')[1][0]).sort();
  expect(shards().filter((k) => k !== 'd')).toEqual(['h', 'l']);
  // The app is not started: neither its wasm nor its glue is fetched.
  expect(requests.filter((u) => /\/dossier-app-[^/]*$/.test(new URL(u).pathname))).toEqual([]);
  await expect(reader(page).locator('mark[data-entity]').first()).toBeVisible();
  expect(shards()).toEqual(['d', 'h', 'l']);
  await reader(page).locator('mark[data-label="PERSON"]').first().click();
  await expect(page).toHaveURL(/e=person-/);
});

test('opening another article fetches its document shard, with a loading state while it is slow', async ({ page }) => {
  const all = files();
  await page.goto(BASE);
  await expect(reader(page)).toContainText('Choose an article from the list.');
  // A slow network: the shard takes half a second.
  await page.route('**/shards/d-*', async (route) => {
    await new Promise((ok) => setTimeout(ok, 500));
    await route.continue();
  });
  const last = all[49];
  await (await scrollToRow(page, 49)).getByRole('link', { name: title(last) }).click();
  await expect(page).toHaveURL(new RegExp(`doc=${last}`));
  await expect(reader(page).getByRole('status')).toHaveText('Loading the article…');
  await expect(reader(page).locator('h1')).toHaveText(title(last));
  await expect(reader(page).locator('mark[data-label]').first()).toBeVisible();
  // Back in history: the first URL's pane again, no fetch.
  await page.goBack();
  await expect(reader(page)).toContainText('Choose an article from the list.');
  // A link to an article the site does not have says so, whichever shard it would be in.
  for (const name of ['00000.tx', 'zzz.txt', '00050.txt.bak']) {
    await page.goto(`${BASE}?doc=${name}`);
    await expect(reader(page)).toHaveText(`No article of this site is called ${name}.`);
  }
});

test('a deep link\'s article is drawn from its shard before the reader\'s glue and wasm load, and its shard fetched once', async ({ page }) => {
  const last = files().at(-1);
  const shards = [];
  page.on('request', (r) => r.url().includes('/shards/d-') && shards.push(r.url()));
  // The reader's glue and wasm held back until the article is on screen: the first look
  // waits for the page, boot.js, site.js and the shard only.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\/dossier-site(_bg\.wasm|\.js)$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${BASE}?doc=${last}`);
  await expect(page.locator('#first-look .reader h1')).toHaveText(title(last));
  await expect(page.locator('#first-look mark[data-label]').first()).toBeVisible();
  await expect(page.locator('#site')).toHaveCount(0);
  release();
  // The reader takes the article over, its marks now open entities, from the same fetch.
  await expect(reader(page).locator('h1')).toHaveText(title(last));
  await expect(reader(page).locator('mark[data-entity]').first()).toBeVisible();
  await expect(page.locator('#first-look')).toHaveCount(0);
  expect(shards).toHaveLength(1);
});

test('a deep link\'s shard is asked for by the page as it is parsed, before boot.js runs, under a CSP that allows that one inline script', async ({ page }) => {
  const last = files().at(-1);
  const shards = [];
  page.on('request', (r) => r.url().includes('/shards/d-') && shards.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // boot.js (which starts the reader) held back until the shard has been asked for: the
  // page must ask for it itself, or it never opens.
  let asked;
  const shard = new Promise((ok) => { asked = ok; });
  await page.route('**/shards/d-*', (route) => { asked(); return route.continue(); });
  await page.route(/\/boot\.js\?/, async (route) => { await shard; await route.continue(); });
  await page.goto(`${BASE}?doc=${last}`);
  await expect(reader(page).locator('h1')).toHaveText(title(last));
  await expect(reader(page).locator('mark[data-entity]').first()).toBeVisible();
  expect(shards).toHaveLength(1);
  // What its first look waits for, at high priority: boot.js (an async module, low by
  // default) and the shard.
  expect(await page.locator('script[src*="boot.js"]').evaluate((s) => s.fetchPriority)).toBe('high');
  expect(await page.locator('link[rel=preload][href*="/shards/d-"]').evaluate((l) => l.fetchPriority)).toBe('high');
  // The page's one inline script is allowed by its hash and by nothing broader.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const inline = await page.locator('script:not([src]):not([type="application/x-dossier"])').evaluateAll((ss) => ss.map((x) => x.textContent));
  expect(inline).toHaveLength(1);
  expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", `'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`]);
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(await page.evaluate(() => window.__csp), 'CSP violations').toEqual([]);
});

test('the first look waits for no script fetched: the page\'s own article and a deep link\'s are drawn while boot.js is held back', async ({ page }) => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\/boot\.js\?/, async (route) => {
    await held;
    await route.continue().catch(() => {}); // the first page's, gone by then
  });
  for (const doc of [files()[0], files().at(-1)]) {
    await page.goto(`${BASE}?doc=${doc}`, { waitUntil: 'commit' });
    await expect(page.locator('#first-look .reader h1')).toHaveText(title(doc));
    await expect(page.locator('#first-look mark[data-label]').first()).toBeVisible();
    await expect(page.locator('#site')).toHaveCount(0);
  }
  release();
  await expect(reader(page).locator('h1')).toHaveText(title(files().at(-1)));
  await expect(reader(page).locator('mark[data-entity]').first()).toBeVisible();
});

test.describe('after a visit', () => {
  test.use({ serviceWorkers: 'allow' });

  test('offline, the views seen work from what the service worker kept; an article never fetched cannot be fetched, with Retry', async ({ page, context }) => {
    const [first, unseen] = [files()[0], files().at(-1)];
    await page.goto(`${BASE}?doc=${first}`);
    await expect(reader(page).locator('mark[data-entity]').first()).toBeVisible();
    const person = entities(page).getByRole('button', { name: 'Vladimir Putin', exact: true });
    await person.click();
    await expect(page).toHaveURL(/e=person-/);
    const entityUrl = page.url();
    const shown = async () => {
      await expect(entities(page).locator('.site-entity')).toBeVisible();
      await expect(results(page).locator('.site-heading')).toContainText('naming Vladimir Putin');
      await expect(results(page).locator('.site-list li').first()).toBeVisible();
    };
    await shown();
    // The entity's view opened by its link too (that needs its name-index fragment, the
    // panel's click did not); everything the page fetched is kept once the worker runs.
    await page.reload();
    await shown();
    await expect.poll(() => page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return ['no worker yet'];
      const urls = [location.pathname, ...performance.getEntriesByType('resource').map((r) => r.name).filter((u) => u.startsWith(location.origin))];
      const missing = [];
      for (const u of urls) if (!(await caches.match(u))) missing.push(u);
      return missing;
    }), { timeout: 20_000 }).toEqual([]);
    await context.setOffline(true);
    await page.goto(`${BASE}?doc=${first}`);
    await expect(reader(page).locator('h1')).toHaveText(title(first));
    await expect(reader(page).locator('mark[data-entity]').first()).toBeVisible();
    await page.goto(entityUrl);
    await shown();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // An article whose shard was never fetched: a message and Retry, which works online.
    await page.goto(`${BASE}?doc=${unseen}`);
    const alert = reader(page).getByRole('alert');
    await expect(alert).toContainText('The article cannot be fetched');
    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(reader(page).locator('h1')).toHaveText(title(unseen));
  });
});

test('a link to no article of the site preloads no shard and says so', async ({ page }) => {
  const shards = [];
  page.on('request', (r) => r.url().includes('/shards/d-') && shards.push(r.url()));
  await page.goto(`${BASE}?doc=${encodeURIComponent('!before-every-file.txt')}`);
  await expect(reader(page)).toContainText('No article of this site is called !before-every-file.txt.');
  expect(shards).toEqual([]);
});

test('a cached click or search rewrites the list in place: the same row items, showing what a list drawn anew shows', async ({ page }) => {
  const open = files()[3];
  await page.goto(`${BASE}?doc=${open}`);
  const panel = entities(page);
  const name = (n) => panel.getByRole('button', { name: n, exact: true });
  const heading = (n) => results(page).getByRole('heading', { name: new RegExp(`^[\\d,]+ articles?${n}$`) });
  const rows = (p) => results(p).locator('.site-list li').evaluateAll((lis) => lis.map((li) => {
    const a = li.querySelector('a');
    return [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize'), a.getAttribute('href'), a.dataset.set, a.dataset.file, a.dataset.doc, a.textContent, a.getAttribute('aria-current')];
  }));
  const mark = () => results(page).evaluate((p) => { window.__row = p.querySelector('.site-list li'); });
  const kept = () => results(page).evaluate((p) => p.querySelector('.site-list li') === window.__row);
  // Each selection once (its files fetched), then again from what was kept.
  await name('Vladimir Putin').click();
  await expect(heading(' naming Vladimir Putin')).toBeVisible();
  await page.locator('.site-search input').fill('sanctions');
  await page.locator('.site-search input').press('Enter');
  await expect(heading(' with “sanctions” naming Vladimir Putin')).toBeVisible();
  for (const [step, words] of [
    [() => page.getByRole('link', { name: 'Remove filter: search: sanctions' }).click(), ' naming Vladimir Putin'],
    [() => name('Vladimir Putin').click(), ''],
    [() => name('Vladimir Putin').click(), ' naming Vladimir Putin'],
    [async () => { await page.locator('.site-search input').fill('sanctions'); await page.locator('.site-search input').press('Enter'); }, ' with “sanctions” naming Vladimir Putin'],
  ]) {
    await mark();
    await step();
    await expect(heading(words)).toBeVisible();
    expect(await kept(), `the list's rows kept for${words || ' every article'}`).toBe(true);
    const inPlace = await rows(page);
    // The same view drawn anew, by another page opened on its link.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(results(other).getByRole('heading', { name: await results(page).locator('.site-heading').textContent() })).toBeVisible();
    await expect(results(other).locator('.site-list li').first()).toBeVisible();
    const drawn = await rows(other);
    await other.close();
    const n = Math.min(inPlace.length, drawn.length);
    expect(n).toBeGreaterThan(3);
    expect(inPlace.slice(0, n)).toEqual(drawn.slice(0, n));
  }
});

test('an entity shows its articles and its mentions, from the panel or a mark in the article', async ({ page }) => {
  await page.goto(BASE);
  await entities(page).getByRole('button', { name: 'Vladimir Putin', exact: true }).click();
  await expect(page).toHaveURL(/e=person-vladimir-putin/);
  const heading = results(page).getByRole('heading', { name: /^\d+ articles? naming Vladimir Putin$/ });
  await expect(heading).toBeVisible();
  const n = Number((await heading.textContent()).split(' ')[0]);
  // Every article that names Putin, and only those, by the corpus's own text.
  const naming = files().filter((f) => /\bPutin\b/.test(readFileSync(join(CORPUS, f), 'utf8')));
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(naming.length);
  const card = entities(page).getByRole('region', { name: 'Vladimir Putin' });
  await expect(card.locator('.meta')).toHaveText(/^person · [\d,]+ mentions in \d+ articles$/);
  await expect(card.locator('.site-mentions li').first()).toBeVisible();
  await expect(card.locator('.site-mentions mark').first()).toHaveText(/Putin/);
  // A mark in an article opens its entity.
  await results(page).locator('.site-list a').first().click();
  await reader(page).locator('mark[data-label="GPE"]').first().click();
  await expect(page).toHaveURL(/e=gpe-/);
  // By keyboard too: a mark is a Tab stop, Enter opens its entity.
  await reader(page).locator('mark[data-label="NORP"]').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/e=norp-/);
  await expect(results(page).getByRole('heading', { name: /articles? naming/ })).toBeVisible();
  // A link to an entity the head does not list is found by its id (the name index).
  await page.goto(`${BASE}?e=person-vladimir-putin`);
  await expect(heading).toHaveText(`${n} ${n === 1 ? 'article' : 'articles'} naming Vladimir Putin`);
});

test('once fetched, entities required and lifted again fetch no file: the rows from the kept list runs, a card shown again from what it kept', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => r.url().includes('/shards/') && fetched.push(r.url()));
  await page.goto(BASE);
  const panel = entities(page);
  const name = (n) => panel.getByRole('button', { name: n, exact: true });
  const card = (n) => panel.getByRole('region', { name: n }).locator('.site-mentions li').first();
  const heading = (n) => results(page).getByRole('heading', { name: new RegExp(`^\\d+ articles? naming ${n}$`) });
  await name('Vladimir Putin').click();
  await expect(card('Vladimir Putin')).toBeVisible();
  await name('Xi Jinping').click();
  await expect(card('Xi Jinping')).toBeVisible();
  await expect(results(page).locator('.site-list li').first()).toBeVisible();
  const before = fetched.length;
  // Putin lifted: a selection not shown before (Xi Jinping alone).
  await name('Vladimir Putin').click();
  await expect(heading('Xi Jinping')).toBeVisible();
  // Xi Jinping lifted, Putin required again: his card drawn again.
  await name('Xi Jinping').click();
  await expect(results(page).getByRole('heading', { name: /^[\d,]+ articles$/ })).toBeVisible();
  await name('Vladimir Putin').click();
  await expect(heading('Vladimir Putin')).toBeVisible();
  await expect(card('Vladimir Putin')).toBeVisible();
  expect(fetched.slice(before)).toEqual([]);
});

test('a search finds the articles holding every word, from the search index fragments', async ({ page }) => {
  await page.goto(BASE);
  await page.getByRole('searchbox', { name: 'Search the articles' }).fill('Blinken Ukraine');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=Blinken\+Ukraine/);
  const both = files().filter((f) => {
    const t = readFileSync(join(CORPUS, f), 'utf8');
    return /\bBlinken\b/i.test(t) && /\bUkraine\b/i.test(t);
  });
  expect(both.length).toBeGreaterThan(0);
  await expect(results(page).getByRole('heading', { name: `${both.length} articles with “Blinken Ukraine”` })).toBeVisible();
  await expect(results(page).locator('.site-list li').first()).toContainText(title(both[0]));
  // A word no article holds finds none, even one an object's prototype knows.
  for (const word of ['constructor', 'zzyzx']) {
    await page.goto(`${BASE}?q=${word}`);
    await expect(results(page).getByRole('heading', { name: `0 articles with “${word}”` })).toBeVisible();
  }
});

/** The files whose text holds `words` one after the other in one paragraph, as the index reads words. */
const holding = (words) => {
  const re = new RegExp(`\\b${words.join('[^\\p{L}\\p{N}\\n]+')}\\b`, 'iu');
  return files().filter((f) => re.test(readFileSync(join(CORPUS, f), 'utf8')));
};
/** Searches `q` by its URL and expects `n` articles, the first one `first`'s title. */
async function searchFor(page, q, n, first) {
  await page.goto(`${BASE}?q=${encodeURIComponent(q)}`);
  await expect(results(page).getByRole('heading', { name: `${n} article${n === 1 ? '' : 's'} with “${q}”`, exact: true })).toBeVisible();
  if (first) await expect(results(page).locator('.site-list li').first()).toContainText(title(first));
}

test('a quoted phrase finds its words one after the other, from the positions the fragments carry', async ({ page }) => {
  const both = files().filter((f) => holding(['defense']).includes(f) && holding(['minister']).includes(f));
  const phrase = holding(['defense', 'minister']);
  // Articles hold both words apart that do not hold the phrase: positions decide.
  expect(phrase.length).toBeGreaterThan(0);
  expect(phrase.length).toBeLessThan(both.length);
  await searchFor(page, 'defense minister', both.length, both[0]);
  await searchFor(page, '"defense minister"', phrase.length, phrase[0]);
  // A quoted stop word is looked for; here every article holds the words, fewer the phrase.
  const rc = holding(['russia', 'and', 'china']);
  expect(rc.length).toBeLessThan(files().length);
  await searchFor(page, '"Russia and China"', rc.length, rc[0]);
});

test('an excluded word or phrase leaves out the articles that hold it, alone or after other words', async ({ page }) => {
  const gas = new Set(holding(['natural', 'gas']));
  const blinken = holding(['blinken']).filter((f) => !gas.has(f));
  expect(blinken.length).toBeGreaterThan(0);
  expect(blinken.length).toBeLessThan(holding(['blinken']).length);
  await searchFor(page, 'Blinken -"natural gas"', blinken.length, blinken[0]);
  // Alone, an exclusion keeps every other article.
  const ukraine = new Set(holding(['ukraine']));
  const without = files().filter((f) => !ukraine.has(f));
  await searchFor(page, '-Ukraine', without.length, without[0]);
  await searchFor(page, 'Blinken -blinken', 0);
});

test('a corrupt shard says the page is from another version, with Reload; never other text', async ({ page }) => {
  const doc = files()[1];
  // Not even for a moment in the first look, which web/boot.js draws from the shard
  // before the reader's wasm runs (held back here until the shard has been served).
  await page.addInitScript(() => {
    new MutationObserver(() => { window.looked ||= !!document.getElementById('first-look'); }).observe(document, { childList: true, subtree: true });
  });
  let served;
  const shard = new Promise((ok) => { served = ok; });
  await page.route('**/dossier-site_bg.wasm', async (route) => {
    await shard;
    await new Promise((ok) => setTimeout(ok, 500));
    await route.continue();
  });
  await page.route('**/shards/d-*', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 2] ^= 1; // one bit changed: same length, another address
    await route.fulfill({ response, body });
    served();
  });
  await page.goto(`${BASE}?doc=${doc}`);
  const alert = reader(page).getByRole('alert');
  await expect(alert).toContainText('This page is from another version of the site');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(reader(page).locator('article')).toHaveCount(0);
  expect(await page.evaluate(() => window.looked === true)).toBe(false);
  // A truncated one, the same.
  await page.unroute('**/shards/d-*');
  await page.route('**/shards/d-*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: Buffer.from(await response.body()).subarray(0, 100) });
  });
  await page.goto(`${BASE}?doc=${files()[2]}`);
  await expect(reader(page).getByRole('alert')).toContainText('has 100 bytes instead of');
  expect(await page.evaluate(() => window.looked === true)).toBe(false);
});

test('a missing shard says it cannot be fetched, and Retry fetches it again', async ({ page }) => {
  const doc = files()[3];
  await page.route('**/shards/d-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${BASE}?doc=${doc}`);
  const alert = reader(page).getByRole('alert');
  await expect(alert).toContainText('The article cannot be fetched');
  await expect(alert).toContainText('is missing');
  // The list still works: one pane's fault is its own.
  await expect(results(page).locator('.site-list li').first()).toContainText(title(files()[0]));
  await page.unroute('**/shards/d-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(reader(page).locator('h1')).toHaveText(title(doc));
});

for (const [colorScheme, view] of [['light', ''], ['dark', ''], ['light', '&view=timeline'], ['dark', '&view=connections'], ['dark', '&view=quotes'], ['light', '&view=compare&v-a=q%3D&v-b=q%3Dsanctions']]) test(`the sharded reader has no WCAG 2.1 A or AA violation (axe), an article and an entity open${view.replace(/&v-.*/, '').replace('&view=', ', ')}, ${colorScheme}`, async ({ page }) => {
  await page.emulateMedia({ colorScheme });
  await page.goto(`${BASE}?doc=${files()[5]}&e=person-vladimir-putin${view}`);
  await expect(entities(page).locator('.site-mentions li').first()).toBeVisible();
  await expect(reader(page).locator('mark[data-entity]').first()).toBeVisible();
  if (view) await expect(results(page).locator(view.includes('quotes') ? '.site-quotes li' : 'table tbody tr').first()).toBeVisible();
  // Evaluated through the debugging protocol, so the page's CSP does not apply to it.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
  });
  expect(found).toEqual([]);
});

test('on a phone the pane a link is about comes first: the article, else the entity', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const top = (pane) => pane.evaluate((e) => e.getBoundingClientRect().top);
  await page.goto(`${BASE}?doc=${files()[7]}`);
  await expect(reader(page).locator('h1')).toHaveText(title(files()[7]));
  await expect(results(page).locator('.site-list li').first()).toBeVisible();
  expect(await top(reader(page))).toBeLessThan(await top(results(page)));
  // The page scrolls, not the pane: the list's rows follow it to its end.
  const last = await scrollToRow(page, files().length - 1);
  await expect(last).toContainText(title(files().at(-1)));
  await expect(last).toBeInViewport();
  await page.goto(`${BASE}?e=person-vladimir-putin`);
  await expect(entities(page).getByRole('region', { name: 'Vladimir Putin' })).toBeVisible();
  expect(await top(entities(page))).toBeLessThan(await top(results(page)));
});

test('a missing head leaves the list and the article working; Retry brings the legend and the entities', async ({ page }) => {
  await page.route('**/shards/h-*', (route) => route.abort());
  await page.goto(`${BASE}?doc=${files()[0]}`);
  const alert = entities(page).getByRole('alert');
  await expect(alert).toContainText('The entities cannot be fetched');
  await expect(results(page).locator('.site-list li').first()).toContainText(title(files()[0]));
  await expect(reader(page).locator('h1')).toHaveText(title(files()[0]));
  await expect(page.locator('#site .legend')).toHaveCount(0);
  await page.unroute('**/shards/h-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(entities(page).getByRole('button', { name: 'Vladimir Putin', exact: true })).toBeVisible();
  await expect(page.locator('#site .legend-item[data-label="PERSON"]')).toBeVisible();
});

test('the list draws the rows in view, whatever the corpus: scrolling brings the others and lets those scrolled past go', async ({ page }) => {
  const all = files();
  expect(all.length).toBeGreaterThan(100);
  await page.goto(BASE);
  const rows = results(page).locator('.site-list li');
  await expect(rows.first()).toContainText(title(all[0]));
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(all.length));
  // A screenful drawn, and the screen full: the last row drawn reaches the pane's bottom.
  const bottom = (l) => l.evaluate((e) => e.getBoundingClientRect().bottom);
  await expect.poll(async () => (await bottom(rows.last())) - (await bottom(results(page)))).toBeGreaterThanOrEqual(0);
  const drawn = await rows.count();
  expect(drawn).toBeLessThan(all.length / 2);
  // Scrolled to its end: the last rows drawn in view, the first let go, a few screens at most.
  const last = await scrollToRow(page, all.length - 1);
  await expect(last).toContainText(title(all.at(-1)));
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', String(all.length));
  await expect(results(page).locator('.site-list li[aria-posinset="1"]')).toHaveCount(0);
  expect(await rows.count()).toBeLessThanOrEqual(4 * drawn);
  // Dragged to the middle (a jump, past every row drawn): the rows there, in view.
  await results(page).evaluate((pane) => { pane.scrollTop = (pane.scrollHeight - pane.clientHeight) / 2; });
  const middle = results(page).locator(`.site-list li[aria-posinset="${all.length / 2}"]`);
  await expect(middle).toContainText(title(all[all.length / 2 - 1]));
  const shown = await rows.evaluateAll((ls) => ls.filter((l) => {
    const r = l.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && l.closest('.pane').getBoundingClientRect().bottom > r.top;
  }).length);
  expect(shown).toBeGreaterThan(3);
  // Back to its top: the first rows again.
  await expect(await scrollToRow(page, 0)).toContainText(title(all[0]));
  await expect(rows.first()).toBeInViewport();
});

test('Tab and j reach every row of the list, drawn as the focus moves', async ({ page }) => {
  const all = files();
  await page.goto(BASE);
  const focused = page.locator('.site-list a:focus');
  await results(page).locator('.site-list a').first().focus();
  for (let i = 1; i < all.length; i++) {
    await page.keyboard.press('Tab');
    await expect(focused).toHaveAttribute('data-file', all[i]);
  }
  await expect(focused).toBeInViewport();
  // j from the first row to the last, the open article's row marked and focused.
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(new RegExp(`doc=${all[0]}`));
  for (let i = 1; i < all.length; i++) {
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`doc=${all[i]}`));
  }
  await expect(results(page).locator('.site-list a[aria-current="page"]')).toHaveAttribute('data-file', all.at(-1));
  await expect(focused).toHaveAttribute('data-file', all.at(-1));
  await expect(focused).toBeInViewport();
});

test('keys: / focuses the search, j and k (or the arrows) open the next and previous article, Home and End the list\'s ends, Esc clears', async ({ page }) => {
  const all = files();
  await page.goto(BASE);
  await expect(results(page).locator('.site-list li').first()).toContainText(title(all[0]));
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search the articles' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`doc=${all[0]}`));
  await expect(reader(page).locator('h1')).toHaveText(title(all[0]));
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(new RegExp(`doc=${all[1]}`));
  const current = results(page).locator('.site-list a[aria-current="page"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(title(all[1]));
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`doc=${all[0]}`));
  // In the list, End and Home go to its ends, drawing the last rows' page, the focus with them.
  await current.focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(new RegExp(`doc=${all[all.length - 1]}`));
  await expect(current).toContainText(title(all[all.length - 1]));
  await expect(current).toBeFocused();
  await expect(reader(page).locator('h1')).toHaveText(title(all[all.length - 1]));
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(new RegExp(`doc=${all[all.length - 2]}`));
  await expect(current).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(new RegExp(`doc=${all[0]}`));
  await expect(current).toBeFocused();
  await expect(results(page).locator('.site-list li').first()).toContainText(title(all[0]));
  // Through an entity's articles: the next one naming it; Esc lifts the entity.
  await page.goto(`${BASE}?e=person-vladimir-putin&doc=${all[0]}`);
  await expect(results(page).getByRole('heading', { name: /naming Vladimir Putin$/ })).toBeVisible();
  const second = await results(page).locator('.site-list a').nth(1).getAttribute('data-file');
  const first = await results(page).locator('.site-list a').first().getAttribute('data-file');
  await page.locator('body').press('j');
  await expect(page).toHaveURL(new RegExp(`doc=${first === all[0] ? second : first}`));
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/e=/);
  await expect(results(page).getByRole('heading', { name: `${all.length} articles` })).toBeVisible();
});

test('a prefix finds the articles holding any word that starts with it, alone, with other words or excluded', async ({ page }) => {
  /** The files holding a word starting with `p`, as the index reads words. */
  const starting = (p) => files().filter((f) => new RegExp(`(?<![\\p{L}\\p{N}])${p}`, 'iu').test(readFileSync(join(CORPUS, f), 'utf8')));
  const sanction = starting('sanction');
  // More articles than hold the word itself: "sanctions", "sanctioned" count too.
  expect(sanction.length).toBeGreaterThan(holding(['sanction']).length);
  await searchFor(page, 'sanction*', sanction.length, sanction[0]);
  const putin = new Set(holding(['putin']));
  const both = sanction.filter((f) => putin.has(f));
  expect(both.length).toBeLessThan(sanction.length);
  await searchFor(page, 'Putin sanction*', both.length, both[0]);
  const without = files().filter((f) => !sanction.includes(f));
  await searchFor(page, '-sanction*', without.length, without[0]);
  await searchFor(page, 'zzyzx*', 0);
});

let mentions;
/** The corpus's mentions as `dossier extract` gives them for the folder (the site's analysis is the build's). */
const extracted = () => (mentions ??= execFileSync('cargo', ['run', '--release', '--locked', '-q', '-p', 'dossier-cli', '--', 'extract', CORPUS, '--format', 'jsonl'],
  { encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n').map((l) => JSON.parse(l)));

test('the panel\'s search reaches any entity by the start of a word of its names, by keyboard too', async ({ page }) => {
  await page.goto(BASE);
  const panel = entities(page);
  await expect(panel.getByRole('button', { name: 'Vladimir Putin', exact: true })).toBeVisible();
  const shown = await panel.locator('.site-group .site-entity-link').allTextContents();
  // A person the top lists do not show, found by the start of a word of its name.
  const find = panel.getByRole('searchbox', { name: 'Find an entity' });
  await find.fill('lindq');
  const found = panel.getByRole('list', { name: 'Entities found' });
  await expect(panel.getByRole('status')).toHaveText(/^\d+ entit(y|ies) found/);
  const names = await found.locator('.site-entity-link').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toMatch(/\bLindq/i);
  expect(names.some((n) => !shown.includes(n))).toBe(true);
  // The top lists are hidden while the box holds a name, and back once it is empty.
  await expect(panel.locator('.site-group').first()).toBeHidden();
  // Every word typed must start a word of the name.
  await find.fill('vlad put');
  await expect(found.locator('.site-entity-link')).toHaveText(['Vladimir Putin']);
  await find.fill('zzyzx');
  await expect(panel.getByRole('status')).toHaveText('No entity’s name has a word starting with “zzyzx”.');
  await find.fill('');
  await expect(panel.locator('.site-group').first()).toBeVisible();
  // By keyboard: ↓ to the first found, Enter requires it (its id in the URL, its articles listed).
  await find.fill(names[0].split(' ').at(-1).slice(0, 5));
  await expect(found.locator('.site-entity-link').first()).toBeVisible();
  await find.press('ArrowDown');
  const first = found.locator('.site-entity-link').first();
  await expect(first).toBeFocused();
  const name = await first.textContent();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]e=person-/);
  await expect(results(page).getByRole('heading', { name: new RegExp(`^\\d+ articles? naming ${name}$`) })).toBeVisible();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  // ↑ from the first goes back to the box; Enter there presses the first found, again: lifted.
  await page.keyboard.press('ArrowUp');
  await expect(find).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/[?&]e=/);
  await expect(first).toHaveAttribute('aria-pressed', 'false');
});

test('a name-index fragment that cannot be fetched says so in the panel, and Retry finds the entities', async ({ page }) => {
  await page.route('**/shards/x-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(BASE);
  const panel = entities(page);
  await panel.getByRole('searchbox', { name: 'Find an entity' }).fill('putin');
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('The entities found cannot be fetched');
  await expect(panel.getByRole('list', { name: 'Entities found' })).toHaveCount(0);
  await page.unroute('**/shards/x-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.getByRole('list', { name: 'Entities found' }).locator('.site-entity-link')).toHaveText(['Vladimir Putin']);
});

test('entities as filters: articles naming all of the required ones and none of the excluded, with the search; chips remove them', async ({ page }) => {
  const text = (f) => readFileSync(join(CORPUS, f), 'utf8');
  // The documents of each entity, from the corpus's own analysis.
  const docsOf = (label, name) => new Set(extracted().filter((m) => m.label === label && m.canonical === name).map((m) => m.doc));
  const putin = docsOf('PERSON', 'Vladimir Putin');
  const xi = docsOf('PERSON', 'Xi Jinping');
  const iran = docsOf('GPE', 'Iran');
  const all = files();
  const both = all.filter((f) => putin.has(f) && xi.has(f));
  const bothNotIran = both.filter((f) => !iran.has(f));
  expect(both.length).toBeGreaterThan(bothNotIran.length);
  expect(bothNotIran.length).toBeGreaterThan(0);
  await page.goto(BASE);
  const panel = entities(page);
  await panel.getByRole('button', { name: 'Vladimir Putin', exact: true }).click();
  await expect(results(page).getByRole('heading', { name: `${putin.size} articles naming Vladimir Putin` })).toBeVisible();
  await panel.getByRole('button', { name: 'Xi Jinping', exact: true }).click();
  await expect(page).toHaveURL(/e=person-vladimir-putin,person-xi-jinping/);
  await expect(results(page).getByRole('heading', { name: `${both.length} articles naming Vladimir Putin and Xi Jinping` })).toBeVisible();
  await panel.getByRole('button', { name: 'Exclude Iran' }).click();
  await expect(page).toHaveURL(/x=gpe-iran/);
  const heading = results(page).getByRole('heading', { name: `${bothNotIran.length} ${bothNotIran.length === 1 ? 'article' : 'articles'} naming Vladimir Putin and Xi Jinping, not naming Iran` });
  await expect(heading).toBeVisible();
  await expect(results(page).locator('.site-list li').first()).toContainText(title(bothNotIran[0]));
  await expect(panel.getByRole('button', { name: 'Exclude Iran' })).toHaveAttribute('aria-pressed', 'true');
  // With a search: the articles of the filter that hold the word too.
  const word = bothNotIran.filter((f) => /\bsanctions\b/i.test(text(f)));
  await page.getByRole('searchbox', { name: 'Search the articles' }).fill('sanctions');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(results(page).getByRole('heading', { name: `${word.length} ${word.length === 1 ? 'article' : 'articles'} with “sanctions” naming Vladimir Putin and Xi Jinping, not naming Iran` })).toBeVisible();
  // The URL is the state: reloaded, the same view; the chips remove one filter each.
  await page.reload();
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('listitem')).toHaveText(['search: sanctions×', 'with Vladimir Putin×', 'with Xi Jinping×', 'without Iran×']);
  await chips.getByRole('link', { name: 'Remove filter: search: sanctions' }).click();
  await expect(heading).toBeVisible();
  await chips.getByRole('link', { name: 'Remove filter: with Xi Jinping' }).click();
  const putinNotIran = all.filter((f) => putin.has(f) && !iran.has(f));
  await expect(results(page).getByRole('heading', { name: `${putinNotIran.length} articles naming Vladimir Putin, not naming Iran` })).toBeVisible();
  // Pressed again, a required entity is lifted; excluding a required one moves it.
  await panel.getByRole('button', { name: 'Exclude Vladimir Putin' }).click();
  await expect(page).toHaveURL(/x=gpe-iran,person-vladimir-putin/);
  await expect(page).not.toHaveURL(/e=/);
  const neither = all.filter((f) => !putin.has(f) && !iran.has(f));
  await expect(results(page).getByRole('heading', { name: `${neither.length} articles not naming Iran or Vladimir Putin` })).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(results(page).getByRole('heading', { name: `${all.length} articles` })).toBeVisible();
  await expect(chips).toHaveCount(0);
  // A link with an unknown entity says so.
  await page.goto(`${BASE}?e=person-nobody`);
  await expect(results(page)).toContainText('No entity of this site has the id person-nobody.');
});

/** The timeline's rows as [period, articles] (the whole corpus's column), from its table. */
const timelineRows = async (page) => (await results(page).locator('table.site-timeline tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th').textContent, Number(r.querySelector('td:nth-last-child(3)').textContent.replace(/,/g, ''))])));

test('the timeline: dates by period from the head, a period chosen by click or keyboard filters the list, the URL keeps it', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(BASE);
  await expect(results(page).locator('.site-list li').first()).toContainText(title(files()[0]));
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page).toHaveURL(/view=timeline/);
  const table = results(page).getByRole('table', { name: /^Dates mentioned in the articles, by (month|year)/ });
  await expect(table).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  // Drawn from the head alone: no period file until a period is chosen.
  expect(requests.filter((u) => u.includes('/shards/c-'))).toEqual([]);
  const rows = await timelineRows(page);
  expect(rows.length).toBeGreaterThan(1);
  // The period with the most articles: its link filters the list to as many as the head counts.
  const [name, n] = rows.reduce((a, b) => (b[1] > a[1] ? b : a));
  await table.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(/when=\d{4}/);
  const heading = results(page).getByRole('heading', { name: `${n} ${n === 1 ? 'article' : 'articles'} mentioning a date in ${name}` });
  await expect(heading).toBeVisible();
  await expect(table.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'true');
  expect(requests.filter((u) => u.includes('/shards/c-')).length).toBeGreaterThan(0);
  // The URL is the state: reloaded, the same view; the chip lifts the period.
  await page.reload();
  await expect(heading).toBeVisible();
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('listitem')).toHaveText([`a date in ${name}×`]);
  // By keyboard: a period's link is a Tab stop; Enter on the chosen one lifts it.
  await table.getByRole('link', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/when=/);
  await expect(results(page).getByRole('heading', { name: `${files().length} articles` })).toBeVisible();
  // In the article view too, with the other filters: the period's articles naming Putin.
  await page.goto(`${BASE}?view=timeline&e=person-vladimir-putin`);
  await expect(table.getByRole('columnheader', { name: 'Kept' })).toBeVisible();
  const kept = await results(page).locator('table.site-timeline tbody tr').evaluateAll((rs) => rs.map((r) => [r.querySelector('th').textContent, Number(r.querySelector('td').textContent.replace(/,/g, ''))]));
  const [p, k] = kept.reduce((a, b) => (b[1] > a[1] ? b : a));
  expect(k).toBeGreaterThan(0);
  await table.getByRole('link', { name: p, exact: true }).click();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Articles' }).click();
  await expect(page).not.toHaveURL(/view=/);
  await expect(results(page).getByRole('heading', { name: `${k} ${k === 1 ? 'article' : 'articles'} naming Vladimir Putin, mentioning a date in ${p}` })).toBeVisible();
  // A malformed period is dropped, as the app drops it.
  await page.goto(`${BASE}?when=2024-13`);
  await expect(results(page).getByRole('heading', { name: `${files().length} articles` })).toBeVisible();
});

test('a period file that cannot be fetched says so, and Retry filters the list', async ({ page }) => {
  await page.goto(`${BASE}?view=timeline`);
  const table = results(page).locator('table.site-timeline');
  await expect(table).toBeVisible();
  const [[name, n]] = await timelineRows(page);
  await page.route('**/shards/c-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await table.getByRole('link', { name, exact: true }).click();
  const alert = results(page).getByRole('alert');
  await expect(alert).toContainText('The timeline cannot be fetched');
  await expect(alert).toContainText('is missing');
  await page.unroute('**/shards/c-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(results(page).getByRole('heading', { name: `${n} ${n === 1 ? 'article' : 'articles'} mentioning a date in ${name}` })).toBeVisible();
});

test('connections: the entities named in most of an entity\'s articles, as many as the corpus says, each a way on', async ({ page }) => {
  // The documents of each entity, from the corpus's own analysis.
  const docsOf = (label, name) => new Set(extracted().filter((m) => m.label === label && m.canonical === name).map((m) => m.doc));
  const putin = docsOf('PERSON', 'Vladimir Putin');
  await page.goto(`${BASE}?view=connections`);
  await expect(results(page)).toContainText('Choose an entity');
  // Opened from the entity's card.
  await page.goto(`${BASE}?e=person-vladimir-putin`);
  await entities(page).getByRole('region', { name: 'Vladimir Putin' }).getByRole('link', { name: 'Connections' }).click();
  await expect(page).toHaveURL(/view=connections/);
  const table = results(page).getByRole('table', { name: `The entities named in most of the ${putin.size} articles naming Vladimir Putin` });
  await expect(table).toBeVisible();
  const rows = await table.locator('tbody tr').evaluateAll((rs) => rs.map((r) => [r.querySelector('th a').textContent, r.querySelector('th a').dataset.label, Number(r.querySelector('td:last-child').textContent.split(' ')[0])]));
  expect(rows.length).toBeGreaterThan(3);
  expect(rows.every((r, i) => i === 0 || rows[i - 1][2] >= r[2])).toBe(true);
  // Each partner's shared articles, by the corpus's own analysis.
  for (const [name, label, shared] of rows) {
    const other = docsOf(label, name);
    expect(shared, name).toBe([...putin].filter((d) => other.has(d)).length);
  }
  const [name, , shared] = rows[0];
  // The count is the list of the articles naming both.
  await table.getByRole('link', { name: `${shared} articles naming Vladimir Putin and ${name}` }).click();
  await expect(page).not.toHaveURL(/view=/);
  await expect(results(page).getByRole('heading', { name: `${shared} articles naming Vladimir Putin and ${name}` })).toBeVisible();
  // The name, its own connections.
  await page.goBack();
  await table.getByRole('link', { name, exact: true }).click();
  await expect(results(page).getByRole('heading', { name: `Connections of ${name}` })).toBeVisible();
  await expect(page).not.toHaveURL(/person-vladimir-putin/);
});

test('connections whose entity shard cannot be fetched say so, and Retry draws them', async ({ page }) => {
  await page.route('**/shards/e-*', (route) => route.abort());
  await page.goto(`${BASE}?view=connections&e=person-vladimir-putin`);
  const alert = results(page).getByRole('alert');
  await expect(alert).toContainText('The connections cannot be fetched');
  await page.unroute('**/shards/e-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(results(page).getByRole('heading', { name: 'Connections of Vladimir Putin' })).toBeVisible();
});

let mentionsCsv;
/** The corpus's mentions as `dossier extract --format csv` gives them: the header, then one line a mention (no field of the corpus's holds a line break). */
const extractedCsv = () => (mentionsCsv ??= execFileSync('cargo', ['run', '--release', '--locked', '-q', '-p', 'dossier-cli', '--', 'extract', CORPUS, '--format', 'csv'],
  { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\r\n').filter(Boolean));

test('Export writes the mentions of the articles the filters keep, shard by shard with progress: dossier extract\'s rows of those articles, in CSV and JSON', async ({ page }) => {
  // The articles naming Putin but not Iran, by the corpus's own analysis.
  const docsOf = (label, name) => new Set(extracted().filter((m) => m.label === label && m.canonical === name).map((m) => m.doc));
  const putin = docsOf('PERSON', 'Vladimir Putin');
  const iran = docsOf('GPE', 'Iran');
  const kept = new Set([...putin].filter((d) => !iran.has(d)));
  expect(kept.size).toBeGreaterThan(1);
  // Slow shards, for the progress to be seen.
  await page.route('**/shards/d-*', async (route) => {
    await new Promise((ok) => setTimeout(ok, 300));
    await route.continue();
  });
  await page.goto(`${BASE}?e=person-vladimir-putin&x=gpe-iran`);
  await expect(results(page).getByRole('heading', { name: `${kept.size} articles naming Vladimir Putin, not naming Iran` })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Export progress' });
  const [csv] = await Promise.all([
    exported(page, 'Mentions (CSV)'),
    expect(page.getByRole('status').filter({ hasText: /^Exporting the mentions of \d+ articles: \d+ of \d+ shards?$/ })).toBeVisible(),
  ]);
  expect(csv.name).toBe('dossier-mentions.csv');
  await expect(page.getByRole('status').filter({ hasText: `Exported the mentions of ${kept.size} articles as dossier-mentions.csv.` })).toBeVisible();
  await expect(bar).toHaveCount(0);
  // Byte for byte, the lines dossier extract writes for those articles.
  const [header, ...lines] = extractedCsv();
  const rows = lines.filter((l) => kept.has(l.split(',')[0]));
  expect(rows.length).toBeGreaterThan(kept.size);
  expect(csv.text).toBe(`${header}\r\n${rows.join('\r\n')}\r\n`);
  // JSON: the same rows as objects, as dossier extract's JSON Lines give them.
  const json = await exported(page, 'Mentions (JSON)');
  expect(json.name).toBe('dossier-mentions.json');
  expect(JSON.parse(json.text)).toEqual(extracted().filter((m) => kept.has(m.doc)));
});

test('Export writes the quotes of the articles the filters keep, shard by shard: dossier extract --quotes\'s rows of those articles, in JSON and CSV', async ({ page }) => {
  test.setTimeout(60_000);
  const kept = namingDocs('PERSON', 'Vladimir Putin');
  const want = extractedQuotes().filter((q) => kept.has(q.doc));
  expect(want.filter((q) => q.speaker_id).length).toBeGreaterThan(2);
  await page.goto(`${BASE}?e=person-vladimir-putin`);
  await expect(results(page).getByRole('heading', { name: `${kept.size} articles naming Vladimir Putin` })).toBeVisible();
  const json = await exported(page, 'Quotes (JSON)');
  expect(json.name).toBe('dossier-quotes.json');
  await expect(page.getByRole('status').filter({ hasText: `Exported the quotes of ${kept.size} articles as dossier-quotes.json.` })).toBeVisible();
  expect(JSON.parse(json.text)).toEqual(want);
  const csv = await exported(page, 'Quotes (CSV)');
  expect(csv.name).toBe('dossier-quotes.csv');
  const [header, ...rows] = csv.text.split('\r\n').filter(Boolean);
  expect(header).toBe('\ufeffdoc,start,end,text,kind,cue,speaker,speaker_id,speaker_start,speaker_end,speaker_text');
  expect(rows.length).toBe(want.length);
  expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual(want.map((q) => `${q.doc},${q.start},${q.end}`));
});

test('an export whose document shard cannot be fetched says so and offers no file; Retry exports it whole, Cancel stops it', async ({ page }) => {
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  // The first document shard comes, the others do not: the export stops at the second.
  let served = 0;
  await page.route('**/shards/d-*', (route) => (served++ === 0 ? route.continue() : route.fulfill({ status: 404, body: 'not found' })));
  await page.goto(BASE);
  await expect(results(page).getByRole('heading', { name: `${files().length} articles` })).toBeVisible();
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'Mentions (CSV)', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/^The articles to export cannot be fetched: d-[0-9a-f]{16}\.txt is missing\. Check the connection and retry\./);
  expect(served).toBe(2);
  expect(downloads).toEqual([]);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // Retry, the shards there: every mention of the corpus, as dossier extract gives them.
  await page.unroute('**/shards/d-*');
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Retry' }).click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(`${extractedCsv().join('\r\n')}\r\n`);
  await expect(page.getByRole('status').filter({ hasText: `Exported the mentions of ${files().length} articles as dossier-mentions.csv.` })).toBeVisible();
  // Cancel: the export stops between two shards, and offers no file.
  await page.route('**/shards/d-*', async (route) => {
    await new Promise((ok) => setTimeout(ok, 400));
    await route.continue();
  });
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'Mentions (JSON)', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Export cancelled.' })).toBeVisible();
  await page.waitForTimeout(1500);
  expect(downloads).toHaveLength(1);
  await expect(page.getByRole('status').filter({ hasText: 'Export cancelled.' })).toBeVisible();
});

let quotesJson;
/** The corpus's quotes as `dossier extract --quotes` gives them, in document and text order. */
const extractedQuotes = () => (quotesJson ??= execFileSync('cargo', ['run', '--release', '--locked', '-q', '-p', 'dossier-cli', '--', 'extract', CORPUS, '--quotes'],
  { encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
/** The words of the quotes the Quotes view lists. */
const quoteWords = (page) => results(page).locator('.site-quotes .site-words').allTextContents();
/** The documents naming the entity of `label` and canonical name `name`, by the corpus's own analysis. */
const namingDocs = (label, name) => new Set(extracted().filter((m) => m.label === label && m.canonical === name).map((m) => m.doc));

/** The quotes listed equal the first of `list`, as many as a page shows (50, or the rest of an article's past them). */
async function firstQuotes(page, list, from = 0) {
  await expect.poll(async () => (await quoteWords(page)).length).toBeGreaterThanOrEqual(Math.min(from + 50, list.length));
  const shown = await quoteWords(page);
  expect(shown).toEqual(list.slice(0, shown.length).map((q) => q.text));
  return shown.length;
}

test('quotes: who said what in the articles kept, a page at a time from the quotes runs, by speaker, about an entity or searched', async ({ page }) => {
  test.setTimeout(90_000);
  const all = extractedQuotes();
  expect(all.length).toBeGreaterThan(100);
  await page.goto(BASE);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Quotes' }).click();
  await expect(page).toHaveURL(/view=quotes/);
  await expect(results(page).getByRole('heading', { name: `Quotes in ${files().length} articles` })).toBeVisible();
  await expect(results(page)).toContainText(`${all.length} quotes in the corpus, ${all.filter((q) => q.speaker_id).length} with a speaker named.`);
  // The first page, in article order, then the next by keyboard, the focus on the first new one.
  const first = await firstQuotes(page, all);
  const more = results(page).getByRole('button', { name: 'More quotes' });
  await more.focus();
  await page.keyboard.press('Enter');
  await firstQuotes(page, all, first);
  await expect(results(page).locator('.site-quotes li').nth(first).getByRole('link').first()).toBeFocused();
  // One speaker's: the most quoted, from the speakers file.
  const by = new Map();
  for (const q of all.filter((q) => q.speaker_id)) by.set(q.speaker_id, [...(by.get(q.speaker_id) ?? []), q]);
  const [[id, theirs]] = [...by].sort((a, b) => b[1].length - a[1].length);
  await results(page).getByRole('list', { name: 'Most quoted' }).getByRole('link', { name: theirs[0].speaker, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`v-who=${id}`));
  await firstQuotes(page, theirs);
  await expect(results(page).getByRole('list', { name: 'Most quoted' }).getByRole('listitem').first()).toContainText(`${theirs.length} quotes`);
  // Reloaded, the same: the URL is the state.
  await page.reload();
  await firstQuotes(page, theirs);
  // A quote's article.
  const q0 = theirs[0];
  await results(page).locator('.site-quotes li').first().getByRole('link', { name: title(q0.doc) }).click();
  await expect(reader(page).locator('h1')).toHaveText(title(q0.doc));
  await expect(reader(page)).toContainText(q0.text);
  // Under the filter bar's entity, about an entity, searched inside.
  const putin = namingDocs('PERSON', 'Vladimir Putin');
  await page.goto(`${BASE}?view=quotes&e=person-vladimir-putin`);
  await firstQuotes(page, all.filter((q) => putin.has(q.doc)));
  // A word of a quote's, not in every quote.
  const word = all[7].text.split(/[^\p{L}]+/u).find((w) => w.length >= 6).toLowerCase();
  await page.goto(`${BASE}?view=quotes`);
  await results(page).getByRole('searchbox', { name: 'Search the quotes' }).fill(word);
  await results(page).getByRole('searchbox', { name: 'Search the quotes' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`v-q=${word}`));
  const holding = all.filter((q) => q.text.toLowerCase().includes(word) || q.speaker?.toLowerCase().includes(word));
  expect(holding.length).toBeGreaterThan(0);
  expect(holding.length).toBeLessThan(all.length);
  await firstQuotes(page, holding);
});

test('quotes whose run cannot be fetched say so with Retry; a corrupt one says the page is from another version', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/shards/q-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${BASE}?view=quotes`);
  const alert = results(page).getByRole('alert');
  await expect(alert).toContainText('The quotes cannot be fetched');
  await expect(alert).toContainText('is missing');
  await expect(results(page).locator('.site-quotes')).toHaveCount(0);
  await page.unroute('**/shards/q-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await firstQuotes(page, extractedQuotes());
  await page.route('**/shards/q-*', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 2] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto(`${BASE}?view=quotes&v-q=the`);
  await expect(results(page).getByRole('alert')).toContainText('This page is from another version of the site');
  await expect(results(page).getByRole('alert').getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(results(page).locator('.site-quotes')).toHaveCount(0);
});

test('quotes of one speaker picked from the list: all theirs from their speaker files, in article order, under the filters too; the URL keeps them', async ({ page }) => {
  test.setTimeout(90_000);
  const all = extractedQuotes();
  const by = new Map();
  for (const q of all.filter((q) => q.speaker_id)) by.set(q.speaker_id, [...(by.get(q.speaker_id) ?? []), q]);
  const ranked = [...by].sort((a, b) => b[1].length - a[1].length);
  // Not the most quoted (its link is above): one further down the list, with quotes in
  // articles naming Putin and in others.
  const putin = namingDocs('PERSON', 'Vladimir Putin');
  const [id, theirs] = ranked.find(([, qs], i) => i >= 1 && qs.some((q) => putin.has(q.doc)) && qs.some((q) => !putin.has(q.doc)));
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(`${BASE}?view=quotes`);
  const picker = results(page).getByRole('combobox', { name: 'Speaker' });
  await expect(picker.locator('option')).toHaveCount(ranked.length + 1);
  fetched.length = 0;
  await picker.selectOption(id);
  await results(page).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`v-who=${id}`));
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText(`Quotes of ${theirs[0].speaker}: ${theirs.length} quotes in the corpus`);
  const first = await firstQuotes(page, theirs);
  if (first === theirs.length) await expect(results(page).getByRole('button', { name: 'More quotes' })).toBeHidden();
  await expect(results(page).getByRole('combobox', { name: 'Speaker' })).toHaveValue(id);
  // Read from their speaker files, not from the quotes runs of their articles.
  const runs = fetched.filter((f) => /^q-/.test(f)).length;
  expect(fetched.filter((f) => /^k-[0-9a-f]{16}\.txt$/.test(f)).length).toBeGreaterThan(0);
  // A deep link under a filter: those of the articles it keeps.
  await page.goto(`${BASE}?view=quotes&v-who=${id}&e=person-vladimir-putin`);
  await firstQuotes(page, theirs.filter((q) => putin.has(q.doc)));
  // Every speaker again.
  await results(page).getByRole('combobox', { name: 'Speaker' }).selectOption('');
  await results(page).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).not.toHaveURL(/v-who=/);
  expect(runs).toBe(0);
});

test('a speaker file that cannot be fetched says so with Retry; a corrupt one says the page is from another version, with Reload', async ({ page }) => {
  test.setTimeout(60_000);
  const all = extractedQuotes().filter((q) => q.speaker_id);
  const id = all[0].speaker_id;
  const theirs = all.filter((q) => q.speaker_id === id);
  await page.route('**/shards/k-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${BASE}?view=quotes&v-who=${id}`);
  const alert = results(page).getByRole('alert');
  await expect(alert).toContainText('The quotes cannot be fetched');
  await expect(alert).toContainText(/k-[0-9a-f]{16}\.txt is missing/);
  await expect(results(page).locator('.site-quotes')).toHaveCount(0);
  await page.unroute('**/shards/k-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await firstQuotes(page, theirs);
  await page.route('**/shards/k-*', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 2] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto(`${BASE}?view=quotes&v-who=${id}&v-q=a`);
  await expect(results(page).getByRole('alert')).toContainText('This page is from another version of the site');
  await expect(results(page).getByRole('alert').getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(results(page).locator('.site-quotes')).toHaveCount(0);
});

test('in the Quotes view, Export writes the quotes it shows: its search, its speaker and the filters, as dossier extract --quotes gives them', async ({ page }) => {
  test.setTimeout(60_000);
  const all = extractedQuotes();
  const word = all[7].text.split(/[^\p{L}]+/u).find((w) => w.length >= 6).toLowerCase();
  const holding = all.filter((q) => q.text.toLowerCase().includes(word) || q.speaker?.toLowerCase().includes(word));
  expect(holding.length).toBeGreaterThan(0);
  expect(holding.length).toBeLessThan(all.length);
  await page.goto(`${BASE}?view=quotes&v-q=${word}`);
  await expect(results(page).locator('.site-quotes li').first()).toBeVisible();
  const json = await exported(page, 'Quotes (JSON)');
  expect(JSON.parse(json.text)).toEqual(holding);
  // One speaker's, under an entity filter: their quotes in the articles naming it.
  const putin = namingDocs('PERSON', 'Vladimir Putin');
  const speaker = all.find((q) => q.speaker_id && putin.has(q.doc)).speaker_id;
  const want = all.filter((q) => q.speaker_id === speaker && putin.has(q.doc));
  await page.goto(`${BASE}?view=quotes&v-who=${speaker}&e=person-vladimir-putin`);
  await expect(results(page).locator('.site-quotes li').first()).toBeVisible();
  const csv = await exported(page, 'Quotes (CSV)');
  const rows = csv.text.split('\r\n').filter(Boolean).slice(1);
  expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual(want.map((q) => `${q.doc},${q.start},${q.end}`));
  // Out of the Quotes view, the filters alone.
  await page.goto(`${BASE}?e=person-vladimir-putin&v-q=${word}`);
  await expect(results(page).getByRole('heading', { name: `${putin.size} articles naming Vladimir Putin` })).toBeVisible();
  const every = await exported(page, 'Quotes (JSON)');
  expect(JSON.parse(every.text)).toEqual(all.filter((q) => putin.has(q.doc)));
});

test('in the Compare view, Export writes its comparison: every row of its three tables in the order drawn, counted as the corpus says, in CSV and JSON', async ({ page }) => {
  test.setTimeout(60_000);
  const [fa, fb] = files();
  await page.goto(`${BASE}?view=compare&v-a=${encodeURIComponent(`doc=${fa}`)}&v-b=${encodeURIComponent(`doc=${fb}`)}&v-sort=b-desc`);
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
  const csv = await exported(page, 'Comparison (CSV)');
  expect(csv.name).toBe('dossier-comparison.csv');
  await expect(page.getByRole('status').filter({ hasText: /^Exported the comparison of \d+ entities \(A: 1 article, .*; B: 1 article, .*\) as dossier-comparison\.csv\.$/ })).toBeVisible();
  const [header, ...lines] = csv.text.split('\r\n').filter(Boolean);
  expect(header).toBe('\ufeffentity_id,entity,label,presence,mentions_a,articles_a,share_a,mentions_b,articles_b,share_b,change,link');
  const json = JSON.parse((await exported(page, 'Comparison (JSON)')).text);
  expect(json.length).toBe(lines.length);
  expect(lines.map((l) => l.split(',')[0])).toEqual(json.map((r) => r.entity_id));
  // As many rows as the tables' captions count, in their order, each table sorted by B's mentions.
  const captions = await results(page).locator('table.site-compare caption').allTextContents();
  const total = captions.map((c) => Number(/: ([\d,]+) entit/.exec(c)[1].replace(/,/g, ''))).reduce((a, b) => a + b, 0);
  expect(json.length).toBe(total);
  const order = ['only_a', 'both', 'only_b'];
  expect(json.every((r, i) => i === 0 || order.indexOf(json[i - 1].presence) <= order.indexOf(r.presence))).toBe(true);
  expect(json.every((r, i) => i === 0 || json[i - 1].presence !== r.presence || json[i - 1].mentions_b >= r.mentions_b)).toBe(true);
  for (const [t, rows] of Object.values(await comparison(page)).entries()) {
    const mine = json.filter((r) => r.presence === order[t]).slice(0, rows.length);
    expect(mine.map((r) => [r.entity, r.mentions_a, r.articles_a, r.mentions_b, r.articles_b])).toEqual(rows.map(([name, , ...n]) => [name, ...n]));
  }
  // Counted as the corpus says: each entity's mentions in each article, by dossier extract.
  const mentions = (doc, r) => extracted().filter((m) => m.doc === doc && m.canonical === r.entity && m.label === r.label).length;
  const totals = [fa, fb].map((d) => extracted().filter((m) => m.doc === d).length);
  // (A value's name, "last year", may be two entities of two periods: at most the corpus's.)
  for (const r of json) {
    const want = [mentions(fa, r), mentions(fb, r)];
    if (['DATE', 'MONEY', 'PERCENT'].includes(r.label)) [r.mentions_a, r.mentions_b].forEach((n, i) => expect(n, r.entity).toBeLessThanOrEqual(want[i]));
    else expect([r.mentions_a, r.mentions_b], r.entity).toEqual(want);
    expect(r.share_a).toBeCloseTo((100 * r.mentions_a) / totals[0], 2);
    expect(r.link).toMatch(new RegExp(`[?&]view=compare&.*v-e=${r.entity_id}$`));
  }
  // Out of the Compare view, the menu offers no comparison.
  await page.goto(BASE);
  await page.getByText('Export', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Mentions (CSV)', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Comparison (CSV)', exact: true })).toBeHidden();
});

/** The comparison's tables as drawn: caption → rows of [name, kind, A mentions, A articles, B mentions, B articles]. */
const comparison = (page) => results(page).locator('table.site-compare').evaluateAll((ts) => Object.fromEntries(ts.map((t) => [
  t.caption.textContent.split(':')[0],
  [...t.tBodies[0].rows].map((r) => [r.cells[0].textContent, r.cells[1].textContent, ...[2, 3, 4, 5].map((i) => Number(r.cells[i].textContent.replace(/,/g, '')))]),
])));
/** The label code of a kind as the reader names it. */
const CODES = { person: 'PERSON', organisation: 'ORG', 'country or city': 'GPE', 'group or nationality': 'NORP', location: 'LOC', facility: 'FAC', event: 'EVENT', date: 'DATE', money: 'MONEY', percentage: 'PERCENT' };

test('compare: the entities only A names, both name and only B names, counted from the counts runs as the corpus says; sides chosen by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  const [fa, fb] = files();
  await page.goto(`${BASE}?view=compare&v-a=${encodeURIComponent(`doc=${fa}`)}&v-b=${encodeURIComponent(`doc=${fb}`)}`);
  await expect(results(page).locator('.site-sides')).toContainText(`A: 1 article, ${title(fa)}`);
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
  const tables = await comparison(page);
  // Each named entity's mentions on each side, by the corpus's own analysis (a value's
  // name, "last year", may be two entities of two periods: at most the corpus's).
  const mentions = (doc) => {
    const m = new Map();
    for (const x of extracted().filter((x) => x.doc === doc)) m.set(`${x.label} ${x.canonical}`, (m.get(`${x.label} ${x.canonical}`) ?? 0) + 1);
    return m;
  };
  const [ma, mb] = [mentions(fa), mentions(fb)];
  const presence = { 'Only in A (dropped in B)': [true, false], 'In both': [true, true], 'Only in B (new in B)': [false, true] };
  let named = 0;
  for (const [caption, rows] of Object.entries(tables)) {
    expect(rows.length, caption).toBeLessThanOrEqual(15);
    for (const [name, kind, am, ad, bm, bd] of rows) {
      const key = `${CODES[kind]} ${name}`;
      expect([am > 0, bm > 0], name).toEqual(presence[caption]);
      const want = [ma.get(key) ?? 0, ma.has(key) ? 1 : 0, mb.get(key) ?? 0, mb.has(key) ? 1 : 0];
      if (['DATE', 'MONEY', 'PERCENT'].includes(CODES[kind])) [am, ad, bm, bd].forEach((n, i) => expect(n, name).toBeLessThanOrEqual(want[i]));
      else {
        expect([am, ad, bm, bd], name).toEqual(want);
        named += 1;
      }
    }
  }
  expect(named).toBeGreaterThan(5);
  expect(tables['In both'].length).toBeGreaterThan(0);
  // Two periods, chosen by keyboard; the URL keeps them.
  await page.goto(`${BASE}?view=compare`);
  await expect(results(page)).toContainText('Choose two periods');
  const years = await results(page).getByRole('combobox', { name: 'Side A' }).locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => /^\d{4}$/.test(v)));
  expect(years.length).toBeGreaterThan(1);
  await results(page).getByRole('combobox', { name: 'Side A' }).selectOption(years[0]);
  await results(page).getByRole('combobox', { name: 'Side B' }).selectOption(years.at(-1));
  await results(page).getByRole('combobox', { name: 'Side B' }).focus();
  await page.keyboard.press('Tab');
  await expect(results(page).getByRole('button', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`v-a=when%3D${years[0]}`));
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
  await expect(results(page).locator('.site-sides')).toContainText(`mentioning a date in ${years[0]}`);
  await page.reload();
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
});

test('compare: a column\'s header sorts every table by it, largest first, then the other way; the URL keeps it', async ({ page }) => {
  test.setTimeout(60_000);
  const [fa, fb] = files();
  await page.goto(`${BASE}?view=compare&v-a=${encodeURIComponent(`doc=${fa}`)}&v-b=${encodeURIComponent(`doc=${fb}`)}`);
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
  const column = async (i) => Object.values(await comparison(page)).map((rows) => rows.map((r) => r[i]));
  const sorted = (lists, down) => lists.every((l) => l.every((x, k) => k === 0 || (down ? l[k - 1] >= x : l[k - 1] <= x)));
  const both = results(page).getByRole('group', { name: 'In both' });
  await both.getByRole('link', { name: 'B mentions' }).click();
  await expect(page).toHaveURL(/v-sort=b-desc/);
  await expect(both.locator('th[aria-sort="descending"]')).toHaveText('B mentions');
  expect(sorted(await column(4), true)).toBe(true);
  await results(page).getByRole('group', { name: 'In both' }).getByRole('link', { name: 'B mentions' }).click();
  await expect(page).toHaveURL(/v-sort=b-asc/);
  await expect(results(page).getByRole('group', { name: 'In both' }).locator('th[aria-sort="ascending"]')).toHaveText('B mentions');
  expect(sorted(await column(4), false)).toBe(true);
  await page.reload();
  await expect(results(page).getByRole('group', { name: 'In both' }).locator('th[aria-sort="ascending"]')).toHaveText('B mentions');
  await page.goto(`${BASE}?view=compare&v-a=${encodeURIComponent(`doc=${fa}`)}&v-b=${encodeURIComponent(`doc=${fb}`)}&v-sort=a-desc`);
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
  expect(sorted(await column(2), true)).toBe(true);
});

test('compare: an entity\'s name shows its mentions on each side, as many as its row counts, each a link to its article; Close hides them', async ({ page }) => {
  test.setTimeout(60_000);
  const [fa, fb] = files();
  await page.goto(`${BASE}?view=compare&v-a=${encodeURIComponent(`doc=${fa}`)}&v-b=${encodeURIComponent(`doc=${fb}`)}`);
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
  const both = results(page).getByRole('group', { name: 'In both' });
  const row = both.locator('tbody tr').first();
  const name = await row.locator('th').textContent();
  const counted = await row.locator('td').evaluateAll((tds) => [1, 3].map((i) => Number(tds[i].textContent.replace(/,/g, ''))));
  await row.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/v-e=/);
  const box = results(page).getByRole('region', { name: `Mentions of ${name}` });
  await expect(box).toBeVisible();
  for (const [i, side] of ['A', 'B'].entries()) {
    const part = box.getByRole('region', { name: `${side}: ${name}` });
    await expect(part.getByRole('heading')).toHaveText(new RegExp(`^${side}: ${counted[i]} mentions?( \\(the first \\d+\\))?$`));
    const links = part.locator('a.site-row');
    expect(await links.count()).toBeGreaterThan(0);
    await expect(links.first()).toHaveAttribute('href', new RegExp(`doc=${[fa, fb][i].replace('.', '\\.')}`));
    await expect(part.locator('mark').first()).toBeVisible();
  }
  await expect(results(page).getByRole('group', { name: 'In both' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'true');
  await box.getByRole('link', { name: 'Close the mentions' }).click();
  await expect(results(page).getByRole('region', { name: `Mentions of ${name}` })).toHaveCount(0);
});

test('a comparison whose counts run cannot be fetched says so, and Retry draws it; a corrupt or truncated one says the page is from another version', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/shards/g-*', (route) => route.abort());
  const [fa, fb] = files();
  const url = `${BASE}?view=compare&v-a=${encodeURIComponent(`doc=${fa}`)}&v-b=${encodeURIComponent(`doc=${fb}`)}`;
  await page.goto(url);
  const alert = results(page).getByRole('alert');
  await expect(alert).toContainText('The comparison cannot be fetched');
  await expect(results(page).locator('table.site-compare')).toHaveCount(0);
  await page.unroute('**/shards/g-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(results(page).locator('table.site-compare')).toHaveCount(3);
  // Counts runs are read as numbers (lib.rs, counts), checked as every file is.
  for (const spoil of [(b) => { b[b.length - 2] ^= 1; return b; }, (b) => b.subarray(0, b.length >> 1)]) {
    await page.unroute('**/shards/g-*');
    await page.route('**/shards/g-*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: spoil(Buffer.from(await response.body())) });
    });
    await page.goto(url);
    await expect(results(page).getByRole('alert')).toContainText('This page is from another version of the site');
    await expect(results(page).getByRole('alert').getByRole('button', { name: 'Reload' })).toBeVisible();
    await expect(results(page).locator('table.site-compare')).toHaveCount(0);
  }
});

test('the panel\'s groups reach every entity with More, from the ranked runs, by keyboard too', async ({ page }) => {
  test.setTimeout(60_000);
  const people = new Set(extracted().filter((m) => m.label === 'PERSON').map((m) => m.canonical));
  expect(people.size).toBeGreaterThan(60); // past the head's 50
  await page.goto(BASE);
  const group = entities(page).getByRole('region', { name: 'person', exact: true });
  await expect(group.locator('.site-entity-link')).toHaveCount(10);
  const more = group.getByRole('button', { name: 'More: person' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(group.locator('.site-entity-link')).toHaveCount(Math.min(60, people.size));
  // The focus on the first entity added.
  await expect(group.locator('.site-entity-link').nth(10)).toBeFocused();
  while (await group.getByRole('button', { name: 'More: person' }).count()) await group.getByRole('button', { name: 'More: person' }).click();
  const listed = await group.locator('.site-entity-link').allTextContents();
  expect(new Set(listed)).toEqual(people);
  // In most articles first.
  const docs = await group.locator('small').allTextContents();
  const n = docs.map((t) => Number(t.trim().split(' ')[0]));
  expect(n.every((x, i) => i === 0 || n[i - 1] >= x)).toBe(true);
});

test('a ranked run that cannot be fetched says so in the group, and Retry lists the next entities', async ({ page }) => {
  await page.goto(BASE);
  const group = entities(page).getByRole('region', { name: 'person', exact: true });
  await expect(group.locator('.site-entity-link')).toHaveCount(10);
  await page.route('**/shards/r-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await group.getByRole('button', { name: 'More: person' }).click();
  const alert = group.getByRole('alert');
  await expect(alert).toContainText('cannot be fetched');
  await expect(group.locator('.site-entity-link')).toHaveCount(10);
  await page.unroute('**/shards/r-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(group.locator('.site-entity-link')).toHaveCount(10);
  await group.getByRole('button', { name: 'More: person' }).click();
  await expect(group.locator('.site-entity-link')).toHaveCount(60);
});

test('under a filter, the panel counts the articles kept that name each entity, as the corpus says; a counts run missing says so with Retry', async ({ page }) => {
  test.setTimeout(60_000);
  const putin = namingDocs('PERSON', 'Vladimir Putin');
  await page.goto(`${BASE}?e=person-vladimir-putin`);
  const group = entities(page).getByRole('region', { name: 'country or city', exact: true });
  await expect(group.locator('small').first()).toContainText('kept of');
  const rows = await group.locator('li').evaluateAll((ls) => ls.map((l) => [l.querySelector('.site-entity-link').textContent, Number(l.querySelector('small').textContent.trim().split(' ')[0])]));
  for (const [name, kept] of rows) {
    const theirs = namingDocs('GPE', name);
    expect(kept, name).toBe([...putin].filter((d) => theirs.has(d)).length);
  }
  // Those naming none of them hidden, the others shown.
  const hidden = await group.locator('li').evaluateAll((ls) => ls.map((l) => l.hidden));
  expect(hidden).toEqual(rows.map(([, k]) => k === 0));
  expect(hidden.filter((h) => !h).length).toBeGreaterThan(2);
  await page.route('**/shards/g-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${BASE}?e=person-vladimir-putin`);
  const alert = entities(page).getByRole('alert');
  await expect(alert).toContainText('cannot be fetched');
  await page.unroute('**/shards/g-*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(entities(page).getByRole('region', { name: 'country or city', exact: true }).locator('small').first()).toContainText('kept of');
});
