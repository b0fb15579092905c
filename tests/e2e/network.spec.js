// No network after load: every request is recorded; none may go to another origin, and
// none but the views module's, once, may happen while the reader moves around the app. The page's
// Content-Security-Policy holds (no violation reported) with the app fully working. A
// slow start says that the articles are loading; when the app cannot load, the reader
// gets a visible error with a Reload button. The reader's own documents never travel.
import { test, expect } from '@playwright/test';
import { BASE } from '../../playwright.config.js';
import { drop } from './own.js';

test.beforeEach(async ({ page }) => {
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

const list = (page) => page.getByRole('navigation', { name: 'Articles' });
const network = (urls) => urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));

test('only same-origin requests at load, none while reading, no CSP violation', async ({ page }) => {
  // Nor any error or warning in the console: the page's markup is clean too (a preload
  // whose integrity the browser ignores warns on every load).
  const errors = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && errors.push(`${m.type()}: ${m.text()}`));
  await page.goto(BASE);
  await expect(list(page).getByRole('listitem').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const origin = new URL(page.url()).origin;
  const loaded = network(page.requests);
  expect(loaded.filter((u) => new URL(u).origin !== origin), 'requests to other origins').toEqual([]);
  // The page, the stylesheet, boot.js, the app's JS and wasm: nothing else.
  expect(loaded.length).toBeLessThanOrEqual(5);
  const atLoad = page.requests.length;

  // Read: open an article, search, filter by an entity of the panel, switch views, hover
  // a mention, go back and forward.
  await list(page).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.locator('article mark[data-entity]').first().hover();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Putin');
  await expect(page).toHaveURL(/[?&]q=Putin/);
  await page.getByRole('complementary', { name: 'Entities' }).locator('button.entity-name').first().click();
  await expect(page).toHaveURL(/[?&]e=/);
  for (const tab of ['Mentions', 'Connections', 'Timeline', 'Articles']) {
    await page.getByRole('link', { name: tab, exact: true }).click();
    await expect(page).toHaveURL(tab === 'Articles' ? /^(?!.*view=)/ : new RegExp(`view=${tab.toLowerCase()}`));
  }
  for (let i = 0; i < 3; i++) await page.goBack();
  for (let i = 0; i < 2; i++) await page.goForward();
  await page.waitForTimeout(300);

  // Connections and Timeline are drawn by the views module, fetched once on demand: its
  // four files, each once, and nothing else.
  const views = ['views.js', 'dossier-views.js', 'views.css', 'dossier-views_bg.wasm'];
  const reading = network(page.requests.slice(atLoad)).map((u) => new URL(u).pathname.replace(/^.*\//, ''));
  expect(reading.toSorted(), 'requests while reading: the views module only, once').toEqual(views.toSorted());
  expect(await page.evaluate(() => window.__csp), 'CSP violations').toEqual([]);
  expect(errors).toEqual([]);
});

test('the reader’s own documents travel in no request: only the engine and its module are fetched', async ({ page }) => {
  const bodies = [];
  page.on('request', (r) => bodies.push(`${r.url()} ${r.postData() ?? ''} ${JSON.stringify(r.headers())}`));
  await page.goto(BASE);
  await expect(list(page).getByRole('listitem').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const atLoad = page.requests.length;
  const secret = 'Zanzibarquill';
  await drop(page, [{ name: 'secret.txt', text: `Notes from ${secret}\n\nPutin spoke in ${secret}.` }]);
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('Added 1 document.', { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Your documents (1)' })).toBeVisible({ timeout: 20_000 });
  const origin = new URL(page.url()).origin;
  expect(network(page.requests).filter((u) => new URL(u).origin !== origin), 'requests to other origins').toEqual([]);
  expect(bodies.filter((b) => b.includes(secret)), 'requests carrying the text').toEqual([]);
  const after = network(page.requests.slice(atLoad)).map((u) => new URL(u).pathname.replace(BASE, ''));
  const allowed = /^(|\?.*|own\.js|own-worker\.js|own\.css|engine\.js|engine-worker\.js|dossier-engine[^/]*|dossier-app[^/]*|main-[^/]*\.css|boot\.js)$/;
  expect(after.filter((p) => !allowed.test(p)), 'unexpected requests').toEqual([]);
  expect(await page.evaluate(() => window.__csp), 'CSP violations').toEqual([]);
});

test('the page carries a strict CSP and no inline script', async ({ page }) => {
  await page.goto(BASE);
  await expect(list(page).getByRole('listitem').first()).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(await page.locator('script:not([src])').count(), 'inline scripts').toBe(0);
  // An injected inline script is refused by the policy.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline === true;
  });
  expect(ran).toBe(false);
  expect(await page.evaluate(() => window.__csp)).toEqual(["script-src-elem inline"]);
});

test('a failed start shows a visible error with a Reload button', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const wasm = (url) => url.pathname.endsWith('.wasm'); // not boot.js?…&wasm=….wasm
  await page.route(wasm, (route) => route.abort());
  await page.goto(BASE);
  const box = page.locator('#fatal');
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('role', 'alert');
  await expect(box).toContainText('Dossier stopped because of an error.');
  await expect(box).toContainText('Dossier could not start');
  const reload = box.getByRole('button', { name: 'Reload' });
  await expect(reload).toBeFocused();
  // Styled by the page itself (not left to the stylesheet): fixed, in front, in view.
  const style = await box.evaluate((b) => ({ position: getComputedStyle(b).position, z: getComputedStyle(b).zIndex }));
  expect(style).toEqual({ position: 'fixed', z: '1000' });
  await expect(box).toBeInViewport();
  expect(errors.join('\n')).toContain('Dossier could not start');
  await expect(page.locator('#loading')).toHaveCount(0); // no "loading" that never ends

  await page.unroute(wasm);
  await reload.click();
  await expect(list(page).getByRole('listitem').first()).toBeVisible();
  await expect(box).toBeHidden();
});

test('a slow start says that the articles are loading, until the app starts', async ({ page }) => {
  const wasm = (url) => url.pathname.endsWith('.wasm');
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(wasm, async (route) => { await held; await route.continue(); });
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  const notice = page.locator('#loading');
  // Hidden for its first 0.4 s, so that a quick start never flashes it (read from its
  // animation, not timed: a busy machine may take longer than that to get here). The
  // animation exists once the stylesheet applies, which may come after the HTML…
  const reveal = () => notice.evaluate((n) => n.getAnimations().map((a) => ({
    delay: a.effect.getTiming().delay, from: a.effect.getKeyframes()[0]?.visibility,
  })));
  await expect.poll(reveal).toEqual([{ delay: 400, from: 'hidden' }]);
  // …then shown while the start lasts.
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice.getByRole('progressbar', { name: 'Loading the articles' })).toBeVisible();
  release();
  await expect(list(page).getByRole('listitem').first()).toBeVisible();
  await expect(notice).toHaveCount(0);
});
