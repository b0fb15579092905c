// The reader's own documents beyond the drop (web/own.js, src/own.rs): picked through the
// browser's file chooser by keyboard; shown in the Mentions and Connections views and
// their exports next to the corpus's, and alone under "your documents only"; and the
// dialog usable on a phone. No request carries the text.
import { test, expect } from '@playwright/test';
import { BASE } from '../../playwright.config.js';
import { drop, dialog, settled, load } from './own.js';
import { exported } from './download.js';

const MARK = 'Brindlemoor'; // a word no corpus article has: found in no request
const PUTIN = 'person-vladimir-putin';

test.beforeEach(async ({ page }) => {
  page.requests = [];
  page.on('request', (r) => page.requests.push(`${r.url()} ${r.postData() ?? ''}`));
  // Chromium's file chooser is intercepted from the first listener on: one from the start,
  // so that the first Enter's chooser is not missed.
  page.on('filechooser', () => {});
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
});

test.afterEach(async ({ page }) => {
  expect(page.problems, 'no page error').toEqual([]);
  expect(page.requests.filter((r) => r.includes(MARK)), 'requests carrying the text').toEqual([]);
});

/** Adds `files` ({ name, text }) through the dialog's "Choose files…", by keyboard only. */
async function pick(page, files) {
  const opener = page.getByRole('button', { name: /^(Add documents|Your documents)/ });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page).getByRole('button', { name: 'Choose files…' })).toBeFocused();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  expect(chooser.isMultiple(), 'several files at once').toBe(true);
  await chooser.setFiles(files.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
}

test('files picked by keyboard through the browser’s file chooser are added, several at once', async ({ page }) => {
  await load(page, BASE);
  await pick(page, [
    { name: 'one.txt', text: `Pier notes from ${MARK}\n\nPutin spoke.` },
    { name: 'two.md', text: `# Quay notes from ${MARK}\n\nXi Jinping spoke.` },
  ]);
  await settled(page, 'Added 2 documents.');
  await expect(dialog(page).getByRole('list', { name: /Kept in this browser: 2 documents/ }).getByRole('link'))
    .toHaveText([`Pier notes from ${MARK}`, `Quay notes from ${MARK}`]);
  // The same file picked again is a second document, not a replaced one.
  await dialog(page).getByRole('button', { name: 'Choose files…' }).focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from(`Pier notes again from ${MARK}\n\nA line.`) });
  await settled(page, 'Added 1 document.');
  await expect(dialog(page).getByRole('list', { name: /Kept in this browser: 3 documents/ })).toBeVisible();
});

test('the reader’s documents are in the Mentions and Connections views and their exports, alone under “your documents only”', async ({ page }) => {
  test.slow(); // six loads, each analysing the document kept again
  await load(page, BASE);
  await pick(page, [{ name: 'summit.txt', text: `Summit in ${MARK}\n\nPutin met Xi Jinping in ${MARK} on Monday, 3 June 2024.\n` }]);
  await settled(page, 'Added 1 document.');
  await page.keyboard.press('Escape');
  const title = `Summit in ${MARK}`;
  // Each address loaded anew: the document kept is analysed again, then the views drawn on it.
  const open = async (query) => {
    await page.goto(`${BASE}${query}`);
    await expect(page.getByRole('button', { name: 'Your documents (1)' })).toBeVisible({ timeout: 20_000 });
  };

  // Mentions of the corpus's Putin: the corpus's and the reader's, the reader's marked.
  await open(`?view=mentions&sel=${PUTIN}`);
  const rows = page.locator('.kwic-row');
  await rows.first().waitFor({ timeout: 20_000 });
  const docs = await rows.locator('.kwic-doc').allTextContents();
  expect(docs.map((d) => d.trim())).toContain(title);
  expect(new Set(docs).size, 'the corpus’s articles too').toBeGreaterThan(1);
  const csv = (await exported(page, 'Mentions (CSV)')).text;
  expect(csv).toContain(title);
  expect(csv).toContain('doc=mine%2Fsummit.txt');

  // Only the reader's: the one mention, and its export.
  await open(`?view=mentions&sel=${PUTIN}&own=mine`);
  await expect(rows).toHaveCount(1, { timeout: 20_000 });
  await expect(rows.locator('.kwic-doc')).toHaveText(title);
  const mine = JSON.parse((await exported(page, 'Mentions (JSON)')).text);
  expect(mine.map((r) => [r.mention, r.title])).toEqual([['Putin', title]]);

  // Connections under "your documents only": the one pair the document makes.
  await open('?view=connections&own=mine');
  const cells = page.locator('table.matrix td.cell:not(.empty):not(.self)');
  await cells.first().waitFor({ timeout: 20_000 });
  const labels = await cells.evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')));
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(l).toMatch(/^(Vladimir Putin and Xi Jinping|Xi Jinping and Vladimir Putin): 1 shared sentence$/);
  const pairs = JSON.parse((await exported(page, 'Pairs (JSON)')).text);
  expect(pairs).toHaveLength(1);
  expect([pairs[0].entity_a, pairs[0].entity_b].sort()).toEqual(['Vladimir Putin', 'Xi Jinping']);
  expect(JSON.stringify(pairs)).not.toContain('000_');
  // … and with the corpus, Putin and Xi's shared sentences count the reader's one too.
  const shared = async (own) => {
    await open(`?view=connections${own}`);
    await cells.first().waitFor({ timeout: 20_000 });
    const p = JSON.parse((await exported(page, 'Pairs (JSON)')).text);
    return p.find((x) => [x.entity_a, x.entity_b].sort().join() === 'Vladimir Putin,Xi Jinping')?.sentences ?? 0;
  };
  expect(await shared('')).toBe(await shared('&own=corpus') + 1);
});

test('reloaded on a document of the reader’s: the views say it is being analysed, never that the link was ignored, then open it', async ({ page }) => {
  await load(page, BASE);
  const title = `Dockside notes from ${MARK}`;
  await drop(page, [{ name: 'dockside.txt', text: `${title}\n\nPutin met Xi Jinping in ${MARK}.` }]);
  await settled(page, 'Added 1 document.');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/doc=mine%2Fdockside\.txt/);
  // Every text the notice above the views shows, from the page's start.
  await page.addInitScript(() => {
    window.__notices = [];
    new MutationObserver(() => {
      const n = document.querySelector('.notice')?.textContent;
      if (n && window.__notices.at(-1) !== n) window.__notices.push(n);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const notices = () => page.evaluate(() => window.__notices);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 20_000 });
  await expect(page.locator('.notice')).toHaveCount(0);
  // The app starts before the documents kept are analysed again: it said so meanwhile.
  expect(await notices()).toEqual(['Your documents kept in this browser are being analysed; this link shows in full once they are.']);

  // A part of a link that is wrong is still called so, once the documents are shown.
  await page.goto(`${BASE}?doc=missing.txt`);
  await expect(page.getByRole('button', { name: 'Your documents (1)' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.notice')).toHaveText('Part of this link was ignored: unknown article “missing.txt”');

  // If they cannot be analysed (the engine does not load), the notice says that.
  await page.route(/dossier-engine_bg\.wasm$/, (r) => r.abort());
  await page.goto(`${BASE}?doc=mine%2Fdockside.txt`);
  await expect(page.locator('.notice')).toHaveText(
    'Your documents kept in this browser could not be analysed (Add documents says why), so this link shows only in part.', { timeout: 20_000 });
  expect((await notices()).filter((n) => n.startsWith('Part of this link'))).toEqual([]);
  page.problems = page.problems.filter((p) => !/engine/.test(p));
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the dialog offers its button, not a drop, and fits the screen', async ({ page }) => {
    await load(page, BASE);
    await page.getByRole('button', { name: 'Add documents' }).tap();
    const box = dialog(page);
    await expect(box.getByRole('button', { name: 'Choose files…' })).toBeFocused();
    const size = await box.evaluate((d) => {
      const r = d.getBoundingClientRect();
      return { left: r.left, right: r.right, width: d.scrollWidth, inner: d.clientWidth };
    });
    expect(size.left).toBeGreaterThanOrEqual(0);
    expect(size.right).toBeLessThanOrEqual(390);
    expect(size.width, 'nothing wider than the dialog').toBeLessThanOrEqual(size.inner);
    // Nothing can be dropped without a mouse: the button is offered alone…
    await expect(box.getByText('Drop files anywhere on the page')).toBeHidden();
    await expect(box.getByRole('button', { name: 'Choose files…' })).toBeVisible();
    // …and a tap on it opens the file chooser.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), box.getByRole('button', { name: 'Choose files…' }).tap()]);
    await chooser.setFiles({ name: 'phone.txt', mimeType: 'text/plain', buffer: Buffer.from(`Phone notes from ${MARK}\n\nPutin spoke.`) });
    await settled(page, 'Added 1 document.');
  });
});

test('with a mouse the dialog says files can be dropped anywhere on the page', async ({ page }) => {
  await load(page, BASE);
  await page.getByRole('button', { name: 'Add documents' }).click();
  await expect(dialog(page).getByText('Drop files anywhere on the page, or')).toBeVisible();
});

test('a Markdown file reads as prose: no link addresses, emphasis marks, list or quote markers', async ({ page }) => {
  await load(page, BASE);
  const md = [
    `# Harbour deal in ${MARK}`,
    '> **Putin** met *Xi Jinping* on Monday, 3 June 2024.',
    '- The [full report](https://example.com/report.html) is out.',
    '2. A map: ![the harbour](map.png)',
    '---',
    '```',
    'Officials said `more` would follow.',
    '```',
  ].join('\n\n');
  await drop(page, [{ name: 'deal.md', text: md }]);
  await settled(page, 'Added 1 document.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Harbour deal in ${MARK}`);
  const article = page.locator('article.reader');
  await expect(article).toContainText('Putin met Xi Jinping on Monday, 3 June 2024.');
  await expect(article).toContainText('The full report is out.');
  await expect(article).toContainText('A map: the harbour');
  await expect(article).toContainText('Officials said more would follow.');
  const text = await article.textContent();
  for (const mark of ['https://', 'example.com', '**', '](', '```', '> ', '- The', '2. A', '---', '`']) expect(text).not.toContain(mark);
  await expect(article.locator(`mark[data-entity="${PUTIN}"]`)).toHaveText('Putin');
  expect(page.requests.filter((r) => /example\.com|map\.png/.test(r))).toEqual([]);
});

test('Remove all asks first; No, keep keeps every document, the focus back on Remove all', async ({ page }) => {
  await load(page, BASE);
  await drop(page, [{ name: 'a.txt', text: `First of ${MARK}\n\nA line.` }, { name: 'b.txt', text: `Second of ${MARK}\n\nA line.` }]);
  await settled(page, 'Added 2 documents.');
  const box = dialog(page);
  const kept = box.getByRole('list', { name: /Kept in this browser/ }).getByRole('link');
  await box.getByRole('button', { name: 'Remove all' }).click();
  await expect(box.getByText('Remove all 2 of your documents from this browser? A pasted text is kept nowhere else.')).toBeVisible();
  await expect(box.getByRole('button', { name: 'No, keep' })).toBeFocused();
  await expect(box.getByRole('button', { name: 'Remove all' })).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(box.getByRole('button', { name: 'Remove all' })).toBeFocused();
  await expect(box.getByRole('button', { name: 'Yes, remove' })).toBeHidden();
  await expect(kept).toHaveCount(2);
  await box.getByRole('button', { name: 'Remove all' }).click();
  await box.getByRole('button', { name: 'Yes, remove' }).click();
  await settled(page, 'Removed 2 documents.');
  await expect(box.getByRole('heading', { name: 'No documents of yours yet' })).toBeVisible();
  await expect(box.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
});
