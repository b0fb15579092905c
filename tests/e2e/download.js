// The specs' way to export: choose an item of the export menu and read the file the
// browser downloads.

/** Chooses `name` in the export menu and returns the file downloaded: its name and bytes as text. */
export async function exported(page, name) {
  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}
