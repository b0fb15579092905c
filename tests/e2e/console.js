// The specs' `test`: Playwright's, with a page that fails its test on any uncaught error
// or console error, so a view that looks right but logs a failure does not pass.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await use(page);
    expect(errors, 'no errors in the console').toEqual([]);
  },
});

export { expect };
