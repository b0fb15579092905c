// The reader's documents outlive the analysis engine's worker (web/engine.js, web/own.js):
// the worker holds their texts, so when it stops (a trap, an error it did not catch) the
// page starts a new one and hands it every text again from this browser's storage
// (IndexedDB, web/own-worker.js), saying so; none is lost and none is added twice. An
// engine that cannot load at all names each file of the drop, which stays kept, and Try
// again analyses them once it can.
//
// How a test stops the worker: through Playwright's handle on the engine's worker
// (`page.workers()`), nothing in the page's own code. Its message handler is replaced so
// that the next analysis is answered as a trap answers it (`fatal`, web/engine-worker.js)
// and the worker closes itself; or an error is thrown in it that nothing catches. No page
// script can reach the worker this way: it is the test's, through the browser's debugger.
import { test, expect } from '@playwright/test';
import { BASE } from '../../playwright.config.js';
import { drop, dialog, settled, load } from './own.js';

const MARK = 'Quillmoor'; // a word no corpus article has: found in no request
const text = (title) => `${title} in ${MARK}\n\nPutin met officials in ${MARK} on Tuesday, 4 June 2024.\n`;

test.beforeEach(async ({ page }) => {
  page.requests = [];
  page.on('request', (r) => page.requests.push(`${r.url()} ${r.postData() ?? ''}`));
});

test.afterEach(async ({ page }) => {
  expect(page.requests.filter((r) => r.includes(MARK)), 'a request carries the text').toEqual([]);
});

/** The engine's worker now running (there is one once a drop was analysed). */
function engineWorker(page) {
  const w = page.workers().filter((x) => /engine-worker\.js/.test(x.url()));
  expect(w.length, 'engine workers running').toBeGreaterThan(0);
  return w.at(-1);
}

/** Every text the dialog's status shows from now on, in `window.__said`. */
async function listen(page) {
  await page.evaluate(() => {
    window.__said = [];
    const status = document.querySelector('#own-dialog [role=status]');
    new MutationObserver(() => window.__said.push(status.textContent))
      .observe(status, { subtree: true, childList: true, characterData: true });
  });
}

/** Checks that the article list, searched for MARK, lists the documents `titles` once each; returns its items. */
async function expectListed(page, titles) {
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(MARK);
  const items = page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem');
  await expect(items).toHaveCount(titles.length);
  for (const t of titles) await expect(items.filter({ hasText: `${t} in ${MARK}` })).toHaveCount(1);
  return items;
}

test('an engine that stops during an analysis is started again: every document comes back from storage, none twice', async ({ page }) => {
  await load(page, BASE);
  await drop(page, [{ name: 'first.txt', text: text('First harbour note') }]);
  await settled(page, 'Added 1 document.');
  const first = engineWorker(page);
  // The next analysis is answered as a trap answers it, and the worker closes.
  await first.evaluate(() => {
    self.onmessage = ({ data }) => {
      if (!data.add) return;
      self.postMessage({ id: data.id, error: 'unreachable', fatal: true });
      self.close();
    };
  });
  await listen(page);
  await drop(page, [{ name: 'second.txt', text: text('Second harbour note') }]);
  await settled(page, 'Added 1 document.');
  const said = await page.evaluate(() => window.__said);
  expect(said, said.join(' | ')).toContain('The analysis engine stopped; starting it again and adding your documents back from this browser…');
  await expect(dialog(page).getByRole('alert')).toHaveText('The analysis engine stopped and was started again; your documents were added back from this browser’s storage.');
  await expect(dialog(page).getByRole('list', { name: /Kept in this browser: 2 documents/ }).getByRole('link'))
    .toHaveText([`First harbour note in ${MARK}`, `Second harbour note in ${MARK}`]);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  // The new document opens; the one the stopped worker held is in the views too, once.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Second harbour note in ${MARK}`);
  const items = await expectListed(page, ['First harbour note', 'Second harbour note']);
  await items.getByRole('link', { name: `First harbour note in ${MARK}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`First harbour note in ${MARK}`);
  await expect(page.locator('.reader mark[data-entity="person-vladimir-putin"]')).toHaveText('Putin');
  // The Mentions view lists both documents' Putin.
  await page.goto(`${BASE}?view=mentions&sel=person-vladimir-putin&own=mine`);
  const rows = page.locator('.kwic-row');
  await expect(rows).toHaveCount(2, { timeout: 20_000 });
  for (const title of ['First harbour note', 'Second harbour note']) await expect(rows.filter({ hasText: `${title} in ${MARK}` })).toHaveCount(1);
  // Kept as they were: a reload finds both, once each.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Your documents (2)' })).toBeVisible({ timeout: 20_000 });
});

test('an engine that stopped while idle: the next drop gives a new one every text again', async ({ page }) => {
  await load(page, BASE);
  await drop(page, [{ name: 'first.txt', text: text('First quay note') }]);
  await settled(page, 'Added 1 document.');
  // An error nothing in the worker catches: the page's Worker gets an error event.
  await engineWorker(page).evaluate(() => setTimeout(() => { throw new Error('a crash the test made'); }));
  await drop(page, [{ name: 'second.txt', text: text('Second quay note') }]);
  await settled(page, 'Added 1 document.');
  await expect(dialog(page).getByRole('alert').getByRole('listitem')).toHaveCount(0);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expectListed(page, ['First quay note', 'Second quay note']);
});

test('an engine that cannot load names each file of the drop, kept; Try again analyses them once it loads', async ({ page }) => {
  await load(page, BASE);
  const wasm = /dossier-engine_bg\.wasm$/;
  await page.route(wasm, (r) => r.fulfill({ status: 404, body: 'Not found' }));
  await drop(page, [{ name: 'one.txt', text: text('First pier note') }, { name: 'two.md', text: `# Second pier note in ${MARK}\n\nXi Jinping spoke.` }]);
  const messages = dialog(page).getByRole('alert').getByRole('listitem');
  await expect(messages).toHaveText([
    /^one\.txt: kept in this browser, but not analysed: the analysis engine could not load/,
    /^two\.md: kept in this browser, but not analysed: the analysis engine could not load/,
    /^Your documents could not be analysed: the analysis engine could not load.*They are still kept in this browser; try again, or reload the page\.$/,
  ], { timeout: 20_000 });
  await expect(dialog(page).getByRole('list', { name: /Kept in this browser: 2 documents/ })).toBeVisible();
  await page.unroute(wasm);
  await dialog(page).getByRole('button', { name: 'Try again' }).click();
  await expect(dialog(page).getByRole('status')).toBeFocused();
  await settled(page, 'Analysed 2 documents.');
  await expect(messages).toHaveCount(0);
  await expect(dialog(page).getByRole('button', { name: 'Try again' })).toBeHidden();
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expectListed(page, ['First pier note', 'Second pier note']);
});
