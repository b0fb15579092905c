#!/usr/bin/env node
// What a click on an entity changes in the page: the DOM mutations of 20 clicks on the
// entity panel's first 10 entities (each set, then lifted), tallied by kind and by the
// nearest element with a class, per click. Rows that leave and come back show as
// "child +1 -0" and "+0 -1" on their list; "attr-same" is an attribute set to the value it
// had. With `open`, the first article is open in the reader first.
//
// The same clicks are also counted as the DOM calls the page makes for them (Leptos's
// renderer, through the wasm glue), by wrapping the DOM's own methods. Insertions are
// told apart by what is inserted: elements, text, and the renderer's empty comments
// (markers it places around lists and absent parts, never laid out).
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
  const calls = (window.__calls = {});
  const count = (name) => { calls[name] = (calls[name] ?? 0) + 1; };
  const wrap = (proto, method, name = method) => {
    const f = proto[method];
    proto[method] = function (...args) { count(typeof name === 'function' ? name.apply(this, args) : name); return f.apply(this, args); };
  };
  const kind = (n) => ({ 1: 'element', 3: 'text', 8: 'comment' }[n.nodeType] ?? 'other');
  wrap(Node.prototype, 'insertBefore', (n) => `insertBefore ${kind(n)}${n.isConnected ? ' (moved)' : ''}`);
  wrap(Node.prototype, 'appendChild', (n) => `appendChild ${kind(n)}`);
  wrap(Node.prototype, 'cloneNode', function () { return `cloneNode ${kind(this)}`; });
  // `append` takes several nodes or strings: one count per call, named by the first.
  wrap(Element.prototype, 'append', (n) => `append ${typeof n === 'string' ? 'text' : kind(n)}`);
  const content = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  Object.defineProperty(Node.prototype, 'textContent', { ...content, set(v) { count('textContent ='); content.set.call(this, v); } });
  const className = Object.getOwnPropertyDescriptor(Element.prototype, 'className');
  Object.defineProperty(Element.prototype, 'className', { ...className, set(v) { count('className ='); className.set.call(this, v); } });
  wrap(Element.prototype, 'remove', 'remove element');
  wrap(CharacterData.prototype, 'remove', 'remove text or comment');
  wrap(Element.prototype, 'setAttribute');
  wrap(Element.prototype, 'removeAttribute');
  wrap(Document.prototype, 'createElement');
  wrap(Document.prototype, 'createTextNode');
  wrap(EventTarget.prototype, 'addEventListener');
  wrap(EventTarget.prototype, 'removeEventListener');
  wrap(DOMTokenList.prototype, 'add', 'classList.add');
  wrap(DOMTokenList.prototype, 'remove', 'classList.remove');
  const value = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue');
  Object.defineProperty(Node.prototype, 'nodeValue', { ...value, set(v) { count('nodeValue ='); value.set.call(this, v); } });
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
const calls = await page.evaluate(() => window.__calls);
console.log(`${dist}: DOM calls per click (${clicks} clicks)`);
for (const [k, v] of Object.entries(calls).sort((a, b) => b[1] - a[1])) {
  console.log(`${(v / clicks).toFixed(1).padStart(7)} ${k}`);
}
await close();
