// Issue 23, item 5: mentions in context cut between words, with an ellipsis, readable on
// a phone; no hover card on a focus the app gives (a jump from a mention into the article).
import { test, expect } from './console.js';
import { readFileSync } from 'node:fs';
import { BASE } from '../../playwright.config.js';

const PUTIN = 'person-vladimir-putin';

/** The seed text of the article a mentions row links to. */
function seedText(href) {
  const doc = new URL(href, 'http://x').searchParams.get('doc');
  return readFileSync(`seeds/${doc}`, 'utf8');
}

/** Checks that the rows' contexts hold whole words of the article, an ellipsis where they
 * are cut inside its paragraph, and that the page can hide only whole words of them. */
async function checkContexts(page) {
  const rows = await page.locator('.kwic-row').evaluateAll((rs) => rs.slice(0, 40).map((r) => {
    const side = (el) => ({
      text: el.textContent,
      // Text the browser could cut anywhere: a text node with letters outside an
      // inline-block (which text-overflow hides whole), in a box that overflows.
      cuttable: el.scrollWidth > el.clientWidth + 1 && [...el.querySelectorAll('*'), el].some((e) =>
        [...e.childNodes].some((n) => n.nodeType === 3 && /\p{L}/u.test(n.data) && getComputedStyle(e).display !== 'inline-block')),
    });
    return {
      href: r.querySelector('.kwic-hit').getAttribute('href'),
      left: side(r.querySelector('.kwic-left')),
      hit: r.querySelector('.kwic-hit').textContent,
      right: side(r.querySelector('.kwic-right')),
    };
  }));
  expect(rows.length).toBeGreaterThan(10);
  for (const r of rows) {
    expect(r.left.cuttable, `left of ${r.hit} may be cut mid-word`).toBe(false);
    expect(r.right.cuttable, `right of ${r.hit} may be cut mid-word`).toBe(false);
    // Blocks are lines; within one, runs of white space show as one space.
    const text = seedText(r.href).replace(/[^\S\n]+/g, ' ');
    const left = r.left.text.replace(/^…/, ''), right = r.right.text.replace(/…$/, '');
    const at = text.indexOf(left + r.hit + right);
    expect(at, `${left}[${r.hit}]${right} is the article's text`).toBeGreaterThanOrEqual(0);
    const before = text[at - 1], after = text[at + (left + r.hit + right).length];
    // Context starts and ends between words, and says with an ellipsis where it is cut
    // inside its paragraph.
    expect([undefined, '\n', ' ']).toContain(before);
    expect([undefined, '\n', ' ']).toContain(after);
    expect(r.left.text.startsWith('…'), `${r.left.text} is cut`).toBe(before === ' ');
    expect(r.right.text.endsWith('…'), `${r.right.text} is cut`).toBe(after === ' ');
  }
  return rows;
}

test('mentions in context are cut between words, with an ellipsis', async ({ page }) => {
  const id = PUTIN;
  await page.goto(`${BASE}?view=mentions&sel=${id}`);
  await page.locator('.kwic-row').first().waitFor();
  const rows = await checkContexts(page);
  // Some context is cut inside its paragraph, and says so.
  expect(rows.some((r) => r.left.text.startsWith('…'))).toBe(true);
  expect(rows.some((r) => r.right.text.endsWith('…'))).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('mentions in context are whole, at a readable width', async ({ page }) => {
    const id = PUTIN;
    await page.goto(`${BASE}?view=mentions&sel=${id}`);
    const row = page.locator('.kwic-row').first();
    await row.waitFor();
    await checkContexts(page);
    // Nothing of the context is hidden: each side shows all its words, over the screen's width.
    const sides = await page.locator('.kwic-left, .kwic-right').evaluateAll((es) =>
      es.slice(0, 40).map((e) => ({ hidden: e.scrollWidth > e.clientWidth + 1, words: e.textContent.trim().split(/\s+/).length })));
    expect(sides.filter((s) => s.hidden)).toEqual([]);
    expect(Math.max(...sides.map((s) => s.words))).toBeGreaterThan(8);
    const box = await row.boundingBox();
    expect(box.width).toBeGreaterThan(330);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test('jumping from a mention into the article opens no hover card; a real hover does', async ({ page }) => {
  const id = PUTIN;
  await page.goto(`${BASE}?view=mentions&sel=${id}`);
  const hit = page.locator('.kwic-row').nth(4).locator('.kwic-hit');
  await hit.hover();
  await hit.click(); // the pointer stays where the link was, over the article now
  const current = page.locator('article.reader mark.current');
  await expect(current).toBeFocused();
  await page.waitForTimeout(400);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await page.keyboard.press('n'); // the next mention, focused by the app
  await expect(page).toHaveURL(/[?&]m=\d+/);
  await page.waitForTimeout(300);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await page.locator('article.reader mark.current').hover();
  await expect(page.getByRole('tooltip')).toContainText('Vladimir Putin');
});
