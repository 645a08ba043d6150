/**
 * Issue 16: a sheet's texts cross from the reading worker to the page in pieces of 32,768 texts
 * (renderer/src/logic/text-column.ts), each a message of its own. Here, in the browser, a list
 * of 70,000 rows, three pieces a column, exported whole: every row's number and message arrives,
 * in order, with the bytes core writes for them.
 */
import { expect, test } from 'sendsheet/playwright';
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { writeExport } from '../core/writer';
import { PIECE_TEXTS } from '../renderer/src/logic/text-column';

test.use({ sendsheetAppName: 'pieces' });

const ROWS = 2 * PIECE_TEXTS + 4_464;
const PER_FILE = 35_000;

// Each row's own words, so a text taken from the wrong row, or the wrong piece, shows.
const messages = Array.from({ length: ROWS }, (_, i) => ({
  msisdn: String(4520000000 + i),
  message: `Hej nummer ${i}, æøå ${'x'.repeat(i % 7)}`,
}));

function list(): Uint8Array {
  const lines = ['Telefon;Besked', ...messages.map((m) => `${m.msisdn};${m.message}`)];
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

test('a list of three pieces a column arrives whole and in order', async ({ page, sendsheet }) => {
  await sendsheet.goto();
  await sendsheet.openFile({ name: 'pieces.csv', bytes: list(), mimeType: 'text/csv' });
  await sendsheet.expectTotals({ recipients: ROWS });
  await page.getByLabel('Messages per file').fill(String(PER_FILE));

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Export files' }).click();
  const written = writeExport(messages, {
    baseName: 'pieces',
    format: 'excel',
    encoding: 'auto',
    rowsPerFile: PER_FILE,
  });
  expect(written.ok).toBe(true);
  if (!written.ok) return;
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(written.files.length);
  for (const [index, download] of downloads.entries()) {
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(download.suggestedFilename()).toBe(written.files[index]!.savedName);
    // Compared whole, not with toEqual: a diff of a megabyte would bury the failure.
    expect(Buffer.compare(bytes, written.files[index]!.bytes), download.suggestedFilename()).toBe(
      0,
    );
  }
});
