/**
 * Issue 16: an export of many files in a browser. Chromium kept only 10 of 11 large files handed
 * to it at once and said nothing (the bench found it at 1,048,575 rows), so the page hands them
 * over in turn, and each listed file can be downloaded again. Here: more than ten files, every
 * one downloaded with the bytes core writes for its messages, in order, and one downloaded again.
 */
import { expect, test } from 'sendsheet/playwright';
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { exportList } from './export-list';

test.use({ sendsheetAppName: 'export-many' });

const FILES = 12;
const PER_FILE = 500;
const ROWS = FILES * PER_FILE;

const messages = Array.from({ length: ROWS }, (_, i) => ({
  msisdn: String(4520000000 + i),
  message: `Hej nummer ${i}, din pakke er klar`,
}));

const bytesOf = async (download: Download) =>
  new Uint8Array(await readFile((await download.path())!));

test('more than ten files are all downloaded, and a listed file can be downloaded again', async ({
  page,
  sendsheet,
}) => {
  const { downloads, written } = await exportList(page, sendsheet, 'many', messages, PER_FILE);
  expect(written).toHaveLength(FILES);
  expect(downloads.map((d) => d.suggestedFilename())).toEqual(written.map((f) => f.savedName));
  for (const [index, download] of downloads.entries())
    expect(await bytesOf(download), download.suggestedFilename()).toEqual(written[index]!.bytes);

  const result = page.getByTestId('export-result');
  await expect(result).toContainText(`Downloaded ${FILES} files:`);
  await expect(result).toContainText('If a file is missing from your downloads');
  const seventh = written[6]!;
  const again = page.waitForEvent('download');
  await result.getByRole('button', { name: `Download again: ${seventh.savedName}` }).click();
  const download = await again;
  expect(download.suggestedFilename()).toBe(seventh.savedName);
  expect(await bytesOf(download)).toEqual(seventh.bytes);
  // Only the one asked for.
  expect(downloads).toHaveLength(FILES + 1);
});
