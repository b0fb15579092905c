// Shared helpers for the reader's own documents (web/own.js): drop files on the page as
// a browser does (a DataTransfer in a drop event), and open the dialog.
import { expect } from '@playwright/test';

/**
 * Drops `files` on the page: each { name, text } (UTF-8) or { name, bytes } (numbers),
 * with an optional `type`.
 */
export async function drop(page, files, target = 'body') {
  await page.evaluate(([files, target]) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = f.bytes ? new Uint8Array(f.bytes) : f.text;
      dt.items.add(new File([body], f.name, { type: f.type ?? '' }));
    }
    const at = document.querySelector(target);
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    at.dispatchEvent(over);
    if (!over.defaultPrevented) throw new Error('the page does not accept dropped files');
    at.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [files, target]);
}

/** The dialog where the reader's documents are added and removed. */
export const dialog = (page) => page.getByRole('dialog', { name: 'Your documents' });

/** Waits until the dialog's status says `text` (the work is done). */
export async function settled(page, text) {
  await expect(dialog(page).getByRole('status')).toHaveText(text, { timeout: 20_000 });
}

/** Loads the page and waits for the app. */
export async function load(page, url) {
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('listitem').first()).toBeVisible();
}
