/**
 * Issue 16: a sheet's texts cross from the reading worker to the page in pieces of 32,768 texts
 * (renderer/src/logic/text-column.ts), each a message of its own. Here, in the browser, a list
 * of 70,000 rows, three pieces a column, exported whole: every row's number and message arrives,
 * in order, with the bytes core writes for them.
 */
import { expect, test } from 'sendsheet/playwright';
import { readFile } from 'node:fs/promises';
import { PIECE_TEXTS } from '../renderer/src/logic/text-column';
import { exportList } from './export-list';

test.use({ sendsheetAppName: 'pieces' });

const ROWS = 2 * PIECE_TEXTS + 4_464;

// Each row's own words, so a text taken from the wrong row, or the wrong piece, shows.
const messages = Array.from({ length: ROWS }, (_, i) => ({
  msisdn: String(4520000000 + i),
  message: `Hej nummer ${i}, æøå ${'x'.repeat(i % 7)}`,
}));

test('a list of three pieces a column arrives whole and in order', async ({ page, sendsheet }) => {
  const { downloads, written } = await exportList(page, sendsheet, 'pieces', messages, 35_000);
  expect(downloads.map((d) => d.suggestedFilename())).toEqual(written.map((f) => f.savedName));
  for (const [index, download] of downloads.entries()) {
    const bytes = new Uint8Array(await readFile((await download.path())!));
    // Compared whole, not with toEqual: a diff of a megabyte would bury the failure.
    expect(Buffer.compare(bytes, written[index]!.bytes), download.suggestedFilename()).toBe(0);
  }
});
