#!/usr/bin/env node
// What a click on an entity changes in the page: the DOM mutations of 20 clicks on the
// entity panel's first 10 entities (each set, then lifted), tallied by kind and by the
// nearest element with a class, per click. Rows that leave and come back show as
// "child +1 -0" and "+0 -1" on their list; "attr-same" is an attribute set to the value it
// had. With `open`, the first article is open in the reader first.
//
//   node scripts/click-mutations.mjs <site> [open]
//
// A benchmark: it prints counts and never fails.
import { openExplorer } from './browser.mjs';

const [dist, open] = process.argv.slice(2);
const { page, entities, clickEntity, close } = await openExplorer(dist, 8801);
if (open === 'open') {
  await page.locator('ol.articles li.article a').first().click();
  await page.locator('article.reader mark').first().waitFor();
}
await page.waitForTimeout(300);
const ids = await entities(10);
await page.evaluate(() => {
  window.__mutations = [];
  new MutationObserver((rs) => window.__mutations.push(...rs)).observe(document.body,
    { childList: true, subtree: true, attributes: true, characterData: true, attributeOldValue: true });
});
const clicks = ids.length * 2;
for (const id of ids) {
  for (let k = 0; k < 2; k++) {
    await clickEntity(id);
    await page.waitForTimeout(50);
  }
}
const tally = await page.evaluate(() => {
  const where = (n) => {
    const c = (n.nodeType === 1 ? n : n.parentElement)?.closest('[class]');
    return c ? `${c.tagName.toLowerCase()}.${c.className.split(' ')[0]}` : '?';
  };
  const t = {};
  for (const r of window.__mutations) {
    const k = r.type === 'attributes'
      ? `${r.oldValue === r.target.getAttribute(r.attributeName) ? 'attr-same' : 'attr'} ${r.attributeName} @${where(r.target)}`
      : r.type === 'characterData' ? `text @${where(r.target)}`
        : `child +${r.addedNodes.length} -${r.removedNodes.length} @${where(r.target)}`;
    t[k] = (t[k] ?? 0) + 1;
  }
  return t;
});
console.log(`${dist}: DOM mutations per click (${clicks} clicks)`);
for (const [k, v] of Object.entries(tally).sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${(v / clicks).toFixed(1).padStart(7)} ${k}`);
}
await close();
