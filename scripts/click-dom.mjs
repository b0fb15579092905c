#!/usr/bin/env node
// What a click on an entity asks of the DOM: the calls the page makes (Leptos's renderer
// through the wasm glue) over 20 clicks on the entity panel's first 10 entities (each
// set, then lifted), counted per click by wrapping the DOM's own methods. Insertions are
// told apart by what is inserted: elements, text, and the renderer's empty comments
// (markers it places around lists and absent parts, never laid out).
//
//   node scripts/click-dom.mjs <site>
//
// A benchmark: it prints counts and never fails.
import { openExplorer } from './browser.mjs';

const [dist] = process.argv.slice(2);
const { page, entities, clickEntity, close } = await openExplorer(dist, 8803);
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
});
const clicks = 20;
for (let i = 0; i < clicks; i++) {
  await clickEntity(ids[Math.floor(i / 2)]);
  await page.waitForTimeout(100);
}
const calls = await page.evaluate(() => window.__calls);
console.log(`${dist}: DOM calls per click (${clicks} clicks)`);
for (const [name, n] of Object.entries(calls).sort((a, b) => b[1] - a[1])) {
  console.log(`${(n / clicks).toFixed(1).padStart(7)} ${name}`);
}
await close();
