// Hostile text: a corpus (tests/fixtures/hostile/, built into dist-hostile/) and URL
// parameters full of markup. Nothing runs — no dialog, no `window.__pwned`, no element
// or event handler from the text — and the text shows literally. The article checks run
// twice: under the page's Content-Security-Policy, and with it bypassed, which proves
// the text reaches the DOM only as text and the CSP is a second wall, not the only one.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BASE, HOSTILE } from '../../playwright.config.js';

const FIXTURE = 'tests/fixtures/hostile';
const FILES = ['01-script.txt', '02-meta.txt', '03-entities.txt'];
const lines = (file) => readFileSync(`${FIXTURE}/${file}`, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const TITLE_01 = lines('01-script.txt')[0];
const META_TITLE = `<img src=x onerror="window.__pwned='meta-title'; alert('meta-title')"> &amp; the meta title`;

test.beforeEach(async ({ page }) => {
  page.problems = [];
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test.afterEach(async ({ page }) => {
  expect(page.problems, 'no dialog, no error').toEqual([]);
});

/** Fails if anything from the hostile text ran or became markup. */
async function nothingRan(page) {
  const found = await page.evaluate(() => {
    const out = [];
    if (window.__pwned !== undefined) out.push(`window.__pwned = ${window.__pwned}`);
    // The page's own data elements (#corpus, #analysis: text the format escapes, never run)
    // stay in the body until the app has read them, which may be after the first look.
    const data = (el) => el.tagName === 'SCRIPT' && el.type === 'application/x-dossier' && ['corpus', 'analysis'].includes(el.id);
    for (const el of document.body.querySelectorAll('*')) {
      if (data(el)) continue;
      if (['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED', 'MATH', 'STYLE'].includes(el.tagName)) out.push(`a <${el.tagName}>`);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.push(`${el.tagName} has ${a.name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(a.value) && /href|src|action/i.test(a.name)) out.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    return out.concat(window.__csp ?? []);
  });
  expect(found, 'nothing from the text ran or became markup').toEqual([]);
}

/** The text of the page's main parts, as the reader sees it (marks included). */
const shown = (page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
const squash = (s) => s.replace(/\s+/g, ' ');

for (const csp of ['with the CSP', 'with the CSP bypassed']) {
  test.describe(`the hostile corpus, ${csp}`, () => {
    test.use({ bypassCSP: csp !== 'with the CSP' });

    test('titles and metadata show as text in the article list', async ({ page }) => {
      await page.goto(HOSTILE);
      const list = page.getByRole('navigation', { name: 'Articles' });
      await expect(list.getByRole('listitem')).toHaveCount(3);
      await expect(list.getByRole('link', { name: TITLE_01, exact: true })).toBeVisible();
      await expect(list.getByRole('link', { name: META_TITLE, exact: true })).toBeVisible();
      await expect(list).toContainText("<script>window.__pwned='source'; alert('source')</script>Example Wire");
      await expect(list).toContainText('&lt;b&gt;Wire&lt;/b&gt;');
      await nothingRan(page);
    });

    for (const file of FILES) {
      test(`${file} shows every line literally`, async ({ page }) => {
        await page.goto(`${HOSTILE}?doc=${file}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const text = await shown(page);
        for (const line of lines(file).slice(1)) expect(text).toContain(squash(line));
        // Hover each mention: the hover card shows the entity's (hostile) name as text.
        const marks = page.locator('article mark[data-entity]');
        const n = Math.min(await marks.count(), 12);
        for (let i = 0; i < n; i++) await marks.nth(i).hover();
        await nothingRan(page);
      });
    }

    test('entity names show as text in the panel and every view', async ({ page }) => {
      await page.goto(`${HOSTILE}?doc=03-entities.txt`);
      await page.locator('article mark[data-entity]').first().waitFor();
      const ids = await page.locator('article mark[data-entity]').evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.entity))]);
      expect(ids.length).toBeGreaterThan(1);
      const gazprom = ids.find((id) => id.includes('gazprom'));
      expect(gazprom, `a curated entity among ${ids}`).toBeTruthy();
      await expect(page.getByRole('complementary', { name: 'Entities' })).toContainText(`<img src=x onerror="window.__pwned='canonical'">Gazprom`);
      for (const view of ['mentions', 'connections', 'timeline', 'articles']) {
        await page.goto(`${HOSTILE}?view=${view}&e=${gazprom}&sel=${gazprom}&pair=${ids[0]},${ids[1]}`);
        await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
        // Connections and Timeline are loaded on demand: checked once drawn.
        if (view === 'connections' || view === 'timeline') await page.locator('#views section').first().waitFor();
        await nothingRan(page);
      }
    });
  });
}

test('no metadata url becomes a link', async ({ page }) => {
  for (const file of FILES) {
    await page.goto(`${HOSTILE}?doc=${file}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      expect(new URL(href, page.url()).protocol, href).toBe('http:');
      expect(href).not.toMatch(/pwned|example\.org/i);
    }
  }
  await nothingRan(page);
});

test('hostile URL parameters show as text and change nothing', async ({ page }) => {
  const evil = {
    q: `<script>window.__pwned='q'</script>"><img src=x onerror="window.__pwned='q2'">`,
    doc: `<img src=x onerror="window.__pwned='doc'">.txt`,
    e: `"><svg onload="window.__pwned='e'">`,
    x: 'javascript:window.__pwned=1',
    sel: `<iframe src="javascript:window.__pwned='sel'">`,
    pair: `<b>a</b>,<i>b</i>`,
    when: '<script>',
    view: `"><script>window.__pwned='view'</script>`,
    '<script>window.__pwned="key"</script>': '1',
  };
  const query = Object.entries(evil).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  await page.goto(`${BASE}?${query}`);
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue(evil.q);
  const notice = page.getByRole('status').filter({ hasText: 'ignored' });
  await expect(notice).toContainText(`<img src=x onerror="window.__pwn`); // clipped at 40
  await expect(notice).toContainText(`"><svg onload="window.__pwned='e'">`);
  await expect(notice).toContainText('<script>window.__pwned="key"</script>');
  await nothingRan(page);
  // And a hostile fragment, which the app never reads.
  await page.goto(`${BASE}#<img src=x onerror="window.__pwned='hash'">`);
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem').first()).toBeVisible();
  await nothingRan(page);
});
