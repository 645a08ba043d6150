/**
 * Issue 16: an export of many files in a browser. Chromium kept only 10 of 11 large files handed
 * to it at once and said nothing (the bench found it at 1,048,575 rows), so the page hands them
 * over in turn, and each listed file can be downloaded again. Here: more than ten files, every
 * one downloaded with the bytes core writes for its messages, in order, and one downloaded again.
 */
import { expect, test } from 'sendsheet/playwright';
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { writeExport } from '../core/writer';

test.use({ sendsheetAppName: 'export-many' });

const FILES = 12;
const PER_FILE = 500;
const ROWS = FILES * PER_FILE;

const messages = Array.from({ length: ROWS }, (_, i) => ({
  msisdn: String(4520000000 + i),
  message: `Hej nummer ${i}, din pakke er klar`,
}));

function list(): Uint8Array {
  const lines = ['Telefon;Besked', ...messages.map((m) => `${m.msisdn};${m.message}`)];
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

const bytesOf = async (download: Download) =>
  new Uint8Array(await readFile((await download.path())!));

test('more than ten files are all downloaded, and a listed file can be downloaded again', async ({
  page,
  sendsheet,
}) => {
  await sendsheet.goto();
  await sendsheet.openFile({ name: 'many.csv', bytes: list(), mimeType: 'text/csv' });
  await sendsheet.expectTotals({ recipients: ROWS });
  await page.getByLabel('Messages per file').fill(String(PER_FILE));

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Export files' }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(FILES);

  const written = writeExport(messages, {
    baseName: 'many',
    format: 'excel',
    encoding: 'auto',
    rowsPerFile: PER_FILE,
  });
  expect(written.ok).toBe(true);
  if (!written.ok) return;
  expect(written.files).toHaveLength(FILES);
  expect(downloads.map((d) => d.suggestedFilename())).toEqual(
    written.files.map((f) => f.savedName),
  );
  for (const [index, download] of downloads.entries())
    expect(await bytesOf(download), download.suggestedFilename()).toEqual(
      written.files[index]!.bytes,
    );

  const result = page.getByTestId('export-result');
  await expect(result).toContainText(`Downloaded ${FILES} files:`);
  await expect(result).toContainText('If a file is missing from your downloads');
  const seventh = written.files[6]!;
  const again = page.waitForEvent('download');
  await result.getByRole('button', { name: `Download again: ${seventh.savedName}` }).click();
  const download = await again;
  expect(download.suggestedFilename()).toBe(seventh.savedName);
  expect(await bytesOf(download)).toEqual(seventh.bytes);
  // Only the one asked for.
  expect(downloads).toHaveLength(FILES + 1);
});
